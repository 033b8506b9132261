"""Issue 14.19: `s` parks a topic from any part; steg 7 offers it as a theme; the next
meeting (run --from) shows what was parked and did not become a theme."""

from __future__ import annotations

import json
from pathlib import Path

from docx import Document
from textual.widgets import Input, OptionList, Static

from startpakke.documents.referat import write_referat
from startpakke.modeling import to_data
from startpakke.session.followup import followup_session
from startpakke.tui.app import StartpakkeApp, Startup
from startpakke.tui.capture import CaptureArea
from startpakke.tui.screens.info import InfoScreen
from tests.tui_helpers import builtin, jump_to_part, make_app, start_meeting


async def test_park_offer_as_theme_and_carry_to_the_next_meeting(tmp_path: Path) -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.controller is not None
        await jump_to_part(pilot, app, "steg3")
        await pilot.press("s")
        await pilot.pause()
        hint = str(app.screen.query_one(".dialog-help", Static).render())
        assert "Esc: lukk – det som står i feltet, parkeres også" in hint  # Esc keeps it
        # Each topic is put in the field that has the focus (typing is not the subject).
        assert isinstance(app.focused, Input)
        app.focused.value = "Rekruttering"
        await pilot.press("enter")
        assert isinstance(app.focused, Input)
        app.focused.value = "Vold mot ansatte"
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert [(t.text, t.part) for t in session.parked] == [
            ("Rekruttering", "steg3"),
            ("Vold mot ansatte", "steg3"),
        ]
        await jump_to_part(pilot, app, "steg7")
        await pilot.press("c")
        await pilot.pause()
        offered = app.screen.query_one("#plan-parked", OptionList)
        assert offered.option_count == 2
        offered.focus()
        offered.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        assert session.plan.themes == ["Rekruttering"]
        assert offered.option_count == 1, "a topic that became a theme is no longer offered"
        await pilot.press("escape")
        await pilot.pause()

    referat = Document(str(write_referat(session, builtin(), tmp_path / "referat.docx")))
    cells = "\n".join(c.text for t in referat.tables for r in t.rows for c in r.cells)
    assert "Parkerte temaer" in cells and "Vold mot ansatte" in cells

    previous = tmp_path / "forrige.json"
    previous.write_text(json.dumps(to_data(session)), encoding="utf-8")
    agenda = builtin("kollegaveiledning")
    nxt = followup_session(previous, "kollegaveiledning", agenda.id)
    assert [t.text for t in nxt.parked] == ["Vold mot ansatte"]
    assert nxt.parked[0].from_session == session.id

    app2 = StartpakkeApp(Startup(agenda=agenda, session=nxt, save=lambda _s: None, bell=False))
    async with app2.run_test(size=(80, 24)) as pilot:
        await start_meeting(pilot)
        assert app2.controller is not None
        await pilot.press("f")  # «Oppfølging fra forrige møte»
        await pilot.pause()
        title = str(app2.screen.query_one(CaptureArea).query_one("#capture-title", Static).content)
        assert "1 parkert fra forrige møte" in title, title
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app2.screen, InfoScreen)
        text = str(app2.screen.query_one("#info-text", Static).render())
        assert "Parkert fra forrige møte" in text and "Vold mot ansatte" in text
