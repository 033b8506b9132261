"""`startpakke handouts` — the sheets to print before the meeting.

    startpakke handouts [--agenda NAME|FILE] [--names "A,B,…"] [--copies N] [-o DIR]
                        [--template FILE] [--pdf]

One .docx per name (`arbeidsark-<navn>.docx`) with the name on every sheet, or N blank sets
(`arbeidsark-blank-<i>.docx`); neither option gives one blank set, both is a usage error.
The sheets come from `handouts.yaml` next to the agenda (the built-in one otherwise).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from startpakke.errors import UserError, report
from startpakke.i18n import _

MAX_COPIES = 100


def _usage(message: str) -> int:
    print(_("startpakke handouts: feil bruk: {message}").format(message=message), file=sys.stderr)
    return 2


def parse_names(text: str) -> list[str]:
    from startpakke.text import clean

    return [name for name in (clean(n).strip() for n in text.split(",")) if name]


def run(args: argparse.Namespace) -> int:
    names_option = getattr(args, "names", None)
    copies = getattr(args, "copies", None)
    if names_option is not None and copies is not None:
        return _usage(_("bruk enten --names eller --copies, ikke begge"))
    if copies is not None and not 1 <= copies <= MAX_COPIES:
        return _usage(
            _("--copies må være mellom 1 og {most}; fikk {copies}").format(
                most=MAX_COPIES, copies=copies
            )
        )
    names = parse_names(names_option) if names_option is not None else None
    if names_option is not None and not names:
        return _usage(_('--names må ha minst ett navn, f.eks. --names "Kari,Ola"'))
    if args.template and not Path(args.template).exists():
        from startpakke.documents.template import TemplateError

        return report(TemplateError(_("Fant ikke malen «{path}».").format(path=args.template)))
    try:
        return _write(args, names, copies)
    except UserError as err:
        return report(err)


def _write(args: argparse.Namespace, names: list[str] | None, copies: int | None) -> int:
    from startpakke.documents.handouts import write_handouts
    from startpakke.documents.handouts_model import handouts_path, load_handouts

    agenda_name = getattr(args, "agenda", None) or "startpakke"
    handouts = load_handouts(handouts_path(agenda_name))
    _check_references(agenda_name, {sheet.id for sheet in handouts.sheets})
    people: list[str] | int = names if names is not None else (copies or 1)
    written = write_handouts(handouts.sheets, people, Path(args.output or "."), args.template)
    for path in written:
        print(path)
    if getattr(args, "pdf", False):
        from startpakke.documents.pdf import convert_to_pdf

        for path in written:
            print(convert_to_pdf(path))
    return 0


def _check_references(agenda_name: str, known: set[str]) -> None:
    """Warn (not fail) when the agenda names a sheet the handouts file does not have."""
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.resources import resolve_agenda

    agenda = load_agenda_cached(resolve_agenda(agenda_name))
    missing = sorted({h for part in agenda.parts for h in part.handouts} - known)
    if missing:
        print(
            _("Advarsel: agendaen viser til ark som ikke finnes i handouts.yaml: {sheets}").format(
                sheets=", ".join(missing)
            ),
            file=sys.stderr,
        )
