"""Every document a session can make, in one table: the CLI's `--format` and the app's `e`.

One row per kind: the key (`startpakke export --format KEY`), the Norwegian name shown in the
dialog and in messages, how the default file is named, and the writer. The writers are
imported when a document is made, not when the table is read, so `startpakke export` pulls
in only what the chosen format needs (the contract is written in well under half a second)
and the table itself costs nothing to import.
"""

from __future__ import annotations

from startpakke.errors import UserError, os_reason
from startpakke.i18n import N_, _, plural
from startpakke.text import slug

TYPE_CHECKING = False  # not `typing.TYPE_CHECKING`: `startpakke --version` reads this module
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from pathlib import Path

    from startpakke.agenda.model import Agenda
    from startpakke.session.model import Session

    Writer = Callable[[Session, Agenda | None, Path, Path | None], Path]
    """(session, agenda or None, path, Word template or None) → the path written."""


class DocumentKind:
    """One kind of document made from a session: a row of `DOCUMENTS`.

    A plain class rather than a dataclass: `startpakke --version` builds the command line,
    which reads this table, and `dataclasses` (with `inspect`) would double its start.
    """

    __slots__ = (
        "_description",
        "_name",
        "dated",
        "key",
        "left_out",
        "needs_agenda",
        "stem",
        "suffix",
        "word",
        "write_with",
    )

    def __init__(
        self,
        key: str,
        name: str,
        description: str,
        stem: str,
        suffix: str,
        write_with: Writer,
        *,
        dated: bool = True,
        needs_agenda: bool = False,
        word: bool = True,
        left_out: Callable[[Session], str | None] | None = None,
    ) -> None:
        self.key = key
        """The name on the command line: `--format kontrakt`."""
        self._name = name
        self._description = description
        self.stem = stem
        """The default file name starts with this, then the network and the meeting date."""
        self.suffix = suffix
        self.write_with = write_with
        self.dated = dated
        """The default file name ends with the meeting date (the calendar spans many)."""
        self.needs_agenda = needs_agenda
        """The writer reads the session's agenda (its parts and their plan)."""
        self.word = word
        """A Word document: it takes `--template` and `--pdf`."""
        self.left_out = left_out or (lambda _session: None)
        """What the facilitator may expect in the document that it leaves out, said beside
        it when it is made (None: nothing), in the program's language."""

    @property
    def name(self) -> str:
        """What the facilitator reads: «Nettverkskontrakt» (in the current language)."""
        return _(self._name)

    @property
    def description(self) -> str:
        """The line in the export dialog: what it is and which kind of file."""
        return _(self._description)

    def __repr__(self) -> str:
        return f"DocumentKind({self.key!r})"

    def default_filename(self, session: Session) -> str:
        """«nettverkskontrakt-nettverket-i-testdal-2026-09-14.docx»."""
        parts = [self.stem, slug(session.network.name)]
        if self.dated:
            parts.append(meeting_date(session).isoformat())
        return "-".join(parts) + self.suffix


def meeting_date(session: Session) -> date:
    """The day the documents are dated: the meeting's, else the day the session began."""
    return session.network.meeting_date or session.created_at.date()


def _proposals_left_out(session: Session) -> str | None:
    # A rule the group has not agreed on is not in the contract; a contract made before
    # the agreement was marked would otherwise have «Ingen spilleregler er vedtatt ennå.».
    proposed = sum(1 for rule in session.rules if not rule.agreed and rule.text.strip())
    if not proposed:
        return None
    return plural(
        "{n} forslag til spilleregel er ikke vedtatt og står ikke i kontrakten.",
        "{n} forslag til spilleregler er ikke vedtatt og står ikke i kontrakten.",
        proposed,
    )


# -- the writers, imported when used -------------------------------------------------------


def _contract(session: Session, _agenda: Agenda | None, path: Path, template: Path | None) -> Path:
    from startpakke.documents.contract import write_contract

    return write_contract(session, path, template)


def _referat(session: Session, agenda: Agenda | None, path: Path, template: Path | None) -> Path:
    from startpakke.documents.referat import write_referat

    assert agenda is not None
    return write_referat(session, agenda, path, template)


def _calendar(session: Session, _agenda: Agenda | None, path: Path, _template: Path | None) -> Path:
    from startpakke.documents.calendar import write_ics

    return write_ics(session, path)


def _runsheet(session: Session, agenda: Agenda | None, path: Path, template: Path | None) -> Path:
    from startpakke.documents.runsheet import write_session_runsheet

    assert agenda is not None
    return write_session_runsheet(session, agenda, path, template)


DOCUMENTS: tuple[DocumentKind, ...] = (
    DocumentKind(
        "kontrakt",
        N_("Nettverkskontrakt"),
        N_("Nettverkskontrakt (Word)"),
        "nettverkskontrakt",
        ".docx",
        _contract,
        left_out=_proposals_left_out,
    ),
    DocumentKind(
        "referat",
        N_("Referat"),
        N_("Referat (Word)"),
        "referat",
        ".docx",
        _referat,
        needs_agenda=True,
    ),
    DocumentKind(
        "ics",
        N_("Møtedatoer"),
        N_("Møtedatoer til kalenderen (.ics)"),
        "nettverksmoter",
        ".ics",
        _calendar,
        dated=False,
        word=False,
    ),
    DocumentKind(
        "runsheet",
        N_("Kjøreplan"),
        N_("Kjøreplan med faktiske tider (Word)"),
        "kjoreplan",
        ".docx",
        _runsheet,
        needs_agenda=True,
    ),
)
"""In the order the dialog lists them; the first is the default."""

KEYS: tuple[str, ...] = tuple(document.key for document in DOCUMENTS)


def document(key: str) -> DocumentKind:
    """The row for `key` (one of `KEYS`)."""
    for row in DOCUMENTS:
        if row.key == key:
            return row
    raise KeyError(key)


def output_folder(session_path: Path | None) -> Path:
    """Where the app puts documents: beside the session file when the user chose where it
    lives, else the current folder (never inside the data folder, where nobody looks)."""
    from pathlib import Path

    from startpakke.paths import data_dir

    if session_path is None:
        return Path.cwd()

    try:
        if session_path.resolve().is_relative_to(data_dir().resolve()):
            return Path.cwd()
    except (OSError, ValueError):
        return Path.cwd()
    return session_path.parent


def _builtin_in_this_language(session: Session, agenda: Agenda) -> Agenda:
    """A built-in agenda in the language now in use (the document's): the parts' titles in
    the referat and the kjøreplan were in the program's language, not the network's. An
    agenda of the facilitator's own is as it is."""
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.resources import builtin_agenda

    path = builtin_agenda(session.agenda or session.agenda_id or "")
    return load_agenda_cached(path) if path is not None else agenda


def make_document(
    kind: DocumentKind,
    session: Session,
    path: Path,
    *,
    agenda: Agenda | None = None,
    template: Path | None = None,
    language: str | None = None,
) -> Path:
    """Write one document; a UserError with a Norwegian message when it cannot be written.

    The session is only read. `agenda` is needed by the kinds with `needs_agenda`. The
    document is in `language` (`--lang` given on the command line), else in the network's
    målform (`network.language`), whatever language the program itself shows.
    """
    from pathlib import Path

    from startpakke import i18n

    if kind.needs_agenda and agenda is None:
        raise ValueError(f"{kind.key} needs the session's agenda")
    # «ny.pdf» would be a Word file no reader opens. (A file that is there is checked as
    # it is replaced: an input or another kind of document is never overwritten.)
    if path.suffix.lower() != kind.suffix and not path.exists():
        raise UserError(
            _(
                "«{path}» har ikke endelsen {suffix}: {name} blir en {suffix}-fil. "
                "Skriv et navn som slutter på {suffix}."
            ).format(path=path, suffix=kind.suffix, name=_(kind.name))
        )
    try:
        with i18n.using(i18n.normalise(language) or str(session.network.language)):
            if agenda is not None:
                agenda = _builtin_in_this_language(session, agenda)
            return Path(kind.write_with(session, agenda, path, template))
    except UserError:
        raise
    except OSError as err:
        raise UserError(
            _("Kunne ikke lage {path}: {reason}.").format(path=path, reason=os_reason(err))
        ) from None
