"""The commands that open no window, as whole processes, against a bare `python -c pass`."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from common import (
    EXAMPLE,
    PYTHON,
    SCRIPT,
    Figure,
    alternate,
    checked,
    child_env,
    cpu_note,
    median,
    run_child,
)

COMMANDS: list[tuple[str, list[str]]] = [
    ("--version", ["--version"]),
    ("validate agenda/startpakke.yaml", ["validate", "agenda/startpakke.yaml"]),
    ("agenda", ["agenda"]),
    ("schema", ["schema"]),
]
VERSION_TARGET = 3.0

_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def launchers() -> list[tuple[str, list[str]]]:
    """`python -m startpakke` and the console script pip installed."""
    found = [("-m", [PYTHON, "-m", "startpakke"])]
    if SCRIPT.exists():
        found.append(("skript", [str(SCRIPT)]))
    return found


def imported_modules(argv: list[str]) -> set[str]:
    """Every module the process imported, from `-X importtime` (PYTHONPROFILEIMPORTTIME)."""
    env = child_env()
    env["PYTHONPROFILEIMPORTTIME"] = "1"
    result = run_child(argv, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{result.stderr[-2000:]}")
    return {m.group(1) for line in result.stderr.splitlines() if (m := _IMPORT_LINE.match(line))}


def uses(modules: set[str], package: str) -> bool:
    return any(name == package or name.startswith(package + ".") for name in modules)


def textual_note(argv: list[str]) -> tuple[bool, str]:
    modules = imported_modules(argv)
    textual = uses(modules, "textual") or uses(modules, "startpakke.tui")
    return (not textual, f"textual importert: {'JA' if textual else 'nei'}")


def commands(runs: int) -> list[Figure]:
    figures: list[Figure] = []
    bare = checked([PYTHON, "-c", "pass"])
    for how, prefix in launchers():
        argvs = [prefix + args for _, args in COMMANDS]
        base, *measured = alternate(runs, bare, *[checked(argv) for argv in argvs])
        for (label, _), argv, ours in zip(COMMANDS, argvs, measured, strict=True):
            clean, note = textual_note(argv)
            figure = Figure(
                "cli",
                f"startpakke {label} ({how})",
                median(ours.seconds),
                "s",
                median(base.seconds),
                "python -c pass",
                n=runs,
                note=f"{note}; {cpu_note(ours, base)}",
            )
            if label == "--version":
                figure.target = f"≤ {VERSION_TARGET:g}× · ingen textual"
                figure.passed = clean and (figure.ratio or 0) <= VERSION_TARGET
            else:
                figure.target = "ingen textual"
                figure.passed = clean
            figures.append(figure)
    return figures


def export_imports() -> Figure:
    """`export` opens no window either: the contract from the example, textual not imported."""
    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as folder:
        argv = [PYTHON, "-m", "startpakke", "export", str(EXAMPLE), "-o"]
        clean, note = textual_note([*argv, str(Path(folder) / "k.docx")])
    return Figure(
        "cli",
        "startpakke export (-m), importsjekk",
        None,
        "",
        target="ingen textual",
        passed=clean,
        note=note,
    )


def pydantic_floor(runs: int) -> Figure:
    """For reading the figures: what importing the libraries the agenda needs costs."""
    code = "import yaml\nfrom pydantic import BaseModel\nclass One(BaseModel):\n    value: int"
    base, floor = alternate(runs, checked([PYTHON, "-c", "pass"]), checked([PYTHON, "-c", code]))
    return Figure(
        "cli",
        "gulv: python -c 'import yaml, pydantic' + én modell",
        median(floor.seconds),
        "s",
        median(base.seconds),
        "python -c pass",
        n=runs,
        note=f"informasjon; {cpu_note(floor, base)}",
    )
