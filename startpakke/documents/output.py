"""Writing output files safely: never half a file, never over a document open in Word.

Every document is written to a temporary file in the target folder and moved into place with
`os.replace`, so a crash leaves either the old file or the new one. Before writing, the target
is checked: a folder that does not exist or cannot be written to, a file that cannot be
replaced, or a lock file beside it (Word's `~$name.docx`, LibreOffice's `.~lock.name#`) gives a
Norwegian message with another name to try. Files are readable by the owner only: they hold
leaders' names and what they said.

A document never replaces one of the program's inputs: an existing file is replaced only by
a file of the same kind (a Word document by a Word document, a calendar by a calendar).
What the target holds is read from its content and name, not trusted from the suffix, so
`-o agenda.yaml`, `-o annen-økt.json` or `-o økt.json.bak` stop with a message (exit 1)
and the file is left as it was. Temporary files carry the writer's process id, so those
left by a killed export are recognised and removed by the next one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from startpakke.errors import UserError, os_reason
from startpakke.i18n import N_, _

FILE_MODE = 0o600

# The names of the program's own inputs and side files, never replaced by a document.
_PROTECTED_SUFFIXES = (".bak", ".lock", ".utkast", ".yaml", ".yml", ".dotx", ".dotm")
_INPUT_KINDS = frozenset({"session", "agenda", "backup", "template", "lock", "draft"})
# Catalogue message ids (translated where the message is made).
_KIND_NAMES = {
    "session": N_("en øktfil"),
    "agenda": N_("en agenda"),
    "backup": N_("en sikkerhetskopi av en økt"),
    "template": N_("en Word-mal"),
    "lock": N_("en låsefil"),
    "draft": N_("en fil med utkast"),
    "word": N_("et Word-dokument"),
    "calendar": N_("en kalenderfil"),
    "pdf": N_("en PDF"),
    "other": N_("en annen fil"),
}


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
        _("Kan ikke skrive «{path}»: {reason} Prøv et annet navn, for eksempel «{other}».").format(
            path=path, reason=reason, other=suggest_path(path, folder_ok=folder_ok)
        )
    )


def _fail_os(path: Path, err: OSError, *, folder_ok: bool = True) -> OutputError:
    import errno

    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        # Another name on the same disk would not help.
        return OutputError(
            _(
                "Kan ikke skrive «{path}»: disken er full. Ingenting er endret. Frigjør "
                "plass der, eller lagre på en annen disk (f.eks. en minnepinne)."
            ).format(path=path)
        )
    return _fail(path, _reason(err), folder_ok=folder_ok)


def _close_zip_files(err: BaseException) -> None:
    """Close the half-written zip archives a failed Word save left in its frames.

    Otherwise the garbage collector closes them later, writing to a closed file, and Python
    prints «Exception ignored in ZipFile.__del__» after our message.
    """

    seen: set[int] = set()
    current: BaseException | None = err
    while current is not None and id(current) not in seen:  # the error and what caused it
        seen.add(id(current))
        _close_zips_in(current.__traceback__)
        current = current.__context__


def _close_zips_in(tb: TracebackType | None) -> None:
    import zipfile

    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            # The archive itself, or held by a writer object (python-docx's package writer).
            for candidate in (value, *getattr(value, "__dict__", {}).values()):
                if isinstance(candidate, zipfile.ZipFile):
                    with contextlib.suppress(Exception):
                        candidate.close()
        tb = tb.tb_next


def _reason(err: OSError) -> str:
    """What went wrong, in Norwegian."""
    import errno

    reasons = {
        errno.EACCES: _("du har ikke skrivetilgang der."),
        errno.EPERM: _("du har ikke skrivetilgang der."),
        errno.EROFS: _("stedet er skrivebeskyttet."),
        errno.ENOSPC: _("disken er full."),
        errno.ENOENT: _("mappen finnes ikke eller kan ikke brukes."),
        errno.ENAMETOOLONG: _("filnavnet er for langt."),
        errno.EISDIR: _("det er en mappe."),
        errno.ENOTDIR: _("en del av stien er ikke en mappe."),
    }
    return reasons.get(
        err.errno or 0, _("systemet sa nei ({reason}).").format(reason=os_reason(err))
    )


def check_target(path: Path) -> None:
    """Raise OutputError if `path` cannot be written as a file right now."""
    if path.is_dir():
        raise OutputError(
            _("«{path}» er en mappe. Oppgi et filnavn, for eksempel «{example}».").format(
                path=path, example=path / "dokument.docx"
            )
        )
    folder = path.parent
    if not folder.exists():
        raise _fail(
            path, _("mappen «{folder}» finnes ikke.").format(folder=folder), folder_ok=False
        )
    if not folder.is_dir():
        raise _fail(path, _("«{folder}» er ikke en mappe.").format(folder=folder), folder_ok=False)
    lock = existing_lock(path)
    if lock is not None:
        raise _fail(
            path,
            _(
                "filen ser ut til å være åpen i Word eller LibreOffice (låsefilen "
                "«{name}» ligger ved siden av). Lukk dokumentet og prøv igjen – eller, "
                "om ingen har det åpent, slett låsefilen."
            ).format(name=lock.name),
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise _fail(path, _("filen er skrivebeskyttet eller tilhører en annen bruker."))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _fail(
            path,
            _("du har ikke skrivetilgang til mappen «{folder}».").format(folder=folder),
            folder_ok=False,
        )


def file_kind(path: Path) -> str | None:
    """What an existing file is, from its name and first bytes; None when it is empty/absent.

    The program's inputs (`session`, `agenda`, `backup`, `template`, `lock`, `draft`) and
    the documents it writes (`word`, `calendar`, `pdf`); anything else is `other`.
    """
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return "other"
    name = path.name.lower()
    if name.endswith(".bak") or ".skadet-" in name:
        return "backup"
    if name.endswith(".lock"):
        return "lock"
    if name.endswith(".utkast"):
        return "draft"
    if name.endswith((".yaml", ".yml")):
        return "agenda"
    if head.startswith(b"PK"):
        return "template" if _is_word_template(path) else "word"
    if head.lstrip().startswith(b"BEGIN:VCALENDAR"):
        return "calendar"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return "session" if b'"schema_version"' in head or name.endswith(".json") else "other"
    return "other"


def _is_word_template(path: Path) -> bool:
    if path.suffix.lower() in _PROTECTED_SUFFIXES:
        return True
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            types = archive.read("[Content_Types].xml")[:100_000]
    except (OSError, KeyError, zipfile.BadZipFile, RuntimeError, ValueError):
        return False
    return b"template.main+xml" in types


def check_not_an_input(target: Path, written: Path) -> None:
    """Refuse to replace `target` unless it is the same kind of document as `written`."""
    old = file_kind(target)
    if old is None:
        return
    new = file_kind(written)
    if old == new and old not in _INPUT_KINDS:
        return
    raise _fail(
        target,
        _("den er {kind}, og den blir ikke overskrevet av et dokument.").format(
            kind=_(_KIND_NAMES.get(old, _KIND_NAMES["other"]))
        ),
    )


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporary files our own killed writers left in `folder`.

    Ours are named `.<navn>.sp<pid>-<tilfeldig>.tmp`; one whose process is gone is stale.
    They hold personal data, so they must not stay behind.
    """
    import re

    pattern = re.compile(r"^\..+\.sp(\d+)-[^.]+\.tmp$")
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        found = pattern.match(entry.name)
        if found is None or _pid_alive(int(found.group(1))):
            continue
        with contextlib.suppress(OSError):
            entry.unlink()


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def write_atomic(path: str | Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Write a file through `write(stream)` to a temporary file, then move it into place."""
    target = Path(path)
    check_target(target)
    remove_stale_temporaries(target.parent)
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, then renamed
            dir=target.parent,
            prefix=f".{target.name}.sp{os.getpid()}-",
            suffix=".tmp",
            delete=False,
        )
    except PermissionError:
        raise _fail(
            target,
            _("du har ikke skrivetilgang til mappen «{folder}».").format(folder=target.parent),
            folder_ok=False,
        ) from None
    except OSError as err:
        raise _fail_os(target, err, folder_ok=False) from None
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, FILE_MODE)
        check_not_an_input(target, temp)
        os.replace(temp, target)
    except PermissionError as err:
        _close_zip_files(err)
        raise _fail(
            target, _("filen er låst – kanskje åpen i Word, eller skrivebeskyttet.")
        ) from None
    except OSError as err:
        _close_zip_files(err)
        raise _fail_os(target, err) from None
    except ValueError as err:  # a zip writer on a file closed by a failed write
        _close_zip_files(err)
        raise _fail(target, _("skrivingen ble avbrutt.")) from None
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
