"""Clocks the engine can be given: the real one, and a fake one for tests and benchmarks.

The engine reads two clocks: a monotonic one for every countdown (immune to the laptop's
clock being changed), and the wall clock for what a person reads (start times, the
projected end of the day, how long the program was closed).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo


def oslo() -> ZoneInfo:
    """Europe/Oslo, the fake clock's zone, made when first asked for: importing `zoneinfo`
    (and `sysconfig`, to find the zone files) cost every start about 3 ms."""
    from zoneinfo import ZoneInfo

    return ZoneInfo("Europe/Oslo")  # ZoneInfo keeps one object per zone


def __getattr__(name: str) -> ZoneInfo:
    if name == "OSLO":  # the constant the tests import, made on first use
        return oslo()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes backwards."""

    def now(self) -> datetime:
        """The wall clock, timezone-aware."""


class SystemClock:
    """The real clocks."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class FakeClock:
    """A clock that moves only when told to; wall time moves with it."""

    def __init__(self, start: datetime | None = None, monotonic: float = 1000.0) -> None:
        self._mono = monotonic
        self._wall = start or datetime(2026, 9, 14, 9, 0, tzinfo=oslo())

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move only the wall clock (what a restart after a closed lid looks like)."""
        self._wall += timedelta(seconds=seconds)

    def suspend(self, seconds: float) -> None:
        """The laptop sleeps: on Linux the monotonic clock stands still, the wall runs on."""
        self.jump_wall(seconds)
