"""The «IKKE LAGRET» notice stays until a save works: its timeout, not a 7-second wait.

tests/e2e/test_safety_disk.py shows the notice in a real terminal once; here the app's own
notification says how long it stays, and a failed retry (the heartbeat) keeps it.
"""

from __future__ import annotations

from startpakke.session.model import Session
from startpakke.tui.app import PERSISTENT
from tests.tui_helpers import make_app

LONGEST_TOAST = 20.0
"""The longest timeout any other notice in the app has (the retention warning)."""


class FullDisk:
    """The app's save on a full disk: refused until `full` is turned off."""

    full = True

    def __call__(self, session: Session) -> None:
        if self.full:
            raise OSError(28, "No space left on device")


async def test_the_save_problem_stays_through_a_failed_retry_and_goes_when_saved() -> None:
    app, _session, _clock, _saves = make_app()
    app._raw_save = disk = FullDisk()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        (notice,) = [n for n in app._notifications if n.title == "IKKE LAGRET"]
        assert notice.timeout == PERSISTENT and PERSISTENT > 60 * LONGEST_TOAST
        app._heartbeat()  # the retry every fifth second: still refused
        await pilot.pause()
        assert [n.title for n in app._notifications] == ["IKKE LAGRET"]
        disk.full = False
        app._heartbeat()
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Lagret igjen."]


async def test_the_day_line_says_not_saved_until_a_save_works() -> None:
    """Seen by a tester: on a full disk only the toast said so, and at 80×24 it covered the
    capture field; the run screen's own day line now says it while it is true."""
    from textual.widgets import Static

    app, _session, _clock, _saves = make_app()
    app._raw_save = disk = FullDisk()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        app.screen.refresh_state()
        await pilot.pause()
        day = str(app.screen.query_one("#day", Static).render())
        assert day.startswith("IKKE LAGRET – prøver igjen")
        disk.full = False
        app._heartbeat()
        app.screen.refresh_state()
        await pilot.pause()
        assert "IKKE LAGRET" not in str(app.screen.query_one("#day", Static).render())
