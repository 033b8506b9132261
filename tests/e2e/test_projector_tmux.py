"""Two real processes on one session file: the facilitator's app and the projector.

Each runs in its own tmux session on a private tmux server (its own socket), is driven
with `send-keys` and read with `capture-pane`. The projector must show what the
facilitator does within two seconds; the measured delays are written to
`tests/artifacts/projector-latency.txt`.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from startpakke.session.edit import add_rule
from startpakke.session.store import SessionStore
from tests.functional.test_projector_app import ARTIFACTS, make_session_file
from tests.projector_helpers import STARTPAKKE, TmuxSessions

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

FOLLOW_LIMIT = 2.0
"""Seconds the projector may take to show the facilitator's change (issue 7)."""


@pytest.fixture
def tmux(_private_data_dir: Path) -> Iterator[TmuxSessions]:
    server = TmuxSessions({"STARTPAKKE_DATA_DIR": str(_private_data_dir), "LANG": "C.UTF-8"})
    try:
        yield server
    finally:
        server.close()


def _record(what: str, seconds: float) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "projector-latency.txt", "a", encoding="utf-8") as log:
        log.write(f"{what}: {seconds * 1000:.0f} ms\n")


def _start_meeting(tmux: TmuxSessions, session: Path) -> None:
    tmux.start(
        "fasilitator",
        [str(STARTPAKKE), "run", "--session", str(session), "--names", "Anne,Bjørn,Cecilie"],
        (120, 40),
    )
    tmux.wait_for("Start møtet", session="fasilitator")
    tmux.keys("Enter", session="fasilitator")
    tmux.wait_for("Velkommen og innsjekk", session="fasilitator")
    tmux.start("projektor", [str(STARTPAKKE), "projector", "--session", str(session)], (100, 30))
    tmux.wait_for("Velkommen og innsjekk", session="projektor")


def test_the_projector_follows_the_facilitators_keys(tmux: TmuxSessions, tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    _start_meeting(tmux, session)
    assert "Ordet har: Anne" in tmux.screen("projektor")

    # n: the next part, on the projector within two seconds.
    tmux.keys("n", session="fasilitator")
    seconds = tmux.wait_for("Valg av fasilitator", timeout=FOLLOW_LIMIT, session="projektor")
    _record("n → «Valg av fasilitator» på projektoren", seconds)

    # Back to innsjekk and the next speaker.
    tmux.keys("p", session="fasilitator")
    tmux.wait_for("Velkommen og innsjekk", timeout=FOLLOW_LIMIT, session="projektor")
    tmux.wait_for("Neste: ", timeout=FOLLOW_LIMIT, session="projektor")
    following = re.search(r"Neste: (\w+)", tmux.screen("projektor"))
    assert following is not None
    tmux.keys("t", session="fasilitator")
    seconds = tmux.wait_for(f"Ordet har: {following[1]}", timeout=FOLLOW_LIMIT, session="projektor")
    _record(f"t → «Ordet har: {following[1]}» på projektoren", seconds)

    # Pause shows on the projector too.
    tmux.keys("Space", session="fasilitator")
    tmux.wait_for("PAUSE", timeout=FOLLOW_LIMIT, session="projektor")

    # q quits the projector; the facilitator's app runs on.
    tmux.keys("q", session="projektor")
    deadline = time.monotonic() + 10
    while tmux.alive("projektor") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux.alive("projektor")  # the program ended, and its tmux session with it
    assert tmux.alive("fasilitator")
    assert "Velkommen og innsjekk" in tmux.screen("fasilitator")


def test_a_rule_captured_by_the_facilitator_appears_on_the_projector(
    tmux: TmuxSessions, tmp_path: Path
) -> None:
    session = tmp_path / "okt.json"
    _start_meeting(tmux, session)
    for _ in range(4):  # innsjekk → steg 1 → 2 → 3 → 4
        tmux.keys("n", session="fasilitator")
    tmux.wait_for("Spilleregler i gruppen", timeout=FOLLOW_LIMIT * 2, session="projektor")
    tmux.wait_for("Spilleregler i gruppen", session="fasilitator")

    # c opens the field, the rule is typed, Enter adds it.
    tmux.keys("c", session="fasilitator")
    tmux.wait_for("Ny spilleregel", session="fasilitator")
    tmux.keys("Vi møter presis, også på Teams", literal=True, session="fasilitator")
    tmux.keys("Enter", session="fasilitator")
    seconds = tmux.wait_for("Vi møter presis", timeout=FOLLOW_LIMIT, session="projektor")
    _record("regel skrevet inn → på projektoren", seconds)
    assert "1 forslag, 0 vedtatt" in tmux.screen("projektor")


def test_a_rule_saved_through_the_store_appears_on_the_projector(
    tmux: TmuxSessions, tmp_path: Path
) -> None:
    """The same with the store as the writer: another program's atomic save."""
    session = tmp_path / "okt.json"
    make_session_file(session, 4, rules=())
    tmux.start("projektor", [str(STARTPAKKE), "projector", "--session", str(session)], (100, 30))
    tmux.wait_for("ingen forslag ennå", session="projektor")

    store = SessionStore.open(session)
    store.apply(add_rule, "Mobilen ligger i sekken")
    seconds = tmux.wait_for("Mobilen ligger i sekken", timeout=FOLLOW_LIMIT, session="projektor")
    _record("regel lagret via SessionStore → på projektoren", seconds)
