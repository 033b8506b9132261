"""A countdown computed from a monotonic deadline, never from counted ticks.

While running, the countdown is a deadline on the monotonic clock; while paused, it is a
remainder. Remaining time is always `deadline - now` (or the remainder), so missed ticks,
a slow screen or a suspended laptop cannot make it drift. Remaining time goes negative in
overtime: that is a state the facilitator sees, not an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Countdown:
    budget: float
    """Seconds the timer was given, including extensions."""
    deadline: float | None = None
    """Monotonic time at which remaining reaches zero, while running."""
    remainder: float | None = None
    """Remaining seconds while paused (or not yet started)."""

    @classmethod
    def stopped(cls, budget: float) -> Countdown:
        return cls(budget=budget, deadline=None, remainder=budget)

    @property
    def running(self) -> bool:
        return self.deadline is not None

    def remaining(self, now: float) -> float:
        if self.deadline is not None:
            return self.deadline - now
        return self.remainder if self.remainder is not None else self.budget

    def elapsed(self, now: float) -> float:
        return self.budget - self.remaining(now)

    def start(self, now: float) -> None:
        if self.deadline is None:
            self.deadline = now + self.remaining(now)
            self.remainder = None

    def pause(self, now: float) -> None:
        if self.deadline is not None:
            self.remainder = self.deadline - now
            self.deadline = None

    def extend(self, seconds: float) -> float:
        """Add (or with a negative value, take away) time; the budget never goes below 0.

        Returns the seconds actually added.
        """
        change = max(seconds, -self.budget)
        self.budget += change
        if self.deadline is not None:
            self.deadline += change
        else:
            self.remainder = (self.remainder if self.remainder is not None else 0.0) + change
        return change

    def to_dict(self, now: float) -> dict[str, Any]:
        return {"budget": self.budget, "remaining": self.remaining(now), "running": self.running}

    @classmethod
    def from_dict(cls, data: dict[str, Any], now: float, add_elapsed: float = 0.0) -> Countdown:
        """Restore; a running timer also loses `add_elapsed` seconds (time spent closed)."""
        budget = float(data["budget"])
        remaining = float(data["remaining"])
        if data.get("running"):
            return cls(budget=budget, deadline=now + remaining - add_elapsed, remainder=None)
        return cls(budget=budget, deadline=None, remainder=remaining)
