"""A notice never hides what the facilitator is typing.

Toasts sit at the bottom right, over the capture field. The first-run guide stays twelve
seconds and «Hentet tilbake …» ten: typing a rule under them, the facilitator could not see
the right half of what they wrote. A notice gives way when a text field gets the focus; the
«IKKE LAGRET» notice stays, because nothing the facilitator does should hide it. Every notice
gives way to a dialog (it covered the buttons at 80×24); «IKKE LAGRET» comes back after.
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


async def test_not_saved_stays_for_the_field_gives_way_to_a_dialog_and_comes_back() -> None:
    """At 80×24 a dialog fills the screen, and a toast covered its buttons (the «Samd: …»
    confirmation the export dialog's). While a dialog is open no notice is on the screen;
    «IKKE LAGRET» comes back, once, when the run screen is in front again, and it stays
    when the capture field opens."""
    app, _session, _clock, _saves = make_app(first_run=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await start_meeting(pilot)
        await _to_rule_field(pilot, app)
        app.save_problem = "disken er full"
        app.show_save_problem()
        app.show_save_problem()  # already shown: not a second time
        await pilot.pause()
        assert toast_titles(app).count("IKKE LAGRET") == 1
        assert len(toast_titles(app)) == 2  # and the guide
        for key in ("e", "question_mark", "o"):
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ != "RunScreen"
            assert toast_titles(app) == [], key
            await pilot.press("escape")
            await pilot.pause()
            assert type(app.screen).__name__ == "RunScreen"
            assert toast_titles(app) == ["IKKE LAGRET"], key
        app.notify("Lagret igjen.")  # a passing notice, without a title
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert toast_titles(app) == ["IKKE LAGRET"]
