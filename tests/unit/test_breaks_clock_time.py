"""Clock-time targets (issue 15 item 2): a break or a part that ends at a clock time.

`until: 11:15` is read as the text «11:15» (not YAML 1.1's sexagesimal 675); the engine
counts down to that time on the injected clock's wall time, so a laptop asleep through
the break, or a break begun late or early, still ends at the time the room was told.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from startpakke.agenda.cache import load_agenda_cached
from startpakke.agenda.loader import AgendaError, load_agenda_text
from startpakke.agenda.model import Agenda
from startpakke.engine import FakeClock, RunEngine
from startpakke.engine.clock import OSLO
from startpakke.modeling import to_data, validate
from startpakke.projector.room import running_view
from startpakke.resources import resolve_agenda
from startpakke.session.model import Participant, Session
from startpakke.session.runstate import RunState
from startpakke.view.run import run_view

YAML = """\
id: pausetest
title: Pausetest
total_minutes: 50
parts:
  - id: inn
    kind: innsjekk
    title: Innsjekk
    minutes: 20
  - id: pause
    kind: pause
    title: Pause
    minutes: 15
    until: {until}
  - id: ut
    kind: utsjekk
    title: Utsjekk
    minutes: 15
"""


def agenda(until: str = "09:40") -> Agenda:
    return load_agenda_text(YAML.format(until=until), "pausetest.yaml")


def roster() -> Session:
    return Session(participants=[Participant(id="anne", name="Anne")])


def at(hour: int, minute: int) -> FakeClock:
    return FakeClock(datetime(2026, 9, 14, hour, minute, tzinfo=OSLO))


def test_until_unquoted_is_the_clock_time_as_text() -> None:
    part = agenda("11:15").parts[1]
    assert part.until == "11:15"  # YAML 1.1 would have made it 675
    assert part.counts_to_clock and part.is_break


@pytest.mark.parametrize("bad", ["25:00", "11:75", "1115", "kl. 11"])
def test_a_wrong_clock_time_is_a_clear_error(bad: str) -> None:
    with pytest.raises(AgendaError) as err:
        agenda(f'"{bad}"')
    assert "until" in str(err.value)


def test_the_break_counts_down_to_the_clock_time_by_the_wall_clock() -> None:
    clock = at(9, 0)
    engine = RunEngine(agenda("09:40"), roster(), clock)
    engine.start()
    clock.advance(20 * 60)  # 09:20
    engine.next_part()
    snap = engine.snapshot()
    assert snap.until_at == datetime(2026, 9, 14, 9, 40, tzinfo=OSLO)
    assert snap.main.remaining == 20 * 60  # started early: 20 min, not the written 15
    assert run_view(snap).clock.label == "Pause – tilbake kl. 09:40"
    # The laptop sleeps for 5 minutes: the monotonic clock stands still, the wall runs on.
    clock.suspend(5 * 60)
    clock.advance(60)
    assert engine.snapshot().main.remaining == 14 * 60
    # Pausing the meeting does not move the time the room was told.
    engine.pause()
    clock.advance(4 * 60)
    assert engine.snapshot().main.remaining == 10 * 60
    engine.resume()
    # The day's end follows the clock time, then the 15 minutes of utsjekk.
    assert engine.projected_end() == datetime(2026, 9, 14, 9, 55, tzinfo=OSLO)
    clock.advance(11 * 60)
    assert engine.snapshot().main.overtime


def test_a_break_begun_after_its_clock_time_gets_its_minutes() -> None:
    clock = at(9, 0)
    engine = RunEngine(agenda("09:10"), roster(), clock)
    engine.start()
    clock.advance(20 * 60 + 30)  # 09:20:30, later than 09:10
    engine.next_part()
    snap = engine.snapshot()
    # 15 minutes, rounded up to the whole minute the room is told.
    assert run_view(snap).clock.label == "Pause – tilbake kl. 09:36"
    assert snap.main.remaining == 15 * 60 + 30


def test_a_minute_more_moves_the_clock_time() -> None:
    clock = at(9, 0)
    engine = RunEngine(agenda("09:40"), roster(), clock)
    engine.jump(1)
    engine.extend(1)
    assert run_view(engine.snapshot()).clock.label == "Pause – tilbake kl. 09:41"


def test_the_clock_time_survives_a_save_and_a_restart() -> None:
    clock = at(9, 0)
    ag = agenda("09:40")
    engine = RunEngine(ag, roster(), clock)
    engine.jump(1)
    state = validate(RunState, json.loads(json.dumps(to_data(engine.to_state()))))
    clock.jump_wall(10 * 60)  # closed for ten minutes
    again = RunEngine.from_state(state, ag, engine.roster, clock, count_closed_time=False)
    snap = again.snapshot()
    assert snap.main.remaining == 30 * 60  # 09:10 → 09:40, however long it was closed
    assert running_view(snap, roster(), ag.title, None).clock_label == "Pause – tilbake kl. 09:40"


def test_the_startpakke_break_is_a_part_and_the_day_adds_up() -> None:
    ag = load_agenda_cached(resolve_agenda("startpakke"))
    ids = [p.id for p in ag.parts]
    assert ids.index("pause") == ids.index("steg4") + 1
    assert ag.planned_minutes == ag.total_minutes == 180
    assert ag.slack_minutes == 0
    assert ag.part_label(ids.index("steg5")) == "Steg 5 av 7"


def test_take_the_break_now_and_go_on_after_it() -> None:
    ag = load_agenda_cached(resolve_agenda("startpakke"))
    ids = [p.id for p in ag.parts]
    clock = at(9, 0)
    engine = RunEngine(ag, roster(), clock)
    engine.jump(ids.index("steg2"))
    clock.advance(600)
    assert engine.take_break()
    snap = engine.snapshot()
    assert snap.part.id == "pause" and snap.next_break is None
    assert run_view(snap).clock.label == "Pause – tilbake kl. 09:25"
    # The day's end counts what is still to come: the break, then steg 3 to utsjekk.
    rest = sum(p.minutes for p in ag.parts[ids.index("steg3") :] if p.id != "pause")
    assert engine.projected_end() == at(9, 25).now() + timedelta(minutes=rest)
    engine.next_part()  # after the break: the part after steg 2
    assert engine.part.id == "steg3"
    engine.jump(ids.index("steg4"))
    engine.next_part()  # the break has been taken: steg 4 goes on to steg 5
    assert engine.part.id == "steg5"
    engine.previous_part()  # and back again, past it
    assert engine.part.id == "steg4"
    assert not engine.take_break()


def test_back_from_a_break_taken_early_is_where_it_was_taken() -> None:
    ag = load_agenda_cached(resolve_agenda("startpakke"))
    engine = RunEngine(ag, roster(), at(9, 0))
    engine.jump(ag.part_index("steg2"))
    engine.take_break()
    engine.previous_part()
    assert engine.part.id == "steg2"
    assert engine.take_break() is False  # begun once, the break is taken
    engine.next_part()
    assert engine.part.id == "steg3"


def test_a_run_saved_before_the_break_was_added_still_opens() -> None:
    ag = load_agenda_cached(resolve_agenda("startpakke"))
    clock = at(9, 0)
    engine = RunEngine(ag, roster(), clock)
    engine.jump(ag.part_index("steg5"))
    data = to_data(engine.to_state())
    # What the released program saved: nine parts, steg 5 at index 5.
    data["parts"] = [p for p in data["parts"] if p["id"] != "pause"]
    data["position"]["part"] = 5
    for key in ("until_at", "until_budget_seconds", "return_to"):
        data.pop(key, None)
    state = validate(RunState, json.loads(json.dumps(data)))
    again = RunEngine.from_state(state, ag, engine.roster, clock, count_closed_time=True)
    assert again.part.id == "steg5"
    assert again.next_break() == ag.part_index("pause")


def test_the_run_sheet_shows_the_clock_time_and_moves_what_follows() -> None:
    from datetime import time

    from startpakke.agenda.runsheet import format_clock, plan_runsheet

    plan = plan_runsheet(agenda("09:45"), time(9, 0), 3)
    pause, ut = plan.parts[1], plan.parts[2]
    assert pause.title_line == "Pause – tilbake kl. 09:45"
    assert (format_clock(pause.start), format_clock(pause.end), pause.minutes) == (
        "09:20",
        "09:45",
        25,
    )
    assert format_clock(ut.start) == "09:45" and format_clock(plan.end) == "10:00"
    # Begun later than its clock time, the break gets its minutes.
    late = plan_runsheet(agenda("09:10"), time(9, 0), 3).parts[1]
    assert late.title_line == "Pause – tilbake kl. 09:35" and late.minutes == 15


def test_the_startpakke_run_sheet_has_the_break_after_steg_4() -> None:
    from datetime import time

    from startpakke.agenda.runsheet import format_clock, plan_runsheet

    ag = load_agenda_cached(resolve_agenda("startpakke"))
    plan = plan_runsheet(ag, time(9, 0), 2)
    labels = [p.label for p in plan.parts]
    pause = plan.parts[labels.index("Pause")]
    assert labels.index("Pause") == labels.index("Steg 4 av 7") + 1
    assert pause.title_line == f"Pause – tilbake kl. {format_clock(pause.end)}"
    assert plan.slack_minutes == 0 and plan.planned_minutes == 180


def test_the_schedule_says_when_the_break_ends() -> None:
    clock = at(9, 0)
    engine = RunEngine(agenda("09:40"), roster(), clock)
    engine.start()
    assert engine.schedule()[1].clock_note == "til kl. 09:40"
    engine.next_part()
    assert engine.schedule()[1].clock_note == "tilbake kl. 09:40"
