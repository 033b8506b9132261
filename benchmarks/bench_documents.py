"""Documents from a session as whole processes, and the cost of saving after each change."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import EXAMPLE, PYTHON, ChildResult, Figure, alternate, checked, cpu_note, median

FORMATS = {"kontrakt": ".docx", "referat": ".docx", "ics": ".ics", "runsheet": ".docx"}
CONTRACT_TARGET = 0.5


def _export(session: Path, fmt: str, folder: Path) -> Callable[[], ChildResult]:
    out = folder / f"ut-{session.stem}-{fmt}{FORMATS[fmt]}"
    return checked(
        [PYTHON, "-m", "startpakke", "export", str(session), "--format", fmt, "-o", str(out)]
    )


def exports(runs: int, large: Path) -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as name:
        folder = Path(name)
        for fmt in FORMATS:
            bare, small, big = alternate(
                runs,
                checked([PYTHON, "-c", "pass"]),
                _export(EXAMPLE, fmt, folder),
                _export(large, fmt, folder),
            )
            figure = Figure(
                "dok",
                f"export --format {fmt}, eksempel-okt.json",
                median(small.seconds),
                "s",
                median(bare.seconds),
                "python -c pass",
                n=runs,
                note=cpu_note(small),
            )
            if fmt == "kontrakt":
                figure.target = f"< {CONTRACT_TARGET:g} s"
                figure.passed = figure.value is not None and figure.value < CONTRACT_TARGET
            figures.append(figure)
            figures.append(
                Figure(
                    "dok",
                    f"export --format {fmt}, stor økt",
                    median(big.seconds),
                    "s",
                    median(small.seconds),
                    "eksempel-okt.json",
                    n=runs,
                    note=f"vekst; {cpu_note(big, small)}",
                )
            )
    return figures


def autosave(changes: int, large: Path) -> list[Figure]:
    """Edit, then save as the app does after every change (`SessionStore.save`)."""
    from startpakke.session import edit
    from startpakke.session.store import SessionStore, load_session

    def costs(source: Path) -> list[float]:
        with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as name:
            store = SessionStore.create(Path(name) / "okt.json", load_session(source))
            session = store.session
            times: list[float] = []
            for index in range(changes):
                rule = session.rules[index % len(session.rules)]
                edit.toggle_rule_agreed(session, rule.id)
                started = time.perf_counter()
                store.save()
                times.append(time.perf_counter() - started)
            return times

    small = [t * 1000 for t in costs(EXAMPLE)]
    big = [t * 1000 for t in costs(large)]
    size_small = EXAMPLE.stat().st_size
    size_big = large.stat().st_size
    med = Figure(
        "lagring",
        "autolagring per endring, stor økt, median",
        median(big),
        "ms",
        median(small),
        "eksempel-okt.json",
        target="< 16 ms",
        n=changes,
        note=f"{size_big // 1024} KB mot {size_small // 1024} KB",
    )
    med.passed = med.value is not None and med.value < 16
    worst = Figure(
        "lagring",
        "autolagring per endring, stor økt, verste",
        max(big),
        "ms",
        max(small),
        "eksempel-okt.json",
        target="< 50 ms",
        n=changes,
    )
    worst.passed = worst.value is not None and worst.value < 50
    return [med, worst]
