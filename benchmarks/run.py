"""startpakke's benchmarks: one table, every figure against a baseline from the same run.

    python benchmarks/run.py            # the full run recorded in benchmarks/README.md
    python benchmarks/run.py --quick    # fewer runs, 10 s of countdown (for development)
    python benchmarks/run.py --only cli,timer

Sections (`--only`): cli (no-window commands vs `python -c pass`), start (first frame and
peak memory vs the smallest Textual app), docs (export, as whole processes), save (autosave
per change), keys (key press to repaint), idle (the CPU of a meeting nobody touches), engine
(drift over three simulated hours), countdown (the app's clock against the wall clock).
Exit code 0 even when a target is missed: this is a report.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import EXAMPLE, LAUNCHER, PYTHON, Figure, fmt_value

SECTIONS = ("cli", "start", "docs", "network", "save", "keys", "idle", "engine", "countdown")


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"Python {platform.python_version()} ({PYTHON}) · {os.cpu_count()} kjerner · "
        f"CPU: {cpu} · {platform.system()} {platform.release()}"
    )


def collect(args: argparse.Namespace) -> list[Figure]:
    import bench_app
    import bench_cli
    import bench_documents
    import bench_idle
    import bench_network
    import bench_timer
    import large_session

    runs = args.runs or (5 if args.quick else 11)
    figures: list[Figure] = []

    def step(label: str, produce) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        print(f"… {label}", file=sys.stderr, flush=True)
        figures.extend(produce())
        print(f"  ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as name:
        large = None
        if {"docs", "save"} & set(args.only):
            large = large_session.write(EXAMPLE, Path(name))
        # Child processes first: they are started from a small launcher process anyway,
        # but the machine is quietest before the in-process app runs.
        if "cli" in args.only:
            step("kommandoer uten vindu", lambda: bench_cli.commands(runs))
            step("export: importsjekk", lambda: [bench_cli.export_imports()])
            step("gulvet: yaml + pydantic", lambda: [bench_cli.pydantic_floor(runs)])
        if "start" in args.only:
            step("første bilde og minne", lambda: bench_app.first_frame(runs))
        if "docs" in args.only:
            step("export", lambda: bench_documents.exports(runs, large))
        if "network" in args.only:
            step("nettverkets år", lambda: bench_network.year(runs))
        if "save" in args.only:
            step("autolagring", lambda: bench_documents.autosave(100, large))
        if "keys" in args.only:
            presses = 50 if args.quick else 200
            step("tastetrykk", lambda: bench_app.keypress(presses))
        if "idle" in args.only:
            seconds = 5.0 if args.quick else 20.0
            step(f"tomgang, {seconds:.0f} s", lambda: bench_idle.idle(seconds))
        if "engine" in args.only:
            # --quick: whole-second steps (still exact in binary); the full run: 0.25 s.
            step_s = 1.0 if args.quick else 0.25
            step("motor over 3 t", lambda: bench_timer.drift(step_s))
        if "countdown" in args.only:
            seconds = 10.0 if args.quick else 60.0
            step(f"nedtelling, {seconds:.0f} s", lambda: bench_app.countdown(seconds))
    LAUNCHER.close()
    return figures


def table(figures: list[Figure]) -> str:
    head = ("", "måling", "verdi", "grunnlinje", "forhold", "mål", "n", "merknad")
    rows = []
    for figure in figures:
        mark = {True: "✓", False: "✗", None: " "}[figure.passed]
        base = ""
        if figure.baseline is not None:
            base = f"{fmt_value(figure.baseline, figure.unit)} ({figure.baseline_name})"
        ratio = f"{figure.ratio:.2f}×" if figure.ratio is not None else ""
        rows.append(
            (
                mark,
                figure.name,
                fmt_value(figure.value, figure.unit),
                base,
                ratio,
                figure.target,
                str(figure.n or ""),
                figure.note,
            )
        )
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]

    def line(row: tuple[str, ...]) -> str:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        return "| " + " | ".join(cells) + " |"

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(head), rule, *(line(row) for row in rows)])


def summary(figures: list[Figure]) -> str:
    missed = [f for f in figures if f.passed is False]
    if not missed:
        return "Alle mål nådd"
    parts = []
    for figure in missed:
        shown = (
            f"{figure.ratio:.2f}×"
            if figure.ratio is not None and "×" in figure.target
            else (fmt_value(figure.value, figure.unit))
        )
        parts.append(f"{figure.name} ({shown}, mål {figure.target})")
    return "Mål ikke nådd: " + "; ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="færre runder, 10 s nedtelling")
    parser.add_argument(
        "--runs", type=int, default=0, help="runder per prosessmåling (11; --quick: 5)"
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"kommaseparert utvalg av {', '.join(SECTIONS)}",
    )
    args = parser.parse_args(argv)
    args.only = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(args.only) - set(SECTIONS)
    if unknown:
        parser.error(f"ukjent del: {', '.join(sorted(unknown))}")

    started = time.perf_counter()
    load_before = os.getloadavg()[0]
    figures = collect(args)
    print(machine())
    print(f"Belastning (1 min load average) før/etter: {load_before:.2f}/{os.getloadavg()[0]:.2f}")
    quick = " (--quick)" if args.quick else ""
    print(f"Tid brukt: {time.perf_counter() - started:.0f} s{quick}")
    print()
    print(table(figures))
    print()
    print(summary(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
