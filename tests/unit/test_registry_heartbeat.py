"""The heartbeat saves only when something changed by itself: time on a running clock."""

from __future__ import annotations

from startpakke.controller import HEARTBEAT_GAP, MeetingController
from startpakke.engine import FakeClock
from startpakke.session.edit import participants_from_names
from startpakke.session.model import Session
from tests.tui_helpers import builtin


def controller() -> tuple[MeetingController, FakeClock, list[float], list[int]]:
    agenda = builtin()
    session = Session(agenda=agenda.id, agenda_id=agenda.id)
    session.participants = participants_from_names("Anne,Bjørn")
    clock = FakeClock()
    saves: list[float] = []
    told: list[int] = []
    meeting = MeetingController(agenda, session, lambda _s: saves.append(clock.monotonic()), clock)
    meeting.listeners.append(lambda: told.append(1))
    return meeting, clock, saves, told


def test_nothing_is_saved_before_the_start_nor_while_paused_nor_after_the_end() -> None:
    meeting, clock, saves, _ = controller()
    clock.advance(60)
    assert not meeting.heartbeat() and saves == []
    meeting.start()
    meeting.toggle_pause()
    clock.advance(60)
    before = len(saves)
    assert not meeting.heartbeat() and len(saves) == before
    meeting.toggle_pause()
    for _ in meeting.agenda.parts:
        meeting.next_part()
    clock.advance(60)
    before = len(saves)
    assert not meeting.heartbeat() and len(saves) == before


def test_while_a_clock_runs_it_saves_unless_something_saved_just_now() -> None:
    meeting, clock, saves, told = controller()
    meeting.start()
    told.clear()
    clock.advance(1)
    count = len(saves)
    assert not meeting.heartbeat() and len(saves) == count, "the start saved a second ago"
    clock.advance(HEARTBEAT_GAP)
    count = len(saves)
    assert meeting.heartbeat() and len(saves) == count + 1
    assert told == [], "no listener is told: nothing new to show"
    clock.advance(HEARTBEAT_GAP - 1)
    meeting.next_turn()  # a key press saves
    clock.advance(2)
    count = len(saves)
    assert not meeting.heartbeat() and len(saves) == count
