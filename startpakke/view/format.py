"""How times and timers read as text: clock faces, lengths of time, status words.

Plain Python shared by the facilitator's app, the projector and the schedule, so all say
the same thing the same way, and the wording is unit-tested without a screen. What a
whole screen shows is built from these in `startpakke.view.run` and the projector's room.
"""

from __future__ import annotations

import math
from datetime import datetime

from startpakke.agenda.model import PhaseKind
from startpakke.agenda.timing import format_duration
from startpakke.engine import TimerView

PHASE_KIND_LABELS = {
    PhaseKind.individual: "individuelt",
    PhaseKind.round: "runde",
    PhaseKind.plenary: "plenum",
    PhaseKind.capture: "skriv ned",
}


def clock_face(remaining: float) -> str:
    """«03:42» counting down; «+01:05» counting up in overtime; hours when needed.

    Seconds are rounded up while counting down (a fresh 3-minute timer shows 03:00 and
    reaches 00:00 exactly when time is up) and down in overtime.
    """
    if remaining >= 0:
        seconds = math.ceil(remaining - 1e-9)
        sign = ""
    else:
        seconds = math.floor(-remaining + 1e-9)
        sign = "+"
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def minutes_text(seconds: float) -> str:
    """«4 min», «1 min 40 s», «45 s» — a length of time, whichever its sign."""
    return format_duration(abs(seconds))


def elapsed_text(seconds: float) -> str:
    """«9 min 18 s», «2 t 58 min»: how long something took, never like a time of day."""
    whole = max(0, round(seconds))
    if whole < 3600:
        return format_duration(whole)
    hours, rest = divmod(whole, 3600)
    minutes = rest // 60
    return f"{hours} t {minutes} min" if minutes else f"{hours} t"


def timer_status(timer: TimerView, paused: bool) -> str:
    """A text label for the clock's state, so colour is never the only signal."""
    if paused:
        return "PAUSE"
    if timer.overtime:
        return f"OVERTID {clock_face(timer.remaining)}"
    if timer.low:
        return "LITE TID IGJEN"
    return ""


def timer_state(timer: TimerView, paused: bool) -> str:
    """A CSS class name for the clock: paused, overtime, low or ok."""
    if paused:
        return "paused"
    if timer.overtime:
        return "overtime"
    if timer.low:
        return "low"
    return "ok"


def clock_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def behind_text(seconds: float) -> str:
    """«i rute», «5 min etter planen», «3 min foran planen» — whole minutes, no seconds."""
    minutes = round(abs(seconds) / 60)
    if minutes == 0:
        return "i rute"
    return f"{minutes} min etter planen" if seconds > 0 else f"{minutes} min foran planen"
