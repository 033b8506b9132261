"""`k` in the app: the projected end and the schedule follow the choice at once (14.5)."""

from __future__ import annotations

import re
from datetime import datetime

from textual.widgets import Static

from tests.tui_helpers import make_app, settle

SIX = "Anne,Bjørn,Cecilie,Dag,Eva,Frida"


def projected(app) -> datetime:  # type: ignore[no-untyped-def]
    line = str(app.screen.query_one("#day", Static).render())
    found = re.search(r"slutt ca\. (\d\d):(\d\d)", line)
    assert found, line
    return datetime(2026, 9, 14, int(found[1]), int(found[2]))


async def test_k_moves_the_projected_end_in_steg_3_with_six_present() -> None:
    app, _, clock, _ = make_app(SIX)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(3):  # innsjekk → steg 1 → steg 2 → steg 3
            await pilot.press("n")
        await settle(pilot)
        assert "Min bruksanvisning" in str(app.screen.query_one("#part-title", Static).render())
        clock.advance(10 * 60)  # the ten minutes alone
        await pilot.press("f")
        await settle(pilot)
        assert app.controller.snapshot().round is not None
        before = projected(app)

        await pilot.press("k")
        await settle(pilot)
        after = projected(app)
        assert (after - before).total_seconds() == 12 * 60
        assert app.controller.session.run is not None
        assert app.controller.session.run.keep_written_turns

        await pilot.press("o")
        await pilot.pause()
        summary = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert f"Beregnet slutt {after:%H:%M}" in summary
