"""Writing output files safely: never half a file, never over a document open in Word.

Every document is written to a temporary file in the target folder and moved into place with
`os.replace`, so a crash leaves either the old file or the new one. Before writing, the target
is checked: a folder that does not exist or cannot be written to, a file that cannot be
replaced, or a lock file beside it (Word's `~$name.docx`, LibreOffice's `.~lock.name#`) gives a
Norwegian message with another name to try. Files are readable by the owner only: they hold
leaders' names and what they said.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from startpakke.errors import UserError

FILE_MODE = 0o600


class OutputError(UserError):
    """The output file cannot be written; the message suggests another name."""


def lock_files(path: Path) -> list[Path]:
    """The lock files Word and LibreOffice put beside a document they have open."""
    name = path.name
    names = {f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#"}
    return [path.with_name(n) for n in sorted(names) if len(n) > 2]


def existing_lock(path: Path) -> Path | None:
    for lock in lock_files(path):
        try:
            if lock.exists():
                return lock
        except OSError:
            continue
    return None


def _writable_dir(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def suggest_path(path: Path, *, folder_ok: bool = True) -> Path:
    """Another name that can probably be written: `navn-2.docx` beside it, or in a folder
    the user can write to (the current one, else the home folder)."""
    folder = path.parent
    if not folder_ok or not _writable_dir(folder):
        cwd = Path.cwd()
        folder = cwd if _writable_dir(cwd) else Path.home()
    stem, suffix = path.stem or "dokument", path.suffix
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while (
        candidate == path
        or candidate.exists()
        or existing_lock(candidate) is not None
        or (candidate.exists() and not os.access(candidate, os.W_OK))
    ):
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _fail(path: Path, reason: str, *, folder_ok: bool = True) -> OutputError:
    return OutputError(
        f"Kan ikke skrive «{path}»: {reason} Prøv et annet navn, for eksempel "
        f"-o «{suggest_path(path, folder_ok=folder_ok)}»."
    )


def _reason(err: OSError) -> str:
    """What went wrong, in Norwegian."""
    import errno

    reasons = {
        errno.EACCES: "du har ikke skrivetilgang der.",
        errno.EPERM: "du har ikke skrivetilgang der.",
        errno.EROFS: "stedet er skrivebeskyttet.",
        errno.ENOSPC: "disken er full.",
        errno.ENOENT: "mappen finnes ikke eller kan ikke brukes.",
        errno.ENAMETOOLONG: "filnavnet er for langt.",
        errno.EISDIR: "det er en mappe.",
        errno.ENOTDIR: "en del av stien er ikke en mappe.",
    }
    return reasons.get(err.errno or 0, f"systemet sa nei ({err.strerror or err}).")


def check_target(path: Path) -> None:
    """Raise OutputError if `path` cannot be written as a file right now."""
    if path.is_dir():
        raise OutputError(
            f"«{path}» er en mappe. Oppgi et filnavn, for eksempel -o «{path / 'dokument.docx'}»."
        )
    folder = path.parent
    if not folder.exists():
        raise _fail(path, f"mappen «{folder}» finnes ikke.", folder_ok=False)
    if not folder.is_dir():
        raise _fail(path, f"«{folder}» er ikke en mappe.", folder_ok=False)
    lock = existing_lock(path)
    if lock is not None:
        raise _fail(
            path,
            f"filen ser ut til å være åpen i Word eller LibreOffice (låsefilen «{lock.name}» "
            "ligger ved siden av). Lukk dokumentet og prøv igjen — eller, om ingen har det "
            "åpent, slett låsefilen.",
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise _fail(path, "filen er skrivebeskyttet eller tilhører en annen bruker.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _fail(path, f"du har ikke skrivetilgang til mappen «{folder}».", folder_ok=False)


def write_atomic(path: str | Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write a file through `write(stream)` to a temporary file, then move it into place."""
    target = Path(path)
    check_target(target)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp", delete=False
        )
    except PermissionError:
        raise _fail(
            target, f"du har ikke skrivetilgang til mappen «{target.parent}».", folder_ok=False
        ) from None
    except OSError as err:
        raise _fail(target, _reason(err), folder_ok=False) from None
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, FILE_MODE)
        os.replace(temp, target)
    except PermissionError:
        raise _fail(target, "filen er låst — kanskje åpen i Word, eller skrivebeskyttet.") from None
    except OSError as err:
        raise _fail(target, _reason(err)) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
    return target


def write_bytes(path: str | Path, data: bytes) -> Path:
    def write(stream: IO[bytes]) -> None:
        stream.write(data)

    return write_atomic(path, write)


def save_document(document: object, path: str | Path) -> Path:
    """Save a python-docx document atomically."""
    return write_atomic(path, lambda stream: document.save(stream))  # type: ignore[attr-defined]
