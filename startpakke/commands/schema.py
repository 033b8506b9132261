"""`startpakke schema` — print the JSON Schema of agenda files.

The committed copy lives in `schema/agenda.schema.json` (the built-in agendas point at it
with a `# yaml-language-server: $schema=` line); regenerate it with
`startpakke schema > schema/agenda.schema.json`.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

SCHEMA_ID = "urn:startpakke:agenda-schema"


def agenda_schema() -> dict[str, Any]:
    """The agenda's JSON Schema (draft 2020-12), with the field descriptions."""
    from startpakke.agenda.model import Agenda
    from startpakke.modeling import json_schema

    body = json_schema(Agenda)
    # The loader accepts (and ignores) `$schema`, the pointer editors follow to this file.
    body["properties"] = {
        "$schema": {"type": "string", "description": "Valgfri sti til JSON Schema (for editorer)."},
        **body["properties"],
    }
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
    }
    schema.update(body)
    schema["title"] = "Startpakke-agenda"
    schema["description"] = (
        "En agenda for startpakke: møtets deler, faser, runder og hva som skrives ned. "
        "Sjekk en fil med `startpakke validate FIL`."
    )
    return schema


def render() -> str:
    """The schema exactly as `startpakke schema` prints it (and as the file holds it)."""
    return json.dumps(agenda_schema(), indent=2, ensure_ascii=False) + "\n"


def run(args: argparse.Namespace) -> int:
    import sys

    sys.stdout.write(render())
    return 0
