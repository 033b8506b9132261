"""The run sheet: clock times from a start time, turn lengths, and honest warnings."""

from __future__ import annotations

import itertools
from datetime import time
from pathlib import Path
from textwrap import dedent

import pytest

from startpakke.agenda.loader import load_agenda, load_agenda_text
from startpakke.agenda.model import Agenda
from startpakke.agenda.runsheet import (
    format_clock,
    format_duration,
    format_range,
    parse_clock,
    plan_runsheet,
)
from tests.documents_session import load_builtin_agenda

ROOT = Path(__file__).resolve().parents[2]

# Innsjekk (10 min round shared), a steg-3-like part (10 min alone, then 3–4 + 3–4 min per
# person, then a summary taking what is left), a plain part, an utsjekk; 65 of 80 minutes.
AGENDA = dedent(
    """\
    id: test
    title: Testmøte
    total_minutes: 80
    materials: [Penn]
    parts:
      - id: inn
        kind: innsjekk
        title: Innsjekk
        minutes: 10
        phases:
          - title: Runde
            kind: round
            minutes: 10
            minutes_per: round
      - id: steg3
        title: Min bruksanvisning
        minutes: 25
        materials: [Arket, Penn]
        phases:
          - title: Individuelt
            kind: individual
            minutes: 10
          - title: En og en i fokus
            kind: round
            minutes_per: person
            turn:
              steps:
                - {title: Deler, minutes: 4, min_minutes: 3}
                - {title: Gruppen spør, minutes: 4, min_minutes: 3}
          - title: Oppsummering
            kind: plenary
      - id: regler
        title: Spilleregler
        minutes: 20
        phases:
          - {title: Refleksjon, kind: individual, minutes: 5}
          - {title: Deling, kind: round, minutes: 10, minutes_per: round}
          - {title: Konsensus, kind: plenary}
      - id: ut
        kind: utsjekk
        title: Utsjekk
        minutes: 10
    """
)


@pytest.fixture
def agenda() -> Agenda:
    return load_agenda_text(AGENDA, "test.yaml")


def test_clock_times_add_up_from_start(agenda: Agenda) -> None:
    plan = plan_runsheet(agenda, time(9, 0), 6)
    assert [(format_clock(p.start), format_clock(p.end)) for p in plan.parts] == [
        ("09:00", "09:10"),
        ("09:10", "09:59"),  # steg3 needs 49 min with six: every later part moves
        ("09:59", "10:19"),
        ("10:19", "10:29"),
    ]
    assert [p.label for p in plan.parts] == ["Innsjekk", "Steg 1 av 2", "Steg 2 av 2", "Utsjekk"]
    for before, after in zip(plan.parts, plan.parts[1:], strict=False):
        assert before.end == after.start
        assert after.offset == before.offset + max(before.minutes * 60, before.phases_seconds)
    regler = plan.parts[2]
    assert [(format_clock(p.start), format_clock(p.end)) for p in regler.phases] == [
        ("09:59", "10:04"),
        ("10:04", "10:14"),
        ("10:14", "10:19"),
    ]
    assert [p.seconds for p in regler.phases] == [300, 600, 300]
    assert plan.end == time(10, 29)
    assert plan.end_with_slack == time(10, 44)
    assert plan.planned_end == time(10, 20)
    assert plan.planned_minutes == 65
    assert plan.slack_minutes == 15


def test_start_time_shifts_everything(agenda: Agenda) -> None:
    plan = plan_runsheet(agenda, time(13, 30), 4)
    assert format_clock(plan.parts[1].start) == "13:40"
    assert format_clock(plan.parts[2].phases[1].start) == "14:22"  # steg3: 37 min with four
    assert format_clock(plan.end) == "14:47"


def test_plain_part_is_one_plenary_phase(agenda: Agenda) -> None:
    ut = plan_runsheet(agenda, time(9, 0), 6).parts[3]
    (phase,) = ut.phases
    assert phase.kind_label == "plenum"
    assert (phase.start, phase.end) == (ut.start, ut.end)


@pytest.mark.parametrize(
    ("people", "seconds", "text"),
    [(6, 100, "6 × 1 min 40 s"), (3, 200, "3 × 3 min 20 s"), (5, 120, "5 × 2 min")],
)
def test_shared_round_turn_length(agenda: Agenda, people: int, seconds: int, text: str) -> None:
    turn = plan_runsheet(agenda, time(9, 0), people).parts[0].phases[0].turn
    assert turn is not None
    assert turn.speakers == people
    assert not turn.per_person
    assert turn.seconds == pytest.approx(seconds)
    assert turn.describe() == text
    assert turn.fits


@pytest.mark.parametrize(
    ("people", "phase_minutes", "share"),
    [(6, 36, "2 min"), (3, 18, "4 min")],
)
def test_per_person_round_turn_length(
    agenda: Agenda, people: int, phase_minutes: int, share: str
) -> None:
    part = plan_runsheet(agenda, time(9, 0), people).parts[1]
    individual, round_, summary = part.phases
    turn = round_.turn
    assert turn is not None
    assert turn.per_person
    assert turn.seconds == 8 * 60
    assert (turn.floor_seconds, turn.written_seconds) == (6 * 60, 8 * 60)
    assert turn.describe() == f"{people} × 6–8 min"
    assert turn.describe_steps() == "Deler 3–4 min + Gruppen spør 3–4 min"
    assert round_.seconds == phase_minutes * 60
    assert format_duration(turn.share_seconds) == share  # (25 − 10 − 3) min / people
    assert turn.fitted_seconds == 6 * 60  # never below the floor
    assert not turn.fits
    # laid out as the app runs it: turns at the floor, past the part's planned end
    assert individual.start == part.start
    assert round_.start == time(9, 20)
    assert round_.beyond_part
    assert summary.seconds == 3 * 60, "a summary is never squeezed to nothing"
    assert summary.start == round_.end
    assert summary.end == part.end


@pytest.mark.parametrize(("people", "needed", "short", "kept"), [(6, 49, 24, 36), (3, 31, 6, 12)])
def test_steg3_warning_for_three_and_more(
    agenda: Agenda, people: int, needed: int, short: int, kept: int
) -> None:
    plan = plan_runsheet(agenda, time(9, 0), people)
    part = plan.parts[1]
    assert part.fit is not None
    assert part.warning is not None
    assert f"Delen trenger {needed} min med {people} deltakere, men har 25 min" in part.warning
    assert f"{short} min for lite, og alt etter flyttes {short} min" in part.warning
    assert f"holde turene på 8 min (k), så går delen {kept} min over" in part.warning
    assert part.minutes_text == f"25+{short}"
    assert plan.warnings == (("Steg 1 av 2", part.warning),)
    assert all(p.warning is None for p in plan.parts if p is not part)


def test_no_warning_for_two(agenda: Agenda) -> None:
    plan = plan_runsheet(agenda, time(9, 0), 2)
    part = plan.parts[1]
    turn = part.phases[1].turn
    assert turn is not None
    # 12 min left for the round once the summary has its 3: turns shortened to 6 min
    assert turn.fitted_seconds == 6 * 60
    assert [p.seconds for p in part.phases] == [600, 720, 180]
    assert part.warning is None and plan.warnings == ()
    assert format_clock(plan.parts[2].start) == "09:35"


def test_one_person_gets_the_summary_time(agenda: Agenda) -> None:
    part = plan_runsheet(agenda, time(9, 0), 1).parts[1]
    assert [p.seconds for p in part.phases] == [600, 480, 420]
    assert part.phases[-1].end == part.end
    assert not any(p.beyond_part for p in part.phases)


def test_the_end_counts_the_overrun(agenda: Agenda) -> None:
    plan = plan_runsheet(agenda, time(9, 0), 6)
    # steg3: 10 + 6 × 6 + 3 = 49 min instead of 25 → 24 min later than planned (+ slack)
    assert plan.parts[1].overrun_seconds == 24 * 60
    assert format_clock(plan.end_with_slack) == "10:44"
    assert plan.projected_end == plan.end_with_slack
    plan1 = plan_runsheet(agenda, time(9, 0), 1)
    assert plan1.end_with_slack == plan1.planned_end


@pytest.mark.parametrize("name", ["startpakke", "kollegaveiledning", "revisjon"])
@pytest.mark.parametrize("people", [1, 2, 3, 6])
def test_clock_times_never_go_backwards(name: str, people: int) -> None:

    plan = plan_runsheet(load_builtin_agenda(name), time(9, 0), people)
    moments = [(p.offset, p.offset + max(p.minutes * 60, p.phases_seconds)) for p in plan.parts]
    for (_, end), (start, _) in itertools.pairwise(moments):
        assert start == end, "each part starts when the one before it ends"
    for part in plan.parts:
        cursor = part.offset
        for phase in part.phases:
            assert phase.offset == cursor and phase.seconds > 0, (part.label, phase.title)
            cursor += phase.seconds


def test_materials_collected_without_repeats(agenda: Agenda) -> None:
    plan = plan_runsheet(agenda, time(9, 0), 6)
    assert plan.materials == ("Penn", "Arket")
    assert plan.parts[1].materials == ("Arket", "Penn")


def test_focus_round_gets_as_many_focus_persons_as_fit() -> None:
    agenda = load_agenda_text(
        dedent(
            """\
            id: kv
            title: Kollegaveiledning
            parts:
              - id: kv
                title: Runder
                minutes: 60
                phases:
                  - title: Runde med fokusperson
                    kind: round
                    speakers: focus
                    minutes_per: person
                    turn:
                      steps:
                        - {title: Presenterer, minutes: 4}
                        - {title: Spørsmål, minutes: 6}
                        - {title: Drøfting, minutes: 8}
                        - {title: Tilbake, minutes: 2}
            """
        ),
        "kv.yaml",
    )
    turn = plan_runsheet(agenda, time(9, 0), 6).parts[0].phases[0].turn
    assert turn is not None
    assert turn.speakers == 3
    assert turn.describe() == "3 fokuspersoner × 20 min"
    assert plan_runsheet(agenda, time(9, 0), 6).parts[0].warning is None
    small = plan_runsheet(agenda, time(9, 0), 2).parts[0].phases[0].turn
    assert small is not None
    assert small.speakers == 2


def test_participants_must_be_positive(agenda: Agenda) -> None:
    with pytest.raises(ValueError):
        plan_runsheet(agenda, time(9, 0), 0)


def test_crossing_midnight_wraps(agenda: Agenda) -> None:
    plan = plan_runsheet(agenda, time(23, 30), 6)
    assert format_clock(plan.end) == "00:59"


@pytest.mark.parametrize(
    ("text", "value"), [("09:00", time(9, 0)), ("9:05", time(9, 5)), ("23:59", time(23, 59))]
)
def test_parse_clock(text: str, value: time) -> None:
    assert parse_clock(text) == value


@pytest.mark.parametrize("text", ["24:00", "9", "09.00", "9:5", "kl 9", "", "12:60"])
def test_parse_clock_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clock(text)


def test_formatting() -> None:
    assert format_duration(100) == "1 min 40 s"
    assert format_duration(240) == "4 min"
    assert format_duration(40) == "40 s"
    assert format_range(360, 480) == "6–8 min"
    assert format_range(240, 240) == "4 min"
    assert format_range(90, 120) == "1 min 30 s–2 min"
    assert format_clock(time(9, 1, 40)) == "09:02"


def test_builtin_startpakke_steg3() -> None:
    path = ROOT / "agenda" / "startpakke.yaml"
    if not path.exists():
        pytest.skip("agenda/startpakke.yaml is not written yet")
    agenda = load_agenda(path)
    steg3 = None
    for people, warned in ((6, True), (3, True), (2, False)):
        plan = plan_runsheet(agenda, time(9, 0), people)
        steg3 = next(p for p in plan.parts if p.part.id == "steg3")
        assert (steg3.warning is not None) is warned, people
        assert steg3.label == "Steg 3 av 7"
        assert [label for label, _ in plan.warnings] == (["Steg 3 av 7"] if warned else [])
    plan = plan_runsheet(agenda, time(9, 0), 6)
    steg3 = next(p for p in plan.parts if p.part.id == "steg3")
    # steg3 with six: 10 + 6 × 6 + 3 = 49 min, 24 more than its 25; everything after moves
    # (the break after steg 4 is a part: the day's 180 minutes have no slack left)
    assert format_clock(plan.end) == "12:24"
    assert format_clock(plan.end_with_slack) == "12:24"
    assert format_clock(plan.planned_end) == "12:00"
    steg4 = next(p for p in plan.parts if p.part.id == "steg4")
    assert format_clock(steg4.start) == format_clock(steg3.end) == "10:24"
