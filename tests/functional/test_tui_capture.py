"""Capture in the run screen, driven by keys (Pilot) on a fake clock with a real session file.

The facilitator captures rules, agreement, competences and the plan; quits with ctrl+q;
reopens the file the way `startpakke run --session FILE` does — and everything is there,
in the file and on the screen.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import Input, OptionList, Select, Static

from startpakke.engine import FakeClock
from startpakke.modeling import to_data
from startpakke.session.model import CompetenceCategory, Session
from startpakke.session.store import load_session
from startpakke.tui.app import StartpakkeApp
from startpakke.tui.capture import CaptureArea
from tests.tui_helpers import (
    open_app,
    put_text,
    send_together,
    skip_to_part,
    skip_to_phase,
    start_meeting,
    until,
)

SIZE = (120, 40)
NAMES = "Anne,Bjørn,Cecilie"


async def type_text(pilot: Any, text: str) -> None:
    await pilot.press(*text)


def area(app: StartpakkeApp) -> CaptureArea:
    return app.screen.query_one(CaptureArea)


def shown_rows(app: StartpakkeApp) -> list[str]:
    """The capture list as the facilitator reads it."""
    options = area(app).query_one("#capture-list", OptionList).options
    return [o.prompt.plain if isinstance(o.prompt, Text) else str(o.prompt) for o in options]


def shown_title(app: StartpakkeApp) -> str:
    content = area(app).query_one("#capture-title", Static).content
    return content.plain if isinstance(content, Text) else str(content)


def last_message(app: StartpakkeApp) -> str:
    """The newest notification (toast) the app has shown."""
    return list(app._notifications)[-1].message


def session_of(app: StartpakkeApp) -> Session:
    assert app.controller is not None
    return app.controller.session


def speaker_id(app: StartpakkeApp) -> str:
    assert app.controller is not None
    person = app.controller.current_speaker()
    assert person is not None
    return person.id


def name(app: StartpakkeApp, participant_id: str | None) -> str:
    return session_of(app).name_of(participant_id)


async def choose(pilot: Any, app: StartpakkeApp, select_id: str, steps: int) -> None:
    """Open a Select with Enter, move `steps` down, Enter (the keyboard way)."""
    app.screen.query_one(select_id, Select).focus()
    await pilot.press("enter")
    await pilot.press(*["down"] * steps)
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    return tmp_path / "mote.json"


# -- the whole flow: capture, quit, reopen ---------------------------------------------------


async def test_capture_everything_quit_and_reopen(session_file: Path, clock: FakeClock) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        people = {p.name: p.id for p in session_of(app).participants}

        # Steg 4, the round: rules are attributed to whoever has the turn.
        await skip_to_part(pilot, app, "steg4")
        await skip_to_phase(pilot, app, "deling")
        first = speaker_id(app)
        await pilot.press("c")
        assert isinstance(app.focused, Input)
        put_text(app, "Vi starter presis")
        await pilot.press("enter")
        put_text(app, "Mobilen ligger i veska")
        await pilot.press("enter")
        assert isinstance(app.focused, Input), "Enter keeps the field open for the next one"
        await pilot.press("escape")
        await pilot.press("t")
        second = speaker_id(app)
        assert second != first
        await pilot.press("c")
        put_text(app, "Det som sies her, blir her")
        await pilot.press("enter")
        rules = session_of(app).rules
        assert [r.text for r in rules] == [
            "Vi starter presis",
            "Mobilen ligger i veska",
            "Det som sies her, blir her",
        ]
        assert [r.proposed_by for r in rules] == [first, first, second]
        assert f"Vi starter presis – {name(app, first)}" in shown_rows(app)[0]

        # The consensus phase: Enter in the list marks a rule agreed («✓ enig»).
        await pilot.press("escape")
        await skip_to_phase(pilot, app, "konsensus")
        await pilot.press("c")
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")  # rule 1
        await pilot.press("down", "down", "enter")  # rule 3
        assert [r.agreed for r in session_of(app).rules] == [True, False, True]
        rows = shown_rows(app)
        assert "✓ enig" in rows[0] and "✓ enig" not in rows[1] and "✓ enig" in rows[2]
        assert "vedtatt 2 av 3" in shown_title(app)
        await pilot.press("escape")

        # Steg 6: post-its for two people in all three categories, and the top three.
        await skip_to_part(pilot, app, "steg6")
        await skip_to_phase(pilot, app, "runder")
        owner_a = speaker_id(app)
        await pilot.press("c")
        put_text(app, "Barnevernloven")
        await pilot.press("enter", "down")
        put_text(app, "Veiledning av nyansatte")
        await pilot.press("enter", "down")
        put_text(app, "Lytter godt")
        await pilot.press("enter", "down")  # back round to «teoretisk»
        put_text(app, "Forvaltningsrett")
        await pilot.press("enter")
        await pilot.press("tab")  # to the list: Enter marks «topp 3»
        await pilot.press("enter", "down", "enter", "down", "enter", "down", "enter")
        mine = [c for c in session_of(app).competences if c.participant == owner_a]
        assert {c.category for c in mine} == set(CompetenceCategory)
        assert sum(c.top for c in mine) == 3, "at most three top post-its per person"
        assert "topp 3: 3 av 3" in shown_title(app)
        assert sum("★ topp 3" in row for row in shown_rows(app)) == 3
        await pilot.press("escape", "t")
        owner_b = speaker_id(app)
        assert owner_b != owner_a
        await pilot.press("c")
        for text in ("Systemteori", "Budsjettarbeid", "Humor"):
            put_text(app, text)
            await pilot.press("enter", "down")
        theirs = [c for c in session_of(app).competences if c.participant == owner_b]
        assert [(c.category, c.text) for c in theirs] == [
            (CompetenceCategory.teoretisk, "Systemteori"),
            (CompetenceCategory.yrkesspesifikk, "Budsjettarbeid"),
            (CompetenceCategory.personlig, "Humor"),
        ]
        rows = shown_rows(app)
        assert rows[0].startswith(" gul · teoretisk ") and "Systemteori" in rows[0]
        assert rows[2].startswith(" rosa · personlig ") and "Humor" in rows[2]
        await pilot.press("escape")

        # Steg 7: the plan form.
        await skip_to_part(pilot, app, "steg7")
        await pilot.press("c")
        await pilot.pause()
        await choose(pilot, app, "#plan-leader", 1)  # Anne
        await choose(pilot, app, "#plan-secretary", 2)  # Bjørn
        await choose(pilot, app, "#plan-term", 2)  # på omgang
        await choose(pilot, app, "#plan-format", 3)  # begge deler
        app.screen.query_one("#plan-frequency", Input).focus()
        put_text(app, "Hver 6. uke", "#plan-frequency")
        await pilot.press("tab")
        app.screen.query_one("#plan-platform", Input).focus()
        put_text(app, "Teams", "#plan-platform")
        await pilot.press("enter")
        app.screen.query_one("#plan-date", Input).focus()
        put_text(app, "15.10.2026", "#plan-date")
        await pilot.press("enter")
        put_text(app, "3.12.2026")
        await pilot.press("enter")
        put_text(app, "31.02.2026")  # no such day: a message, nothing added
        await pilot.press("enter")
        error = app.screen.query_one("#plan-error", Static).content
        assert "dd.mm.åååå" in str(error)
        app.screen.query_one("#plan-date", Input).value = ""
        # The key of «Leder og sekretær på omgang (ctrl+r)»: a mouse click at the button's
        # place missed it now and then under load (the form scrolls; toasts pass over it).
        await pilot.press("ctrl+r")
        await until(
            pilot,
            lambda: all(m.leader and m.secretary for m in session_of(app).plan.meetings),
            "the button gives each meeting a leader and a secretary",
        )
        app.screen.query_one("#plan-theme", Input).focus()
        for theme in ("Rekruttering", "Økonomistyring", "Tilsyn fra Statsforvalteren"):
            put_text(app, theme, "#plan-theme")
            await pilot.press("enter")
        await pilot.press("escape")
        await pilot.pause()
        plan = session_of(app).plan
        assert plan.leader == people["Anne"] and plan.secretary == people["Bjørn"]
        assert (plan.term, plan.format) == ("rotating", "both")
        assert (plan.frequency, plan.platform) == ("Hver 6. uke", "Teams")
        assert [m.date.isoformat() for m in plan.meetings] == ["2026-10-15", "2026-12-03"]
        assert all(m.leader and m.secretary for m in plan.meetings)
        assert plan.themes == ["Rekruttering", "Økonomistyring", "Tilsyn fra Statsforvalteren"]
        assert "leder Anne" in shown_title(app)
        # The rest of the heading is past the window's edge (cut after a whole word).
        assert "2 datoer" in area(app).view.heading()

        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code in (0, None)

    # The file on disk has it all.
    saved = load_session(session_file)
    assert [(r.text, r.agreed) for r in saved.rules] == [
        ("Vi starter presis", True),
        ("Mobilen ligger i veska", False),
        ("Det som sies her, blir her", True),
    ]
    assert [r.proposed_by for r in saved.rules] == [first, first, second]
    assert len([c for c in saved.competences if c.participant == owner_a]) == 4
    assert len([c for c in saved.competences if c.participant == owner_b]) == 3
    assert sum(c.top for c in saved.competences) == 3
    assert saved.plan.themes[1] == "Økonomistyring"
    assert len(saved.plan.meetings) == 2

    # Reopen the file with a new app, as `startpakke run --session FILE` does.
    again = open_app(session_file, clock)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")  # «fortsett der klokken stoppet»
        await pilot.pause()
        assert again.controller is not None
        assert again.controller.part.id == "steg7"
        now = to_data(session_of(again))
        assert now == to_data(saved) | {"updated_at": now["updated_at"], "run": now["run"]}
        assert "leder Anne" in shown_title(again)
        await pilot.press("p", "p", "p")  # back to steg 4 (the break taken is skipped)
        assert again.controller.part.id == "steg4"
        rows = shown_rows(again)
        assert re.match(r"✓ enig +1\. Vi starter presis", rows[0]), rows[0]
        assert "✓ enig" not in rows[1] and "✓ enig" in rows[2]
        assert name(again, second) in rows[2]
        await pilot.press("n", "n")  # steg 6, all the post-its, with who and «topp 3»
        await skip_to_phase(pilot, again, "felles")
        rows = shown_rows(again)
        assert len(rows) == 7
        assert sum("★ topp 3" in row for row in rows) == 3
        assert any("Humor" in row and name(again, owner_b) in row for row in rows)
        for colour in ("gul", "blå", "rosa"):
            assert any(row.startswith(f" {colour} · ") for row in rows)


# -- keys --------------------------------------------------------------------------------------


async def test_esc_gives_the_keys_back_to_the_meeting(session_file: Path, clock: FakeClock) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        assert app.focused is None, "the run screen never focuses a field by itself"
        await skip_to_part(pilot, app, "steg4")
        await skip_to_phase(pilot, app, "deling")
        await pilot.press("c")
        await type_text(pilot, "n p t")  # typed into the field, not meeting keys
        assert app.controller is not None and app.controller.part.id == "steg4"
        assert app.screen.query_one("#capture-input", Input).value == "n p t"
        await pilot.press("escape")
        assert app.focused is None
        await pilot.press("n")
        assert app.controller.part.id == "pause"  # the break after steg 4
        await pilot.press("space")
        assert app.controller.engine.paused


async def test_delete_and_undo_restore_the_rule(session_file: Path, clock: FakeClock) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await skip_to_part(pilot, app, "steg4")
        await pilot.press("c")
        for text in ("En", "To", "Tre"):
            put_text(app, text)
            await pilot.press("enter")
        before = [(r.id, r.text) for r in session_of(app).rules]
        await pilot.press("tab", "down", "x")
        assert [r.text for r in session_of(app).rules] == ["En", "Tre"]
        assert load_session(session_file).rules[1].text == "Tre", "the deletion is saved"
        await pilot.press("u")
        assert [(r.id, r.text) for r in session_of(app).rules] == before
        assert [r.text for r in load_session(session_file).rules] == ["En", "To", "Tre"]
        assert shown_rows(app)[1].strip().startswith("2. To")
        # Seen by a tester: in steg 4's list `g` (the rule review's agreement key, «g / w i
        # listen» in the help) took the break at once, with no question.
        assert isinstance(app.focused, OptionList)
        await pilot.press("g")
        assert app.controller is not None and app.controller.part.id == "steg4"
        await pilot.press("escape", "g")  # back in the meeting, `g` takes the break
        assert app.controller.part.id == "pause"


async def write_competences(pilot: Any, app: StartpakkeApp) -> None:
    """Start the meeting and open the field of steg 6's rounds (the post-its)."""
    await start_meeting(pilot)
    await skip_to_part(pilot, app, "steg6")
    await skip_to_phase(pilot, app, "runder")
    await pilot.press("c")


async def test_a_competence_typed_fast_gets_the_category_and_person_chosen_before_enter(
    session_file: Path, clock: FakeClock
) -> None:
    """↓ and PgDn typed with the text, before Enter, count for that post-it: they came
    after Enter when the keys arrived together (the app busy drawing), and the post-it was
    saved in the category it had before."""
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await write_competences(pilot, app)
        first = speaker_id(app)
        send_together(app, [*"Humor", "down", "down", "enter", *"Lov", "pagedown", "enter"])
        await until(pilot, lambda: len(session_of(app).competences) == 2, "both post-its saved")
        saved = [(c.text, c.category, c.participant) for c in session_of(app).competences]
        assert saved[0] == ("Humor", CompetenceCategory.personlig, first)
        assert saved[1][:2] == ("Lov", CompetenceCategory.personlig)
        assert saved[1][2] not in (None, first), "PgDn: the next person's post-it"


async def test_edit_and_reorder_in_the_list(session_file: Path, clock: FakeClock) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await skip_to_part(pilot, app, "steg4")
        await pilot.press("c")
        for text in ("En", "To"):
            put_text(app, text)
            await pilot.press("enter")
        await pilot.press("tab", "r")  # edit «En» in the field
        assert app.screen.query_one("#capture-input", Input).value == "En"
        put_text(app, " - presis")
        await pilot.press("enter")
        assert [r.text for r in session_of(app).rules] == ["En - presis", "To"]
        assert isinstance(app.focused, OptionList)
        await pilot.press("ctrl+down")
        assert [r.text for r in session_of(app).rules] == ["To", "En - presis"]
        await pilot.press("ctrl+up")
        assert [r.text for r in session_of(app).rules] == ["En - presis", "To"]


async def test_attendance_marks_someone_absent_and_the_round_skips_them(
    session_file: Path, clock: FakeClock
) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        assert app.controller is not None and app.controller.part.id == "innsjekk"
        anne, bjorn, cecilie = (p.id for p in session_of(app).participants)
        assert speaker_id(app) == anne
        await pilot.press("c")  # attendance: the checklist
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")  # Bjørn is not here
        assert session_of(app).participant(bjorn).present is False  # type: ignore[union-attr]
        assert bjorn in [p.id for p in app.controller.snapshot().round.absent]
        assert "✗ borte" in shown_rows(app)[1]
        assert "2 av 3 til stede" in shown_title(app)
        assert load_session(session_file).participants[1].present is False
        await pilot.press("escape", "t")
        assert speaker_id(app) == cecilie, "the round skips whoever is absent"
        await pilot.press("c", "home", "down", "space")  # space toggles too: Bjørn came
        assert bjorn not in [p.id for p in app.controller.snapshot().round.absent]


async def test_facilitator_is_chosen_from_the_list_and_shown(
    session_file: Path, clock: FakeClock
) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await skip_to_part(pilot, app, "steg1")
        await pilot.press("c", "down", "down", "enter", "escape")
        assert name(app, session_of(app).facilitator) == "Cecilie"
        assert "Cecilie er valgt" in shown_title(app)


async def test_top_three_is_the_limit(session_file: Path, clock: FakeClock) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await write_competences(pilot, app)
        for text in ("A", "B", "C", "D"):
            put_text(app, text)
            await pilot.press("enter")
        await pilot.press("tab", "enter", "down", "enter", "down", "enter", "down", "enter")
        tops = [c.text for c in session_of(app).competences if c.top]
        assert tops == ["A", "B", "C"]
        notes = [n.message for n in app._notifications]
        assert any("allerede tre viktigste" in str(m) for m in notes)


async def test_actions_and_notes_from_anywhere(session_file: Path, clock: FakeClock) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("h")
        put_text(app, "Sende ut referatet")
        await pilot.press("enter")
        await type_text(pilot, "bjø")
        await pilot.press("right", "enter")  # the suggestion completes «Bjørn»
        put_text(app, "01.10.2026")
        await pilot.press("enter")
        action = session_of(app).actions[0]
        assert action.what == "Sende ut referatet"
        assert name(app, action.who) == "Bjørn"
        assert action.due is not None and action.due.isoformat() == "2026-10-01"
        await pilot.press("h")
        put_text(app, "Bestille lokale")
        await pilot.press("tab")
        put_text(app, "Kommunen")  # free text, not a participant
        await pilot.press("escape")  # Esc saves what was typed
        assert session_of(app).actions[1].who == "Kommunen"
        await pilot.press("m")
        # Esc keeps what is typed: the note goes into the referat, and the dialog says so.
        hint = str(app.screen.query_one(".dialog-help", Static).render())
        assert "Esc: lukk – det som står i feltet, legges også til" in hint
        put_text(app, "Husk pause kl. 10.30")
        await pilot.press("enter")
        put_text(app, "Kaffe")
        await pilot.press("escape")
        notes = session_of(app).notes
        assert [n.text for n in notes] == ["Husk pause kl. 10.30", "Kaffe"]
        assert all(n.part == "innsjekk" for n in notes)
        assert app.focused is None


async def test_participants_can_be_added_renamed_and_removed_with_undo(
    session_file: Path, clock: FakeClock
) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("d")
        app.screen.query_one("#person-name", Input).focus()
        put_text(app, "Dag Vara", "#person-name")
        await pilot.press("tab")
        put_text(app, "Larvik")
        await pilot.press("enter")
        session = session_of(app)
        assert session.participants[-1].name == "Dag Vara"
        assert session.participants[-1].service == "Larvik"
        assert app.controller is not None
        assert app.controller.engine.person(session.participants[-1].id).name == "Dag Vara"
        app.screen.query_one("#people").focus()
        await pilot.press("up", "up", "up", "r")  # the cursor was on the new one
        name_field = app.screen.query_one("#person-name", Input)
        name_field.value = "Anne Aas"
        await pilot.press("enter")
        assert session.participants[0].name == "Anne Aas"
        app.screen.query_one("#people").focus()
        await pilot.press("down", "x")
        assert [p.name for p in session.participants] == ["Anne Aas", "Cecilie", "Dag Vara"]
        await pilot.press("u")
        assert session.participants[1].name == "Bjørn"
        await pilot.press("escape")
        assert load_session(session_file).participants[0].name == "Anne Aas"


async def test_contract_dialog_saves_text_purpose_and_review_date(
    session_file: Path, clock: FakeClock
) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await skip_to_part(pilot, app, "steg5")
        await pilot.press("c")
        put_text(app, "Vi møtes forberedt.")
        await pilot.press("tab")
        put_text(app, "Evalueres hvert år")
        await pilot.press("tab")
        put_text(app, "1.6.2027")
        await pilot.press("escape")
        contract = session_of(app).contract
        assert contract.text == "Vi møtes forberedt."
        assert contract.evaluation == "Evalueres hvert år"
        assert contract.review_date is not None and contract.review_date.isoformat() == "2027-06-01"
        assert "Barnevernsledernettverk skal bidra" in contract.purpose, "prefilled, Bufdir 2024"
        assert "evalueres 01.06.2027" in shown_title(app)


async def test_export_writes_a_document_and_a_bad_path_loses_nothing(
    session_file: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        await pilot.press("e")
        field = app.screen.query_one("#export-path", Input)
        assert field.value.startswith(str(tmp_path)), "next to the session file"
        target = tmp_path / "kontrakt.docx"
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        assert target.exists() and f"Nettverkskontrakt laget: {target}" in last_message(app)
        await pilot.press("e")
        field = app.screen.query_one("#export-path", Input)
        field.value = str(tmp_path / "finnes-ikke" / "kontrakt.docx")
        field.focus()
        await pilot.press("enter")
        result = str(app.screen.query_one("#export-result", Static).content)
        assert "laget" not in result and result.strip()
        await pilot.press("escape")
        assert app.controller is not None and app.controller.part.id == "innsjekk"
    assert load_session(session_file).participants[0].name == "Anne"


# -- kollegaveiledning: focus persons, timekeeper, takeaways ------------------------------------


async def test_focus_persons_timekeeper_and_private_takeaways(
    session_file: Path, clock: FakeClock
) -> None:
    app = open_app(session_file, clock, "--names", NAMES, "--agenda", "kollegaveiledning")
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        assert app.controller is not None
        anne, bjorn, cecilie = (p.id for p in session_of(app).participants)
        await skip_to_part(pilot, app, "roller")
        await pilot.press("c")
        await pilot.press("down", "down", "enter")  # Cecilie first
        await pilot.press("down", "enter")  # then Anne (the list keeps focus persons on top)
        assert app.controller.focus_ids == [cecilie, anne]
        await pilot.press("down", "ctrl+t")  # Bjørn keeps the time
        assert session_of(app).timekeeper == bjorn
        assert "tidtaker: Bjørn" in shown_title(app)
        await pilot.press("escape", "n")
        assert app.controller.part.id == "kollegaveiledning"
        assert speaker_id(app) == cecilie, "the round follows the focus persons"
        await pilot.press("c")
        put_text(app, "Snakke med HR først")
        await pilot.press("enter")
        note = session_of(app).notes[-1]
        assert (note.about, note.private) == (cecilie, True)
        assert "🔒 privat" in shown_rows(app)[0]
        rounds = {r.participant: r for r in session_of(app).focus_rounds}
        assert rounds[cecilie].takeaway == "Snakke med HR først"
        assert rounds[cecilie].share_takeaway is False
        await pilot.press("tab", "enter")  # «kan stå i referatet»
        assert rounds[cecilie].share_takeaway is True
        assert "kan stå i referatet" in shown_rows(app)[0]
    saved = load_session(session_file)
    assert [r.participant for r in saved.focus_rounds] == [cecilie, anne]
    assert saved.focus_rounds[0].share_takeaway is True


async def test_export_each_kind_or_its_message(
    session_file: Path, clock: FakeClock, tmp_path: Path
) -> None:
    """Each kind in turn, in one meeting: `e`, ↓ to it, Enter makes it (or says why not)."""
    app = open_app(session_file, clock, "--names", NAMES)
    async with app.run_test(size=SIZE) as pilot:
        await start_meeting(pilot)
        for index, suffix in enumerate((".docx", ".docx", ".ics", ".docx")):
            await pilot.press("e")
            await pilot.press(*["down"] * index)  # the highlighted document is the chosen one
            field = app.screen.query_one("#export-path", Input)
            path = Path(field.value)
            assert path.suffix == suffix
            assert path.parent == tmp_path
            await pilot.press("enter")
            if index == 2:  # no meeting dates yet: the calendar writer says so, the dialog stays
                result = str(app.screen.query_one("#export-result", Static).content)
                assert "ingen møtedatoer" in result
                assert not path.exists()
                await pilot.press("escape")
            else:
                assert path.exists() and f"laget: {path}" in last_message(app)
            assert not app.screen.query("#export-path"), "back in the meeting for the next"


def test_undoing_the_removal_of_a_focus_person_gives_back_their_round() -> None:
    from startpakke.controller import MeetingController
    from startpakke.engine import FakeClock
    from startpakke.session.edit import participants_from_names
    from startpakke.session.model import Session
    from tests.tui_helpers import builtin

    agenda = builtin("kollegaveiledning")
    session = Session(agenda=agenda.id, agenda_id=agenda.id)
    session.participants = participants_from_names("Anne,Bjørn,Cecilie,Dag")
    controller = MeetingController(agenda, session, lambda s: None, FakeClock())
    anne, bjorn, _, dag = (p.id for p in session.participants)
    controller.start()
    controller.choose_focus([bjorn, dag])
    controller.jump(agenda.part_index("kollegaveiledning"))
    assert controller.snapshot().round.current.name == "Bjørn"
    controller.remove_participant(bjorn)
    assert controller.snapshot().round.current.name == "Dag"
    controller.undo()
    assert controller.focus_ids == [bjorn, dag]
    view = controller.snapshot().round
    assert [p.name for p in view.order] == ["Dag", "Bjørn"]
    assert view.next.name == "Bjørn"
    assert anne not in [p.id for p in view.order]
