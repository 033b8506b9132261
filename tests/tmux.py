"""Driving a real terminal program in tmux: start, type, read the screen, with deadlines.

Every `Tmux` runs on its own private tmux server (`tmux -L NAME`, a socket of its own,
named after the xdist worker and a random suffix) and ends that server when it closes:
a test never sees, or is seen by, the user's own tmux or another test's. This is the one
wrapper the tests use for a single program (the projector tests, which run two programs
side by side, have `tests/projector_helpers.TmuxSessions` on the same principle).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent


def require_tmux() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux er ikke installert")


class Tmux:
    """One tmux session running one command; the shell prints its exit code after it.

    `linger`: the shell stays 30 s after the program, so the terminal keeps the modes the
    program left it in (alternate screen, cursor) for the test to read with `flag`.
    `flat`: `wait_for` looks at the screen with its whitespace folded to single spaces, so a
    text may wrap anywhere. `wait`: how long `wait_for` waits unless told.
    """

    def __init__(
        self,
        command: str,
        *,
        width: int = 120,
        height: int = 40,
        env: dict[str, str] | None = None,
        cwd: Path | None = None,
        linger: bool = False,
        flat: bool = False,
        wait: float = 15.0,
    ) -> None:
        require_tmux()
        self.name = f"sp-{uuid.uuid4().hex[:8]}"
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.socket = f"startpakke-test-{worker}-{self.name}"
        self.argv = ["tmux", "-L", self.socket]  # how every command reaches this server
        self.flat = flat
        self.wait = wait
        """How long `wait_for` waits unless told."""
        environment = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in (env or {}).items())
        # The exit code is printed by the shell: tmux's own pane_dead_status is sometimes empty.
        full = f"env {environment} TERM=xterm-256color {command}; echo __EXIT__=$?"
        if linger:
            full += "; sleep 30"
        where = ["-c", str(cwd)] if cwd is not None else []
        # One client call: the option is set before the server can see the program end.
        # No config file: the user's ~/.tmux.conf does not change what a test sees.
        subprocess.run(
            [
                *self.argv,
                "-f",
                "/dev/null",
                "new-session",
                "-d",
                "-s",
                self.name,
                *where,
                "-x",
                str(width),
                "-y",
                str(height),
                full,
                ";",
                "set-option",
                "-t",
                self.name,
                "remain-on-exit",
                "on",
            ],
            check=True,
            env=pane_environment(),
        )

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.argv, *args], capture_output=True, text=True, check=check, timeout=20
        )

    def keys(self, *keys: str) -> None:
        self._run("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._run("send-keys", "-t", self.name, "-l", text)

    def screen(self, *, joined: bool = False) -> str:
        """The visible screen; `joined`: wrapped lines joined into one (tmux's -J)."""
        return self._run(
            "capture-pane", "-p", *(["-J"] if joined else []), "-t", self.name, check=False
        ).stdout

    def scrollback(self, lines: int = 200) -> str:
        """The screen and `lines` of history above it, wrapped lines joined."""
        return self._run(
            "capture-pane", "-p", "-J", "-S", f"-{lines}", "-t", self.name, check=False
        ).stdout

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float | None = None) -> str:
        timeout = self.wait if timeout is None else timeout
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(" ".join(screen.split()) if self.flat else screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"ventet forgjeves i {timeout} s; {self.sizes()}; skjermen:\n{screen}")

    def sizes(self) -> str:
        """tmux's window and pane size, and the size the program last drew at: in CI an app
        now and then drew itself at 80×24 in a 120×40 pane, and this says whose size it was."""
        tmux = self.flag("window_width") + "×" + self.flag("window_height")
        pane = self.flag("pane_width") + "×" + self.flag("pane_height")
        drawn = max((len(line) for line in self.screen().splitlines()), default=0)
        try:  # COLUMNS/LINES in the program's environment would override the terminal's size
            environ = Path(f"/proc/{self.pane_pid()}/environ").read_bytes().split(b"\0")
            told = [v.decode() for v in environ if v.startswith((b"COLUMNS=", b"LINES="))]
        except (OSError, ValueError, IndexError):
            told = ["(programmet er borte)"]
        return (
            f"tmux-vindu {tmux}, rute {pane}, bredeste linje {drawn} tegn, "
            f"miljø: {' '.join(told) or 'uten COLUMNS/LINES'}"
        )

    def flag(self, name: str) -> str:
        """A pane format value, e.g. `alternate_on` or `cursor_flag`."""
        return self._run("display-message", "-p", "-t", self.name, f"#{{{name}}}").stdout.strip()

    def pane_pid(self) -> int:
        """The pid of the program itself (not the shell tmux started it with)."""
        pid = int(self._run("list-panes", "-t", self.name, "-F", "#{pane_pid}").stdout.split()[0])
        # The pane runs `sh -c "env … program; echo __EXIT__=$?"`: follow the children down.
        while True:
            found = _children(pid)
            if not found:
                return pid
            pid = found[0]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        os.kill(self.pane_pid(), sig)

    def dead(self) -> bool:
        out = self._run(
            "list-panes", "-t", self.name, "-F", "#{pane_dead} #{pane_dead_status}", check=False
        ).stdout.split()
        return bool(out) and out[0] == "1"

    def exit_status(self, timeout: float = 15.0) -> int:
        screen = self.wait_for("__EXIT__=", timeout=timeout)
        found = re.search(r"__EXIT__=(\d+)", screen)
        assert found is not None
        return int(found.group(1))

    def close(self) -> None:
        subprocess.run([*self.argv, "kill-server"], capture_output=True)


NOT_FOR_THE_PANE = ("TMUX", "COLUMNS", "LINES")
"""Left out of the environment a test's tmux server (and so its programs) starts with.

`TMUX`: a server started from inside tmux is not nested. `COLUMNS` and `LINES`: pytest
imports readline at start (`_pytest/capture.py`), GNU readline then sets them (80 and 24
without a terminal) in the controller's environment, and the xdist workers inherit them.
A program given them draws at that size whatever its pane's, and does not follow a resize
(Python's `shutil.get_terminal_size` reads them first). So under xdist every app in these
panes drew at 80×24 in its 120×40 pane, and a test whose text did not fit there failed now
and then: the CI failures of issue 12's notes. Run alone (`-n 0`) they drew at 120×40."""


def pane_environment() -> dict[str, str]:
    """This process's environment without `NOT_FOR_THE_PANE`."""
    return {key: value for key, value in os.environ.items() if key not in NOT_FOR_THE_PANE}


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(child) for child in text.split()]


def startpakke(*args: str) -> str:
    """A shell command line running the installed `startpakke` script."""
    return " ".join([shlex.quote(str(BIN / "startpakke")), *map(shlex.quote, args)])


def data_env(folder: Path) -> dict[str, str]:
    return {"STARTPAKKE_DATA_DIR": str(folder), "PATH": os.environ.get("PATH", "")}


# -- the facilitator's way through the meeting, key by key ----------------------------------


def start_meeting(term: Tmux, shown: str = "Innsjekk") -> str:
    """Enter on the setup screen's «Start møtet»; the screen once `shown` (the first part) is."""
    term.wait_for("Start møtet")
    term.keys("Enter")
    return term.wait_for(shown)


def to_round_of_steg4(term: Tmux) -> str:
    """From innsjekk part by part to steg 4 and its round «Deling i plenum»; that screen."""
    for step in range(4):
        term.keys("n")
        term.wait_for(f"Steg {step + 1} av 7")
    term.keys("f")
    return term.wait_for("Deling i plenum")
