"""How many focus rounds (kollegaveiledning) fit in a part's time.

A focus round is a per-person round with `speakers: focus`: each focus person gets the
whole method (4 + 6 + 8 + 2 = 20 minutes as written). Before choosing the focus persons the
facilitator needs to know how many the part has room for:

    fit = rounds_that_fit(agenda, agenda.part_index("kollegaveiledning"), present=4)
    fit.count, fit.minutes_per_round, fit.leftover   # 3, 20, 0
    fit.sentence()          # «Tiden rekker til 3 runder à 20 min»

The part's other phases (a fixed introduction, a summary) are taken off first; no more
rounds are counted than there are people present to be focus persons. Plain Python, no
clock: this is the plan, the engine fits the turns to the time actually left.
"""

from __future__ import annotations

from dataclasses import dataclass

from startpakke.agenda.model import Agenda, MinutesPer, Phase, Speakers
from startpakke.agenda.timing import MINUTE, fixed_phase_seconds
from startpakke.i18n import _, plural

__all__ = ["RoundFit", "focus_fit_text", "focus_part_index", "focus_phase", "rounds_that_fit"]


@dataclass(frozen=True)
class RoundFit:
    """How many focus rounds fit in a part, and what is left over."""

    count: int
    """Whole rounds that fit (never more than the people present)."""
    minutes_per_round: int
    """One round as written (the sum of the method's steps)."""
    leftover: int
    """Minutes of the part's time left after those rounds."""
    available: int = 0
    """Minutes the part has for rounds (after its other phases)."""
    limited_by_people: bool = False
    """More rounds would fit, but not more people are present."""

    def sentence(self) -> str:
        """The fit in one Norwegian sentence for the facilitator."""
        per = f"à {self.minutes_per_round} min"
        if self.count == 0:
            if self.limited_by_people:
                return _("Ingen er til stede som kan være fokusperson")
            return _(
                "Tiden rekker ikke til en hel runde {per} (det er {available} min til rundene)"
            ).format(per=per, available=self.available)
        rounds = plural("{n} runde", "{n} runder", self.count)
        text = _("Tiden rekker til {rounds} {per}").format(rounds=rounds, per=per)
        extra = []
        if self.limited_by_people:
            extra.append(
                _("bare 1 er til stede")
                if self.count == 1
                else _("alle {n} til stede").format(n=self.count)
            )
        if self.leftover:
            extra.append(_("{n} min til overs").format(n=self.leftover))
        return text + (f" ({', '.join(extra)})" if extra else "")


def _is_focus_round(phase: Phase) -> bool:
    return phase.is_round and phase.speakers is Speakers.focus


def focus_phase(agenda: Agenda, part_index: int) -> Phase | None:
    """The part's focus round (the first phase with `speakers: focus`), or None."""
    return next((p for p in agenda.parts[part_index].effective_phases if _is_focus_round(p)), None)


def focus_part_index(agenda: Agenda, start: int = 0) -> int | None:
    """The first part at or after `start` that has a focus round, or None."""
    for index in range(max(start, 0), len(agenda.parts)):
        if focus_phase(agenda, index) is not None:
            return index
    return None


def rounds_that_fit(agenda: Agenda, part_index: int, present: int) -> RoundFit:
    """How many focus rounds fit in part `part_index` with `present` people there.

    Raises ValueError when the part has no focus round with a written turn length.
    """
    part = agenda.parts[part_index]
    phase = focus_phase(agenda, part_index)
    if phase is None or phase.turn is None or phase.turn.written_minutes is None:
        raise ValueError(
            _("delen «{part}» har ingen runde med fokuspersoner og fast turlengde").format(
                part=part.id
            )
        )
    per_round = phase.turn.written_minutes
    others = sum(
        fixed_phase_seconds(other, present) or 0.0
        for other in part.effective_phases
        if other is not phase
    )
    available = max(0, int((part.minutes * MINUTE - others) // MINUTE))
    if phase.minutes_per is MinutesPer.round and phase.minutes is not None:
        available = min(available, phase.minutes)
    by_time = available // per_round
    people = max(present, 0)
    count = min(by_time, people)
    return RoundFit(
        count=count,
        minutes_per_round=per_round,
        leftover=available - count * per_round,
        available=available,
        limited_by_people=people < by_time,
    )


def focus_fit_text(agenda: Agenda, from_part: int, present: int, chosen: int = 0) -> str | None:
    """The fit sentence for the next focus round at or after `from_part`, for the screen.

    Says so when more focus persons are chosen than there is time for. None when no part
    from here on has a focus round.
    """
    index = focus_part_index(agenda, from_part)
    if index is None:
        return None
    try:
        fit = rounds_that_fit(agenda, index, present)
    except ValueError:
        return None
    text = fit.sentence()
    if chosen > fit.count:
        extra = chosen - fit.count
        text += _(" – {chosen} er valgt, så {extra} får ikke tid i dag").format(
            chosen=chosen, extra=extra
        )
    return text
