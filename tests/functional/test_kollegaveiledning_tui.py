"""Kollegaveiledning in the facilitator's app: the method, step by step, for each focus person.

First the plain arithmetic of how many focus rounds fit; then a whole meeting driven with
Textual's Pilot on a fake clock, reading what the room sees from the screen.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import Static

from startpakke.agenda.model import Agenda
from startpakke.engine.rounds import focus_fit_text, focus_part_index, rounds_that_fit
from startpakke.modeling import validate
from startpakke.tui.screens.run import RunScreen
from tests.tui_helpers import builtin, clock_face, make_app, settle, text

METHOD = [
    ("Fokuspersonen presenterer problemstillingen", "04:00", "4 min"),
    ("Avklarende spørsmål", "06:00", "6 min"),
    ("Kollegaene drøfter – fokuspersonen lytter", "08:00", "8 min"),
    ("Fokuspersonen snur seg tilbake", "02:00", "2 min"),
]


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return builtin("kollegaveiledning")


# -- how many rounds fit -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("present", "count", "leftover", "sentence"),
    [
        (6, 3, 0, "Tiden rekker til 3 runder à 20 min"),
        (4, 3, 0, "Tiden rekker til 3 runder à 20 min"),
        (2, 2, 20, "Tiden rekker til 2 runder à 20 min (alle 2 til stede, 20 min til overs)"),
        (1, 1, 40, "Tiden rekker til 1 runde à 20 min (bare 1 er til stede, 40 min til overs)"),
        (0, 0, 60, "Ingen er til stede som kan være fokusperson"),
    ],
)
def test_rounds_that_fit_the_kollegaveiledning_part(
    agenda: Agenda, present: int, count: int, leftover: int, sentence: str
) -> None:
    fit = rounds_that_fit(agenda, agenda.part_index("kollegaveiledning"), present)
    assert (fit.count, fit.minutes_per_round, fit.leftover) == (count, 20, leftover)
    assert fit.sentence() == sentence


def test_rounds_that_fit_say_what_is_left_over() -> None:
    agenda = validate(
        Agenda,
        {
            "id": "kv",
            "title": "Kollegaveiledning",
            "parts": [
                {
                    "id": "kv",
                    "title": "Kollegaveiledning",
                    "minutes": 75,
                    "phases": [
                        {"title": "Innledning", "kind": "plenary", "minutes": 5},
                        {
                            "title": "Runde",
                            "kind": "round",
                            "speakers": "focus",
                            "minutes_per": "person",
                            "turn": {"minutes": 20},
                        },
                    ],
                },
                {"id": "slutt", "title": "Slutt", "minutes": 15},
            ],
        },
    )
    fit = rounds_that_fit(agenda, 0, 6)
    assert (fit.count, fit.minutes_per_round, fit.leftover) == (3, 20, 10)
    assert fit.sentence() == "Tiden rekker til 3 runder à 20 min (10 min til overs)"
    assert focus_part_index(agenda) == 0
    assert focus_part_index(agenda, 1) is None
    assert focus_fit_text(agenda, 1, 6) is None
    assert focus_fit_text(agenda, 0, 6, chosen=4) == (
        "Tiden rekker til 3 runder à 20 min (10 min til overs) – 4 er valgt, så 1 får ikke "
        "tid i dag"
    )
    with pytest.raises(ValueError, match="ingen runde med fokuspersoner"):
        rounds_that_fit(agenda, 1, 6)


def test_a_part_too_short_for_one_round(agenda: Agenda) -> None:
    short = replace(
        agenda,
        parts=[
            replace(part, minutes=15) if part.id == "kollegaveiledning" else part
            for part in agenda.parts
        ],
    )
    fit = rounds_that_fit(short, short.part_index("kollegaveiledning"), 4)
    assert fit.count == 0
    assert (
        fit.sentence() == "Tiden rekker ikke til en hel runde à 20 min (det er 15 min til rundene)"
    )


# -- the meeting on the screen ----------------------------------------------------------------


async def test_a_kollegaveiledning_meeting_with_two_focus_persons(agenda: Agenda) -> None:
    app, session, clock, saves = make_app("Anne,Bjørn,Cecilie,Dag", agenda=agenda)
    anne, bjorn, cecilie, dag = session.participants
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RunScreen)
        assert text(app, "#part-title") == "Innsjekk: Velkommen og innsjekk"
        assert "Nå: Anne" in text(app, "#round")

        # Roles and cases: the app says how many rounds the time allows.
        await pilot.press("n")
        await settle(pilot)
        assert text(app, "#part-title") == "Steg 1 av 2: Fordeling av roller og saker"
        assert "Tiden rekker til 3 runder à 20 min" in text(app, "#capture-title")
        # In the list (c): Enter makes the highlighted person a focus person (chosen ones
        # move to the top, in order), ctrl+t the timekeeper; Esc gives the keys back.
        await pilot.press("c", "down", "enter")  # Bjørn
        await pilot.press("down", "down", "down", "enter")  # Dag, after Anne and Cecilie
        await pilot.press("down", "ctrl+t")  # Anne keeps the time
        await pilot.press("escape")
        await settle(pilot)
        assert app.controller is not None
        assert app.controller.focus_ids == [bjorn.id, dag.id]
        heading = text(app, "#capture-title")
        assert "Bjørn, Dag" in heading
        assert "tidtaker: Anne" in heading

        # The round: only the focus persons, in the chosen order, each through the method.
        await pilot.press("n")
        await settle(pilot)
        assert text(app, "#part-title") == "Steg 2 av 2: Kollegaveiledning – reflekterende team"
        for person, following in ((bjorn, "Dag"), (dag, None)):
            for index, (title, face, minutes) in enumerate(METHOD):
                assert f"Nå: {person.name}" in text(app, "#round")
                if following:
                    assert f"Neste: {following}" in text(app, "#round")
                assert text(app, "#clock-label") == f"{title} · {minutes}"
                assert clock_face(app) == face
                banner = app.screen.query_one("#banner", Static)
                if index == 1:  # clarifying questions only
                    assert banner.display
                    assert "Kun spørsmål – ingen råd eller refleksjoner" in text(app, "#banner")
                    assert not banner.has_class("-listening")
                elif index == 2:  # the focus person has turned away and only listens
                    assert banner.display
                    assert "LYTTER" in text(app, "#banner")
                    assert person.name in text(app, "#banner")
                    assert banner.has_class("-listening")
                else:
                    assert "LYTTER" not in text(app, "#banner")
                # The clock counts down from the method's minutes, then the next step.
                clock.advance(60)
                await settle(pilot)
                assert clock_face(app) < face
                await pilot.press("t")
                await settle(pilot)
        assert "Runden er ferdig" in text(app, "#round")
        for name in ("Anne", "Cecilie"):
            assert f"Nå: {name}" not in text(app, "#round")

        # Utsjekk, and the end.
        await pilot.press("n")
        await settle(pilot)
        assert text(app, "#part-title") == "Utsjekk: Avslutning og utsjekk"
        await pilot.press("n")
        await settle(pilot)
        assert "møtet er ferdig" in text(app, "#part-title")

    assert [r.participant for r in session.focus_rounds] == [bjorn.id, dag.id]
    assert session.timekeeper == anne.id
    final = saves[-1]
    assert final.run is not None and final.run.finished is True
    assert final.focus_ids() == [bjorn.id, dag.id]
    assert cecilie.present
