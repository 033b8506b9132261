"""The facilitator's app: first frame and memory, key press to repaint, the shown countdown."""

from __future__ import annotations

import asyncio
import math
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import (
    BENCH,
    PYTHON,
    ChildResult,
    Figure,
    Runs,
    alternate,
    child_env,
    cpu_note,
    median,
    run_child,
)

FIRST_FRAME = str(BENCH / "first_frame.py")
LIBS = "minste app + yaml + pydantic-modell"


# -- first frame and peak memory -----------------------------------------------------------


def _first_frame(which: str, *, cold: bool = False):  # type: ignore[no-untyped-def]
    """`cold`: a data folder of its own, so the agenda cache is empty (the very first start
    after installing, or after the agenda file was changed)."""

    def make() -> ChildResult:
        with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as folder:
            argv = [PYTHON, FIRST_FRAME, which] + ([folder] if which == "startpakke" else [])
            env = child_env()
            if cold:
                env["STARTPAKKE_DATA_DIR"] = str(Path(folder) / "data")
            result = run_child(argv, timeout=60, env=env)
        if result.returncode != 0 or not result.stdout.strip():
            raise RuntimeError(f"first_frame.py {which} failed:\n{result.stderr[-2000:]}")
        # Process start → first frame (the child prints the moment, same clock as ours).
        result.seconds = float(result.stdout.split()[0]) - result.started
        return result

    return make


MINIMAL = "minste Textual-app"


def _row(
    runs: int,
    unit: str,
    pick: Callable[[Runs], list[float]],
    name: str,
    measured: Runs,
    base: Runs,
    base_name: str,
    note: str = "informasjon",
    limit: float | None = None,
) -> Figure:
    row = Figure(
        "app",
        name,
        median(pick(measured)),
        unit,
        median(pick(base)),
        base_name,
        f"≤ {limit}×" if limit else "",
        n=runs,
        note=note,
    )
    if limit:
        row.passed = row.ratio is not None and row.ratio <= limit
    return row


def first_frame(runs: int) -> list[Figure]:
    """Process start → first frame, and peak memory, for both apps in fresh processes.

    For each of the two: the scored figure, then for information the cold agenda cache and
    the floor (the small app with PyYAML and one pydantic model)."""
    minimal, libs, ours, cold = alternate(
        runs,
        _first_frame("minimal"),
        _first_frame("minimal+libs"),
        _first_frame("startpakke"),
        _first_frame("startpakke", cold=True),
    )
    measures: list[tuple[str, str, Callable[[Runs], list[float]], str, float, str, str]] = [
        (
            "første bilde",
            "s",
            lambda r: r.seconds,
            "prosess-start → første bilde",
            1.5,
            f"{cpu_note(ours, minimal)} (hele prosessen)",
            "informasjon; agendaen leses og valideres (YAML + pydantic)",
        ),
        ("toppminne", "MB", lambda r: r.maxrss_mb, "ru_maxrss per barneprosess", 1.3, "", ""),
    ]
    figures: list[Figure] = []
    for what, unit, pick, how, limit, note, cold_note in measures:
        figures += [
            _row(
                runs,
                unit,
                pick,
                f"{what}, kjøreskjermen ({how})",
                ours,
                minimal,
                MINIMAL,
                note,
                limit,
            ),
            _row(
                runs,
                unit,
                pick,
                f"{what}, kjøreskjermen, kald agenda-cache (første start)",
                cold,
                minimal,
                MINIMAL,
                cold_note or "informasjon",
            ),
            _row(runs, unit, pick, f"{what}, kjøreskjermen mot gulvet", ours, libs, LIBS),
            _row(runs, unit, pick, f"{what}, gulvet: {LIBS}", libs, minimal, MINIMAL),
        ]
    return figures


# -- key press to repaint ------------------------------------------------------------------


class FrameLog:
    """Wraps `App._display` (private; benchmark only) to note when each frame is rendered.

    Each entry is the `perf_counter()` after the compositor's update for the run screen was
    rendered, with the big clock's value at that moment.
    """

    def __init__(self) -> None:
        from textual.app import App

        self.frames: list[tuple[float, str]] = []
        self._app_class = App
        self._original = App._display
        log = self
        original = self._original

        def _display(app, screen, renderable):  # type: ignore[no-untyped-def]
            original(app, screen, renderable)
            if renderable is not None and log.target is not None and screen is log.target:
                log.frames.append((time.perf_counter(), log.digits()))

        self.target: object | None = None
        self._wrapped = _display

    def digits(self) -> str:
        from textual.widgets import Digits

        assert self.target is not None
        return str(self.target.query_one("#clock-digits", Digits).value)  # type: ignore[attr-defined]

    def __enter__(self) -> FrameLog:
        self._app_class._display = self._wrapped  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        self._app_class._display = self._original  # type: ignore[method-assign]


async def _keypresses(presses: int) -> list[float]:
    import apps

    from startpakke.engine import FakeClock

    latencies: list[float] = []
    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as folder, FrameLog() as log:
        app = apps.run_app(Path(folder), clock=FakeClock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            log.target = app.screen
            assert apps.is_run_screen(app.screen), app.screen
            for index in range(presses):
                key = "+" if index % 2 == 0 else "-"
                before = log.digits()
                seen = len(log.frames)
                started = time.perf_counter()
                await pilot.press(key)
                deadline = started + 5.0
                while True:
                    changed = [t for t, shown in log.frames[seen:] if shown != before]
                    if changed:
                        latencies.append(changed[0] - started)
                        break
                    if time.perf_counter() > deadline:
                        raise RuntimeError(f"no repaint after pressing {key!r}")
                    await asyncio.sleep(0.0005)
            await pilot.press("ctrl+q")
    return latencies


def keypress(presses: int) -> list[Figure]:
    """Median and worst of `presses` presses of `+`/`-`, each saved to the session file."""
    latencies = asyncio.run(_keypresses(presses))
    ms = [value * 1000 for value in latencies]
    med = Figure(
        "app",
        f"tast → nytt bilde, median ({presses} trykk +/-)",
        median(ms),
        "ms",
        target="< 50 ms",
        n=presses,
    )
    med.passed = med.value is not None and med.value < 50
    worst = Figure(
        "app",
        f"tast → nytt bilde, verste ({presses} trykk +/-)",
        max(ms),
        "ms",
        n=presses,
        note=f"informasjon; 90. persentil {sorted(ms)[int(len(ms) * 0.9)]:.1f} ms",
    )
    return [med, worst]


# -- the shown countdown against the wall clock --------------------------------------------


def face_interval(face: str) -> tuple[float, float]:
    """The remaining seconds (lo, hi] that `clock_face` shows as `face`."""
    sign = -1 if face.startswith("+") else 1
    parts = [int(part) for part in face.lstrip("+").split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    if sign > 0:  # counting down, rounded up: S shows for S-1 < r <= S
        return seconds - 1.0, float(seconds)
    return -(seconds + 1.0), -float(seconds)  # overtime, rounded down


def shown_error(face: str, remaining: float) -> float:
    """How far the true remaining time is from what the face can stand for (0 = right)."""
    lo, hi = face_interval(face)
    if remaining > hi:
        return remaining - hi
    if remaining <= lo:
        return lo - remaining
    return 0.0


async def _countdown(seconds: float, every: float) -> tuple[list[float], int]:
    import apps

    from startpakke.engine import SystemClock

    errors: list[float] = []
    with tempfile.TemporaryDirectory(prefix="startpakke-bench-") as folder, FrameLog() as log:
        app = apps.run_app(Path(folder), clock=SystemClock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            log.target = app.screen
            # One reading of the engine, paired with the benchmark's own clock; after that
            # the truth is only that reading minus real time elapsed.
            wall0 = time.perf_counter()
            remaining0 = app.controller.snapshot().main.remaining
            wall0 = (wall0 + time.perf_counter()) / 2
            end = wall0 + seconds
            next_sample = wall0 + every
            while True:
                await asyncio.sleep(max(0.0, next_sample - time.perf_counter()))
                now = time.perf_counter()
                if now > end:
                    break
                # What is on the screen: the clock in the last frame rendered.
                shown = log.frames[-1][1] if log.frames else log.digits()
                errors.append(shown_error(shown, remaining0 - (now - wall0)))
                next_sample += every
            await pilot.press("ctrl+q")
    return errors, len(errors)


def countdown(seconds: float) -> list[Figure]:
    errors, samples = asyncio.run(_countdown(seconds, 0.25))
    worst = max(errors) if errors else math.inf
    figure = Figure(
        "tid",
        f"vist nedtelling mot veggklokka, {seconds:.0f} s, verste avvik",
        worst,
        "s-err",
        target="< 0.5 s",
        n=samples,
        note="utover avrunding til hele sekunder",
    )
    figure.passed = worst < 0.5
    return [figure]
