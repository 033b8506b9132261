"""The run sheet (kjøreplan) in Word: before the day, and planned beside actual after it."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from startpakke.agenda.model import Agenda
from startpakke.agenda.runsheet import format_clock, plan_runsheet
from startpakke.documents.runsheet import (
    NOT_RUN,
    actual_parts,
    write_planned_runsheet,
    write_session_runsheet,
)
from startpakke.session.model import Session
from tests.documents_session import (
    all_text,
    build_session,
    example_session,
    table_rows,
)


def test_planned_runsheet_has_the_clock_times_and_warnings(agenda: Agenda, tmp_path: Path) -> None:
    plan = plan_runsheet(agenda, time(8, 30), 6)
    path = write_planned_runsheet(plan, tmp_path / "kjoreplan.docx")
    text = all_text(path)
    overview = next(t for t in table_rows(path) if t[0] == ["Tid", "Minutter", "Del", "Innhold"])
    part_rows = [row for row in overview[1:] if row[2]]
    # The break says when the room is back: «Pause – tilbake kl. 10:39».
    assert [row[3] for row in part_rows] == [part.title_line for part in plan.parts]
    assert "Pause – tilbake kl. " in [row[3] for row in part_rows][5]
    for part, row in zip(plan.parts, part_rows, strict=True):
        assert row[0] == f"{format_clock(part.start)}–{format_clock(part.end)}"
        assert row[1] == part.minutes_text
    assert "08:30" in text
    for _label, warning in plan.warnings:
        assert warning in text
    for item in plan.materials:
        assert item in text
    turns = [phase.turn.describe() for part in plan.parts for phase in part.phases if phase.turn]
    for turn in turns:
        assert turn in text


def test_session_runsheet_planned_beside_actual(agenda: Agenda, tmp_path: Path) -> None:
    session = build_session()
    path = write_session_runsheet(session, agenda, tmp_path / "k.docx")
    tables = table_rows(path)
    people = next(t for t in tables if t[0][0] == "Navn")
    assert [row[0] for row in people[1:]] == [p.name for p in session.participants]
    assert ["Bjørn Aasen", "Færder barneverntjeneste", "Medlem", "nei"] in people
    compare = next(t for t in tables if t[0][:3] == ["Del", "Planlagt", "Faktisk"])
    assert len(compare) == 1 + len(agenda.parts)
    first = compare[1]
    assert first[1] == "09:02–09:12"  # planned from the meeting's real start
    assert first[2] == "09:02–09:14"
    assert first[3:5] == ["10", "12"]
    assert "2 min over" in first[5]
    steg3 = compare[4]
    assert "Turene ble kortet ned til 5 min (skrevet: 8 min)" in steg3[5]


def test_parts_not_run_say_so(agenda: Agenda, tmp_path: Path) -> None:
    session = build_session()
    assert session.run is not None
    session.run.parts = session.run.parts[:3]
    session.run.parts[2].started_at = None
    rows = table_rows(write_session_runsheet(session, agenda, tmp_path / "k.docx"))
    compare = next(t for t in rows if t[0][:3] == ["Del", "Planlagt", "Faktisk"])
    assert [row[2] == NOT_RUN for row in compare[1:]] == [False, False] + [True] * (
        len(agenda.parts) - 2
    )


def test_a_session_that_has_not_run_says_so(agenda: Agenda, tmp_path: Path) -> None:
    session = build_session()
    session.run = None
    assert actual_parts(session) == {}
    text = all_text(write_session_runsheet(session, agenda, tmp_path / "k.docx"))
    assert "Møtet er ikke gjennomført ennå." in text


def test_example_session_runsheet(agenda: Agenda, tmp_path: Path) -> None:
    session: Session = example_session()
    text = all_text(write_session_runsheet(session, agenda, tmp_path / "k.docx"))
    for person in session.participants:
        assert person.name in text


def test_the_note_under_the_times_does_not_deny_the_break(agenda: Agenda, tmp_path: Path) -> None:
    """The table has the agenda's break as a row of its own; the note under it said the
    plan was «uten pause», meaning without gaps, and used «pauser» for the clock's pause."""
    path = write_session_runsheet(example_session(), agenda, tmp_path / "k.docx")
    rows = [row for table in table_rows(path) for row in table]
    assert any(row[0].endswith("Pause") for row in rows)
    text = all_text(path)
    assert "uten pause" not in text
    assert "uten opphold mellom dem" in text
    assert "klokken sto på pause" in text
