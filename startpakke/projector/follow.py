"""Following a session file that another program keeps saving.

The facilitator's app saves the session atomically (temp file, then `os.replace`) after
every change and every few seconds while a timer runs. The projector only reads. Every
poll costs one `stat`; the file is read and parsed only when its signature — inode, size
and modification time — has changed.

Whatever happens to the file, the follower keeps the last good state and never raises:
replaced under it (a new inode), briefly missing (between two saves on some systems, or
deleted and written again), half-written by a program that does not save atomically,
damaged, or not a session at all. It never opens the file for writing.
"""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path

from startpakke.i18n import _
from startpakke.safefile import SESSION_CAP
from startpakke.session.model import Session
from startpakke.session.store import SessionError, session_from_data
from startpakke.text import without_controls

Signature = tuple[int, int, int]
"""(inode, size, mtime_ns): changes whenever the file is replaced or written."""

RACY_NS = 100_000_000
"""A file modified less than this long before it was read may be written again within the
same timestamp tick (file times are coarse on many systems), so its signature is not
trusted: it is read once more on the next poll."""


def _signature(stat: os.stat_result) -> Signature:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class SessionFollower:
    """The last good state of a session file, re-read only when the file changed.

    `poll()` looks at the file and returns True when a new good state was loaded;
    `session` is that state (None until the first good read); `problem` is a Norwegian
    sentence saying why the file could not be read the last time it was looked at (None
    when `session` is the file's current content).
    """

    def __init__(self, path: str | os.PathLike[str], *, wall_ns: Callable[[], int] | None = None):
        self.path = Path(path)
        self.session: Session | None = None
        self.problem: str | None = None
        self.version = 0
        """Counts the good states loaded; changes whenever `session` does."""
        self.reads = 0
        """How many times the file was actually read (for tests and benchmarks)."""
        self._wall_ns = wall_ns or time.time_ns
        self._seen: Signature | None = None
        self._raw: bytes | None = None

    def poll(self) -> bool:
        """Check the file; re-read it if it changed. True when `session` is new. Never raises."""
        try:
            return self._poll()
        except Exception as err:  # the projector must keep showing the last good state
            self.problem = _("Kunne ikke lese øktfilen {path}: {reason}.").format(
                path=self.path, reason=err
            )
            self._seen = None
            return False

    def _poll(self) -> bool:
        try:
            info = os.stat(self.path)
            current = _signature(info)
        except FileNotFoundError:
            self._seen = None
            self.problem = _("Finner ikke øktfilen {path}.").format(path=self.path)
            return False
        except OSError as err:
            self._seen = None
            self.problem = _("Kunne ikke lese øktfilen {path}: {reason}.").format(
                path=self.path, reason=err.strerror or err
            )
            return False
        if current == self._seen:
            return False
        if not stat.S_ISREG(info.st_mode) or info.st_size > SESSION_CAP:
            # A FIFO would block the read for ever, /dev/zero would fill memory.
            self._seen = None
            self.problem = _(
                "Øktfilen {path} er ikke en vanlig øktfil (eller er for stor)."
            ).format(path=self.path)
            return False
        return self._read()

    def _read(self) -> bool:
        try:
            with open(self.path, "rb") as handle:
                before = _signature(os.fstat(handle.fileno()))
                raw = handle.read(SESSION_CAP + 1)  # /dev/zero must not fill memory
                after = _signature(os.fstat(handle.fileno()))
        except FileNotFoundError:
            self._seen = None
            self.problem = _("Finner ikke øktfilen {path}.").format(path=self.path)
            return False
        self.reads += 1
        if before != after:
            # Written while we read (not an atomic save): try again on the next poll.
            self._seen = None
            return False
        racy = self._wall_ns() - before[2] < RACY_NS
        self._seen = None if racy else before
        if raw == self._raw:
            self.problem = None
            return False
        try:
            # Nothing from the file reaches the terminal or the browser as control codes.
            data = without_controls(json.loads(raw.decode("utf-8-sig")))
            session = session_from_data(data, self.path)
        except SessionError as err:
            self.problem = err.message
            return False
        except (UnicodeDecodeError, ValueError, RecursionError):  # ValueError: 4,300+ digits
            self.problem = _("Øktfilen {path} er ufullstendig eller skadet.").format(path=self.path)
            return False
        self._raw = raw
        self.session = session
        self.problem = None
        self.version += 1
        return True
