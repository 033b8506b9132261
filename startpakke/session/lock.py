"""One writer per session file: a lock beside it, `<name>.lock`.

The lock holds who writes the session: the process id, the machine's name and when that
process started. A second `startpakke run` on the same file finds the lock and does not
write; readers (the projector, exports) never look at it. A lock left by a process that no
longer runs (killed, power cut) is stale: it is recognised and taken over, and that a lock
was left behind is how the next start knows the program did not quit cleanly.

The lock file is created with O_EXCL, so two programs starting at the same moment cannot
both get it; taking over a stale one is an atomic replace of a file we wrote first.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from startpakke.i18n import _

LOCK_SUFFIX = ".lock"


def lock_path(session_path: Path) -> Path:
    """The lock beside a session file: `<name>.lock`."""
    return session_path.with_name(session_path.name + LOCK_SUFFIX)


def _process_start(pid: int) -> str | None:
    """When process `pid` started (clock ticks since boot, from /proc), or None.

    With the pid alone a lock would look alive when the pid has been reused by another
    program after a reboot; the start time tells them apart.
    """
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name in parentheses may hold spaces; fields after it are fixed.
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it runs
        return True
    except OSError:
        return False
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A process that has ended but is not yet reaped (Linux): after `kill -9` in a closing
    terminal it lingers a second or two, and its lock is not a meeting that is open."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False  # no /proc (macOS), or it has just gone: `kill` said it was there
    # «pid (name) state …»: the name may hold spaces and brackets, the state follows the last «)».
    return stat.rpartition(")")[2].split()[:1] == ["Z"]


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock, as written in the lock file."""

    pid: int
    host: str
    started: str
    """When the owner opened the session, ISO 8601 with offset."""
    process_start: str | None = None

    @classmethod
    def me(cls) -> LockOwner:
        pid = os.getpid()
        return cls(
            pid=pid,
            host=socket.gethostname(),
            started=datetime.now().astimezone().isoformat(timespec="seconds"),
            process_start=_process_start(pid),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "pid": self.pid,
            "host": self.host,
            "started": self.started,
            "process_start": self.process_start,
        }

    @classmethod
    def from_data(cls, data: Any) -> LockOwner | None:
        if not isinstance(data, dict):
            return None
        pid, host, started = data.get("pid"), data.get("host"), data.get("started")
        if not (isinstance(pid, int) and isinstance(host, str) and isinstance(started, str)):
            return None
        start = data.get("process_start")
        return cls(pid, host, started, start if isinstance(start, str) else None)

    def is_running(self) -> bool:
        """Whether the owner still runs. A lock from another machine is taken as live."""
        if self.host != socket.gethostname():
            return True
        if not _alive(self.pid):
            return False
        if self.process_start is None:
            return True
        return _process_start(self.pid) == self.process_start

    def describe(self) -> str:
        """«på maskinen X siden 14.09. kl. 09:02» for the message to the facilitator."""
        try:
            when = datetime.fromisoformat(self.started).strftime("%d.%m. kl. %H:%M")
        except ValueError:
            when = self.started
        return _("på {host} (prosess {pid}), åpnet {when}").format(
            host=self.host, pid=self.pid, when=when
        )


class SessionLocked(Exception):
    """The session is open for writing in another window; `owner` says which."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        super().__init__(_("{path} er åpen i et annet vindu").format(path=path))
        self.path = path
        self.owner = owner


def read_owner(path: Path) -> LockOwner | None:
    """The lock's owner, or None when there is no lock or it cannot be read."""
    try:
        raw = path.read_bytes()[:4096]
        return LockOwner.from_data(json.loads(raw))
    except (OSError, ValueError):
        return None


def held_by_a_running_program(session_path: Path) -> bool:
    """Whether a program that still runs holds the lock on `session_path` (an app open on
    it now), as against no lock, or a stale one left by a killed program."""
    owner = read_owner(lock_path(session_path))
    return owner is not None and owner.is_running()


class SessionLock:
    """The lock this process holds on one session file (see `acquire`)."""

    def __init__(self, session_path: Path, owner: LockOwner, *, took_over: bool) -> None:
        self.session_path = session_path
        self.path = lock_path(session_path)
        self.owner = owner
        self.took_over = took_over
        """A stale lock was found: the program that had the session did not quit cleanly."""

    @classmethod
    def acquire(cls, session_path: Path) -> SessionLock:
        """Take the lock on `session_path`; `SessionLocked` when another program has it.

        A stale lock (its process is gone, or cannot be read at all) is replaced.
        """
        if session_path.is_symlink():  # one lock for the file, whichever name opens it
            session_path = session_path.resolve()
        path = lock_path(session_path)
        me = LockOwner.me()
        payload = json.dumps(me.to_data()).encode("utf-8")
        took_over = False
        for _attempt in range(3):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                owner = read_owner(path)
                mine = owner is not None and (owner.pid, owner.host) == (me.pid, me.host)
                if owner is not None and not mine and owner.is_running():
                    raise SessionLocked(session_path, owner) from None
                # Stale: replace it atomically with ours, then check we are the one it holds
                # (two programs taking over the same stale lock at once).
                side = path.with_name(f".{path.name}.{me.pid}.tmp")
                side.write_bytes(payload)
                side.chmod(0o600)
                os.replace(side, path)
                if read_owner(path) == me:
                    return cls(session_path, me, took_over=True)
                took_over = True
                continue
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(payload)
            except OSError:  # a full disk: no empty lock file is left for the next start
                with contextlib.suppress(OSError):
                    path.unlink()
                raise
            return cls(session_path, me, took_over=took_over)
        owner = read_owner(path)
        raise SessionLocked(session_path, owner or me)

    def held(self) -> bool:
        """Whether the lock file still names this process."""
        return read_owner(self.path) == self.owner

    def taken_over(self) -> bool:
        """Whether another program's lock now stands where ours was.

        A lock that is simply gone (its folder removed, a memory stick pulled out) is not
        taken over: the save itself then says what is wrong.
        """
        owner = read_owner(self.path)
        return owner is not None and owner != self.owner

    def release(self) -> None:
        """Remove the lock if it is still ours (a clean quit)."""
        if self.held():
            with contextlib.suppress(OSError):
                self.path.unlink()
