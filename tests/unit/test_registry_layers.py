"""The rooms import downwards only: paths at the bottom, agenda below session, no Textual
outside `startpakke.tui` (issue 12.8). Read from the source, so a lazy import counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "startpakke"


def imports_of(room: str) -> set[str]:
    """Every module named in an import anywhere in `startpakke/<room>` (file or package)."""
    target = PACKAGE / room
    files = sorted(target.rglob("*.py")) if target.is_dir() else [target.with_suffix(".py")]
    found: set[str] = set()
    for file in files:
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return found


def _within(modules: set[str], *packages: str) -> list[str]:
    return sorted(m for m in modules for p in packages if m == p or m.startswith(p + "."))


def test_paths_imports_nothing_of_startpakke() -> None:
    assert _within(imports_of("paths"), "startpakke") == []


@pytest.mark.parametrize("room", ["agenda", "engine"])
def test_agenda_and_engine_know_nothing_of_sessions_documents_or_screens(room: str) -> None:
    higher = ("startpakke.session", "startpakke.documents", "startpakke.tui", "startpakke.commands")
    # The run state is typed in the session model (issue 12.1), in a leaf module of plain
    # dataclasses that imports nothing else of the session: the engine writes and reads it.
    allowed = {"startpakke.session.runstate"} if room == "engine" else set()
    assert [m for m in _within(imports_of(room), *higher) if m not in allowed] == []


def test_the_run_state_module_is_a_leaf_of_the_session() -> None:
    assert _within(imports_of("session/runstate"), "startpakke.session") == []


@pytest.mark.parametrize("room", ["agenda", "engine", "session", "documents", "projector"])
def test_no_textual_below_the_tui(room: str) -> None:
    assert _within(imports_of(room), "textual") == []
