"""Pull the plug: the real app in a real terminal (tmux), killed with SIGKILL, started again.

1. In the middle of a round — someone other than the first has the turn and a rule was
   captured — the process is killed; a plain `startpakke`, as the facilitator types it
   again, says the meeting is not finished and Enter continues it: the resume dialog, then
   the same part with the same speaker, the rule intact. (`run --resume` opening the
   meeting last running: tests/e2e/test_network_year.py.)
2. Killed again in the middle of typing a rule, after two rules were added with Enter:
   `startpakke run --session FILE` has every added rule.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest

from startpakke.session import paths
from startpakke.session.store import load_session
from tests.tmux import Tmux, data_env, require_tmux, start_meeting, startpakke, to_round_of_steg4

pytestmark = pytest.mark.slow

NAMES = "Anne,Bjørn,Cecilie"


def speaker_on(screen: str) -> str:
    found = re.search(r"Nå: (\w+)", screen)
    assert found, f"ingen «Nå:» på skjermen:\n{screen}"
    return found.group(1)


def flat(screen: str) -> str:
    """The screen's words on one line (a dialog wraps its text at any width)."""
    return " ".join(screen.replace("█", " ").replace("▌", " ").replace("▐", " ").split())


def run_screen_at(heading: str):  # type: ignore[no-untyped-def]
    """The run screen (not the resume dialog, which names the part too) at `heading`."""
    return lambda s: heading in s and "Nå: " in s and "Fortsett møtet" not in s


def kill_hard(term: Tmux) -> None:
    """SIGKILL to the app's own process: no handler, no last save, no cleanup."""
    os.kill(term.pane_pid(), signal.SIGKILL)
    deadline = time.monotonic() + 10
    while not term.dead():  # killed by a signal: the pane is dead, without an exit status
        assert time.monotonic() < deadline, "prosessen døde ikke"
        time.sleep(0.05)


def test_kill_9_mid_round_and_mid_typing_loses_nothing(tmp_path: Path) -> None:
    require_tmux()
    data = Path(os.environ["STARTPAKKE_DATA_DIR"])  # the tests' private data folder
    env = data_env(data)

    # -- a meeting in its default place, killed in the middle of a round --------------------
    term = Tmux(startpakke("run", "--names", NAMES), env=env)
    try:
        start_meeting(term, "Innsjekk: Velkommen og innsjekk")
        first = speaker_on(to_round_of_steg4(term))
        term.keys("t")
        screen = term.wait_for(lambda s: "Nå: " in s and speaker_on(s) != first)
        speaker = speaker_on(screen)
        term.keys("c")
        term.type("Vi starter presis")
        term.keys("Enter")
        term.wait_for(f"1. Vi starter presis – {speaker}")
        kill_hard(term)
    finally:
        term.close()

    session_file = paths.most_recent_session()
    assert session_file is not None and session_file.is_relative_to(data)
    saved = load_session(session_file)
    assert [r.text for r in saved.rules] == ["Vi starter presis"]

    # -- plain `startpakke`: it offers the meeting, Enter continues it ----------------------
    term = Tmux(startpakke(), env=env, flat=True)
    try:
        term.wait_for("Vil du fortsette det? (J/n)")
        asked = term.screen(joined=True)
        assert "Møtet er ikke avsluttet (sist lagret kl. " in asked, asked
        assert str(session_file) in asked.replace("\n", ""), "a long path wraps anywhere"
        term.keys("Enter")
        dialog = flat(term.wait_for(lambda s: "Fortsett møtet" in s and "(t)" in s and "(f)" in s))
        assert f"{speaker} har ordet" in dialog, dialog
        assert "Programmet var lukket i" in dialog
        assert "Tell med tiden (t)" in dialog and "Fortsett der klokken stoppet (f)" in dialog
        term.keys("t")  # a crash in the middle of the meeting: the time counts
        screen = term.wait_for(run_screen_at("Steg 4 av 7: Spilleregler i gruppen"))
        assert speaker_on(screen) == speaker
        assert f"1. Vi starter presis – {speaker}" in screen

        # -- killed while typing: two rules added with Enter, a third half typed ------------------
        term.keys("c")
        term.type("Mobilen ligger i veska")
        term.keys("Enter")
        term.type("Alle kommer forberedt")
        term.keys("Enter")
        term.wait_for("3. Alle kommer forberedt")
        term.type("Vi holder tid")
        term.wait_for("Vi holder tid")
        kill_hard(term)
    finally:
        term.close()

    # Every rule added with Enter was saved at that moment. The half-typed «Vi holder tid»
    # was only in the text field, never in the session: losing it is expected and honest.
    rules = ["Vi starter presis", "Mobilen ligger i veska", "Alle kommer forberedt"]
    assert [r.text for r in load_session(session_file).rules] == rules

    # -- `--session FILE` continues it too -------------------------------------------------------
    term = Tmux(startpakke("run", "--session", str(session_file)), env=env)
    try:
        term.wait_for(lambda s: "Fortsett møtet" in s and "(f)" in s)
        term.keys("f")
        screen = term.wait_for(run_screen_at("Steg 4 av 7: Spilleregler i gruppen"))
        assert speaker_on(screen) == speaker
        for number, text in enumerate(rules, 1):
            assert f"{number}. {text} – {speaker}" in screen
        assert "Vi holder tid" not in screen
        term.keys("C-q")
        assert term.exit_status() == 0
    finally:
        term.close()
    saved = load_session(session_file)
    assert [(r.text, r.proposed_by) for r in saved.rules] == [
        (text, saved.rules[0].proposed_by) for text in rules
    ]
    assert saved.name_of(saved.rules[0].proposed_by) == speaker
    assert not list(session_file.parent.glob(f".{session_file.name}.*.tmp")), "no leftovers"
