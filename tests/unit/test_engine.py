"""The run engine on a fake clock: no screen, no sleeping, exact arithmetic."""

from __future__ import annotations

import json
import random

import pytest

from startpakke.agenda.model import Agenda
from startpakke.agenda.timing import format_duration
from startpakke.engine import FakeClock, RunEngine
from startpakke.modeling import to_data, validate
from startpakke.session.model import FocusRound, Participant, Session
from startpakke.session.runstate import RunState

MIN = 60.0

AGENDA = validate(
    Agenda,
    {
        "id": "test",
        "title": "Testmøte",
        "total_minutes": 60,
        "parts": [
            {
                "id": "inn",
                "kind": "innsjekk",
                "title": "Innsjekk",
                "minutes": 10,
                "phases": [
                    {"title": "Runde", "kind": "round", "minutes": 9, "minutes_per": "round"}
                ],
            },
            {
                "id": "bruk",
                "title": "Min bruksanvisning",
                "minutes": 25,
                "phases": [
                    {"title": "Alene", "kind": "individual", "minutes": 10},
                    {
                        "title": "En og en i fokus",
                        "kind": "round",
                        "minutes_per": "person",
                        "turn": {
                            "steps": [
                                {"title": "Deler", "minutes": 4, "min_minutes": 3},
                                {"title": "Gruppen spør", "minutes": 4, "min_minutes": 3},
                            ]
                        },
                    },
                    {"title": "Oppsummering", "kind": "plenary"},
                ],
            },
            {"id": "ut", "kind": "utsjekk", "title": "Utsjekk", "minutes": 10},
        ],
    },
)

NAMES = ["Anne", "Bjørn", "Cecilie", "Dag", "Eva", "Frida"]


def roster(n: int) -> Session:
    """The session is the engine's roster: who is on the list, present and in focus."""
    return Session(participants=[Participant(id=name.lower(), name=name) for name in NAMES[:n]])


def make(n: int = 3, **kwargs: object) -> tuple[RunEngine, FakeClock]:
    clock = FakeClock()
    engine = RunEngine(AGENDA, roster(n), clock, **kwargs)  # type: ignore[arg-type]
    return engine, clock


def session_of(engine: RunEngine) -> Session:
    assert isinstance(engine.roster, Session)
    return engine.roster


def set_present(engine: RunEngine, person_id: str, present: bool) -> None:
    """What the controller does: the session changes, then the engine is told."""
    person = session_of(engine).participant(person_id)
    assert person is not None
    person.present = present
    engine.presence_changed(person_id)


def remove(engine: RunEngine, person_id: str) -> None:
    session = session_of(engine)
    session.participants = [p for p in session.participants if p.id != person_id]
    engine.roster_changed()


def saved(engine: RunEngine) -> RunState:
    """The state as it goes through the session file: data, JSON, validated again."""
    return validate(RunState, json.loads(json.dumps(to_data(engine.to_state()))))


def restore(engine: RunEngine, state: RunState, clock: FakeClock, *, count: bool) -> RunEngine:
    return RunEngine.from_state(state, AGENDA, engine.roster, clock, count_closed_time=count)


def test_start_shows_innsjekk_and_first_speaker() -> None:
    engine, _ = make()
    engine.start()
    snap = engine.snapshot()
    assert snap.part_label == "Innsjekk"
    assert snap.round is not None
    assert snap.round.current.name == "Anne"
    assert snap.round.next.name == "Bjørn"
    # A 9-minute round for three: three minutes each.
    assert snap.main.budget == 3 * MIN
    assert snap.part_timer.remaining == 10 * MIN


def test_three_hours_on_a_fake_clock_have_zero_drift() -> None:
    """Advance in irregular chunks for three hours, moving on at random moments: every
    timer is exact at every moment, and the time used adds up to the time that passed."""
    engine, clock = make(6)
    engine.start()
    rng = random.Random(7)
    part_started = clock.monotonic()
    passed = 0.0
    while passed < 3 * 3600 and not engine.finished:
        step = rng.choice([0.125, 0.5, 1.0, 7.25, 30.0, 61.5])
        clock.advance(step)
        passed += step
        snap = engine.snapshot()
        in_part = clock.monotonic() - part_started
        assert snap.part_timer.remaining == snap.part_timer.budget - in_part
        action = rng.random()
        if action < 0.02:
            engine.next_turn()
        elif action < 0.03 and in_part > snap.part.minutes * MIN * 4.5:
            engine.next_part()
            part_started = clock.monotonic()
    assert passed >= 3 * 3600 - 61.5
    assert sum(row.used_seconds for row in engine.schedule()) == passed


def test_whole_meeting_time_used_adds_up_exactly() -> None:
    engine, clock = make(3)
    engine.start()
    for seconds in (10 * MIN, 25 * MIN, 10 * MIN):
        for _ in range(int(seconds // 0.25)):
            clock.advance(0.25)
        engine.next_part()
    assert engine.finished
    rows = engine.schedule()
    assert [row.used_seconds for row in rows] == [600.0, 1500.0, 600.0]
    assert engine.snapshot().behind_seconds == 0.0 or engine.finished


def test_pause_stops_every_timer_and_resume_continues() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(30)
    engine.pause()
    before = engine.snapshot()
    assert before.paused
    clock.advance(600)
    during = engine.snapshot()
    assert during.main.remaining == before.main.remaining == 150
    assert during.part_timer.remaining == before.part_timer.remaining
    engine.resume()
    clock.advance(10)
    assert engine.snapshot().main.remaining == 140


def test_navigation_while_paused_keeps_timers_stopped() -> None:
    engine, clock = make()
    engine.start()
    engine.pause()
    engine.next_part()
    clock.advance(100)
    snap = engine.snapshot()
    assert snap.paused
    assert snap.main.remaining == 10 * MIN
    engine.resume()
    clock.advance(1)
    assert engine.snapshot().main.remaining == 10 * MIN - 1


def test_extend_adds_a_minute_to_the_clock_the_round_and_the_part() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(60)
    engine.extend(1)
    snap = engine.snapshot()
    assert snap.main.remaining == 3 * MIN  # 3 min turn, 1 used, 1 added
    assert snap.phase_timer.remaining == 9 * MIN
    assert snap.part_timer.remaining == 10 * MIN
    engine.extend(-1)
    engine.extend(-1)
    assert engine.snapshot().main.remaining == 1 * MIN


def test_shortening_never_makes_a_budget_negative() -> None:
    engine, _ = make()
    engine.start()
    for _ in range(10):
        engine.extend(-1)
    snap = engine.snapshot()
    assert snap.main.budget == 0
    assert snap.main.remaining == 0
    assert snap.phase_timer.budget >= 0


def test_overtime_counts_down_past_zero_and_waits() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(3 * MIN + 45)
    snap = engine.snapshot()
    assert snap.main.overtime
    assert snap.main.remaining == -45
    assert snap.round.current.name == "Anne"  # never moves on by itself
    assert not snap.main.low


def test_low_time_flag_at_twenty_percent() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(0.79 * 180)
    assert not engine.snapshot().main.low
    clock.advance(0.02 * 180)
    assert engine.snapshot().main.low


def test_rotation_skips_an_absent_person() -> None:
    engine, _ = make(3)
    engine.start()
    set_present(engine, "bjørn", False)
    snap = engine.snapshot()
    assert snap.round.next.name == "Cecilie"
    assert [p.name for p in snap.round.absent] == ["Bjørn"]
    assert snap.round.turns_total == 2
    engine.next_turn()
    assert engine.snapshot().round.current.name == "Cecilie"
    engine.next_turn()
    assert engine.snapshot().round.done


def test_marking_the_current_speaker_absent_moves_to_the_next() -> None:
    engine, _ = make(3)
    engine.start()
    set_present(engine, "anne", False)
    snap = engine.snapshot()
    assert snap.round.current.name == "Bjørn"
    assert [p.name for p in snap.round.absent] == ["Anne"]
    set_present(engine, "anne", True)
    assert engine.snapshot().round.absent == []


def test_each_round_starts_with_the_next_person() -> None:
    engine, _ = make(3)
    engine.start()
    first = engine.snapshot().round.current.name
    engine.next_part()
    engine.next_phase()  # into the focus round
    second = engine.snapshot().round.current.name
    assert (first, second) == ("Anne", "Bjørn")


def test_reorder_speakers_in_the_current_round() -> None:
    engine, _ = make(4)
    engine.start()
    engine.move_speaker("dag", -2)
    assert [p.name for p in engine.snapshot().round.order] == ["Anne", "Dag", "Bjørn", "Cecilie"]
    engine.move_speaker("anne", 1)  # speaking now: stays put
    assert engine.snapshot().round.current.name == "Anne"


def _enter_focus_round(n: int, keep: bool = False) -> tuple[RunEngine, FakeClock]:
    engine, clock = make(n, keep_written_turns=keep)
    engine.start()
    engine.next_part()
    clock.advance(10 * MIN)  # the ten minutes alone
    engine.next_phase()
    return engine, clock


def test_three_people_fit_by_shortening_turns_to_the_floor_and_warn() -> None:
    # 25 - 10 = 15 minutes for three people: written 3 × 8 = 24, floor 3 × 6 = 18.
    engine, _ = _enter_focus_round(3)
    snap = engine.snapshot()
    assert snap.phase_timer.budget == 18 * MIN
    assert snap.round.fit.shortened
    assert snap.round.fit.overrun
    assert snap.round.fit.seconds == 6 * MIN
    assert snap.step.title == "Deler"
    assert snap.main.budget == 3 * MIN
    assert "kortet ned" in engine.schedule()[1].shortened


def test_two_people_get_their_turns_shortened_but_fit() -> None:
    engine, _ = _enter_focus_round(2)
    fit = engine.snapshot().round.fit
    assert fit.shortened and not fit.overrun
    assert fit.seconds == 7.5 * MIN


def test_six_people_keep_the_written_length_when_asked() -> None:
    engine, _ = _enter_focus_round(6, keep=True)
    snap = engine.snapshot()
    assert snap.round.fit.seconds == 8 * MIN
    assert not snap.round.fit.shortened
    assert snap.phase_timer.budget == 48 * MIN
    # The projection shows the overrun: 48 min of turns in a part with 15 left.
    assert snap.behind_seconds == pytest.approx((48 - 15 - 10) * MIN)  # innsjekk was skipped


def test_six_people_shortened_to_the_floor() -> None:
    engine, _ = _enter_focus_round(6)
    snap = engine.snapshot()
    assert snap.round.fit.seconds == 6 * MIN
    assert snap.phase_timer.budget == 36 * MIN


def test_steps_inside_a_turn_then_the_next_speaker() -> None:
    engine, _ = _enter_focus_round(2)
    snap = engine.snapshot()
    first = snap.round.current.name
    assert (snap.step_index, snap.step_count) == (0, 2)
    engine.next_turn()
    snap = engine.snapshot()
    assert snap.step.title == "Gruppen spør"
    assert snap.round.current.name == first
    engine.next_turn()
    snap = engine.snapshot()
    assert snap.round.current.name != first
    assert snap.step.title == "Deler"


def test_a_late_turn_shortens_the_turns_after_it() -> None:
    engine, clock = _enter_focus_round(2)
    clock.advance(10 * MIN)  # the first person takes 10 of 15 minutes
    engine.next_speaker()
    fit = engine.snapshot().round.fit
    assert fit.seconds == 6 * MIN  # 5 left, but never below the floor
    assert fit.overrun


def test_open_ended_phase_gets_the_rest_of_the_part() -> None:
    engine, clock = _enter_focus_round(2)
    clock.advance(12 * MIN)
    engine.next_phase()
    snap = engine.snapshot()
    assert snap.phase.title == "Oppsummering"
    assert snap.main.budget == 3 * MIN


def test_previous_part_keeps_the_parts_own_time() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(4 * MIN)
    engine.next_part()
    clock.advance(1 * MIN)
    engine.previous_part()
    snap = engine.snapshot()
    assert snap.part_label == "Innsjekk"
    assert snap.part_timer.remaining == 6 * MIN
    assert engine.schedule()[1].used_seconds == 1 * MIN


def test_next_phase_after_the_last_goes_to_the_next_part_and_the_end() -> None:
    engine, _ = make()
    engine.start()
    engine.next_phase()
    assert engine.snapshot().part.id == "bruk"
    engine.jump(2)
    engine.next_phase()
    assert engine.finished
    engine.previous_part()
    assert not engine.finished
    assert engine.snapshot().part.id == "ut"


def test_projected_end_follows_overtime() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(12 * MIN)  # innsjekk runs two minutes over
    snap = engine.snapshot()
    assert snap.behind_seconds == 2 * MIN
    engine.next_part()
    # Three people need 10 + 3 × 6 = 28 of the next part's 25 minutes: 3 more behind.
    assert engine.snapshot().behind_seconds == 5 * MIN


def test_projected_end_for_a_group_that_fits() -> None:
    engine, clock = make(2)
    engine.start()
    clock.advance(12 * MIN)
    engine.next_part()
    assert engine.snapshot().behind_seconds == 2 * MIN


def test_serialise_and_restore_mid_turn_gives_the_same_remaining_time() -> None:
    engine, clock = _enter_focus_round(3)
    clock.advance(75.5)
    engine.next_turn()
    clock.advance(20)
    state = saved(engine)
    before = engine.snapshot()
    restored = restore(engine, state, clock, count=False)
    after = restored.snapshot()
    assert after.main == before.main
    assert after.part_timer == before.part_timer
    assert after.round.current == before.round.current
    assert after.step == before.step
    assert restored.to_state() == state


def test_restore_can_count_or_ignore_the_time_the_program_was_closed() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(60)
    state = saved(engine)
    clock.advance(50)  # the program was closed for 50 s
    assert RunEngine.closed_seconds(state, clock) == 50
    counted = restore(engine, state, clock, count=True)
    kept = restore(engine, state, clock, count=False)
    assert counted.snapshot().main.remaining == 180 - 60 - 50
    assert kept.snapshot().main.remaining == 180 - 60


def test_a_paused_timer_stays_paused_after_restore() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(60)
    engine.pause()
    state = saved(engine)
    clock.advance(3600)
    restored = restore(engine, state, clock, count=True)
    assert restored.paused
    clock.advance(100)
    assert restored.snapshot().main.remaining == 120


def test_restore_refuses_a_state_for_another_agenda() -> None:
    engine, _ = make()
    engine.start()
    state = saved(engine)
    state.agenda_id = "annen"
    with pytest.raises(ValueError, match="annen"):
        restore(engine, state, FakeClock(), count=False)


def test_saved_parts_carry_actual_times_for_the_documents() -> None:
    engine, clock = make()
    engine.start()
    clock.advance(5 * MIN)
    engine.next_part()
    engine.extend(2)
    parts = saved(engine).parts
    assert [p.id for p in parts] == ["inn", "bruk", "ut"]
    assert parts[0].used_seconds == 5 * MIN
    assert parts[0].planned_seconds == 10 * MIN and parts[0].extended_seconds == 0
    assert parts[0].started_at and parts[0].ended_at
    assert parts[1].ended_at is None and parts[1].was_run
    assert parts[1].extended_seconds == 2 * MIN
    assert parts[2].started_at is None and not parts[2].was_run


def test_shortened_turns_are_saved_as_seconds_and_worded_in_the_schedule() -> None:
    engine, _ = _enter_focus_round(6)
    turns = saved(engine).parts[1].turns
    assert turns is not None and turns.written_seconds == 8 * MIN
    assert turns.seconds < 8 * MIN
    assert engine.schedule()[1].shortened == (
        f"Turene ble kortet ned til {format_duration(turns.seconds)} (skrevet: 8 min)"
    )
    assert engine.schedule()[0].shortened is None


def test_focus_round_uses_only_the_chosen_focus_persons() -> None:
    agenda = validate(
        Agenda,
        {
            "id": "kv",
            "title": "Kollegaveiledning",
            "parts": [
                {
                    "id": "kv",
                    "title": "Kollegaveiledning",
                    "minutes": 40,
                    "phases": [
                        {
                            "title": "Runde",
                            "kind": "round",
                            "speakers": "focus",
                            "minutes_per": "person",
                            "turn": {
                                "steps": [
                                    {"title": "Presenterer", "minutes": 4},
                                    {"title": "Spørsmål", "minutes": 6, "reminder": "Kun spørsmål"},
                                    {"title": "Lytter", "minutes": 8, "focus_listening": True},
                                    {"title": "Tilbake", "minutes": 2},
                                ]
                            },
                        }
                    ],
                }
            ],
        },
    )
    clock = FakeClock()
    session = roster(4)
    session.focus_rounds = [
        FocusRound(participant="cecilie", chosen=True),
        FocusRound(participant="bjørn", case_title="Ikke valgt i dag"),
        FocusRound(participant="anne", chosen=True),
    ]
    engine = RunEngine(agenda, session, clock)
    engine.start()
    add(engine, "Dina")  # someone added is no focus person: not in the focus round
    seen = []
    while not engine.snapshot().round.done:
        snap = engine.snapshot()
        seen.append(
            (snap.round.current.name, snap.step.title, snap.main.budget, snap.round.focus_listening)
        )
        engine.next_turn()
    assert [s[0] for s in seen] == ["Cecilie"] * 4 + ["Anne"] * 4
    assert [s[2] for s in seen[:4]] == [240, 360, 480, 120]
    assert [s[3] for s in seen[:4]] == [False, False, True, False]


def test_someone_removed_mid_round_drops_out_of_it() -> None:
    engine, _ = make(4)
    engine.start()
    remove(engine, "bjørn")
    snap = engine.snapshot()
    assert snap.round.next.name == "Cecilie"
    assert snap.round.turns_total == 3
    engine.next_turn()
    assert engine.snapshot().round.current.name == "Cecilie"


def test_removing_the_current_speaker_moves_the_round_on() -> None:
    engine, _ = make(3)
    engine.start()
    remove(engine, "anne")
    assert engine.snapshot().round.current.name == "Bjørn"


def test_a_late_arrival_speaks_next_and_is_not_counted_as_done() -> None:
    engine, _ = make(4)
    set_present(engine, "anne", False)
    engine.start()
    assert engine.snapshot().round.current.name == "Bjørn"
    engine.next_turn()  # Cecilie
    set_present(engine, "anne", True)
    assert engine.snapshot().round.next.name == "Anne"
    spoken = []
    while not engine.snapshot().round.done:
        spoken.append(engine.snapshot().round.current.name)
        engine.next_turn()
    assert spoken == ["Cecilie", "Anne", "Dag"]


def test_a_late_arrival_after_the_round_gets_a_turn_of_their_own() -> None:
    engine, _ = make(2)
    set_present(engine, "anne", False)
    engine.start()
    engine.next_turn()
    assert engine.snapshot().round.done
    set_present(engine, "anne", True)
    snap = engine.snapshot()
    assert snap.round.current.name == "Anne"
    assert snap.main.budget > 0


def add(engine: RunEngine, name: str) -> None:
    """What the controller does when someone is added to the list: session, then engine."""
    session_of(engine).participants.append(Participant(name=name))
    engine.roster_changed()


def test_someone_added_mid_round_speaks_last_in_this_round() -> None:
    engine, _ = make(3)
    engine.start()
    engine.next_turn()  # Bjørn
    add(engine, "Dina")  # came late, was not on the list
    spoken = []
    while not engine.snapshot().round.done:
        spoken.append(engine.snapshot().round.current.name)
        engine.next_turn()
    assert spoken == ["Bjørn", "Cecilie", "Dina"]


def test_someone_added_after_the_round_gets_a_turn_at_once() -> None:
    engine, _ = make(2)
    engine.start()
    engine.next_turn()
    engine.next_turn()
    assert engine.snapshot().round.done
    add(engine, "Dina")
    snap = engine.snapshot()
    assert snap.round.current.name == "Dina" and snap.main.budget > 0


def test_a_minute_added_to_one_step_stays_with_that_step() -> None:
    engine, _ = _enter_focus_round(2)  # turns of 7.5 min: steps of 3.75 min
    engine.extend(1)
    assert engine.snapshot().main.budget == 3.75 * MIN + MIN
    engine.next_turn()
    assert engine.snapshot().main.budget == 3.75 * MIN


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda s: setattr(s.position, "part", 12), "del nr. 13"),
        (lambda s: setattr(s.position, "phase", 7), "fase nr. 8"),
        (lambda s: setattr(s.position, "step", 5), "ledd i turen"),
        (lambda s: setattr(s.position, "turn", 9), "tur som ikke finnes"),
        (lambda s: s.parts.pop(), "antall deler"),
    ],
)
def test_a_run_state_that_does_not_fit_the_agenda_is_a_clear_value_error(
    change, words: str
) -> None:  # type: ignore[no-untyped-def]
    engine, clock = make()
    engine.start()
    state = saved(engine)
    change(state)
    with pytest.raises(ValueError, match=words):
        restore(engine, state, clock, count=True)


def test_keeping_the_written_turns_moves_the_projected_end_at_once() -> None:
    """Issue 14.5: six people in «Min bruksanvisning», 4 + 4 min written, 3 + 3 the floor:
    15 min left fit only the floor (36 min); keeping the written turns needs 48 min."""
    engine, clock = _enter_focus_round(6)
    clock.advance(30)
    fitted = engine.snapshot()
    assert fitted.round.fit.seconds == 6 * MIN
    assert fitted.main.budget == 3 * MIN  # the first ledd, at its floor

    engine.set_keep_written_turns(True)
    kept = engine.snapshot()
    assert (kept.projected_end - fitted.projected_end).total_seconds() == 12 * MIN
    assert kept.round.fit.seconds == 8 * MIN and not kept.round.fit.shortened
    assert kept.main.budget == 4 * MIN and kept.main.remaining == 4 * MIN - 30
    assert kept.phase_timer.budget == 48 * MIN
    assert engine.schedule() and saved(engine).keep_written_turns

    engine.set_keep_written_turns(False)
    again = engine.snapshot()
    assert again.projected_end == fitted.projected_end
    assert again.main.budget == fitted.main.budget


def test_keeping_the_written_turns_keeps_a_minute_added_to_the_turn() -> None:
    engine, _ = _enter_focus_round(6)
    engine.extend(1)
    engine.set_keep_written_turns(True)
    assert engine.snapshot().main.budget == 4 * MIN + MIN
