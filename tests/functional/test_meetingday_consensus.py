"""Issue 14.4: a rule that comes up in «Diskusjon og konsensus» can be added there."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from startpakke.tui.capture import CaptureArea
from tests.tui_helpers import jump_to_phase, make_app


async def test_tab_from_the_consensus_list_opens_the_field_for_a_new_rule() -> None:
    app, session, _clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert app.controller is not None
        await jump_to_phase(pilot, app, "steg4", "konsensus")
        app.controller.add_rule("Vi starter presis")
        await pilot.press("c")
        assert isinstance(app.focused, OptionList)
        await pilot.press("tab")
        field = app.screen.query_one(CaptureArea).capture_input
        assert app.focused is field and isinstance(field, Input)
        await pilot.pause()  # the layout that gives the field its place comes with a frame
        assert field.region.height > 0, "the field is on the screen"
        field.value = "Vi hører ferdig"  # typing is not the subject: the field is
        await pilot.press("enter")
        await pilot.pause()
        assert [(r.text, r.agreed) for r in session.rules] == [
            ("Vi starter presis", False),
            ("Vi hører ferdig", True),
        ]
        await pilot.press("tab")  # back to the list, where Enter toggles
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        assert session.rules[0].agreed
