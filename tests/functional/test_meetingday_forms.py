"""Issue 14.14: the forms show where the keys go, group their fields, keep a field's text
when it is tabbed into, and ctrl+z undoes the last edit of a field."""

from __future__ import annotations

from textual.widgets import Input

from startpakke.tui.screens.plan import PlanScreen
from tests.tui_helpers import make_app, open_plan_at_once


async def test_plan_form_focus_grouping_and_undo() -> None:
    app, session, _clock, _saves = make_app()
    session.plan.frequency = "hver 6. uke"
    session.plan.platform = "Teams"
    async with app.run_test(size=(120, 40)) as pilot:
        await open_plan_at_once(pilot, app)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        frequency = screen.query_one("#plan-frequency", Input)
        notes = screen.query_one("#plan-notes", Input)

        # Tab into «Hvor ofte»: the text stays, a stray key is added, not a replacement.
        frequency.focus()
        await pilot.pause()
        await pilot.press("shift+tab", "tab")
        assert app.focused is frequency
        await pilot.press("x")
        assert frequency.value == "hver 6. ukex"
        await pilot.press("ctrl+z")
        assert frequency.value == "hver 6. uke", "ctrl+z undoes the edit"
        await pilot.press("ctrl+z")
        assert frequency.value == "hver 6. ukex", "and again brings it back"
        await pilot.press("backspace")

        # «Annet» is in the same group: a few Tabs away, not twelve.
        tabs = 0
        while app.focused is not notes and tabs < 12:
            await pilot.press("tab")
            tabs += 1
        assert app.focused is notes and tabs <= 3, tabs

        # The focused field looks different from the others.
        await pilot.pause()
        assert notes.styles.background != frequency.styles.background
        assert notes.styles.text_style.bold

        # Undo of the last edit after the field was left (and saved).
        platform = screen.query_one("#plan-platform", Input)
        platform.focus()
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace")
        await pilot.press(*"Zoom", "tab")
        await pilot.pause()
        assert session.plan.platform == "Zoom"
        platform.focus()
        await pilot.press("ctrl+z", "tab")
        await pilot.pause()
        assert session.plan.platform == "Teams"
