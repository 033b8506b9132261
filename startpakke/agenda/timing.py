"""Time arithmetic over an agenda: phase lengths, turn lengths, and what does not fit.

Used both before the day (the run sheet) and during it (the engine fits turns to the time
left). Everything is in seconds; nothing here knows about clocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from startpakke.agenda.model import MinutesPer, Part, Phase
from startpakke.i18n import _, ngettext

MINUTE = 60.0


def format_duration(seconds: float) -> str:
    """«4 min», «1 min 40 s», «40 s» (rounded to whole seconds)."""
    whole = max(0, round(seconds))
    minutes, rest = divmod(whole, 60)
    if minutes and rest:
        return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=rest)
    if minutes:
        return _("{minutes} min").format(minutes=minutes)
    return _("{seconds} s").format(seconds=rest)


def shortened_text(seconds: float, written_seconds: float | None) -> str:
    """«Turene ble kortet ned til 3 min (skrevet: 4 min)»: how a shortened round reads."""
    text = _("Turene ble kortet ned til {time}").format(time=format_duration(seconds))
    if written_seconds:
        text += _(" (skrevet: {time})").format(time=format_duration(written_seconds))
    return text


@dataclass(frozen=True)
class TurnFit:
    """The length of one turn in a round, and whether it had to be shortened."""

    seconds: float
    written_seconds: float | None
    floor_seconds: float | None
    shortened: bool
    """The turn is shorter than written (or than an even share), to fit the time left."""
    overrun: bool
    """Even at the floor (or at the written length, if kept) the round runs past its time."""


def written_turn_seconds(phase: Phase) -> float | None:
    if phase.turn is None or phase.turn.written_minutes is None:
        return None
    return phase.turn.written_minutes * MINUTE


def floor_turn_seconds(phase: Phase) -> float | None:
    if phase.turn is None or phase.turn.floor_minutes is None:
        return None
    return phase.turn.floor_minutes * MINUTE


def fixed_phase_seconds(phase: Phase, people: int) -> float | None:
    """A phase's planned length for `people` speakers; None for an open-ended phase."""
    if phase.is_round and phase.minutes_per is MinutesPer.person:
        written = written_turn_seconds(phase) or 0.0
        return written * max(people, 0)
    if phase.minutes is None:
        return None
    return phase.minutes * MINUTE


def minimum_phase_seconds(phase: Phase, people: int) -> float:
    """The least a phase can take: per-person rounds at their floor, others as written."""
    if phase.is_round and phase.minutes_per is MinutesPer.person:
        floor = floor_turn_seconds(phase) or written_turn_seconds(phase) or 0.0
        return floor * max(people, 0)
    return (phase.minutes or 0) * MINUTE


def planned_phase_seconds(part: Part, people: int) -> list[float]:
    """Each phase's planned length; the open-ended phase gets what is left of the part."""
    phases = part.effective_phases
    fixed = [fixed_phase_seconds(phase, people) for phase in phases]
    known = sum(seconds for seconds in fixed if seconds is not None)
    rest = max(0.0, part.minutes * MINUTE - known)
    return [rest if seconds is None else seconds for seconds in fixed]


def fit_turn(
    phase: Phase,
    people_left: int,
    available_seconds: float,
    *,
    keep_written: bool,
) -> TurnFit:
    """How long the next turn should be.

    `people_left` counts the speaker about to start and everyone after them who is present;
    `available_seconds` is the time the round may still use. For a round whose minutes are
    for the whole round, the time is shared evenly. For per-person rounds the written turn
    is kept when it fits, or when the facilitator chose to keep it; otherwise turns are
    shortened to share the time left, never below the floor.
    """
    people = max(people_left, 1)
    written = written_turn_seconds(phase)
    floor = floor_turn_seconds(phase)
    share = max(available_seconds, 0.0) / people
    if phase.minutes_per is MinutesPer.round or written is None:
        seconds = share
        if floor is not None and seconds < floor:
            return TurnFit(floor, written, floor, True, True)
        return TurnFit(seconds, written, floor, False, False)
    if keep_written or written <= share:
        return TurnFit(written, written, floor, False, written > share)
    lowest = floor if floor is not None else 0.0
    seconds = max(share, lowest)
    return TurnFit(seconds, written, floor, True, share < lowest)


@dataclass(frozen=True)
class FitWarning:
    """A part whose written phases do not fit its minutes for a group size."""

    part_id: str
    needed_seconds: float
    """The least the phases need (per-person rounds at their floor)."""
    written_seconds: float
    """What the phases need as written."""
    available_seconds: float

    def message(self, people: int) -> str:
        need_low = round(self.needed_seconds / MINUTE)
        need_high = round(self.written_seconds / MINUTE)
        have = round(self.available_seconds / MINUTE)
        need = f"{need_low}" if need_low == need_high else f"{need_low}–{need_high}"
        return ngettext(
            "Fasene trenger {need} min med {n} deltaker, men delen har {have} min. "
            "Kort ned turene eller planlegg at delen går over tiden.",
            "Fasene trenger {need} min med {n} deltakere, men delen har {have} min. "
            "Kort ned turene eller planlegg at delen går over tiden.",
            people,
        ).format(n=people, need=need, have=have)


def part_fit_warning(part: Part, people: int) -> FitWarning | None:
    """A warning if the part's phases cannot fit its minutes for `people`, even at the floor."""
    phases = part.effective_phases
    needed = sum(minimum_phase_seconds(phase, people) for phase in phases)
    written = sum(fixed_phase_seconds(phase, people) or 0.0 for phase in phases)
    available = part.minutes * MINUTE
    if needed > available:
        return FitWarning(part.id, needed, max(written, needed), available)
    return None
