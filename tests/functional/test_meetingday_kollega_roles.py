"""Issue 14.10: in kollegaveiledning the timekeeper is never the focus person of that
round, and a round without a case title is «Sak N» in the referat, never «uten tittel»."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from textual.widgets import Input

from startpakke.documents.referat import write_referat
from startpakke.session.focus_roles import round_timekeepers
from startpakke.tui.capture import CaptureArea
from tests.tui_helpers import builtin, jump_to_part, make_app


def referat_text(path: Path) -> str:
    doc = Document(str(path))
    return "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)


async def test_timekeeper_rotates_away_from_the_focus_person_and_cases_are_numbered(
    tmp_path: Path,
) -> None:
    agenda = builtin("kollegaveiledning")
    app, session, _clock, _saves = make_app(agenda=agenda)
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.controller is not None
        await jump_to_part(pilot, app, "roller")
        await pilot.press("c")
        # Anne and Bjørn are focus persons; Anne is also chosen as timekeeper.
        await pilot.press("enter", "down", "enter", "up", "ctrl+t")
        await pilot.pause()
        anne, bjorn, cecilie = (p.id for p in session.participants)
        assert app.controller.focus_ids == [anne, bjorn]
        assert session.timekeeper == anne
        keepers = round_timekeepers(session, app.controller.focus_ids)
        assert keepers[0] != anne and keepers[0] is not None, "not the focus person herself"
        assert keepers[1] == anne
        rows = [str(o.prompt) for o in app.screen.query_one(CaptureArea).capture_list.options]
        assert any("1. fokusperson" in r and "Sak 1" in r and "tidtaker Bjørn" in r for r in rows)
        from startpakke.tui.capture.views import FocusPersonsView

        view = app.screen.query_one(CaptureArea).view
        assert isinstance(view, FocusPersonsView)
        view.mark_timekeeper(anne)  # off, and on again: the message says who covers her round
        assert view.mark_timekeeper(anne) == "Anne er tidtaker – Bjørn tar tiden i Annes egen runde"
        # r on Bjørn gives his case a title.
        await pilot.press("down", "r")
        field = app.focused  # the title is put in the field (typing is not the subject)
        assert isinstance(field, Input)
        field.value = "Rekruttering"
        await pilot.press("enter")
        await pilot.pause()
        assert session.focus_rounds[1].case_title == "Rekruttering"
        await jump_to_part(pilot, app, "kollegaveiledning")
        await pilot.pause()
        title = str(app.screen.query_one("#capture-title").content)
        assert "tidtaker Bjørn" in title, title

    text = referat_text(write_referat(session, agenda, tmp_path / "referat.docx"))
    assert "uten tittel" not in text
    assert "reflekterende team: Sak 1" in text
    assert "reflekterende team: Rekruttering" in text
    assert "Tidtaker:\nBjørn" in text or "Tidtaker: Bjørn" in text.replace("\n", " ")
    assert cecilie not in text
