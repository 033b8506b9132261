"""The break on the run screen (issue 15 item 2): after steg 4 the clock says when the
room is back, and `g` takes the break now, after which `n` goes on where the meeting was."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Static

from startpakke.engine import FakeClock
from startpakke.engine.clock import OSLO
from tests.tui_helpers import make_app


def _screen(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_break_says_back_at_and_g_takes_it_now() -> None:
    clock = FakeClock(datetime(2026, 9, 14, 9, 0, tzinfo=OSLO))
    app, _session, _, saves = make_app(clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        controller = app.controller
        assert controller is not None
        agenda = controller.agenda
        # In steg 2 at 09:30, the facilitator takes the break now.
        controller.jump(agenda.part_index("steg2"))
        clock.advance(30 * 60)
        app.screen.refresh_state()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        label = str(app.screen.query_one("#clock-label", Static).render())
        assert label == "Pause – tilbake kl. 09:45"
        assert "Pause – tilbake kl. 09:45" in _screen(app)
        assert saves[-1].run is not None and saves[-1].run.return_to == "steg3"
        # The schedule says it too.
        await pilot.press("o")
        await pilot.pause()
        assert "tilbake kl. 09:45" in _screen(app)
        await pilot.press("escape")
        await pilot.pause()
        # After the break, `n` goes on with steg 3, and the break is not met again.
        await pilot.press("n")
        await pilot.pause()
        assert controller.engine.part.id == "steg3"
        controller.jump(agenda.part_index("steg4"))
        app.screen.refresh_state()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert controller.engine.part.id == "steg5"
        assert app.screen.check_action("take_break", ()) is None  # nothing left to take
