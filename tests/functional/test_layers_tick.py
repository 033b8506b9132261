"""The run screen's own tick: the clock on the screen moves without anyone asking.

Every other Pilot test has the tick slowed down (tests/conftest.py) and redraws when it
wants to; this one keeps the real tick, so the redraw by itself stays tested.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from textual.widget import Widget

from startpakke.tui.screens import run
from startpakke.tui.screens.run import RunScreen
from tests.tui_helpers import clock_face, make_app


def test_the_tick_the_other_tests_slow_down_is_still_there() -> None:
    """If this fails, the run screen's tick moved: update `_run_screen_ticks_on_request`."""
    assert 0 < run.TICK_SECONDS == 3600.0


@pytest.mark.real_tick
def test_marked_tests_keep_the_real_tick() -> None:
    assert run.TICK_SECONDS < 1


@pytest.mark.real_tick
async def test_the_run_screen_follows_the_clock_by_itself() -> None:
    app, _, clock, _ = make_app("Anne,Bjørn,Cecilie")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, RunScreen)
        assert clock_face(app) == "03:20"
        clock.advance(20)  # no refresh_state(): the screen's tick must show it
        deadline = time.monotonic() + 10
        while clock_face(app) != "03:00" and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert clock_face(app) == "03:00"


async def test_a_tick_redraws_only_what_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five ticks a second for three hours: a tick that shows nothing new draws nothing.

    Each text set again laid out and drew the whole screen, and the screen itself was
    repainted on every tick: an idle meeting used 8–10 % of a core (83 ms a second here).
    """
    app, _, clock, _ = make_app("Anne,Bjørn,Cecilie")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, RunScreen)
        refreshed: list[tuple[str, bool]] = []
        refresh = Widget.refresh

        def record(self: Widget, *args: Any, **kwargs: Any) -> Widget:
            refreshed.append((f"{type(self).__name__}#{self.id}", kwargs.get("layout", False)))
            return refresh(self, *args, **kwargs)

        monkeypatch.setattr(Widget, "refresh", record)
        for _ in range(5):
            screen.refresh_state()
        assert refreshed == []
        clock.advance(1)  # a second: the turn's clock and the part's line, nothing else
        screen.refresh_state()
        assert {name for name, _ in refreshed} == {
            "Digits#clock-digits",
            "BlockClock#clock-block",
            "Static#clock-part",
        }
        assert [name for name, layout in refreshed if layout] == ["Static#clock-part"]
        await pilot.pause()
        assert clock_face(app) == "03:19"
