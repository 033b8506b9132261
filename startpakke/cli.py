"""The `startpakke` command line.

Only argparse is imported here; each subcommand's module is imported when it runs, so the
commands that open no window (validate, agenda, schema, export, handouts) never import
Textual and `startpakke --version` starts at once.

Exit codes: 0 ok, 1 invalid input (a clear Norwegian message), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from startpakke import __version__, i18n
from startpakke.i18n import N_, _, ngettext

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


# argparse's own words, in Norwegian: usage errors and --help are read by facilitators too.
# The values are catalogue messages (bokmål ids), translated when argparse asks for them.
_ARGPARSE_WORDS = {
    "usage: ": N_("bruk: "),
    "options": N_("valg"),
    "positional arguments": N_("argumenter"),
    "show this help message and exit": N_("vis denne hjelpen og avslutt"),
    "show program's version number and exit": N_("vis versjonen og avslutt"),
    "argument %(argument_name)s: %(message)s": N_("%(argument_name)s: %(message)s"),
    "invalid choice: %(value)r (choose from %(choices)s)": N_(
        "ugyldig valg %(value)r (velg blant %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": N_("ugyldig verdi %(value)r"),
    "the following arguments are required: %s": N_("dette mangler: %s"),
    "unrecognized arguments: %s": N_("ukjente argumenter: %s"),
    "expected one argument": N_("mangler en verdi"),
    "expected at most one argument": N_("tar høyst én verdi"),
    "expected at least one argument": N_("mangler minst én verdi"),
    "not allowed with argument %s": N_("kan ikke brukes sammen med %s"),
    "one of the arguments %s is required": N_("ett av disse må være med: %s"),
    "ignored explicit argument %r": N_("tar ingen verdi: %r"),
    "ambiguous option: %(option)s could match %(matches)s": N_(
        "tvetydig valg: %(option)s kan bety %(matches)s"
    ),
}


def _argparse_gettext(text: str) -> str:
    return _(_ARGPARSE_WORDS.get(text, text))


argparse._ = _argparse_gettext  # type: ignore[attr-defined]


def _argparse_ngettext(singular: str, plural_form: str, n: int) -> str:
    # argparse (3.11) has one plural message: «expected %s argument(s)».
    if singular == "expected %s argument":
        return ngettext("forventet %s verdi", "forventet %s verdier", n)
    return singular if n == 1 else plural_form


argparse.ngettext = _argparse_ngettext  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Norwegian usage errors (exit 2, as argparse does)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(
            EXIT_USAGE,
            _("{prog}: feil bruk: {message}").format(prog=self.prog, message=message) + "\n",
        )


def _add_agenda_option(parser: argparse.ArgumentParser, default: str = "startpakke") -> None:
    parser.add_argument(
        "--agenda",
        default=default,
        metavar=_("NAVN|FIL"),
        help=_(
            "innebygd agenda (startpakke, kollegaveiledning, revisjon) eller sti til en "
            "YAML-fil (standard: {default})"
        ).format(default=default),
    )


def _add_lang_option(parser: argparse.ArgumentParser, default: object) -> None:
    # SUPPRESS on the subcommands, so `startpakke --lang nn run` keeps the top-level value.
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=default,
        help=_(
            "språk: nb (bokmål) eller nn (nynorsk); standard: STARTPAKKE_LANG, så innstillingen"
        ),
    )


def _early_language(argv: Sequence[str]) -> str | None:
    """`--lang` read before the parser is built, so its help texts are in that language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def build_parser() -> argparse.ArgumentParser:
    from startpakke.documents.registry import KEYS as DOCUMENT_KEYS

    parser = _Parser(
        prog="startpakke",
        description=_("Fasilitatorens verktøy for å etablere og drive et barnevernledernettverk."),
    )
    # argparse 3.11 does not pass --version's help through gettext: give it ourselves.
    parser.add_argument(
        "--version",
        action="version",
        version=f"startpakke {__version__}",
        help=_("vis versjonen og avslutt"),
    )
    _add_lang_option(parser, default=None)
    sub = parser.add_subparsers(dest="command", metavar=_("KOMMANDO"), parser_class=_Parser)

    run = sub.add_parser("run", help=_("kjør møtet (standard når ingen kommando er gitt)"))
    _add_agenda_option(run)
    run.add_argument("--session", metavar=_("FIL"), help=_("øktfil å lagre til eller fortsette"))
    run.add_argument("--names", metavar='"A,B,…"', help=_("deltakernes navn, kommaseparert"))
    run.add_argument("--resume", action="store_true", help=_("fortsett den siste økten"))
    run.add_argument(
        "--from",
        dest="from_session",
        metavar=_("ØKT"),
        help=_("nytt møte i et eksisterende nettverk"),
    )
    run.add_argument(
        "--projektor",
        action="store_true",
        help=_("lyst tema med høy kontrast; notater og kontaktopplysninger skjult (romvisning, R)"),
    )
    run.add_argument(
        "--network", metavar=_("NAVN"), help=_("neste møte i nettverket, fra dets siste økt")
    )
    run.add_argument("--no-bell", action="store_true", help=_("ingen lyd når tiden er ute"))

    validate = sub.add_parser("validate", help=_("sjekk agendafiler"))
    validate.add_argument("files", nargs="+", metavar=_("FIL"))

    agenda = sub.add_parser("agenda", help=_("kjøreplanen for dagen"))
    _add_agenda_option(agenda)
    agenda.add_argument("--start", default="09:00", metavar=_("TT:MM"), help=_("starttid (09:00)"))
    agenda.add_argument(
        "--participants", type=int, default=6, metavar="N", help=_("antall deltakere (6)")
    )
    agenda.add_argument("--json", action="store_true", help=_("vis agendaen som JSON"))
    agenda.add_argument(
        "-o", "--output", metavar=_("FIL.docx"), help=_("lag kjøreplanen som Word-fil")
    )
    agenda.add_argument("--template", metavar=_("FIL"), help=_("Word-mal"))
    agenda.add_argument(
        "--pdf", action="store_true", help=_("lag også en PDF (krever LibreOffice)")
    )

    sub.add_parser("schema", help=_("JSON Schema for agendafiler"))

    handouts = sub.add_parser("handouts", help=_("arkene som skrives ut før møtet"))
    _add_agenda_option(handouts)
    handouts.add_argument("--names", metavar='"A,B,…"', help=_("ett sett per navn"))
    handouts.add_argument("--copies", type=int, metavar="N", help=_("N blanke sett"))
    handouts.add_argument(
        "-o", "--output", metavar=_("MAPPE"), default=".", help=_("mappen filene lagres i (.)")
    )
    handouts.add_argument("--template", metavar=_("FIL"), help=_("Word-mal"))
    handouts.add_argument(
        "--pdf", action="store_true", help=_("lag også en PDF (krever LibreOffice)")
    )

    export = sub.add_parser("export", help=_("lag dokumenter fra en økt"))
    export.add_argument("session", metavar=_("ØKT"))
    export.add_argument(
        "--format",
        choices=DOCUMENT_KEYS,
        default=DOCUMENT_KEYS[0],
        help=_("{first} (standard), {others} eller {last}").format(
            first=DOCUMENT_KEYS[0], others=", ".join(DOCUMENT_KEYS[1:-1]), last=DOCUMENT_KEYS[-1]
        ),
    )
    export.add_argument("-o", "--output", metavar=_("FIL"))
    export.add_argument("--template", metavar=_("FIL"), help=_("Word-mal"))
    export.add_argument(
        "--pdf", action="store_true", help=_("lag også en PDF (krever LibreOffice)")
    )

    _add_network_parser(sub)

    projector = sub.add_parser("projector", help=_("visningen for rommet (skrivebeskyttet)"))
    projector.add_argument("--session", metavar=_("FIL"), help=_("økten å følge (standard: siste)"))
    projector.add_argument("--web", action="store_true", help=_("vis i nettleseren"))
    projector.add_argument(
        "--ikke-åpne",
        "--ikke-apne",
        dest="no_open",
        action="store_true",
        help=_("--web: ikke åpne nettleseren, bare vis adressen"),
    )
    projector.add_argument("--port", type=int, default=8765, metavar="N", help=_("port (8765)"))
    projector.add_argument(
        "--host",
        default="127.0.0.1",
        metavar=_("ADRESSE"),
        help=_("127.0.0.1 (standard), ::1 eller localhost: bare denne maskinen"),
    )
    projector.add_argument(
        "--font-size", type=int, default=28, metavar="PX", help=_("--web: skrift ved 1280×720 (28)")
    )
    projector.add_argument("--dark", action="store_true", help=_("mørkt tema"))
    _add_lang_to_subcommands(parser)
    return parser


def _add_network_parser(sub: argparse._SubParsersAction[_Parser]) -> None:
    network = sub.add_parser("network", help=_("nettverkene på denne maskinen og deres år"))
    actions = network.add_subparsers(dest="network_command", metavar=_("HANDLING"))
    show = actions.add_parser("show", help=_("medlemmer, kontrakt, oppfølgingspunkter, roller"))
    show.add_argument("name", metavar=_("NAVN"), help=_("navnet, en del av det, eller id-en"))
    show.add_argument("--files", action="store_true", help=_("alle filer som er lagret om det"))
    show.add_argument("--keep-until", metavar=_("DATO"), help=_("sett slettedato (dd.mm.åååå)"))
    report = actions.add_parser("report", help=_("årsrapport som Word-dokument"))
    report.add_argument("name", metavar=_("NAVN"))
    report.add_argument(
        "--year", type=int, metavar=_("ÅÅÅÅ"), help=_("året (standard: siste møtes)")
    )
    report.add_argument("-o", "--output", metavar=_("FIL.docx"))
    report.add_argument("--template", metavar=_("FIL"), help=_("Word-mal"))
    report.add_argument("--anonymous", action="store_true", help=_("bare tall, ingen navn"))
    anonymise = actions.add_parser("anonymise", help=_("erstatt navn med «Deltaker 1» …"))
    anonymise.add_argument("name", metavar=_("NAVN"))
    anonymise.add_argument("--yes", action="store_true", help=_("ikke spør (for skript)"))
    delete = actions.add_parser("delete", help=_("slett alle filer om nettverket"))
    delete.add_argument("name", metavar=_("NAVN"))
    delete.add_argument("--yes", action="store_true", help=_("ikke spør (for skript)"))


def _add_lang_to_subcommands(parser: argparse.ArgumentParser) -> None:
    """Every command, and every command under it, takes `--lang` (PRODUCT.md)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for subparser in dict.fromkeys(action.choices.values()):
                if "--lang" not in subparser._option_string_actions:
                    _add_lang_option(subparser, default=argparse.SUPPRESS)
                _add_lang_to_subcommands(subparser)


# Each command lives in startpakke.commands.<module> with `run(args) -> int`.
_COMMANDS = {
    "run": "run",
    "validate": "validate",
    "agenda": "agenda",
    "schema": "schema",
    "handouts": "handouts",
    "export": "export",
    "projector": "projector",
    "network": "network",
}


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(i18n.choose_language(i18n.normalise(_early_language(given))))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["run", *(argv or [])])
    module = importlib.import_module(f"startpakke.commands.{_COMMANDS[args.command]}")
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
