"""A notice never hides what the facilitator is typing.

Toasts sit at the bottom right, over the capture field. The first-run guide stays twelve
seconds and «Hentet tilbake …» ten: typing a rule under them, the facilitator could not see
the right half of what they wrote. A notice gives way when a text field gets the focus; the
«IKKE LAGRET» notice stays, because nothing the facilitator does should hide it.
"""

from __future__ import annotations

from textual.widgets import Input
from textual.widgets._toast import Toast

from tests.tui_helpers import go_to_part, make_app, start_meeting


def toast_titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(toast._notification.title) for toast in app.screen.query(Toast)]


async def _to_rule_field(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await go_to_part(pilot, app, "steg4")
    await pilot.press("f")
    await pilot.pause()


async def test_the_guide_gives_way_when_the_field_opens() -> None:
    app, _session, _clock, _saves = make_app(first_run=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await start_meeting(pilot)
        await _to_rule_field(pilot, app)
        assert any(t.startswith("Veiledning") for t in toast_titles(app))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert toast_titles(app) == []


async def test_the_not_saved_notice_stays_when_the_field_opens() -> None:
    app, _session, _clock, _saves = make_app(first_run=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await start_meeting(pilot)
        await _to_rule_field(pilot, app)
        app.save_problem = "disken er full"
        app._show_save_problem()
        await pilot.press("c")
        await pilot.pause()
        assert toast_titles(app) == ["IKKE LAGRET"]
