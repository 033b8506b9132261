"""The run engine over a simulated three hours on a fake clock: drift must be exactly 0.

Time moves in 0.25 s steps (1 s with --quick; both exact in binary, so the fake clock's own
sums are exact) and, at every step, the engine's remaining time for the running phase and
part is compared with the value computed independently here: budget minus the time that ran
while not paused. Along the way the timer is paused for ten minutes and extended by a minute, and a
second engine that is never looked at until the end — a few big jumps, no ticks in between —
must agree with the one that was read at every step.
"""

from __future__ import annotations

from common import Figure

HOURS = 3
PAUSE_AT = 3600.0
PAUSE_FOR = 600.0
EXTEND_AT = 5400.0


def drift(step: float = 0.25) -> list[Figure]:
    from startpakke.agenda.loader import load_agenda
    from startpakke.engine import FakeClock, RunEngine
    from startpakke.resources import resolve_agenda
    from startpakke.session.edit import participants_from_names
    from startpakke.session.model import Session

    agenda = load_agenda(resolve_agenda("startpakke"))
    people = Session(participants=participants_from_names("Anne,Bjørn,Cecilie"))

    clock = FakeClock()
    engine = RunEngine(agenda, people, clock)
    engine.start()
    quiet_clock = FakeClock()
    quiet = RunEngine(agenda, people, quiet_clock)
    quiet.start()

    first = engine.snapshot()
    main_left0, part_left0 = first.main.remaining, first.part_timer.remaining

    total = HOURS * 3600.0
    steps = int(total / step)
    ran = 0.0  # seconds the timers ran (not paused)
    added = 0.0
    worst = 0.0
    checks = 0
    paused_at = None
    for index in range(1, steps + 1):
        elapsed = index * step
        clock.advance(step)
        if paused_at is None:
            ran += step
        if elapsed == PAUSE_AT:
            engine.pause()
            paused_at = elapsed
        elif paused_at is not None and elapsed == PAUSE_AT + PAUSE_FOR:
            engine.resume()
            paused_at = None
        if elapsed == EXTEND_AT:
            engine.extend(1)
            added += 60.0
        snap = engine.snapshot()
        expected_main = main_left0 + added - ran
        expected_part = part_left0 + added - ran
        worst = max(
            worst,
            abs(snap.main.remaining - expected_main),
            abs(snap.part_timer.remaining - expected_part),
        )
        checks += 2
    # The quiet engine: the same pause and extension, applied in three big jumps.
    quiet_clock.advance(PAUSE_AT)
    quiet.pause()
    quiet_clock.advance(PAUSE_FOR)
    quiet.resume()
    quiet_clock.advance(EXTEND_AT - PAUSE_AT - PAUSE_FOR)
    quiet.extend(1)
    quiet_clock.advance(total - EXTEND_AT)
    jumped = quiet.snapshot().main.remaining
    ticked = engine.snapshot().main.remaining

    return [
        Figure(
            "tid",
            f"motor, {HOURS} t simulert (FakeClock, {step} s steg), største avvik",
            worst,
            "s-err",
            target="= 0",
            passed=worst == 0.0,
            n=checks,
            note="med 10 min pause og +1 min",
        ),
        Figure(
            "tid",
            "motor, lest hvert steg mot fire store hopp, forskjell",
            abs(ticked - jumped),
            "s-err",
            target="= 0",
            passed=ticked == jumped,
            n=1,
        ),
    ]
