"""Two windows on one session: the second does not write; a dead window's lock is taken over.

Real processes: the first `startpakke run` in tmux holds the session; a second one started
beside it (without a terminal, then in one) must not touch the file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from startpakke.session.lock import lock_path
from tests.e2e.safety_term import Term, data_env, start_meeting, startpakke

pytestmark = pytest.mark.slow


def _second_window(session: Path, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "startpakke", "run", "--session", str(session)],
        capture_output=True,
        text=True,
        env={**os.environ, "STARTPAKKE_DATA_DIR": str(data), "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def _first_window(tmp_path: Path) -> tuple[Path, Path, dict[str, str], Term]:
    """A meeting started in tmux on a new session file: data folder, session, env, window."""
    data = tmp_path / "data"
    session = tmp_path / "møte.json"
    env = data_env(data)
    first = Term(startpakke("run", "--session", str(session), "--names", "Anne,Bjørn"), env)
    try:
        start_meeting(first)
    except BaseException:
        first.close()
        raise
    return data, session, env, first


def test_second_window_does_not_write_and_can_follow(tmp_path: Path) -> None:
    data, session, env, first = _first_window(tmp_path)
    try:
        lock = json.loads(lock_path(session).read_text())
        assert lock["pid"] == first.pane_pid()
        assert {"pid", "host", "started"} <= lock.keys()
        before = session.read_bytes(), session.stat().st_mtime_ns

        second = _second_window(session, data)
        assert second.returncode == 1
        assert "Traceback" not in second.stderr
        assert "allerede åpent i et annet vindu på " in second.stderr  # no brackets in brackets
        assert (session.read_bytes(), session.stat().st_mtime_ns) == before
        assert json.loads(lock_path(session).read_text())["pid"] == first.pane_pid()

        # In a terminal the second window offers to follow the meeting read-only.
        follower = Term(startpakke("run", "--session", str(session)), env)
        try:
            follower.wait_for("skrivebeskyttet")
            follower.type("j")
            follower.keys("Enter")
            follower.wait_for("Velkommen og innsjekk")  # the projector's view of the part
            first.keys("n")
            follower.wait_for("Steg 1 av 7")  # it follows the first window's saves
            assert json.loads(lock_path(session).read_text())["pid"] == first.pane_pid()
        finally:
            follower.close()
        first.keys("C-q")
        assert first.exit_status() == 0
        assert not lock_path(session).exists()  # a clean quit gives the lock back
    finally:
        first.close()


def test_lock_of_a_killed_window_is_taken_over(tmp_path: Path) -> None:
    _data, session, env, first = _first_window(tmp_path)
    try:
        dead_pid = first.pane_pid()
        first.kill()
        first.exit_status()
    finally:
        first.close()
    assert json.loads(lock_path(session).read_text())["pid"] == dead_pid  # left behind

    again = Term(startpakke("run", "--session", str(session)), env)
    try:
        again.wait_for("Fortsett møtet")
        assert json.loads(lock_path(session).read_text())["pid"] == again.pane_pid()
    finally:
        again.close()


def test_lock_from_another_machine_is_respected(tmp_path: Path) -> None:
    """A lock naming another host cannot be checked, so it is never taken over silently."""
    from startpakke.session.lock import LockOwner, SessionLock, SessionLocked

    session = tmp_path / "møte.json"
    owner = LockOwner(pid=os.getpid(), host="en-annen-maskin", started="2026-09-14T09:00:00")
    lock_path(session).write_text(json.dumps(owner.to_data()))
    with pytest.raises(SessionLocked) as caught:
        SessionLock.acquire(session)
    assert caught.value.owner.host == "en-annen-maskin"
    assert "en-annen-maskin" in caught.value.owner.describe()
