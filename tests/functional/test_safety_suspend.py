"""A laptop that sleeps mid-turn: the app notices and asks whether the time away counts.

The injected clock sleeps like Linux does: the wall clock runs on, the monotonic one
stands still. The heartbeat notices and asks; «t» counts the time, «f» does not.
"""

from __future__ import annotations

import pytest
from textual.widgets import Static

from startpakke.engine import FakeClock
from startpakke.engine.suspend import SuspendWatch
from startpakke.tui.screens.resume import ResumeScreen
from tests.tui_helpers import make_app

SLEPT = 20 * 60


@pytest.mark.parametrize(("key", "counted"), [("t", True), ("f", False)])
async def test_suspend_mid_part_asks_whether_the_time_counts(key: str, counted: bool) -> None:
    app, _session, clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        controller = app.controller
        assert controller is not None
        clock.advance(30)
        before = controller.snapshot().part_timer.remaining
        clock.suspend(SLEPT)
        app._heartbeat()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResumeScreen)
        text = str(screen.query_one("#resume-text", Static).content)
        assert "Maskinen sov i 20 min" in text
        assert "stoppet midt i møtet" not in text
        await pilot.press(key)
        await pilot.pause()
        after = app.controller.snapshot().part_timer.remaining  # type: ignore[union-attr]
        assert after == pytest.approx(before - SLEPT if counted else before, abs=1)


async def test_no_question_while_paused_or_awake() -> None:
    app, _session, clock, _saves = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        clock.advance(60)
        app._heartbeat()  # awake: both clocks moved together
        await pilot.press("space")  # pause
        clock.suspend(SLEPT)
        app._heartbeat()
        await pilot.pause()
        assert not isinstance(app.screen, ResumeScreen)


def test_watch_ignores_small_drift_and_a_clock_set_back() -> None:
    clock = FakeClock()
    watch = SuspendWatch(clock)
    clock.advance(300)
    assert watch.check() is None
    clock.suspend(5)  # NTP nudging the clock, a busy machine
    assert watch.check() is None
    clock.jump_wall(-3600)  # the clock set back by hand
    assert watch.check() is None
    clock.suspend(90)
    assert watch.check() == pytest.approx(90)
    assert watch.check() is None
