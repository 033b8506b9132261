"""`startpakke export SESSION` — the documents after the meeting.

    startpakke export SESSION [--format kontrakt|referat|ics|runsheet] [-o FILE]
                              [--template FILE] [--pdf]

Reads the session file (never writes it), writes one document and prints its path. Without
`-o` the file is named from the network and the date, in the current folder; `-o` may also
be a folder. Only what the chosen format needs is imported, so the contract is written in
well under half a second. Problems are Norwegian messages with exit 1; usage errors exit 2.

The document is in the network's målform (`network.language`); `--lang` on the command line
overrides it. `STARTPAKKE_LANG` and the saved setting are the facilitator's own language
and decide only the messages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from startpakke.documents.registry import DocumentKind, document, make_document
from startpakke.errors import UserError, report
from startpakke.i18n import _

if TYPE_CHECKING:
    from startpakke.agenda.model import Agenda
    from startpakke.session.model import Session


def _usage(message: str) -> int:
    print(_("startpakke export: feil bruk: {message}").format(message=message), file=sys.stderr)
    return 2


def run(args: argparse.Namespace) -> int:
    kind = document(getattr(args, "format", None) or "kontrakt")
    if not kind.word and args.template:
        return _usage(
            _("--template gjelder bare Word-dokumentene, ikke {format}").format(format=kind.key)
        )
    if not kind.word and args.pdf:
        return _usage(
            _("--pdf gjelder bare Word-dokumentene, ikke {format}").format(format=kind.key)
        )
    try:
        return _export(args, kind)
    except UserError as err:
        return report(err)


def _export(args: argparse.Namespace, kind: DocumentKind) -> int:
    session_path = Path(args.session)
    session = load_session_file(session_path)
    output = _output_path(args.output, session, kind)
    if _same_file(output, session_path):
        raise UserError(
            _(
                "«{path}» er selve øktfilen og blir ikke overskrevet. Velg et annet navn med -o."
            ).format(path=output)
        )
    replacing = output.is_file()  # said afterwards: an edited copy may have been there
    written = make_document(
        kind,
        session,
        output,
        agenda=load_session_agenda(session, session_path) if kind.needs_agenda else None,
        template=Path(args.template) if args.template else None,
        # None unless --lang was given on the command line: then the network's målform.
        language=getattr(args, "lang", None),
    )
    print(written)
    if replacing:
        print(
            _("Merk: {path} fantes fra før og er erstattet.").format(path=written),
            file=sys.stderr,
        )
    left_out = kind.left_out(session)
    if left_out:  # the document is right, but not what the facilitator may have expected
        print(_("Merk: {note}").format(note=left_out), file=sys.stderr)
    if args.pdf:
        from startpakke.documents.pdf import convert_to_pdf

        print(convert_to_pdf(written))
    return 0


def _output_path(option: str | None, session: Session, kind: DocumentKind) -> Path:
    if not option:
        return Path.cwd() / kind.default_filename(session)
    path = Path(option).expanduser()
    if path.is_dir():
        return path / kind.default_filename(session)
    if not path.suffix:
        path = path.with_name(path.name + kind.suffix)
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def load_session_file(path: Path) -> Session:
    """The session through the store (migrations, Norwegian messages); read-only."""
    from startpakke.session.store import load_session

    return load_session(path)


def load_session_agenda(session: Session, session_path: Path) -> Agenda:
    """The session's agenda: a built-in one by name, else a path (as written, or relative to
    the session file's folder)."""
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.resources import resolve_agenda

    name = session.agenda or session.agenda_id or "startpakke"
    path = resolve_agenda(name)
    if not path.exists() and not path.is_absolute():
        beside = session_path.parent / path
        if beside.exists():
            path = beside
    return load_agenda_cached(path)
