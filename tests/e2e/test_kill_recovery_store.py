"""kill -9 in the middle of saving never leaves a session file that does not load.

A child process saves a growing session in a tight loop and reports each finished save;
the test kills it with SIGKILL at a random moment, 20 times over, and after every kill the
file must load and hold at least everything the child had reported saved.
Children are forked from the test process (already imported: a kill every ~0.1 s), plus a
few fresh interpreters started the way the app is.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from startpakke.session.paths import backup_path
from startpakke.session.store import SessionStore, load_session

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

CHILD = r"""
import os, sys
from pathlib import Path
from startpakke.session.model import Competence, Rule, Session
from startpakke.session.store import SessionStore

def run(path, ack):
    path = Path(path)
    store = SessionStore.open(path) if path.exists() else SessionStore.create(path, Session())
    while True:
        number = len(store.session.rules)
        store.session.rules.append(Rule(text=f"regel {number} æøå 😀 " + "x" * (number % 300)))
        if number % 5 == 0:
            store.session.competences.append(
                Competence(participant="p", category="personlig", text=f"lapp {number}")
            )
        store.autosave()
        os.write(ack, f"{number + 1}\n".encode())
"""

namespace: dict[str, object] = {}
exec(compile(CHILD, "<kill-child>", "exec"), namespace)


def _drain(fd: int) -> int:
    """Read everything the child reported; the highest saved rule count."""
    last = 0
    chunks = b""
    while select.select([fd], [], [], 0)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks += chunk
    for line in chunks.split(b"\n"):
        if line.strip():
            last = max(last, int(line))
    return last


def _wait_first_ack(fd: int, timeout: float = 5.0) -> bytes:
    ready, _, _ = select.select([fd], [], [], timeout)
    assert ready, "the child never saved"
    return os.read(fd, 65536)


def _check(path: Path, acknowledged: int) -> int:
    session = load_session(path)  # never raises: the file is always whole
    count = len(session.rules)
    assert count >= acknowledged, "a save the child had finished was lost"
    assert [r.text.split(" æøå")[0] for r in session.rules] == [f"regel {n}" for n in range(count)]
    if backup_path(path).exists():
        load_session(backup_path(path))
    return count


def test_sigkill_while_saving_never_damages_the_file(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    rng = random.Random()
    seed = rng.randrange(1 << 30)
    rng.seed(seed)
    saved = 0
    started = time.monotonic()
    for _round in range(20):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: save until killed
            try:
                os.close(read_fd)
                namespace["run"](str(path), write_fd)  # type: ignore[operator]
            finally:
                os._exit(1)
        os.close(write_fd)
        first = _wait_first_ack(read_fd)
        time.sleep(rng.uniform(0, 0.08))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
        acknowledged = max(_drain(read_fd), int(first.split()[-1]))
        os.close(read_fd)
        count = _check(path, acknowledged)
        assert count >= saved
        saved = count
    assert saved > 20, f"seed {seed}: the children hardly saved"
    assert time.monotonic() - started < 15
    SessionStore.open(path)  # removes temporary files the kills left behind
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_sigkill_of_a_fresh_interpreter(tmp_path: Path) -> None:
    path = tmp_path / "okt.json"
    script = CHILD + "\nrun(sys.argv[1], 1)\n"
    saved = 0
    for delay in (0.0, 0.03, 0.1):
        child = subprocess.Popen(
            [sys.executable, "-c", script, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert child.stdout is not None
        fd = child.stdout.fileno()
        first = _wait_first_ack(fd, timeout=20)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert child.returncode == -signal.SIGKILL
        acknowledged = max(_drain(fd), int(first.split()[-1]))
        child.stdout.close()
        saved = max(saved, _check(path, acknowledged))
    assert saved >= 3
