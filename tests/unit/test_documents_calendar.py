"""The .ics with the planned meetings, read back with icalendar."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from startpakke.documents.calendar import write_ics
from startpakke.documents.registry import document
from startpakke.errors import UserError
from startpakke.session.model import MeetingSlot, Network, Plan, Session
from tests.documents_session import build_session


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_one_event_per_meeting_in_oslo_time(session: Session, tmp_path: Path) -> None:
    calendar = read(write_ics(session, tmp_path / "m.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == len(session.plan.meetings)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    slots = sorted(session.plan.meetings, key=lambda s: s.date)
    for event, slot in zip(events, slots, strict=True):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        assert isinstance(start, datetime)
        assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
        assert str(start.tzinfo) == "Europe/Oslo"
        assert start.date() == slot.date
        assert start.strftime("%H:%M") == slot.start
        assert end.strftime("%H:%M") == slot.end
        assert str(event["SUMMARY"]) == f"{session.network.name}: nettverksmøte"
        place = slot.place or session.plan.platform
        assert str(event["LOCATION"]) == place


def test_summer_and_winter_offsets(tmp_path: Path) -> None:
    session = Session(
        plan=Plan(
            meetings=[
                MeetingSlot(date=date(2026, 1, 13), start="09:00", end="12:00"),
                MeetingSlot(date=date(2026, 6, 16), start="09:00", end="12:00"),
            ]
        )
    )
    events = read(write_ics(session, tmp_path / "m.ics")).walk("VEVENT")
    offsets = [e.decoded("DTSTART").utcoffset().total_seconds() / 3600 for e in events]
    assert offsets == [1, 2]


def test_rotation_in_the_description(tmp_path: Path) -> None:
    session = build_session()
    events = read(write_ics(session, tmp_path / "m.ics")).walk("VEVENT")
    first = str(events[0]["DESCRIPTION"])
    assert "Leder møtet: Ingrid Solberg" in first
    assert "Skriver referat: Jon Are Eriksen" in first
    assert str(events[1]["LOCATION"]) == "Teams"  # no place: the plan's platform


def test_uids_are_stable_and_unique(session: Session, tmp_path: Path) -> None:
    first = [str(e["UID"]) for e in read(write_ics(session, tmp_path / "a.ics")).walk("VEVENT")]
    second = [str(e["UID"]) for e in read(write_ics(session, tmp_path / "b.ics")).walk("VEVENT")]
    assert first == second
    assert len(set(first)) == len(first)


def test_no_meetings_is_a_clear_message(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="ingen møtedatoer"):
        write_ics(Session(), tmp_path / "m.ics")
    assert not (tmp_path / "m.ics").exists()


def test_hostile_text_in_summary_and_location(tmp_path: Path) -> None:
    session = Session(
        network=Network(name="Nett\x0bverk; «sør», 🌊"),
        plan=Plan(meetings=[MeetingSlot(date=date(2026, 3, 3), place="Rom\x01 A,\nB")]),
    )
    event = read(write_ics(session, tmp_path / "m.ics")).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Nett verk; «sør», 🌊: nettverksmøte"
    assert str(event["LOCATION"]) == "Rom A, B"


def test_default_filename(session: Session) -> None:
    name = document("ics").default_filename(session)
    assert name.startswith("nettverksmoter-")
    assert name.endswith(".ics")
