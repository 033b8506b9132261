"""When a part that ends at a clock time ends («Pause – tilbake kl. 11:15»).

A break, or a part with `until`, counts down to a time on the wall clock, not a number of
minutes: the room is told «tilbake kl. 11:15», so a laptop that slept through the break
or a break that began late must still end at 11:15. The engine keeps the target as a
wall-clock datetime and reads `target - clock.now()` every time, never counted ticks.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from startpakke.agenda.model import Part


def parse_clock(text: str) -> time:
    """«11:15» → 11:15 (the model has already checked the form)."""
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def clock_target(part: Part, now: datetime) -> datetime:
    """The wall-clock time the part ends at, when it begins at `now`.

    `until` later today is the target. Without `until`, or when that time has already
    passed (the break began late), the part gets its minutes from now, rounded up to the
    whole minute so the clock agrees with the «tilbake kl. …» the room reads.
    """
    if part.until is not None:
        target = datetime.combine(now.date(), parse_clock(part.until), tzinfo=now.tzinfo)
        if target > now:
            return target
    end = now + timedelta(minutes=part.minutes)
    if end.second or end.microsecond:
        end = end.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return end
