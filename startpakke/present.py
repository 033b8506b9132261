"""How run state reads as text: clock faces, status labels, headings.

Plain Python shared by the facilitator's app and the projector view, so both say the
same thing the same way, and the wording is unit-tested without a screen.
"""

from __future__ import annotations

import math
from datetime import datetime

from startpakke.agenda.model import PhaseKind
from startpakke.agenda.timing import format_duration
from startpakke.engine import Snapshot, TimerView

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


def part_heading(snap: Snapshot) -> str:
    """«Steg 3 av 7: Min bruksanvisning i samarbeid»."""
    return f"{snap.part_label}: {snap.part.title}"


def phase_heading(snap: Snapshot) -> str:
    kind = PHASE_KIND_LABELS.get(snap.phase.kind, "")
    counter = f"Fase {snap.phase_index + 1} av {snap.phase_count}"
    return f"{counter}: {snap.phase.title}" + (f" ({kind})" if kind else "")


def clock_time(moment: datetime) -> str:
    return moment.strftime("%H:%M")


def behind_text(seconds: float) -> str:
    """«i rute», «5 min bak», «3 min foran» — whole minutes: a room needs no seconds."""
    minutes = round(abs(seconds) / 60)
    if minutes == 0:
        return "i rute"
    return f"{minutes} min bak" if seconds > 0 else f"{minutes} min foran"


def day_line(snap: Snapshot) -> str:
    """The day at a glance: progress, the projected end and ahead/behind plan."""
    if not snap.started:
        return f"Planlagt slutt {clock_time(snap.day_end)}"
    if snap.finished:
        return "Møtet er ferdig"
    percent = round(snap.progress * 100)
    return (
        f"Dagen {percent} %  ·  slutt ca. {clock_time(snap.projected_end)} "
        f"({behind_text(snap.behind_seconds)})  ·  plan med pause {clock_time(snap.day_end)}"
    )


def round_line(snap: Snapshot) -> str:
    """«Nå: Anne · Neste: Bjørn · Borte: Cecilie · tur 1 av 3»."""
    view = snap.round
    if view is None:
        return ""
    if view.done:
        text = "Runden er ferdig – trykk f for neste fase"
    else:
        current = view.current.name if view.current else "–"
        following = view.next.name if view.next else "ingen (siste tur)"
        text = (
            f"Nå: {current}  ·  Neste: {following}  ·  tur {view.turn_number} av {view.turns_total}"
        )
    if view.absent:
        text += "  ·  Borte: " + ", ".join(p.name for p in view.absent)
    if view.fit is not None and view.fit.shortened:
        text += f"  ·  turene kortet til {minutes_text(view.fit.seconds)}"
    return text
