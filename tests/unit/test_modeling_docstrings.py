"""The field docstrings are the JSON Schema's descriptions, and only the schema reads them.

pydantic finds a docstring by reading and parsing the model's source file: that was a
quarter of the CPU time of `startpakke export`, which validates a session and writes no
schema. So the validators are built without them (`startpakke/modeling.py`).
"""

from __future__ import annotations

import pytest

from startpakke import modeling
from startpakke.agenda.model import Agenda
from startpakke.session.model import Session


def descriptions(schema: object) -> list[str]:
    """The descriptions of fields (a class's own docstring costs nothing to read)."""
    if isinstance(schema, list):
        return [text for value in schema for text in descriptions(value)]
    if not isinstance(schema, dict):
        return []
    fields = schema.get("properties", {})
    found = [field["description"] for field in fields.values() if "description" in field]
    return found + [text for value in schema.values() for text in descriptions(value)]


@pytest.mark.parametrize("model", [Session, Agenda])
def test_the_schema_has_the_docstrings_and_the_validator_did_not_read_them(
    model: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(modeling, "_ADAPTERS", {})
    validator = modeling._adapter(model)  # what validate() uses
    assert descriptions(validator.json_schema()) == []
    assert len(descriptions(modeling.json_schema(model))) > 20
    assert "use_attribute_docstrings" not in modeling.CONFIG  # switched off again
    assert descriptions(modeling._adapter(model).json_schema()) == []
