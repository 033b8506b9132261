"""A real terminal for the safety tests: the app in tmux, each on a private server of its own
(`tmux -L`), so no two tests share a server that could be going away."""

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


def _tmux(server: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", server, "-f", "/dev/null", *args],
        capture_output=True,
        text=True,
        check=check,
    )


def startpakke(*args: str) -> str:
    """A shell command line running the installed `startpakke` script."""
    return " ".join([shlex.quote(str(BIN / "startpakke")), *map(shlex.quote, args)])


class Term:
    """One tmux window running one command; the shell prints its exit code after it."""

    def __init__(
        self,
        command: str,
        env: dict[str, str],
        *,
        width: int = 120,
        height: int = 40,
        cwd: Path | None = None,
    ) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("tmux er ikke installert")
        self.name = f"safety-{uuid.uuid4().hex[:8]}"
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.server = f"startpakke-safety-{worker}-{self.name}"
        environment = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # The shell stays a while after the program: the terminal keeps the modes the
        # program left it in (alternate screen, cursor) for the test to read.
        full = f"env {environment} TERM=xterm-256color {command}; echo __EXIT__=$?; sleep 30"
        where = ["-c", str(cwd)] if cwd is not None else []
        size = ["-x", str(width), "-y", str(height)]
        self._tmux("new-session", "-d", "-s", self.name, *where, *size, full)
        self._tmux("set-option", "-t", self.name, "remain-on-exit", "on", check=False)

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return _tmux(self.server, *args, check=check)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name, check=False).stdout

    def flag(self, name: str) -> str:
        """A pane format value, e.g. `alternate_on` or `cursor_flag`."""
        return self._tmux("display-message", "-p", "-t", self.name, f"#{{{name}}}").stdout.strip()

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float = 20.0) -> str:
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(" ".join(screen.split())):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"ventet forgjeves i {timeout} s; skjermen:\n{screen}")

    def pid(self) -> int:
        """The program's own pid (below the shell tmux started)."""
        pid = int(self._tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").stdout.split()[0])
        while True:
            try:
                children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
            except OSError:
                return pid
            if not children:
                return pid
            pid = int(children[0])

    def kill(self, sig: int = signal.SIGKILL) -> None:
        os.kill(self.pid(), sig)

    def exit_status(self, timeout: float = 15.0) -> int:
        screen = self.wait_for("__EXIT__=", timeout=timeout)
        found = re.search(r"__EXIT__=(\d+)", screen)
        assert found is not None
        return int(found.group(1))

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def data_env(folder: Path) -> dict[str, str]:
    return {"STARTPAKKE_DATA_DIR": str(folder), "PATH": os.environ.get("PATH", "")}
