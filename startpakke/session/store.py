"""Saving and loading session files so that nothing is ever lost.

A save is atomic: the new content goes to a temporary file in the same folder, is flushed
and fsynced, and only then replaces the session file with `os.replace`; the folder is
fsynced once so the rename itself survives a power cut. A reader therefore always sees
either the old file or the new one, never half of one, even under `kill -9`.

Before the replace, the current file — if it loads as a session — becomes `<name>.bak`,
the previous good version. A file that does not load is never replaced unless the user has
said so (`overwrite_damaged=True`), and even then it is first kept aside as
`<name>.skadet-<tidspunkt>`. Files are created readable by the owner only (0600), folders
we create 0700: the session holds personal data.

Every problem reading a file is a `SessionError` (a `UserError`): a Norwegian message that
names the file and the problem, one line per problem, and `backup` — the `.bak` when it
exists and loads — so the app can offer the last good copy instead of a blank session.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from startpakke.errors import UserError, os_reason
from startpakke.i18n import N_, _, ngettext
from startpakke.modeling import Invalid, to_data, validate
from startpakke.paths import ensure_private_dir
from startpakke.safefile import SESSION_CAP, UnsafeFile, read_capped, write_atomic
from startpakke.session.lock import SessionLock
from startpakke.session.migrate import MigrationError, migrate
from startpakke.session.model import SCHEMA_VERSION, Session
from startpakke.session.paths import backup_path

P = ParamSpec("P")
R = TypeVar("R")

# The public top-level names of a session file; a JSON object with none of them (an agenda,
# some other program's file) is not a session, however it is shaped.
_SESSION_KEYS = frozenset(
    {"schema_version", "network", "participants", "rules", "competences", "plan", "actions"}
)


class SessionError(UserError):
    """A session file could not be read or written. `str(err)` is the whole message.

    `path` is the file, `problems` one line per problem (may be empty), and `backup` the
    previous good copy (`<name>.bak`) when it exists and loads, so the app can offer it.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        problems: Iterable[str] = (),
        backup: Path | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.problems = list(problems)
        self.backup = backup

    def __str__(self) -> str:
        lines = [self.message, *(f"  {problem}" for problem in self.problems)]
        if self.backup is not None:
            lines.append(_("Forrige gode kopi finnes: {backup}").format(backup=self.backup))
        return "\n".join(lines)


# -- reading ------------------------------------------------------------------------------

_JSON_MESSAGES = {
    "Expecting value": N_("forventet en verdi"),
    "Expecting property name enclosed in double quotes": N_(
        "forventet et feltnavn i doble anførselstegn (komma for mye?)"
    ),
    "Expecting ',' delimiter": N_("forventet komma"),
    "Expecting ':' delimiter": N_("forventet kolon"),
    "Unterminated string starting at": N_("teksten som starter her, slutter aldri"),
    "Invalid control character at": N_("ugyldig kontrolltegn i tekst"),
    "Invalid \\escape": N_("ugyldig \\-sekvens i tekst"),
    "Invalid \\uXXXX escape": N_("ugyldig \\u-sekvens i tekst"),
    "Extra data": N_("mer innhold etter slutten av øktdataene"),
    "Illegal trailing comma before end of object": N_("komma for mye før «}»"),
    "Illegal trailing comma before end of array": N_("komma for mye før «]»"),
}
_JSON_UNKNOWN = N_("teksten kan ikke leses som JSON her")


def describe_validation_error(error: Invalid) -> list[str]:
    """One Norwegian line per problem, `felt.sti: hva som er galt` (`startpakke.wording`)."""
    from startpakke.wording import word

    return [word(problem, Session).line(_("(hele filen)")) for problem in error.errors]


def _json_problem(path: Path, err: json.JSONDecodeError) -> SessionError:
    # Python's own message is English: a plain wording when it has none here.
    reason = _(_JSON_MESSAGES.get(err.msg, _JSON_UNKNOWN))
    truncated = err.pos >= len(err.doc.rstrip()) or err.msg.startswith("Unterminated string")
    message = _("{path}:{lineno}:{colno}: øktfilen er ikke gyldig JSON: {reason}.").format(
        path=path, lineno=err.lineno, colno=err.colno, reason=reason
    )
    if truncated:
        message += _(" Filen slutter for tidlig – den ser ut til å være avkortet eller skadet.")
    return SessionError(message, path=path)


def _read_data(path: Path) -> Any:
    if path.is_dir():
        raise SessionError(_("{path} er en mappe, ikke en øktfil.").format(path=path), path=path)
    try:
        raw = read_capped(path, SESSION_CAP)
    except UnsafeFile as err:
        raise SessionError(
            _("Øktfilen {path} {reason}.").format(path=path, reason=err.reason), path=path
        ) from None
    except FileNotFoundError:
        raise SessionError(_("Fant ikke øktfilen {path}.").format(path=path), path=path) from None
    except IsADirectoryError:
        raise SessionError(
            _("{path} er en mappe, ikke en øktfil.").format(path=path), path=path
        ) from None
    except PermissionError:
        raise SessionError(
            _("Har ikke tilgang til å lese øktfilen {path}.").format(path=path), path=path
        ) from None
    except OSError as err:
        raise SessionError(
            _("Kunne ikke lese øktfilen {path}: {reason}.").format(
                path=path, reason=os_reason(err)
            ),
            path=path,
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise SessionError(
            _("{path} er ikke en øktfil fra startpakke (ikke UTF-8-tekst, byte {start}).").format(
                path=path, start=err.start
            ),
            path=path,
        ) from None
    if not text.strip():
        raise SessionError(
            _("Øktfilen {path} er tom – den kan være avkortet eller skadet.").format(path=path),
            path=path,
        )
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise _json_problem(path, err) from None
    except ValueError:  # an integer of more than 4,300 digits
        raise SessionError(
            _("{path}: øktfilen har et tall med altfor mange sifre; ingen økt har det.").format(
                path=path
            ),
            path=path,
        ) from None
    except RecursionError:
        raise SessionError(
            _("{path}: øktfilen er for dypt nøstet.").format(path=path), path=path
        ) from None


def session_from_data(data: Any, path: Path) -> Session:
    """Validate parsed JSON as a session (migrating older formats); SessionError if not."""
    if not isinstance(data, dict) or not (_SESSION_KEYS & data.keys()):
        raise SessionError(
            _("{path} er ikke en øktfil fra startpakke.").format(path=path), path=path
        )
    try:
        data = migrate(data)
    except MigrationError as err:
        raise SessionError(f"{path}: {err}", path=path) from None
    try:
        return validate(Session, data)
    except Invalid as err:
        problems = describe_validation_error(err)
        count = ngettext("ett problem", "{n} problemer", len(problems)).format(n=len(problems))
        raise SessionError(
            _("{path}: øktfilen har feil innhold ({count}):").format(path=path, count=count),
            path=path,
            problems=problems,
        ) from None


def _load(path: Path) -> Session:
    return session_from_data(_read_data(path), path)


def good_backup(path: Path) -> Path | None:
    """`<name>.bak` beside `path` when it exists and loads as a session, else None."""
    backup = backup_path(Path(path))
    if not backup.is_file():
        return None
    try:
        _load(backup)
    except SessionError:
        return None
    return backup


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read a session file, migrating older formats to the current one.

    Raises `SessionError` naming the file and the problem — missing, not JSON, truncated,
    wrong types (one line per field), a newer format, not a session at all — with `backup`
    set when the previous good copy exists.
    """
    path = Path(path)
    try:
        return _load(path)
    except SessionError as err:
        err.backup = good_backup(path)
        raise


def load_backup(path: str | os.PathLike[str]) -> Session:
    """Read the previous good copy (`<name>.bak`) of the session file `path`."""
    return load_session(backup_path(Path(path)))


# -- writing ------------------------------------------------------------------------------


def dump_session(session: Session) -> bytes:
    """The file content for `session`: indented UTF-8 JSON, readable and hand-editable."""
    return _encode(_session_data(session))


def _session_data(session: Session) -> dict[str, Any]:
    if session.schema_version != SCHEMA_VERSION:
        session.schema_version = SCHEMA_VERSION
    data: dict[str, Any] = to_data(session)
    return data


def _without_save_time(data: dict[str, Any]) -> dict[str, Any]:
    """What a change is judged by: everything but `updated_at`, which every save sets."""
    return {key: value for key, value in data.items() if key != "updated_at"}


def _encode(data: dict[str, Any]) -> bytes:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (from a broken paste) has no UTF-8 form; \u escapes keep it.
        return (json.dumps(data, ensure_ascii=True, indent=2) + "\n").encode("ascii")


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse; the data is synced
        pass
    finally:
        os.close(fd)


def _side_name(path: Path) -> Path:
    """A hidden temporary name beside `path`, ignored by `list_sessions`."""
    return path.with_name(f".{path.name}.{os.urandom(4).hex()}.tmp")


def _keep_copy(source: Path, target: Path) -> None:
    """Make `target` hold `source`'s current content, atomically and without copying data.

    A hard link to the same file is instant; after `source` is replaced, `target` is the
    only name left for the old content. File systems without hard links (FAT on a memory
    stick) get a real copy.
    """
    side = _side_name(target)
    try:
        os.link(source, side)
    except OSError:
        fd = os.open(side, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(source.read_bytes())
            out.flush()
            os.fsync(out.fileno())
    # A hard link shares the old file's mode (perhaps 0644): the copy is private like the
    # session. The old name is replaced by a new 0600 file right after, so nothing widens.
    with contextlib.suppress(OSError):
        side.chmod(0o600)
    try:
        os.replace(side, target)
    except OSError:
        with contextlib.suppress(OSError):
            side.unlink()
        raise


def _write_atomic(
    path: Path, payload: bytes, *, backup_current: bool, create_folder: bool = True
) -> None:
    folder = path.parent
    if not folder.exists() and create_folder:
        ensure_private_dir(folder)
    keep = (lambda: _keep_copy(path, backup_path(path))) if backup_current else None
    write_atomic(path, payload, before_replace=keep)
    _fsync_dir(folder)


def _target(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    # Saving through a symlink updates the file it points to, not the link.
    return path.resolve() if path.is_symlink() else path


def _check_replaceable(path: Path, *, overwrite_damaged: bool) -> bool:
    """Whether `path` holds a good session to keep as `.bak`; refuse a damaged one.

    Returns False when there is no file. A file that does not load raises SessionError,
    unless `overwrite_damaged`, in which case it is first kept as `<name>.skadet-…`.
    """
    if not path.exists():
        return False
    try:
        _load(path)
    except SessionError as err:
        if not overwrite_damaged:
            raise SessionError(
                _(
                    "Lagret ikke: {path} finnes fra før og kan ikke leses som en økt, så den "
                    "blir ikke overskrevet. Velg en annen fil, eller bekreft at den skal "
                    "erstattes."
                ).format(path=path),
                path=path,
                problems=[str(err)],
                backup=good_backup(path),
            ) from None
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        _keep_copy(path, path.with_name(f"{path.name}.skadet-{stamp}"))
        return False
    return True


def _save(path: Path, payload: bytes, *, backup_current: bool, create_folder: bool = True) -> None:
    try:
        _write_atomic(path, payload, backup_current=backup_current, create_folder=create_folder)
    except OSError as err:
        raise SessionError(
            _("Kunne ikke lagre økten til {path}: {reason}.").format(
                path=path, reason=os_reason(err)
            ),
            path=path,
        ) from None


def save_session(
    session: Session, path: str | os.PathLike[str], *, overwrite_damaged: bool = False
) -> None:
    """Save `session` to `path` atomically, keeping the current good file as `.bak`.

    Refuses (SessionError) to replace an existing file that does not load as a session,
    unless `overwrite_damaged=True` — the user's explicit choice; the damaged file is then
    kept as `<name>.skadet-<tidspunkt>`.
    """
    target = _target(path)
    payload = dump_session(session)
    try:
        good = _check_replaceable(target, overwrite_damaged=overwrite_damaged)
    except OSError as err:
        raise SessionError(
            _("Kunne ikke lagre økten til {target}: {reason}.").format(
                target=target, reason=os_reason(err)
            ),
            path=target,
        ) from None
    _save(target, payload, backup_current=good)


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files a killed save left beside `path` (and its `.bak`)."""
    prefixes = (f".{path.name}.", f".{backup_path(path).name}.")
    with contextlib.suppress(OSError):
        for entry in path.parent.iterdir():
            if entry.name.startswith(prefixes) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    entry.unlink()


# -- the store the app holds --------------------------------------------------------------


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _new_target(path: str | os.PathLike[str]) -> Path:
    """Where a new session goes; refused (SessionError) when a file is there already: an
    existing file is continued with `open`, never replaced by a new session."""
    target = _target(path)
    if target.exists():
        raise SessionError(
            _("Øktfilen {target} finnes fra før; den blir ikke erstattet av en ny økt.").format(
                target=target
            ),
            path=target,
            backup=good_backup(target),
        )
    return target


class SessionStore:
    """The open session and its file. The app calls `autosave()` after every change.

    The store remembers what it wrote last, so an autosave with nothing new is skipped,
    and a file it wrote itself is not re-read before being kept as `.bak`.
    """

    def __init__(self, path: str | os.PathLike[str], session: Session) -> None:
        self.path = _target(path)
        self.session = session
        self._saved: dict[str, Any] | None = None  # what was written last, for autosave
        self._signature: tuple[int, int, int] | None = None  # the file as we left it
        self.lock: SessionLock | None = None
        """This window's lock on the file (see `session.lock`); None when nobody locked it."""

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> SessionStore:
        """Open an existing session file (SessionError if it does not load)."""
        store = cls(path, load_session(path))
        remove_stale_temporaries(store.path)
        store._saved = store._fingerprint()
        store._signature = _signature(store.path)
        return store

    @classmethod
    def create(cls, path: str | os.PathLike[str], session: Session | None = None) -> SessionStore:
        """Start a new session file at `path` and save it at once.

        Refuses (SessionError) when `path` already exists: an existing file is continued
        with `open`, never replaced by a new session.
        """
        target = _new_target(path)
        store = cls(target, session if session is not None else Session())
        store.save()
        return store

    @classmethod
    def pending(cls, path: str | os.PathLike[str], session: Session) -> SessionStore:
        """A new session for `path` that is written at its first save, not now.

        `run` uses it so that quitting the first screen without starting leaves no file.
        Refuses (SessionError) when `path` exists, like `create`, or when its folder cannot
        be written.
        """
        target = _new_target(path)
        folder = target.parent
        try:
            ensure_private_dir(folder)
        except OSError as err:
            raise SessionError(
                _("Kunne ikke lagre økten til {target}: {reason}.").format(
                    target=target, reason=os_reason(err)
                ),
                path=target,
            ) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise SessionError(
                _("Kunne ikke lagre økten til {target}: mangler tilgang.").format(target=target),
                path=target,
            )
        return cls(target, session)

    @classmethod
    def restore_backup(cls, path: str | os.PathLike[str]) -> SessionStore:
        """Continue from `<name>.bak` after the user chose it over a damaged `path`.

        The damaged file is kept aside as `<name>.skadet-<tidspunkt>`, not deleted.
        """
        target = _target(path)
        store = cls(target, load_backup(target))
        store.save(overwrite_damaged=True)
        return store

    def _fingerprint(self) -> dict[str, Any]:
        return _without_save_time(to_data(self.session))

    def save(self, *, overwrite_damaged: bool = False) -> None:
        """Write the session now (atomic, previous version kept as `.bak`)."""
        self._write(_session_data(self.session), overwrite_damaged=overwrite_damaged)

    def autosave(self) -> bool:
        """Save if anything changed since the last save; True when it wrote the file."""
        data = _session_data(self.session)  # once per edit: for the comparison and the file
        if _without_save_time(data) == self._saved and _signature(self.path) == self._signature:
            return False
        self._write(data)
        return True

    def _write(self, data: dict[str, Any], *, overwrite_damaged: bool = False) -> None:
        self.session.updated_at = datetime.now().astimezone()
        data["updated_at"] = to_data(self.session.updated_at)
        payload = _encode(data)
        if self.lock is not None and self.lock.taken_over():
            raise SessionError(
                _(
                    "Lagret ikke: {path} er tatt over av et annet vindu, så dette vinduet "
                    "skriver ikke lenger i den."
                ).format(path=self.path),
                path=self.path,
            )
        if self._signature is not None and _signature(self.path) == self._signature:
            good = True  # the file is the one we wrote: known to load
        else:
            try:
                good = _check_replaceable(self.path, overwrite_damaged=overwrite_damaged)
            except OSError as err:
                raise SessionError(
                    _("Kunne ikke lagre økten til {path}: {reason}.").format(
                        path=self.path, reason=os_reason(err)
                    ),
                    path=self.path,
                ) from None
        # A folder that went away while the meeting ran (a memory stick pulled out) is not
        # made again somewhere the facilitator does not expect: the save fails and says so.
        _save(self.path, payload, backup_current=good, create_folder=self._signature is None)
        self._signature = _signature(self.path)
        self._saved = _without_save_time(data)

    def apply(
        self, edit: Callable[Concatenate[Session, P], R], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        """Run an edit operation on the session, then autosave.

        `store.apply(add_rule, "Vi starter presis", proposed_by=kari.id)` is
        `add_rule(store.session, …)` followed by `store.autosave()`.
        """
        result = edit(self.session, *args, **kwargs)
        self.autosave()
        return result
