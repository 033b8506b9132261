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

from tests.tui_helpers import go_to_part, make_app, until


def toast_titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(toast._notification.title) for toast in app.screen.query(Toast)]


async def _to_rule_field(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await go_to_part(pilot, app, "steg4")
    await pilot.press("f")
    await pilot.pause()


async def test_the_guide_gives_way_when_the_field_opens() -> None:
    app, _session, _clock, _saves = make_app(first_run=True)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
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
        await _to_rule_field(pilot, app)

        def full_disk(_session: object) -> None:
            raise OSError("disken er full")

        # Every save fails from here on, so the heartbeat's retry cannot end the problem.
        app._raw_save = full_disk
        app._safe_save(app.startup.session)  # as a save after a key press: IKKE LAGRET
        app.show_save_problem()  # already shown: not a second time
        # Toasts come and go a moment after the notice: each check waits for its screen.
        await until(pilot, lambda: len(toast_titles(app)) == 2, "IKKE LAGRET and the guide")
        assert toast_titles(app).count("IKKE LAGRET") == 1
        for key in ("e", "question_mark", "o"):
            await pilot.press(key)
            await until(pilot, lambda: type(app.screen).__name__ != "RunScreen", key)
            await until(pilot, lambda: toast_titles(app) == [], f"no notice over {key}")
            await pilot.press("escape")
            await until(pilot, lambda: type(app.screen).__name__ == "RunScreen", key)
            await until(pilot, lambda: toast_titles(app) == ["IKKE LAGRET"], f"back after {key}")
        app.notify("Lagret igjen.")  # a passing notice, without a title
        await until(pilot, lambda: sorted(toast_titles(app)) == ["", "IKKE LAGRET"], "a notice")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.focused, Input), "the capture field")
        await until(pilot, lambda: toast_titles(app) == ["IKKE LAGRET"], "IKKE LAGRET stays")
