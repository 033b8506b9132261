"""Driving a real terminal program in tmux: start, type, read the screen, with deadlines.

Every `Tmux` runs on its own private tmux server (`tmux -L NAME`, a socket of its own,
named after the xdist worker and a random suffix) and ends that server when it closes:
a test never sees, or is seen by, the user's own tmux or another test's.
"""

from __future__ import annotations

import os
import shlex
import shutil
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
    """One tmux session running one command."""

    def __init__(self, command: str, *, width: int = 120, height: int = 40, env=None) -> None:  # type: ignore[no-untyped-def]
        require_tmux()
        self.name = f"sp-{uuid.uuid4().hex[:8]}"
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.socket = f"startpakke-test-{worker}-{self.name}"
        self.argv = ["tmux", "-L", self.socket]  # how every command reaches this server
        environment = " ".join(f"{k}={shlex.quote(str(v))}" for k, v in (env or {}).items())
        # The exit code is printed by the shell: tmux's own pane_dead_status is sometimes empty.
        full = f"env {environment} TERM=xterm-256color {command}; echo __EXIT__=$?"
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
            env=_without_tmux(),
        )

    def keys(self, *keys: str) -> None:
        subprocess.run([*self.argv, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        subprocess.run([*self.argv, "send-keys", "-t", self.name, "-l", text], check=True)

    def screen(self) -> str:
        result = subprocess.run(
            [*self.argv, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return result.stdout

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float = 15.0) -> str:
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"ventet forgjeves i {timeout} s; skjermen:\n{screen}")

    def pane_pid(self) -> int:
        """The pid of the program itself (not the shell tmux started it with)."""
        out = subprocess.run(
            [*self.argv, "list-panes", "-t", self.name, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        pid = int(out.split()[0])
        # The pane runs `sh -c "env … program; echo __EXIT__=$?"`: follow the children down.
        while True:
            children = _children(pid)
            if not children:
                return pid
            pid = children[0]

    def dead(self) -> bool:
        out = subprocess.run(
            [*self.argv, "list-panes", "-t", self.name, "-F", "#{pane_dead} #{pane_dead_status}"],
            capture_output=True,
            text=True,
        ).stdout.split()
        return bool(out) and out[0] == "1"

    def exit_status(self, timeout: float = 10.0) -> int:
        screen = self.wait_for(lambda s: "__EXIT__=" in s, timeout=timeout)
        return int(screen.split("__EXIT__=")[1].split()[0])

    def close(self) -> None:
        subprocess.run([*self.argv, "kill-server"], capture_output=True)


def _without_tmux() -> dict[str, str]:
    """This environment without $TMUX: a server started from inside tmux is not nested."""
    return {key: value for key, value in os.environ.items() if key != "TMUX"}


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
