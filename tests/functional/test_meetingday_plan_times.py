"""Issue 14.7: each planned meeting has a date, start, end and place, typed naturally,
and the calendar, the contract and the referat show them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from icalendar import Calendar
from textual.screen import Screen
from textual.widgets import Input, Select

from startpakke.documents.calendar import build_calendar
from startpakke.documents.contract import write_contract
from startpakke.documents.referat import write_referat
from startpakke.tui.app import StartpakkeApp
from tests.documents_session import text_in_order
from tests.tui_helpers import make_app, open_plan_at_once


async def open_digital_plan(pilot: Any, app: StartpakkeApp) -> Screen[Any]:
    """The plan form in steg 7, for a digital meeting on Teams."""
    await open_plan_at_once(pilot, app)
    screen = app.screen
    screen.query_one("#plan-platform", Input).value = "Teams"
    screen.query_one("#plan-format", Select).value = "digital"
    await pilot.pause()
    return screen


async def test_times_and_places_are_typed_and_reach_every_document(tmp_path: Path) -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_digital_plan(pilot, app)
        place = screen.query_one("#plan-place", Input)
        # Digital meetings are on the group's platform: offered, not typed into the field.
        assert place.value == "" and place.placeholder.startswith("Teams")
        date = screen.query_one("#plan-date", Input)
        assert "kl. 9–12" in date.placeholder, "the format is shown where it is typed"
        # What is typed is read as a whole (set here); the keys are Enter and Tab.
        date.focus()
        date.value = "23.02.2027 09:00"
        await pilot.press("enter")
        await pilot.pause()

        screen.query_one("#plan-format", Select).value = "both"
        await pilot.pause()
        date.focus()
        date.value = "24.03.2027 kl. 9:00-11:30"
        await pilot.press("tab")
        assert app.focused is place
        place.value = "Rådhuset, møterom 2"
        await pilot.press("enter")
        await pilot.pause()
        date.focus()
        date.value = "31.02.2027 kl. 9"
        await pilot.press("enter")  # no such day: a message
        await pilot.pause()
        assert "Datoen skrives" in str(screen.query_one("#plan-error").content)
        await pilot.press("escape")
        await pilot.pause()

    slots = [(s.date.isoformat(), s.start, s.end, s.place) for s in session.plan.meetings]
    assert slots == [
        ("2027-02-23", "09:00", "12:00", "Teams"),
        ("2027-03-24", "09:00", "11:30", "Rådhuset, møterom 2"),
    ]
    events = [e for e in Calendar.from_ical(build_calendar(session).to_ical()).walk("VEVENT")]
    assert [
        (e["dtstart"].dt.strftime("%H:%M"), e["dtend"].dt.strftime("%H:%M")) for e in events
    ] == [
        ("09:00", "12:00"),
        ("09:00", "11:30"),
    ]
    assert [str(e["location"]) for e in events] == ["Teams", "Rådhuset, møterom 2"]

    from tests.tui_helpers import builtin

    contract = text_in_order(write_contract(session, tmp_path / "kontrakt.docx"))
    assert "09:00–11:30" in contract and "Rådhuset, møterom 2" in contract
    referat = text_in_order(write_referat(session, builtin(), tmp_path / "referat.docx"))
    assert "kl. 09:00–11:30, Rådhuset, møterom 2" in referat


async def test_a_place_typed_for_a_digital_meeting_replaces_the_platform() -> None:
    """Seen by a tester: «Teams» stood in the field as text, so «Rådhuset» typed after Tab
    became «TeamsRådhuset» in the contract, the referat and the calendar."""
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_digital_plan(pilot, app)
        date = screen.query_one("#plan-date", Input)
        date.focus()
        date.value = "15.01.2027 kl. 9-12"
        # Typed after Tab, key by key: the field offered «Teams» and must not keep it.
        await pilot.press("tab", *"Rådhuset", "enter")
        await pilot.pause()
        await pilot.press(*"16.01.2027 kl. 9-12", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert [s.place for s in session.plan.meetings] == ["Rådhuset", "Teams"]


def test_a_physical_meeting_without_a_place_is_not_said_to_be_on_the_platform() -> None:
    from datetime import date

    from startpakke.documents import common
    from startpakke.session import edit as ops
    from startpakke.session.model import Session

    session = Session()
    session.plan.format = "physical"
    session.plan.platform = "Teams"
    slot = ops.add_meeting(session, date(2027, 2, 23))
    assert common.slot_place(session, slot) == "Ikke bestemt"


async def test_the_plan_part_does_not_say_nothing_is_written_when_the_plan_is_filled() -> None:
    """Seen by a tester: «leder Anne · sekretær Bjørn · 1 dato…» above «(ingenting skrevet
    ned ennå)»; the list under the plan is the oppfølgingspunkter, and says so."""
    from textual.widgets import OptionList

    from startpakke.tui.capture import CaptureArea

    app, _session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan_at_once(pilot, app)
        await pilot.press("escape")
        await pilot.pause()
        options = app.screen.query_one(CaptureArea).query_one("#capture-list", OptionList)
        shown = str(options.get_option_at_index(0).prompt)
    assert shown == "(ingen oppfølgingspunkter ennå)"
