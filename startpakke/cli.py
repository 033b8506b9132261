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

from startpakke import __version__
from startpakke.documents.registry import KEYS as DOCUMENT_KEYS

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


# argparse's own words, in Norwegian: usage errors and --help are read by facilitators too.
_ARGPARSE_WORDS = {
    "usage: ": "bruk: ",
    "options": "valg",
    "positional arguments": "argumenter",
    "show this help message and exit": "vis denne hjelpen og avslutt",
    "show program's version number and exit": "vis versjonen og avslutt",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldig valg %(value)r (velg blant %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig verdi %(value)r",
    "the following arguments are required: %s": "dette mangler: %s",
    "unrecognized arguments: %s": "ukjente argumenter: %s",
    "expected one argument": "mangler en verdi",
    "expected at least one argument": "mangler minst én verdi",
    "not allowed with argument %s": "kan ikke brukes sammen med %s",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig valg: %(option)s kan bety %(matches)s"
    ),
}
argparse._ = lambda text: _ARGPARSE_WORDS.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with Norwegian usage errors (exit 2, as argparse does)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: feil bruk: {message}\n")


def _add_agenda_option(parser: argparse.ArgumentParser, default: str = "startpakke") -> None:
    parser.add_argument(
        "--agenda",
        default=default,
        metavar="NAVN|FIL",
        help="innebygd agenda (startpakke, kollegaveiledning, revisjon) eller sti til en YAML-fil "
        f"(standard: {default})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="startpakke",
        description="Fasilitatorens verktøy for å etablere og drive et barnevernledernettverk.",
    )
    parser.add_argument("--version", action="version", version=f"startpakke {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    run = sub.add_parser("run", help="kjør møtet (standard når ingen kommando er gitt)")
    _add_agenda_option(run)
    run.add_argument("--session", metavar="FIL", help="øktfil å lagre til eller fortsette")
    run.add_argument("--names", metavar='"A,B,…"', help="deltakernes navn, kommaseparert")
    run.add_argument("--resume", action="store_true", help="fortsett den siste økten")
    run.add_argument(
        "--from", dest="from_session", metavar="ØKT", help="nytt møte i et eksisterende nettverk"
    )
    run.add_argument("--projektor", action="store_true", help="lyst tema med høy kontrast")
    run.add_argument("--no-bell", action="store_true", help="ingen lyd når tiden er ute")

    validate = sub.add_parser("validate", help="sjekk agendafiler")
    validate.add_argument("files", nargs="+", metavar="FIL")

    agenda = sub.add_parser("agenda", help="kjøreplanen for dagen")
    _add_agenda_option(agenda)
    agenda.add_argument("--start", default="09:00", metavar="TT:MM", help="starttid (09:00)")
    agenda.add_argument(
        "--participants", type=int, default=6, metavar="N", help="antall deltakere (6)"
    )
    agenda.add_argument("--json", action="store_true", help="skriv agendaen som JSON")
    agenda.add_argument("-o", "--output", metavar="FIL.docx", help="skriv kjøreplanen til Word")
    agenda.add_argument("--template", metavar="FIL", help="Word-mal")
    agenda.add_argument("--pdf", action="store_true", help="skriv også PDF (krever LibreOffice)")

    sub.add_parser("schema", help="JSON Schema for agendafiler")

    handouts = sub.add_parser("handouts", help="arkene som skrives ut før møtet")
    _add_agenda_option(handouts)
    handouts.add_argument("--names", metavar='"A,B,…"', help="ett sett per navn")
    handouts.add_argument("--copies", type=int, metavar="N", help="N blanke sett")
    handouts.add_argument("-o", "--output", metavar="MAPPE", default=".", help="mappe (.)")
    handouts.add_argument("--template", metavar="FIL", help="Word-mal")
    handouts.add_argument("--pdf", action="store_true", help="skriv også PDF")

    export = sub.add_parser("export", help="lag dokumenter fra en økt")
    export.add_argument("session", metavar="ØKT")
    export.add_argument(
        "--format",
        choices=DOCUMENT_KEYS,
        default=DOCUMENT_KEYS[0],
        help=f"{DOCUMENT_KEYS[0]} (standard), {', '.join(DOCUMENT_KEYS[1:-1])} "
        f"eller {DOCUMENT_KEYS[-1]}",
    )
    export.add_argument("-o", "--output", metavar="FIL")
    export.add_argument("--template", metavar="FIL", help="Word-mal")
    export.add_argument("--pdf", action="store_true", help="skriv også PDF (krever LibreOffice)")

    projector = sub.add_parser("projector", help="visningen for rommet (skrivebeskyttet)")
    projector.add_argument("--session", metavar="FIL", help="økten å følge (standard: siste)")
    projector.add_argument("--web", action="store_true", help="vis i nettleseren")
    projector.add_argument("--port", type=int, default=8765, metavar="N", help="port (8765)")
    projector.add_argument(
        "--host", default="127.0.0.1", metavar="ADRESSE", help="adresse (127.0.0.1)"
    )
    projector.add_argument("--font-size", type=int, default=28, metavar="PX", help="skrift (28)")
    projector.add_argument("--dark", action="store_true", help="mørkt tema")
    return parser


# Each command lives in startpakke.commands.<module> with `run(args) -> int`.
_COMMANDS = {
    "run": "run",
    "validate": "validate",
    "agenda": "agenda",
    "schema": "schema",
    "handouts": "handouts",
    "export": "export",
    "projector": "projector",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["run", *(argv or [])])
    module = importlib.import_module(f"startpakke.commands.{_COMMANDS[args.command]}")
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
