"""`examples/eksempel-okt.json` stays a complete, valid session every export can use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from startpakke.session.model import SCHEMA_VERSION, CompetenceCategory, Role, Session
from startpakke.session.store import dump_session, load_session

ROOT = Path(__file__).resolve().parents[2]

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(EXAMPLE)


def test_is_current_format_and_written_as_the_store_writes_it(example: Session) -> None:
    assert example.schema_version == SCHEMA_VERSION
    assert json.loads(EXAMPLE.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert EXAMPLE.read_bytes() == dump_session(example)


def test_network_and_people(example: Session) -> None:
    assert example.network.name
    assert example.network.meeting_date is not None
    assert example.network.meeting_date.year == 2026
    assert example.network.place
    assert len(example.participants) == 5
    assert len(example.deputies) == 1
    assert all(p.name and p.service for p in example.participants)
    assert example.participant(example.facilitator) is not None


def test_rules_agreed_and_not(example: Session) -> None:
    assert len(example.agreed_rules) >= 5
    assert any(not r.agreed for r in example.rules)
    ids = {p.id for p in example.participants}
    assert all(r.proposed_by in ids for r in example.rules)


def test_contract(example: Session) -> None:
    assert example.contract.purpose.startswith("Barnevernsledernettverk skal bidra")
    assert example.contract.text and example.contract.evaluation
    assert example.contract.review_date is not None


def test_competences_everyone_every_category(example: Session) -> None:
    for person in example.participants:
        mine = [c for c in example.competences if c.participant == person.id]
        assert {c.category for c in mine} == set(CompetenceCategory), person.name
        assert 1 <= sum(c.top for c in mine) <= 3, person.name
    assert any(c.chosen for c in example.competences)


def test_plan(example: Session) -> None:
    plan = example.plan
    assert plan.term == "rotating" and plan.format == "both" and plan.platform
    assert plan.frequency and plan.everyone_brings_case
    assert len(plan.meetings) >= 5
    dates = [m.date for m in plan.meetings]
    assert dates == sorted(dates)
    ids = {p.id for p in example.participants}
    assert all(m.leader in ids and m.secretary in ids for m in plan.meetings)
    assert len(plan.themes) >= 6


def test_actions_and_notes(example: Session) -> None:
    assert len(example.actions) >= 4
    assert any(a.done for a in example.actions)
    assert any(not a.done for a in example.actions)
    assert all(a.due is not None and a.who for a in example.actions)
    assert example.notes
    assert all(p.role in (Role.member, Role.deputy) for p in example.participants)
