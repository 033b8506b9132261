"""The run engine: position, turns and timers over an agenda, with an injected clock."""

from startpakke.engine.clock import Clock, FakeClock, SystemClock
from startpakke.engine.engine import (
    Person,
    Roster,
    RoundView,
    RunEngine,
    ScheduleRow,
    Snapshot,
    TimerView,
)

__all__ = [
    "Clock",
    "FakeClock",
    "Person",
    "Roster",
    "RoundView",
    "RunEngine",
    "ScheduleRow",
    "Snapshot",
    "SystemClock",
    "TimerView",
]
