"""Two real processes on one session file: the facilitator's app and the projector.

Each runs in its own tmux session on a private tmux server (its own socket), is driven
with `send-keys` and read with `capture-pane`. The projector must show what the
facilitator does within two seconds; the measured delays are written to
`tests/artifacts/projector-latency.txt`.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from startpakke.session.edit import add_rule
from startpakke.session.store import SessionStore
from tests.functional.test_projector_app import ARTIFACTS, make_session_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

STARTPAKKE = Path(sys.executable).with_name("startpakke")
FOLLOW_LIMIT = 2.0
"""Seconds the projector may take to show the facilitator's change (issue 7)."""


class Tmux:
    """A private tmux server: sessions started here are ended here, nothing else."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env
        self.sessions: list[str] = []

    def _run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            timeout=20,
            env=self.env,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def start(self, name: str, command: list[str], size: tuple[int, int]) -> None:
        env = [f"-e{key}={self.env[key]}" for key in ("STARTPAKKE_DATA_DIR", "LANG")]
        line = " ".join(_quote(part) for part in command)
        self._run(
            "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), *env, line
        )
        self.sessions.append(name)

    def keys(self, name: str, *keys: str, literal: bool = False) -> None:
        self._run("send-keys", "-t", name, *(["-l"] if literal else []), *keys)

    def alive(self, name: str) -> bool:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "has-session", "-t", name],
            capture_output=True,
            timeout=10,
            env=self.env,
        )
        return result.returncode == 0

    def screen(self, name: str) -> str:
        return self._run("capture-pane", "-p", "-t", name)

    def wait_for(self, name: str, text: str, timeout: float = 20.0) -> float:
        """Seconds until `text` is on `name`'s screen; fails with the screen after `timeout`."""
        start = time.monotonic()
        screen = ""
        while time.monotonic() - start < timeout:
            screen = self.screen(name)
            if text in screen:
                return time.monotonic() - start
            time.sleep(0.05)
        raise AssertionError(f"«{text}» not on {name} after {timeout} s:\n{screen}")

    def close(self) -> None:
        for name in self.sessions:
            subprocess.run(
                ["tmux", "-L", self.socket, "kill-session", "-t", name],
                capture_output=True,
                timeout=10,
            )
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=10)


def _quote(part: str) -> str:
    return "'" + part.replace("'", "'\\''") + "'"


@pytest.fixture
def tmux(tmp_path: Path, _private_data_dir: Path) -> Iterator[Tmux]:
    env = dict(os.environ)
    env.update(STARTPAKKE_DATA_DIR=str(_private_data_dir), LANG="C.UTF-8")
    env.pop("TMUX", None)
    server = Tmux(f"startpakke-test-{os.getpid()}-{tmp_path.name}", env)
    try:
        yield server
    finally:
        server.close()


def _record(what: str, seconds: float) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with open(ARTIFACTS / "projector-latency.txt", "a", encoding="utf-8") as log:
        log.write(f"{what}: {seconds * 1000:.0f} ms\n")


def _start_meeting(tmux: Tmux, session: Path) -> None:
    tmux.start(
        "fasilitator",
        [str(STARTPAKKE), "run", "--session", str(session), "--names", "Anne,Bjørn,Cecilie"],
        (120, 40),
    )
    tmux.wait_for("fasilitator", "Start møtet")
    tmux.keys("fasilitator", "Enter")
    tmux.wait_for("fasilitator", "Velkommen og innsjekk")
    tmux.start("projektor", [str(STARTPAKKE), "projector", "--session", str(session)], (100, 30))
    tmux.wait_for("projektor", "Velkommen og innsjekk")


def test_the_projector_follows_the_facilitators_keys(tmux: Tmux, tmp_path: Path) -> None:
    session = tmp_path / "okt.json"
    _start_meeting(tmux, session)
    assert "Ordet har: Anne" in tmux.screen("projektor")

    # n: the next part, on the projector within two seconds.
    tmux.keys("fasilitator", "n")
    seconds = tmux.wait_for("projektor", "Valg av fasilitator", timeout=FOLLOW_LIMIT)
    _record("n → «Valg av fasilitator» på projektoren", seconds)

    # Back to innsjekk and the next speaker.
    tmux.keys("fasilitator", "p")
    tmux.wait_for("projektor", "Velkommen og innsjekk", timeout=FOLLOW_LIMIT)
    tmux.wait_for("projektor", "Neste: ", timeout=FOLLOW_LIMIT)
    following = re.search(r"Neste: (\w+)", tmux.screen("projektor"))
    assert following is not None
    tmux.keys("fasilitator", "t")
    seconds = tmux.wait_for("projektor", f"Ordet har: {following[1]}", timeout=FOLLOW_LIMIT)
    _record(f"t → «Ordet har: {following[1]}» på projektoren", seconds)

    # Pause shows on the projector too.
    tmux.keys("fasilitator", "Space")
    tmux.wait_for("projektor", "PAUSE", timeout=FOLLOW_LIMIT)

    # q quits the projector; the facilitator's app runs on.
    tmux.keys("projektor", "q")
    deadline = time.monotonic() + 10
    while tmux.alive("projektor") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux.alive("projektor")  # the program ended, and its tmux session with it
    assert tmux.alive("fasilitator")
    assert "Velkommen og innsjekk" in tmux.screen("fasilitator")


def test_a_rule_captured_by_the_facilitator_appears_on_the_projector(
    tmux: Tmux, tmp_path: Path
) -> None:
    session = tmp_path / "okt.json"
    _start_meeting(tmux, session)
    for _ in range(4):  # innsjekk → steg 1 → 2 → 3 → 4
        tmux.keys("fasilitator", "n")
    tmux.wait_for("projektor", "Spilleregler i gruppen", timeout=FOLLOW_LIMIT * 2)
    tmux.wait_for("fasilitator", "Spilleregler i gruppen")

    # c opens the field, the rule is typed, Enter adds it.
    tmux.keys("fasilitator", "c")
    tmux.wait_for("fasilitator", "Ny spilleregel")
    tmux.keys("fasilitator", "Vi møter presis, også på Teams", literal=True)
    tmux.keys("fasilitator", "Enter")
    seconds = tmux.wait_for("projektor", "Vi møter presis", timeout=FOLLOW_LIMIT)
    _record("regel skrevet inn → på projektoren", seconds)
    assert "1 forslag, 0 vedtatt" in tmux.screen("projektor")


def test_a_rule_saved_through_the_store_appears_on_the_projector(
    tmux: Tmux, tmp_path: Path
) -> None:
    """The same with the store as the writer: another program's atomic save."""
    session = tmp_path / "okt.json"
    make_session_file(session, 4, rules=())
    tmux.start("projektor", [str(STARTPAKKE), "projector", "--session", str(session)], (100, 30))
    tmux.wait_for("projektor", "ingen forslag ennå")

    store = SessionStore.open(session)
    store.apply(add_rule, "Mobilen ligger i sekken")
    seconds = tmux.wait_for("projektor", "Mobilen ligger i sekken", timeout=FOLLOW_LIMIT)
    _record("regel lagret via SessionStore → på projektoren", seconds)
