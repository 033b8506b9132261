"""What opening and closing each dialog costs, against a key that changes the run screen.

    python benchmarks/bench_dialogs.py [--size 80x24] [--runs 5]

The facilitator's app in-process as the other benchmarks start it (`apps.run_app`: the
run command's preparation, a real session file, six participants; Pilot, headless, a fake
clock), in steg 4. Each key opens its dialog and Esc closes it, `--runs` times;
the figure is the median CPU time (`time.process_time()`) from the key press until the app
is idle, with the number of layouts Textual ran (`Screen._refresh_layout`, counted by a
wrapper: a private method, used only here). The baseline, measured the same way in the
same run, is `n` then `p` on the run screen: a whole part shown anew. Information, not a
target: it shows which dialog makes a key press lag.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

DIALOGS = [
    ("hjelp", "question_mark"),
    ("tidsplan", "o"),
    ("info", "i"),
    ("deltakere", "d"),
    ("dokumenter", "e"),
    ("notat", "m"),
    ("oppfølgingspunkt", "h"),
    ("parker", "s"),
    ("kommandopalett", "ctrl+p"),
]


async def _measure(size: tuple[int, int], runs: int) -> list[tuple[str, float, float, int]]:
    import apps
    from textual.screen import Screen

    from startpakke.engine import FakeClock

    layouts = [0]
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        layouts[0] += 1
        refresh_layout(self, *args, **kwargs)

    Screen._refresh_layout = counted  # type: ignore[method-assign]
    folder = tempfile.TemporaryDirectory(prefix="startpakke-bench-")
    app = apps.run_app(Path(folder.name), clock=FakeClock())
    rows = []
    async with app.run_test(size=size) as pilot:
        await pilot.press(*"nnnn")  # innsjekk → steg 4
        await pilot.pause()

        async def cost(*keys: str) -> tuple[float, int]:
            layouts[0] = 0
            before = time.process_time()
            await pilot.press(*keys)
            await pilot.pause()
            await pilot.pause(0.2)  # the screen's own follow-up frames
            return (time.process_time() - before) * 1000, layouts[0]

        async def pair(label: str, first: str, then: str) -> None:
            opened, closed, count = [], [], 0
            for _ in range(runs):
                ms, count = await cost(first)
                opened.append(ms)
                ms, _count = await cost(then)
                closed.append(ms)
            rows.append((label, statistics.median(opened), statistics.median(closed), count))

        await pair("grunnlinje: n, så p", "n", "p")
        for label, key in DIALOGS:
            await pair(label, key, "escape")
    Screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
    folder.cleanup()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="80x24")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    rows = asyncio.run(_measure((width, height), args.runs))
    base = rows[0][1]
    print(f"| {args.size}, median av {args.runs} | åpne, CPU | lukke, CPU | oppsett | mot n |")
    print("|---|---:|---:|---:|---:|")
    for label, opened, closed, count in rows:
        print(f"| {label} | {opened:.0f} ms | {closed:.0f} ms | {count} | {opened / base:.2f}× |")


if __name__ == "__main__":
    main()
