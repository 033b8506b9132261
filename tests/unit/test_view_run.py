"""The run screen as data (`startpakke.view.run`): every hint true to the state (issue 14.11).

Built from a real engine on a fake clock, no screen. The agenda below has a one-phase
innsjekk round, a three-phase part with a per-person round, and a one-phase utsjekk round.
"""

from __future__ import annotations

import pytest

from startpakke.agenda.model import Agenda
from startpakke.engine import FakeClock, RunEngine
from startpakke.i18n import plural
from startpakke.modeling import validate
from startpakke.session.model import Participant, Session
from startpakke.view.format import elapsed_text
from startpakke.view.run import listening_text, run_view

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
                "prompts": ["Hvordan har du det?"],
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
                        "prompts": ["Sett en og en i fokus."],
                        "turn": {
                            "steps": [
                                {"title": "Deler", "minutes": 4, "prompts": ["Del kort."]},
                                {"title": "Gruppen spør", "minutes": 4},
                            ]
                        },
                    },
                    {"title": "Regler", "kind": "plenary", "captures": ["rules"]},
                ],
            },
            {
                "id": "ut",
                "kind": "utsjekk",
                "title": "Utsjekk",
                "minutes": 10,
                "phases": [
                    {"title": "Runde", "kind": "round", "minutes": 9, "minutes_per": "round"}
                ],
            },
        ],
    },
)


def engine(names: str = "Anne,Bjørn") -> tuple[RunEngine, FakeClock]:
    clock = FakeClock()
    # The session is the engine's roster.
    people = [Participant(id=name.lower(), name=name) for name in names.split(",")]
    run = RunEngine(AGENDA, Session(participants=people), clock)
    run.start()
    return run, clock


def finish_round(run: RunEngine) -> None:
    while run.current_speaker is not None:
        run.next_turn()


@pytest.mark.parametrize(
    ("part", "phase", "hint"),
    [
        (0, 0, "Runden er ferdig – trykk n for neste del"),  # «Fase 1 av 1»: f is the next part
        (1, 1, "Runden er ferdig – trykk f for neste fase"),
        (2, 0, "Runden er ferdig – trykk n for å avslutte møtet"),
    ],
)
def test_the_round_done_hint_names_the_key_that_moves_on(part: int, phase: int, hint: str) -> None:
    run, _ = engine()
    while run.pos.part != part:
        run.next_part()
    while run.pos.phase != phase:
        run.next_phase()
    finish_round(run)
    assert run_view(run.snapshot()).round == hint


def test_no_phase_counter_for_a_part_of_one_phase() -> None:
    run, _ = engine()
    view = run_view(run.snapshot())
    assert view.phase == "Runde (runde)" and not view.has_next_phase
    run.next_part()
    view = run_view(run.snapshot())
    assert view.phase == "Fase 1 av 3: Alene (individuelt)" and view.has_next_phase


def test_prompts_the_step_first_then_the_phase_and_the_part_as_fallback() -> None:
    run, _ = engine()
    assert run_view(run.snapshot()).prompts == ("Hvordan har du det?",)
    run.next_part()
    run.next_phase()
    assert run_view(run.snapshot()).prompts == ("Del kort.", "Sett en og en i fokus.")


def test_capturing_and_in_round_follow_the_phase() -> None:
    run, _ = engine()
    view = run_view(run.snapshot())
    assert view.in_round and not view.capturing
    run.next_part()
    run.next_phase()
    run.next_phase()
    view = run_view(run.snapshot())
    assert view.capturing and not view.in_round


def test_the_round_line_and_the_clock() -> None:
    run, clock = engine("Anne,Bjørn,Cecilie")
    view = run_view(run.snapshot())
    assert view.round.startswith("Nå: Anne  ·  Neste: Bjørn  ·  tur 1 av 3")
    assert view.clock.face == "03:00" and view.clock.state == "ok"
    assert view.clock.part_line == "Delen: 10:00 igjen av 10 min"
    clock.advance(190)
    view = run_view(run.snapshot())
    assert (view.clock.state, view.clock.status) == ("overtime", "OVERTID +00:10")
    run.pause()
    assert run_view(run.snapshot()).clock.status == "PAUSE"


def test_the_clock_flashes_for_two_seconds_after_its_time_is_up() -> None:
    run, clock = engine("Anne,Bjørn,Cecilie")  # a turn of 3 min
    flashes, elapsed = [], 0.0
    for moment in (179.9, 180.1, 181.9, 182.1, 400.0):
        clock.advance(moment - elapsed)
        elapsed = moment
        flashes.append(run_view(run.snapshot()).clock.flash)
    assert flashes == [False, True, True, False, False]


def test_a_paused_or_extended_clock_does_not_flash() -> None:
    run, clock = engine("Anne,Bjørn,Cecilie")
    clock.advance(181)
    assert run_view(run.snapshot()).clock.flash
    run.pause()
    assert not run_view(run.snapshot()).clock.flash
    run.resume()
    run.extend(1)  # minutes
    assert not run_view(run.snapshot()).clock.flash


def test_after_the_meeting_the_time_it_took_does_not_read_as_a_clock() -> None:
    run, clock = engine()
    clock.advance(9 * 60 + 18)
    for _ in AGENDA.parts:
        run.next_part()
    view = run_view(run.snapshot())
    assert view.finished and view.banner_kind == "finished"
    assert view.clock.face == "", "no digits: «09:18» would read as a time of day"
    assert view.clock.status == "Brukt 9 min 18 s"
    assert "– møtet er ferdig" in view.title
    assert "trykk f" not in view.banner and "e for å lage" in view.banner


def test_listening_banner_is_the_projectors_wording() -> None:
    assert listening_text("Anne").startswith("Anne LYTTER")


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(558, "9 min 18 s"), (3600, "1 t"), (3 * 3600 - 120, "2 t 58 min"), (40, "40 s")],
)
def test_elapsed_text(seconds: float, text: str) -> None:
    assert elapsed_text(seconds) == text


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 notater"), (1, "1 notat"), (2, "2 notater"), (11, "11 notater")]
)
def test_plural(count: int, text: str) -> None:
    assert plural("{n} notat", "{n} notater", count) == text


def test_the_run_screen_and_the_room_say_the_same_at_every_step() -> None:
    """The facilitator's view and the projector's, built from the same snapshot, agree on
    what both show: the questions, the clock and who is listening."""
    from startpakke.projector.room import running_view
    from startpakke.session.model import Session

    run, clock = engine("Anne,Bjørn,Cecilie")
    session = Session()
    for _ in range(12):
        snap = run.snapshot()
        if snap.finished:
            break
        mine, room = run_view(snap), running_view(snap, session, AGENDA.title, None)
        assert mine.prompts == room.prompts
        assert (mine.clock.face, mine.clock.state, mine.clock.label) == (
            room.clock,
            room.clock_state,
            room.clock_label,
        )
        if room.listening:
            assert room.listening in mine.banner
        clock.advance(100)
        if snap.round is not None and snap.round.current is not None:
            run.next_turn()
        else:
            run.next_phase()
