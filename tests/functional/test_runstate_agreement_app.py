"""Agreement in three levels (issue 14.18): Enter on a rule cycles enig → kan leve med →
innsigelse (who and why) → bare foreslått; the contract takes the rules nobody objects to,
the referat records the objections."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from textual.widgets import Input, OptionList, Select

from startpakke.documents.contract import write_contract
from startpakke.documents.referat import write_referat
from startpakke.session.model import AgreementLevel
from startpakke.tui.screens.capture_objection import ObjectionScreen
from tests.documents_session import load_builtin_agenda
from tests.tui_helpers import make_app, send_together, until


def text_of(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


async def _open_the_consensus_list(pilot, app) -> None:  # type: ignore[no-untyped-def]
    """Straight to steg 4's consensus phase (the controller driven directly), then `c`."""
    controller = app.controller
    controller.jump(controller.agenda.part_index("steg4"))
    while controller.phase.id != "konsensus":
        controller.next_phase()
    app.screen.refresh_state()  # what the run screen's tick would do (tests/conftest.py)
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()


async def test_enter_cycles_the_levels_and_an_objection_asks_who_and_why(tmp_path: Path) -> None:
    app, session, _, _ = make_app("Anne,Bjørn,Cecilie")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        controller = app.controller
        assert controller is not None
        for text in ("Vi starter presis", "Mobilen ligger i veska", "Vi møtes hver måned"):
            controller.add_rule(text)
        await _open_the_consensus_list(pilot, app)
        assert isinstance(app.focused, OptionList)

        await pilot.press("enter")  # rule 1: enig
        await pilot.press("down", "enter", "enter")  # rule 2: enig, then kan leve med
        await pilot.press("down", "enter", "enter")  # rule 3: enig, kan leve med
        await pilot.press("enter")  # … and the next is an objection: who and why?
        await pilot.pause()
        assert isinstance(app.screen, ObjectionScreen)
        bjorn = session.participants[1]
        app.screen.query_one("#objection-by", Select).value = bjorn.id
        reason = app.screen.query_one("#objection-reason", Input)
        reason.value = "Vi trenger annenhver uke i starten"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ObjectionScreen)

        rules = session.rules
        assert [r.agreement for r in rules] == [
            AgreementLevel.agree,
            AgreementLevel.accept,
            AgreementLevel.objection,
        ]
        assert [r.agreed for r in rules] == [True, True, False]
        assert [(o.by, o.reason) for o in rules[2].objections] == [
            (bjorn.id, "Vi trenger annenhver uke i starten")
        ]
        assert app.controller.session.rules[2].objections  # saved in the session

    agenda = load_builtin_agenda("startpakke")
    contract = text_of(write_contract(session, tmp_path / "kontrakt.docx"))
    assert "Vi starter presis" in contract and "Mobilen ligger i veska" in contract
    assert "Vi møtes hver måned" not in contract
    referat = text_of(write_referat(session, agenda, tmp_path / "referat.docx"))
    assert "Mobilen ligger i veska (kan leve med)" in referat
    assert "Innsigelser (ikke vedtatt):" in referat
    assert "«Vi møtes hver måned» – Bjørn: Vi trenger annenhver uke i starten" in referat


async def test_escape_in_the_objection_dialog_leaves_the_rule_as_it_was() -> None:
    app, session, _, _ = make_app("Anne,Bjørn")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        controller = app.controller
        assert controller is not None
        rule = controller.add_rule("Vi starter presis")
        rule.set_agreement(AgreementLevel.accept)
        await _open_the_consensus_list(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ObjectionScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert session.rules[0].agreement is AgreementLevel.accept


async def test_the_objection_s_reason_typed_while_its_dialog_opens() -> None:
    """Enter (to innsigelse), then the reason and Enter at once: the letters reached the
    list, and the dialog dropped the Enter that came before its field had the focus."""
    app, session, _, _ = make_app("Anne,Bjørn")
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.controller is not None
        app.controller.add_rule("Vi starter presis")
        await _open_the_consensus_list(pilot, app)
        await pilot.press("enter", "enter")  # enig, kan leve med
        send_together(app, ["enter", *"For tidlig", "enter", "j"])
        await until(pilot, lambda: bool(session.rules[0].objections), "the objection saved")
        assert [o.reason for o in session.rules[0].objections] == ["For tidlig"]


async def test_enter_then_down_at_once_give_the_level_to_the_rule_it_was_on() -> None:
    app, session, _, _ = make_app("Anne,Bjørn")
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.controller is not None
        for text in ("Vi starter presis", "Mobilen ligger i veska"):
            app.controller.add_rule(text)
        await _open_the_consensus_list(pilot, app)
        send_together(app, ["enter", "down", "enter", "enter"])
        await until(pilot, lambda: session.rules[1].agreement is AgreementLevel.accept, "2nd")
        assert [r.agreement for r in session.rules] == [
            AgreementLevel.agree,
            AgreementLevel.accept,
        ]
