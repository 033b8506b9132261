"""The session model: format version, field docs, JSON Schema kept current."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from startpakke.modeling import Invalid, to_data, validate
from startpakke.session.model import (
    SCHEMA_VERSION,
    MeetingSlot,
    Participant,
    Role,
    Session,
    json_schema,
)

ROOT = Path(__file__).resolve().parents[2]

SCHEMA_FILE = ROOT / "schema" / "session.schema.json"


def test_new_session_has_current_version_and_public_names() -> None:
    data = to_data(Session())
    assert data["schema_version"] == SCHEMA_VERSION == 3
    for name in ("network", "participants", "rules", "competences", "plan", "actions", "run"):
        assert name in data


def test_every_field_is_described() -> None:
    schema = json_schema()
    models = [schema, *schema["$defs"].values()]
    objects = [m for m in models if m.get("type") == "object"]
    assert len(objects) > 8
    missing = [
        f"{model.get('title')}.{name}"
        for model in objects
        for name, info in model["properties"].items()
        if not info.get("description")
    ]
    assert missing == []


def test_schema_file_is_current() -> None:
    on_disk = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert on_disk == json_schema(), (
        "schema/session.schema.json is stale: "
        "python -m startpakke.session.model > schema/session.schema.json"
    )


def test_schema_names_the_public_top_level_fields() -> None:
    properties = json_schema()["properties"]
    assert {"schema_version", "network", "participants", "rules", "competences"} <= set(properties)
    assert json_schema()["additionalProperties"] is False


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("09:00", "09:00"), ("9:00", "09:00"), ("9.30", "09:30"), (" 14:05 ", "14:05")],
)
def test_meeting_clock_is_normalised(typed: str, stored: str) -> None:
    assert validate(MeetingSlot, {"date": date(2026, 3, 1), "start": typed}).start == stored


@pytest.mark.parametrize("typed", ["25:00", "9", "ni", "12:5", "12:60", "١٢:٠٠"])
def test_meeting_clock_rejects_nonsense(typed: str) -> None:
    with pytest.raises(Invalid) as info:
        validate(MeetingSlot, {"date": date(2026, 3, 1), "end": typed})
    assert "TT:MM" in info.value.errors[0]["msg"]


def test_unknown_keys_are_errors_not_dropped() -> None:
    with pytest.raises(Invalid) as info:
        validate(Participant, {"name": "Kari", "nmae": "typo"})
    assert [error["loc"] for error in info.value.errors] == [("nmae",)]


def test_lookups() -> None:
    kari = Participant(name="Kari")
    vara = Participant(name="Ola", role=Role.deputy)
    session = Session(participants=[kari, vara])
    assert session.name_of(kari.id) == "Kari"
    assert session.name_of("Fritekst") == "Fritekst"
    assert session.members == [kari]
    assert session.deputies == [vara]
