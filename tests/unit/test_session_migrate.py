"""Older session files open: format 1 (pre-release) → 2, and newer formats are refused."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from startpakke.modeling import to_data, validate
from startpakke.session.migrate import MIGRATIONS, MigrationError, migrate, migrate_1_to_2
from startpakke.session.model import SCHEMA_VERSION, Session
from startpakke.session.store import SessionError, load_session, save_session

V1: dict[str, Any] = {
    "schema_version": 1,
    "network": {"name": "Nettverket Telemark vest", "meeting_date": "2025-09-02"},
    "participants": ["Kari Nordmann", "Ola Haugen", "Siri Bakken"],
    "facilitator": "Ola Haugen",
    "rules": [
        {"text": "Det som sies her, blir her.", "proposed_by": "Kari Nordmann", "agreed": True},
        {"text": "Mobilen ligger i sekken.", "proposed_by": "Noen andre", "agreed": False},
    ],
    "competences": [
        {"participant": "Siri Bakken", "category": "teoretisk", "text": "Barnevernsloven"},
    ],
    "plan": {
        "leader": "Kari Nordmann",
        "secretary": "Siri Bakken",
        "term": "year",
        "dates": ["2025-10-14", "2025-11-25"],
        "themes": ["Rekruttering"],
    },
    "actions": [{"what": "Sende ut kontrakten", "who": "Ola Haugen"}],
}


def test_every_step_has_a_migration() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_1_to_2_turns_names_into_participants_and_references_into_ids() -> None:
    data = migrate_1_to_2(V1)
    session = validate(Session, data)
    assert session.schema_version == 2
    names = [p.name for p in session.participants]
    assert names == ["Kari Nordmann", "Ola Haugen", "Siri Bakken"]
    ids = {p.name: p.id for p in session.participants}
    assert len(set(ids.values())) == 3
    assert session.facilitator == ids["Ola Haugen"]
    assert session.rules[0].proposed_by == ids["Kari Nordmann"]
    assert session.rules[1].proposed_by == "Noen andre"  # unknown names stay as typed
    assert session.competences[0].participant == ids["Siri Bakken"]
    assert session.plan.leader == ids["Kari Nordmann"]
    assert session.plan.secretary == ids["Siri Bakken"]
    assert [m.date for m in session.plan.meetings] == [date(2025, 10, 14), date(2025, 11, 25)]
    assert "dates" not in data["plan"]
    assert session.name_of(session.facilitator) == "Ola Haugen"


def test_migrate_does_not_change_its_input() -> None:
    before = copy.deepcopy(V1)
    migrate(V1)
    assert before == V1


def test_current_version_passes_through() -> None:
    data = to_data(Session())
    assert migrate(data) == data


def test_v1_file_loads_and_is_saved_as_v2(tmp_path: Path) -> None:
    path = tmp_path / "gammel.json"
    path.write_text(json.dumps(V1), encoding="utf-8")
    session = load_session(path)
    assert len(session.participants) == 3
    save_session(session, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert load_session(path).participants == session.participants


def test_future_version_is_refused_with_the_exact_message() -> None:
    with pytest.raises(MigrationError) as caught:
        migrate({"schema_version": 7, "participants": []})
    assert str(caught.value) == (
        "Øktfilen er laget av en nyere versjon av startpakke (format 7); denne versjonen "
        "kan lese til og med format 3. Oppdater startpakke."
    )


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"participants": []}, "mangler «schema_version»"),
        ({"schema_version": "2"}, "heltall"),
        ({"schema_version": True}, "heltall"),
        ({"schema_version": 0}, "Ukjent format"),
    ],
)
def test_bad_versions(data: dict[str, Any], words: str) -> None:
    with pytest.raises(MigrationError, match=words):
        migrate(data)


def test_bad_v1_shapes_are_reported_by_validation(tmp_path: Path) -> None:
    path = tmp_path / "rar.json"
    path.write_text(
        json.dumps({"schema_version": 1, "participants": [5], "plan": {"dates": "i morgen"}}),
        encoding="utf-8",
    )
    with pytest.raises(SessionError) as caught:
        load_session(path)
    text = str(caught.value)
    assert "participants[0]" in text
    assert "plan.meetings" in text
