"""`startpakke validate FILE...` — check agenda files; one line per problem.

Valid files get an «OK» line on stdout; problems go to stderr as `FILE:LINE:COL: melding`.
Exit 0 when every file is valid, otherwise 1. Imports nothing heavier than the loader.

A file named `handouts.yaml` (the handout sheets that live beside the agendas) is checked
against the handouts model instead, so `startpakke validate agenda/*.yaml` checks them all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from startpakke.i18n import _, plural

HANDOUTS_FILE = "handouts.yaml"


def _handouts_model() -> Any:
    try:
        from startpakke.documents.handouts_model import Handouts
    except ImportError:
        return None
    return Handouts


def run(args: argparse.Namespace) -> int:
    from startpakke.agenda.loader import AgendaError, load_agenda, load_model

    status = 0
    for name in args.files:
        try:
            handouts = _handouts_model() if Path(name).name == HANDOUTS_FILE else None
            if handouts is not None:
                sheets = load_model(name, handouts)
                count = plural("{n} ark", "{n} ark", len(sheets.sheets))
                print(f"{name}: OK ({count})")
                continue
            agenda = load_agenda(name)
        except AgendaError as err:
            print(str(err), file=sys.stderr)
            status = 1
            continue
        parts = plural("{n} del", "{n} deler", len(agenda.parts))
        print(
            _("{name}: OK ({parts}, {minutes} min)").format(
                name=name, parts=parts, minutes=agenda.planned_minutes
            )
        )
    return status
