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
from startpakke.i18n import N_, _

PHASE_KIND_LABELS = {
    PhaseKind.individual: N_("individuelt"),
    PhaseKind.round: N_("runde"),
    PhaseKind.plenary: N_("plenum"),
    PhaseKind.capture: N_("skriv ned"),
}
"""Marked for the catalogue; shown with `_()` (see `phase_kind_label`)."""


def phase_kind_label(kind: PhaseKind) -> str:
    """«runde», «plenum» … in the language of the moment; "" for a kind without a word."""
    word = PHASE_KIND_LABELS.get(kind, "")
    return _(word) if word else ""


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


def sentence(text: str) -> str:
    """The text as the end of a sentence: a full stop, unless it ends one itself.

    A part titled «Før vi går …» or «Hva gjør vi nå?» gets none after it.
    """
    text = text.rstrip()
    return text if text.endswith((".", "…", "?", "!")) else f"{text}."


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
    said = _("{hours} t {minutes} min") if minutes else _("{hours} t")
    return said.format(hours=hours, minutes=minutes)


def timer_status(timer: TimerView, paused: bool) -> str:
    """A text label for the clock's state, so colour is never the only signal."""
    if paused:
        return _("PAUSE")
    if timer.overtime:
        return _("OVERTID {face}").format(face=clock_face(timer.remaining))
    if timer.low:
        return _("LITE TID IGJEN")
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
        return _("i rute")
    said = _("{minutes} min etter planen") if seconds > 0 else _("{minutes} min foran planen")
    return said.format(minutes=minutes)
