"""The app as a real process in a real terminal (tmux)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from startpakke.session.store import load_session
from tests.tmux import BIN, Tmux, data_env, start_meeting, startpakke

pytestmark = pytest.mark.slow


def test_run_with_three_names_shows_innsjekk_counts_down_moves_on_and_quits(
    tmp_path: Path,
) -> None:
    session_file = tmp_path / "mote.json"
    term = Tmux(
        startpakke("run", "--names", "Anne,Bjørn,Cecilie", "--session", str(session_file)),
        # Exported by some shells: the app draws at its terminal's size all the same.
        env={**data_env(tmp_path / "data"), "COLUMNS": "80", "LINES": "24"},
    )
    try:
        screen = start_meeting(term, "Innsjekk: Velkommen og innsjekk")
        assert "Nå: Anne" in screen
        assert max(len(line.rstrip()) for line in screen.splitlines()) > 100  # the 120×40 pane
        assert len(screen.rstrip("\n").splitlines()) > 30
        # The countdown runs: the status line's seconds change within a few seconds.
        first = term.wait_for(lambda s: "Delen:" in s)
        face = re.search(r"Delen: (\d\d:\d\d)", first).group(1)  # type: ignore[union-attr]
        term.wait_for(lambda s: f"Delen: {face}" not in s and "Delen:" in s, timeout=5)
        term.keys("n")
        term.wait_for("Steg 1 av 7: Valg av fasilitator")
        term.keys("C-q")
        assert term.exit_status() == 0
    finally:
        term.close()
    saved = load_session(session_file)
    assert [p.name for p in saved.participants] == ["Anne", "Bjørn", "Cecilie"]
    assert saved.run is not None
    assert saved.run.position.part == 1
    assert session_file.stat().st_mode & 0o777 == 0o600


def test_small_terminal_keeps_the_essentials(tmp_path: Path) -> None:
    term = Tmux(
        startpakke("run", "--names", "Anne,Bjørn,Cecilie", "--session", str(tmp_path / "m.json")),
        width=80,
        height=24,
        env=data_env(tmp_path / "data"),
    )
    try:
        term.wait_for("Start møtet")
        term.keys("Enter")
        screen = term.wait_for(lambda s: "Innsjekk: Velkommen" in s and "Neste del" in s)
        for essential in ("Nå: Anne", "Neste: Bjørn", "Delen:", "Neste del"):
            assert essential in screen
        term.keys("C-q")
        assert term.exit_status() == 0
    finally:
        term.close()


def test_a_bad_agenda_gives_a_message_and_exit_1_before_any_window(tmp_path: Path) -> None:
    bad = tmp_path / "feil.yaml"
    bad.write_text("id: x\ntitle: X\nparts:\n  - id: a\n    title: A\n    minutes: ti\n")
    result = subprocess.run(
        [str(BIN / "startpakke"), "run", "--agenda", str(bad), "--names", "A"],
        capture_output=True,
        text=True,
        env={**os.environ, **data_env(tmp_path / "data")},
        timeout=30,
    )
    assert result.returncode == 1
    assert f"{bad}:6:14:" in result.stderr
    assert "fikk «ti»" in result.stderr
    assert "Traceback" not in result.stderr
