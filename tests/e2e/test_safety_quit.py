"""How the last window ended is told truly on resume: a clean quit is not a crash.

Real processes in tmux: quit with ctrl+q, start again; kill -9, start again; finish the
meeting, quit, start again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.safety_term import Term, data_env, start_meeting, startpakke

pytestmark = pytest.mark.slow


def _start(session: Path, env: dict[str, str], *extra: str) -> Term:
    return Term(startpakke("run", "--session", str(session), *extra), env)


def test_clean_quit_then_resume_is_not_called_a_crash(tmp_path: Path) -> None:
    env = data_env(tmp_path / "data")
    session = tmp_path / "møte.json"
    term = _start(session, env, "--names", "Anne,Bjørn")
    try:
        start_meeting(term)
        term.keys("n")
        term.wait_for("Steg 1 av 7")
        term.keys("C-q")
        assert term.exit_status() == 0
    finally:
        term.close()

    term = _start(session, env)
    try:
        screen = " ".join(term.wait_for("Fortsett møtet").split())
        assert "stoppet midt i møtet" not in screen
        assert "ble avsluttet" in screen
        term.kill()  # now a real crash
        term.exit_status()
    finally:
        term.close()

    term = _start(session, env)
    try:
        assert "stoppet midt i møtet" in " ".join(term.wait_for("Fortsett møtet").split())
    finally:
        term.close()


def test_finished_meeting_opens_at_its_end(tmp_path: Path) -> None:
    env = data_env(tmp_path / "data")
    session = tmp_path / "møte.json"
    term = _start(session, env, "--names", "Anne,Bjørn")
    try:
        start_meeting(term)
        for _ in range(20):
            if "møtet er ferdig" in term.screen():
                break
            term.keys("n")
            term.wait_for(lambda s: True, timeout=1)
        term.wait_for("møtet er ferdig")
        term.keys("C-q")
        assert term.exit_status() == 0
    finally:
        term.close()

    term = _start(session, env)
    try:
        screen = term.wait_for("Møtet er ferdig")
        assert "Fortsett møtet" not in screen
        assert "fortsetter ved" not in screen
    finally:
        term.close()
