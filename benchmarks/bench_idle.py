"""An idle meeting: the CPU the run screen uses while nobody touches a key.

A meeting lasts three hours on the facilitator's laptop, mostly with the clock counting
down and nobody typing. The figure is the app's CPU time per second of that (real clock,
its own five-a-second tick, the real session file), against the smallest Textual app that
shows a ticking clock: `Digits` set to the time five times a second. Both run headless in
this process, one after the other, at 120×40.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from common import Figure

TICK = 0.2


def _ticking_clock():  # type: ignore[no-untyped-def]
    from textual.app import App, ComposeResult
    from textual.widgets import Digits, Footer, Static

    class TickingClock(App[None]):
        started = time.monotonic()

        def compose(self) -> ComposeResult:
            yield Static("Innsjekk")
            yield Digits("05:00")
            yield Footer()

        def on_mount(self) -> None:
            self.set_interval(TICK, self.tick)

        def tick(self) -> None:
            left = max(0, 300 - int(time.monotonic() - self.started))
            self.query_one(Digits).update(f"{left // 60:02d}:{left % 60:02d}")

    return TickingClock()


async def _cpu_per_second(app, seconds: float) -> float:  # type: ignore[no-untyped-def]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)  # past the first frames
        before = time.process_time()
        await asyncio.sleep(seconds)
        used = time.process_time() - before
        await pilot.press("ctrl+q")
    return used / seconds * 1000


def idle(seconds: float) -> list[Figure]:
    import apps

    from startpakke.engine.clock import SystemClock

    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as folder:
        run = asyncio.run(_cpu_per_second(apps.run_app(Path(folder), clock=SystemClock()), seconds))
    base = asyncio.run(_cpu_per_second(_ticking_clock(), seconds))
    figure = Figure(
        "app",
        f"tomgang: CPU per sekund, kjøreskjermen med klokka i gang ({seconds:.0f} s)",
        run,
        "ms",
        baseline=base,
        baseline_name="minste Textual-app med klokke (5 per s)",
        target="≤ 2×",
        n=1,
        note=f"{run / 10:.1f} % av én kjerne",
    )
    figure.passed = figure.ratio is not None and figure.ratio <= 2
    return [figure]
