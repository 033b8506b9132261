"""A session file in format 2 (the released program's, `run` as the engine's own dict)
still opens, migrates to the typed run state, restores the engine and exports."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from startpakke.agenda.cache import load_agenda_cached
from startpakke.engine import FakeClock, RunEngine
from startpakke.modeling import to_data
from startpakke.resources import resolve_agenda
from startpakke.session.migrate import migrate, migrate_2_to_3
from startpakke.session.model import SCHEMA_VERSION
from startpakke.session.runstate import RunState, ShortenedTurns
from startpakke.session.store import load_session, session_from_data

DATA = Path(__file__).resolve().parents[1] / "data" / "sessions"
OLD = DATA / "eksempel-okt-v2.json"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "eksempel-okt.json"


def old_data() -> dict:  # type: ignore[type-arg]
    return json.loads(OLD.read_text(encoding="utf-8"))


def test_the_old_file_is_format_2_with_a_free_form_run() -> None:
    data = old_data()
    assert data["schema_version"] == 2
    assert data["run"]["version"] == 1 and "people" in data["run"]


def test_the_old_file_opens_with_a_typed_run_state() -> None:
    session = load_session(OLD)
    assert session.schema_version == SCHEMA_VERSION
    run = session.run
    assert isinstance(run, RunState)
    assert run.finished and run.position.part == 8
    steg3 = run.part("steg3")
    assert steg3 is not None
    assert steg3.used_seconds == 2040.0 and steg3.budget_seconds == 1500.0
    assert steg3.started_at is not None and steg3.started_at.hour == 9
    assert run.parts_run[0].id == "innsjekk"


def test_the_old_file_restores_the_engine_at_its_end() -> None:
    session = load_session(OLD)
    agenda = load_agenda_cached(resolve_agenda(session.agenda))
    assert session.run is not None
    engine = RunEngine.from_state(session.run, agenda, session, FakeClock(), count_closed_time=True)
    snap = engine.snapshot()
    # Saved before the startpakke had its break after steg 4: the break is put in, not run.
    assert snap.finished and snap.part.id == "utsjekk"
    schedule = engine.schedule()
    assert schedule[3].used_seconds == 2040.0
    # Saved again, the part's budget splits into what the agenda planned and what was added.
    again = engine.to_state()
    assert [p.planned_seconds for p in again.parts][:3] == [600.0, 300.0, 1200.0]


def test_the_example_is_the_old_file_as_the_program_writes_it() -> None:
    """`examples/eksempel-okt.json` is format 3; loaded, it equals the migrated old file."""
    assert json.loads(EXAMPLE.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    new, old = load_session(EXAMPLE), load_session(OLD)
    assert to_data(new.participants) == to_data(old.participants)
    assert new.run is not None and old.run is not None
    assert [(p.id, p.used_seconds, p.started_at) for p in new.run.parts] == [
        (p.id, p.used_seconds, p.started_at) for p in old.run.parts
    ]


@pytest.mark.parametrize("kind", ["kontrakt", "referat", "ics", "runsheet"])
def test_the_old_file_exports_every_document(kind: str, tmp_path: Path) -> None:
    from startpakke.cli import main

    out = tmp_path / f"ut-{kind}.{'ics' if kind == 'ics' else 'docx'}"
    assert main(["export", str(OLD), "--format", kind, "-o", str(out)]) == 0
    assert out.stat().st_size > 1000


def test_absence_and_focus_move_from_the_run_to_the_roster() -> None:
    data = old_data()
    data["run"]["absent"] = ["p-hanne"]
    data["run"]["focus"] = ["p-marte", "p-ahmed"]
    data["focus_rounds"] = [{"participant": "p-ahmed", "case_title": "Ventelister"}]
    session = session_from_data(data, OLD)
    assert not session.is_present("p-hanne") and session.is_present("p-ingrid")
    assert session.focus_ids() == ["p-marte", "p-ahmed"]
    assert [r.case_title for r in session.focus_rounds] == ["", "Ventelister"]


def test_a_shortened_round_keeps_its_numbers() -> None:
    data = old_data()
    data["run"]["parts"][3]["shortened"] = "Turene ble kortet ned til 3 min 30 s (skrevet: 4 min)"
    run = session_from_data(data, OLD).run
    assert run is not None
    assert run.parts[3].turns == ShortenedTurns(seconds=210.0, written_seconds=240.0)


@pytest.mark.parametrize(
    "damage",
    [
        lambda run: run.pop("timers"),
        lambda run: run.update(version=7),
        lambda run: run["parts"].pop(),
        lambda run: run["timers"]["phase"].update(budget="ti"),
    ],
)
def test_a_damaged_old_run_is_dropped_and_everything_captured_kept(damage) -> None:  # type: ignore[no-untyped-def]
    data = old_data()
    damage(data["run"])
    session = session_from_data(data, OLD)
    assert session.run is None
    assert len(session.rules) == len(old_data()["rules"])


def test_migration_does_not_change_its_input() -> None:
    data = old_data()
    before = copy.deepcopy(data)
    migrate_2_to_3(data)
    assert data == before
    assert migrate(copy.deepcopy(data))["schema_version"] == SCHEMA_VERSION
