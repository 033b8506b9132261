"""`startpakke schema` — print the JSON Schema of agenda files.

The schema is generated from the agenda model by pydantic and committed as
`schema/agenda.schema.json` (the built-in agendas point at it with a
`# yaml-language-server: $schema=` line; the wheel ships it). The command prints that
shipped copy, which needs no pydantic. After changing the model, regenerate it with
`python -m startpakke.commands.schema > schema/agenda.schema.json`; a test fails until then.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from pathlib import Path
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
    import json

    return json.dumps(agenda_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped() -> Path | None:
    """The committed schema file, when this installation has it."""
    from startpakke.resources import data_dir

    try:
        path = data_dir("schema") / "agenda.schema.json"
    except FileNotFoundError:
        return None
    return path if path.is_file() else None


def run(args: argparse.Namespace) -> int:
    path = shipped()
    sys.stdout.write(path.read_text(encoding="utf-8") if path else render())
    return 0


if __name__ == "__main__":  # python -m startpakke.commands.schema: generate from the model
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    sys.stdout.write(render())
