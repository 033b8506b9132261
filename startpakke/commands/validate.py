"""`startpakke validate FILE...` — check agenda files; one line per problem.

Valid files get an «OK» line on stdout; problems go to stderr as `FILE:LINE:COL: melding`.
Exit 0 when every file is valid, otherwise 1. Imports nothing heavier than the loader.
"""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    from startpakke.agenda.loader import AgendaError, load_agenda

    status = 0
    for name in args.files:
        try:
            agenda = load_agenda(name)
        except AgendaError as err:
            print(str(err), file=sys.stderr)
            status = 1
            continue
        print(f"{name}: OK ({len(agenda.parts)} deler, {agenda.planned_minutes} min)")
    return status
