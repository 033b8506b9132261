"""Plain checks of the safety pieces: lock ownership, file kinds, terminal text, caps."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import UTC, date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from startpakke.documents.calendar import meeting_times
from startpakke.documents.output import file_kind
from startpakke.safefile import UnsafeFile, read_capped
from startpakke.session.lock import LockOwner, SessionLock, SessionLocked, lock_path
from startpakke.text import for_terminal


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    stale = LockOwner(_dead_pid(), socket.gethostname(), "2026-09-14T09:00:00+02:00")
    lock_path(session).write_text(json.dumps(stale.to_data()))
    lock = SessionLock.acquire(session)
    assert lock.took_over and lock.held()
    lock.release()
    assert not lock_path(session).exists()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_lock_of_a_killed_process_not_yet_reaped_is_taken_over(tmp_path: Path) -> None:
    """Seen by a tester: started again a second after `kill -9`, the app said the meeting was
    open in another window: the killed process was a zombie until its parent reaped it."""
    import time

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        stat = Path(f"/proc/{child.pid}/stat")
        for _ in range(200):  # until it has ended (not reaped: no wait())
            if stat.read_text().rpartition(")")[2].split()[0] == "Z":
                break
            time.sleep(0.01)
        session = tmp_path / "s.json"
        zombie = LockOwner(child.pid, socket.gethostname(), "2026-09-14T09:00:00+02:00")
        lock_path(session).write_text(json.dumps(zombie.to_data()))
        lock = SessionLock.acquire(session)
        assert lock.took_over and lock.held()
        lock.release()
    finally:
        child.wait()


def test_a_reused_pid_is_not_the_owner(tmp_path: Path) -> None:
    """The pid runs (it is the parent of this test), but it started at another time."""
    session = tmp_path / "s.json"
    reused = LockOwner(os.getppid(), socket.gethostname(), "2026-09-14T09:00:00", "1")
    lock_path(session).write_text(json.dumps(reused.to_data()))
    assert SessionLock.acquire(session).took_over


def test_a_running_owner_keeps_the_lock(tmp_path: Path) -> None:
    session = tmp_path / "s.json"
    first = SessionLock.acquire(session)
    other = LockOwner(os.getppid(), socket.gethostname(), "2026-09-14T09:00:00")
    lock_path(session).write_text(json.dumps(other.to_data()))
    with pytest.raises(SessionLocked):
        SessionLock.acquire(session)
    assert first.taken_over()  # the first holder sees its lock is no longer its own
    first.release()
    assert lock_path(session).exists()  # not ours to remove


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("a.json", b'{"schema_version": 3}', "session"),
        ("a.json.bak", b'{"schema_version": 3}', "backup"),
        ("a.yaml", b"id: x", "agenda"),
        ("a.json.lock", b"{}", "lock"),
        ("a.ics", b"BEGIN:VCALENDAR\r\n", "calendar"),
        ("a.pdf", b"%PDF-1.7", "pdf"),
        ("a.txt", b"notater", "other"),
        ("tom.docx", b"", None),
    ],
)
def test_file_kind(tmp_path: Path, name: str, content: bytes, kind: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert file_kind(path) == kind


def test_read_capped_refuses_large_and_special_files(tmp_path: Path) -> None:
    big = tmp_path / "stor"
    big.write_bytes(b"x" * 2000)
    assert read_capped(big, 2000) == b"x" * 2000
    with pytest.raises(UnsafeFile, match="for stor"):
        read_capped(big, 1999)
    with pytest.raises(UnsafeFile, match="enhet"):
        read_capped(Path("/dev/zero"), 1000)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Nett\x1b]2;HACKET\x07verket", "Nett]2;HACKETverket"),
        ("rød\x9b31m", "rød31m"),
        ("linje 1\nlinje 2\tfane", "linje 1\nlinje 2\tfane"),
        ("æøå 🙂", "æøå 🙂"),
    ],
)
def test_for_terminal(raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown


OSLO = ZoneInfo("Europe/Oslo")


@pytest.mark.parametrize(
    ("day", "start", "end", "starts", "minutes"),
    [
        (date(2027, 2, 23), "23:00", "01:00", "2027-02-23T23:00:00+01:00", 120),
        (date(2027, 3, 28), "02:30", "04:00", "2027-03-28T03:30:00+02:00", 30),
        (date(2027, 3, 28), "02:30", "02:45", "2027-03-28T03:30:00+02:00", 15),
        (date(2027, 10, 31), "01:00", "04:00", "2027-10-31T01:00:00+02:00", 240),
        (date(2027, 5, 4), "09:00", "09:00", "2027-05-04T09:00:00+02:00", 180),
    ],
)
def test_meeting_times(day: date, start: str, end: str, starts: str, minutes: int) -> None:
    begin, finish = meeting_times(day, start, end, OSLO)
    assert begin.isoformat() == starts
    # Through UTC: the real time between, across a change of summer time too.
    assert (finish.astimezone(UTC) - begin.astimezone(UTC)).total_seconds() == minutes * 60


def test_a_lock_that_cannot_be_written_leaves_no_empty_lock_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk as the meeting opened left an empty «møte.json.lock» behind."""
    from startpakke.session import lock as lock_module

    real_close = os.close

    def full(fd: int, mode: str) -> object:
        real_close(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(lock_module.os, "fdopen", full)
    with pytest.raises(OSError):
        lock_module.SessionLock.acquire(tmp_path / "møte.json")
    assert list(tmp_path.iterdir()) == []
