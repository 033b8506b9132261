"""A third agenda, written only in YAML, runs end to end: nothing about the meeting is in code.

`tests/data/agendas/nettverksmote.yaml` is a one-hour network meeting — innsjekk, a theme,
kollegaveiledning with focus persons under other names and minutes, utsjekk. It validates,
runs through the controller and engine and through the app, and gives a referat.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from textual.widgets import Digits

from startpakke.agenda.loader import load_agenda
from startpakke.agenda.model import Agenda, CaptureKind
from startpakke.controller import MeetingController
from startpakke.documents.referat import write_referat  # must exist: no skip if it does not
from startpakke.engine import FakeClock
from startpakke.session import edit as ops
from startpakke.session.edit import participants_from_names
from startpakke.session.model import Role, Session
from startpakke.session.store import SessionStore, load_session
from tests.cli import startpakke
from tests.conftest import AGENDAS, ROOT
from tests.tui_helpers import make_app, text

AGENDA_FILE = AGENDAS / "nettverksmote.yaml"
STEPS = ["Saken legges frem", "Spørsmål til saksholder", "Refleksjon – saksholder lytter"]
STEPS.append("Saksholder svarer")


@pytest.fixture(scope="module")
def agenda() -> Agenda:
    return load_agenda(AGENDA_FILE)


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return startpakke(*args, cwd=cwd, timeout=60)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" | ".join(cell.text for cell in row.cells) for row in table.rows)
    return "\n".join(lines)


# -- the file -----------------------------------------------------------------------------------


def test_it_validates_with_the_command() -> None:
    result = cli("validate", str(AGENDA_FILE))
    assert result.returncode == 0, result.stderr
    assert "OK (4 deler, 60 min)" in result.stdout


def test_it_is_its_own_meeting(agenda: Agenda) -> None:
    assert agenda.id == "nettverksmote" and agenda.kind == "nettverksmote"
    assert "startpakke" not in AGENDA_FILE.read_text(encoding="utf-8").lower()
    assert [p.id for p in agenda.parts] == ["velkommen", "tema", "veiledning", "avslutning"]
    assert agenda.planned_minutes == 60


# -- through the controller and the engine -------------------------------------------------------


def walk_the_meeting(agenda: Agenda) -> tuple[Session, MeetingController, list[Session]]:
    session = Session(agenda=str(AGENDA_FILE), agenda_id=agenda.id)
    session.network.name = "Lederforum Nordvik"
    session.network.meeting_date = date(2026, 10, 6)
    session.network.place = "Teams"
    session.participants = participants_from_names("Kari,Ola,Per,Siri,Tone")
    session.participants[-1].role = Role.deputy
    kari, ola, per, siri, _tone = session.participants
    saves: list[Session] = []
    clock = FakeClock()
    controller = MeetingController(agenda, session, saves.append, clock)
    controller.set_present(per.id, False)
    controller.start()

    # Velkommen: a round of everyone present; Per is skipped.
    snap = controller.snapshot()
    assert snap.part.id == "velkommen" and snap.round is not None
    spoken = []
    while not controller.snapshot().round.done:  # type: ignore[union-attr]
        spoken.append(controller.current_speaker().name)  # type: ignore[union-attr]
        clock.advance(120)
        controller.next_turn()
    assert sorted(spoken) == ["Kari", "Ola", "Siri", "Tone"]

    # Tema: what was said and who does what.
    controller.next_part()
    assert controller.part.id == "tema"
    controller.next_phase()
    assert controller.captures_here()[:2] == [CaptureKind.notes, CaptureKind.actions]
    controller.add_note("Alle har avvikssystem, men få bruker det til læring.")
    controller.edit(ops.add_action, "Dele mal for avviksgjennomgang", ola.id, date(2026, 11, 1))

    # Veiledning: two focus persons in the chosen order, each through the four steps.
    controller.next_part()
    assert controller.part.id == "veiledning"
    assert CaptureKind.focus_persons in controller.captures_here()
    controller.choose_focus([siri.id, kari.id])
    controller.focus_round(siri.id).case_title = "Ventelister i mottak"
    controller.focus_round(kari.id).case_title = "Ny leder i et gammelt team"
    controller.next_phase()
    seen = []
    while not controller.snapshot().round.done:  # type: ignore[union-attr]
        snap = controller.snapshot()
        assert snap.step is not None and snap.round is not None
        seen.append((snap.round.current.name, snap.step.title, snap.main.budget))  # type: ignore[union-attr]
        assert snap.round.focus_listening == (snap.step.title == STEPS[2])
        if snap.step.title == STEPS[3]:
            controller.add_takeaway(f"Privat lærdom for {snap.round.current.name}")  # type: ignore[union-attr]
        clock.advance(snap.main.budget)
        controller.next_turn()
    assert seen == [
        (name, title, minutes * 60.0)
        for name in ("Siri", "Kari")
        for title, minutes in zip(STEPS, (3, 4, 6, 1), strict=True)
    ]
    controller.toggle_takeaway_shared(siri.id)  # Siri agrees; Kari's stays private

    # Avslutning, and the end.
    controller.next_part()
    assert controller.part.id == "avslutning"
    controller.next_part()
    assert controller.engine.finished
    return session, controller, saves


def test_it_runs_from_start_to_end_through_the_controller(agenda: Agenda) -> None:
    session, controller, saves = walk_the_meeting(agenda)
    schedule = controller.engine.schedule()
    assert [row.label for row in schedule] == ["Innsjekk", "Steg 1 av 2", "Steg 2 av 2", "Utsjekk"]
    assert all(row.actual_start is not None for row in schedule)
    assert saves[-1].run is not None and saves[-1].run.finished is True
    assert [r.case_title for r in session.focus_rounds] == [
        "Ventelister i mottak",
        "Ny leder i et gammelt team",
    ]


def test_it_exports_a_referat(agenda: Agenda, tmp_path: Path) -> None:
    session, _, _ = walk_the_meeting(agenda)
    path = write_referat(session, agenda, tmp_path / "referat.docx", written_on=date(2026, 10, 7))
    text = docx_text(path)
    assert "Referat fra nettverksmøte – Lederforum Nordvik" in text
    assert "Dato: 06.10.2026" in text and "Sted: Teams" in text
    assert "Sak | Agenda/tema | Status/diskusjon | Konklusjon / ansvar og tidsfrist" in text
    assert "Tema: Internkontroll i praksis" in text
    assert "Alle har avvikssystem, men få bruker det til læring." in text
    assert "Dele mal for avviksgjennomgang – ansvar: Ola, frist 01.11.2026" in text
    assert "Kollegaveiledning: Ventelister i mottak" in text
    assert "Kollegaveiledning: Ny leder i et gammelt team" in text
    assert "Privat lærdom for Siri" in text  # she agreed
    assert "Privat lærdom for Kari" not in text  # private unless the person agrees
    # Attendance of members and deputies, ja/nei.
    assert "Per | – | – | nei" in text
    assert "Kari | – | – | ja" in text
    assert "Vara for medlemmene" in text and "Tone | – | – | ja" in text


def test_the_export_command_finds_the_yaml_agenda(agenda: Agenda, tmp_path: Path) -> None:
    session, _, _ = walk_the_meeting(agenda)
    store = SessionStore.create(tmp_path / "mote.json", session)
    assert load_session(store.path).agenda == str(AGENDA_FILE)
    output = tmp_path / "referat.docx"
    result = cli("export", str(store.path), "--format", "referat", "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert "Kollegaveiledning: Ventelister i mottak" in docx_text(output)


# -- through the app ------------------------------------------------------------------------------


async def test_it_runs_through_the_app(agenda: Agenda) -> None:
    app, session, clock, saves = make_app("Kari,Ola,Siri", agenda=agenda)
    kari, ola, siri = session.participants
    # Every step is a key, and each key's action redraws the run screen's state itself
    # (`settle`'s extra tick is for a controller driven directly): one frame after it.
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert text(app, "#part-title") == "Innsjekk: Velkommen"
        assert "Nå: Kari" in text(app, "#round")
        await pilot.press("n")
        await pilot.pause()
        assert text(app, "#part-title") == "Steg 1 av 2: Tema: Internkontroll i praksis"
        await pilot.press("n")
        await pilot.pause()
        assert text(app, "#part-title") == "Steg 2 av 2: Kollegaveiledning"
        assert "Tiden rekker til 2 runder à 14 min" in text(app, "#capture-title")
        await pilot.press("c", "down", "down", "enter", "escape")  # Siri
        await pilot.pause()
        assert app.controller is not None and app.controller.focus_ids == [siri.id]
        await pilot.press("f")
        await pilot.pause()
        for title, face in zip(STEPS, ("03:00", "04:00", "06:00", "01:00"), strict=True):
            assert "Nå: Siri" in text(app, "#round")
            assert text(app, "#clock-label").startswith(title)
            assert app.screen.query_one("#clock-digits", Digits).value == face
            if title == STEPS[1]:
                assert "Bare spørsmål" in text(app, "#banner")
            if title == STEPS[2]:
                # An ear, not 🙉 («hears nothing»): she listens (issue 16.10).
                assert "👂 Siri LYTTER" in text(app, "#banner")
            clock.advance(30)
            await pilot.press("t")
            await pilot.pause()
        assert "Runden er ferdig" in text(app, "#round")
        await pilot.press("n")
        await pilot.pause()
        assert text(app, "#part-title") == "Utsjekk: Avslutning"
        await pilot.press("n")
        await pilot.pause()
        assert "møtet er ferdig" in text(app, "#part-title")
    assert saves[-1].run is not None and saves[-1].run.finished is True
    assert saves[-1].run.agenda_id == "nettverksmote"
    assert {kari.id, ola.id} <= set(saves[-1].speaker_ids())
