"""Noticing that the laptop slept: the wall clock ran on while the monotonic one stood still.

On Linux `time.monotonic()` does not count time suspended, so every countdown freezes
silently when the lid is closed. The difference between the two clocks is constant while
the machine runs; when it grows by more than a few seconds the machine was asleep for that
long, and the facilitator is asked, as after a restart, whether that time counts.
"""

from __future__ import annotations

from startpakke.engine.clock import Clock

SUSPEND_THRESHOLD_SECONDS = 10.0
"""Drift below this is clock adjustment (NTP) or a busy machine, not a suspend."""


class SuspendWatch:
    """Call `check()` now and then; it returns the seconds slept since the last call."""

    def __init__(self, clock: Clock, threshold: float = SUSPEND_THRESHOLD_SECONDS) -> None:
        self.clock = clock
        self.threshold = threshold
        self._offset = self._read()

    def _read(self) -> float:
        return self.clock.now().timestamp() - self.clock.monotonic()

    def check(self) -> float | None:
        """Seconds the machine slept since the last check, or None when it did not.

        A wall clock set back (or forward by less than the threshold) is taken as the new
        normal without a question.
        """
        offset = self._read()
        drift = offset - self._offset
        self._offset = offset
        return drift if drift > self.threshold else None
