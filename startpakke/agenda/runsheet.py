"""The run sheet: an agenda laid out on the clock for a start time and a group size.

Plain Python (no rich, no Textual, no docx); the text run sheet (`startpakke agenda`) and
the Word run sheet (`startpakke.documents.runsheet`) both render a `PlannedRunSheet`.

    from datetime import time
    from startpakke.agenda.runsheet import plan_runsheet, format_clock, format_duration

    plan = plan_runsheet(agenda, start=time(9, 0), participants=6)
    plan.title, plan.start, plan.end, plan.end_with_slack, plan.projected_end
    for part in plan.parts:                      # PlannedPart
        part.start, part.end, part.minutes, part.label, part.title, part.warning
        for phase in part.phases:                # PlannedPhase
            phase.start, phase.end, phase.seconds, phase.kind_label, phase.title
            if phase.turn:                       # PlannedTurn, for rounds
                phase.turn.describe()            # "6 × 6–8 min", "6 × 1 min 40 s"
    plan.materials, plan.notes, plan.warnings    # warnings: [(part label, text), ...]

Times:
- Clock times are cumulative and never go backwards: each part starts when the one before
  it ends on the sheet. `*_offset` fields are seconds from the start of the meeting;
  `start`/`end` are `datetime.time` values with whole seconds (`format_clock` → «09:35»).
- Phases are laid out as the app runs them by default: per-person rounds take their turns
  shortened to fit the part (never below the floor), written phases their minutes, and a
  phase without minutes what is left — at least `OPEN_PHASE_MINIMUM`. When that needs more
  than the part has, the part ends later, carries a warning saying by how much and what the
  choice is, and every later part moves (`PlannedPhase.beyond_part` marks the phases past
  the part's planned minutes).
- `end` is when the last part ends; `end_with_slack` adds the agenda's unplanned time
  (e.g. a 15-minute break); `planned_end` is the end the agenda promises.

Rounds (`PlannedTurn`): `speakers` is the number of turns. It is the number of
participants, except for `speakers: focus` rounds (kollegaveiledning), where it is the
number of whole written turns that fit in the time the part has for the round, between 1
and the number of participants. `seconds` is the turn as scheduled (the written turn, or
an even share of a whole-round phase); `fitted_seconds` is the turn shortened to fit the
part's time (never below the floor), `fits` says whether that is possible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from startpakke.agenda.model import (
    Agenda,
    CaptureKind,
    MinutesPer,
    Part,
    Phase,
    PhaseKind,
    Speakers,
)
from startpakke.agenda.timing import (
    MINUTE,
    FitWarning,
    fit_turn,
    floor_turn_seconds,
    format_duration,
    part_fit_warning,
    written_turn_seconds,
)
from startpakke.i18n import N_, _, ngettext, plural

__all__ = [
    "KIND_LABELS",
    "PlannedPart",
    "PlannedPhase",
    "PlannedRunSheet",
    "PlannedStep",
    "PlannedTurn",
    "format_clock",
    "format_duration",
    "format_range",
    "parse_clock",
    "plan_runsheet",
]

KIND_LABELS: dict[PhaseKind, str] = {
    PhaseKind.individual: N_("individuelt"),
    PhaseKind.round: N_("runde"),
    PhaseKind.plenary: N_("plenum"),
    PhaseKind.capture: N_("skrive ned"),
}
"""How a phase kind is named on the run sheet (catalogue ids: show them through `_()`)."""

OPEN_PHASE_MINIMUM = 3 * MINUTE
"""The least a phase without written minutes (a summary) is given on the sheet."""

_CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")


def parse_clock(text: str) -> time:
    """`"09:00"` → `time(9, 0)`; raises ValueError unless the text is HH:MM (24 h)."""
    match = _CLOCK.fullmatch(text.strip())
    if match is None:
        raise ValueError(text)
    return time(int(match.group(1)), int(match.group(2)))


def format_clock(value: time) -> str:
    """A clock time as «09:35», rounded to the nearest minute."""
    seconds = value.hour * 3600 + value.minute * 60 + value.second
    minutes = round(seconds / MINUTE) % (24 * 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_range(low_seconds: float, high_seconds: float) -> str:
    """«6–8 min», «4 min», «1 min 30 s–2 min»."""
    low, high = round(low_seconds), round(high_seconds)
    if low == high:
        return format_duration(high)
    if low % 60 == 0 and high % 60 == 0:
        return f"{low // 60}–{high // 60} min"
    return f"{format_duration(low)}–{format_duration(high)}"


@dataclass(frozen=True)
class PlannedStep:
    """A timed piece (ledd) inside every turn (e.g. «Deler», 3–4 min)."""

    title: str
    seconds: float
    """As written."""
    floor_seconds: float | None
    """The shortest the step may become, if the agenda says."""

    def describe(self) -> str:
        """«Deler 3–4 min»."""
        low = self.floor_seconds if self.floor_seconds is not None else self.seconds
        return f"{self.title} {format_range(low, self.seconds)}"


@dataclass(frozen=True)
class PlannedTurn:
    """The turns of a round for the planned group."""

    speakers: int
    """How many turns the round has (participants, or focus persons)."""
    focus_only: bool
    """Only focus persons get a turn (`speakers: focus`)."""
    per_person: bool
    """The written minutes are per person (`minutes_per: person`), not for the whole round."""
    seconds: float
    """Each turn as scheduled: the written turn, or an even share of the round's minutes."""
    written_seconds: float | None
    floor_seconds: float | None
    share_seconds: float
    """The part's time for the round shared evenly among the speakers (may be below floor)."""
    fitted_seconds: float
    """Each turn if shortened to fit the part's minutes (never below the floor)."""
    fits: bool
    """The round fits the part's time, possibly with shortened turns."""
    steps: tuple[PlannedStep, ...] = ()

    def describe(self) -> str:
        """«6 × 6–8 min», «6 × 1 min 40 s», «2 fokuspersoner × 20 min»."""
        if self.per_person and self.floor_seconds is not None:
            length = format_range(min(self.floor_seconds, self.seconds), self.seconds)
        else:
            length = format_duration(self.seconds)
        if self.focus_only:
            who = plural("{n} fokusperson", "{n} fokuspersoner", self.speakers)
            return f"{who} × {length}"
        return f"{self.speakers} × {length}"

    def describe_steps(self) -> str:
        """«Deler 3–4 min + Gruppen spør 3–4 min», or empty."""
        return " + ".join(step.describe() for step in self.steps)


@dataclass(frozen=True)
class PlannedPhase:
    """A phase on the clock."""

    index: int
    phase: Phase
    title: str
    kind: PhaseKind
    kind_label: str
    """«individuelt», «runde», «plenum», «skrive ned»."""
    offset: float
    """Seconds from the start of the meeting."""
    seconds: float
    start: time
    end: time
    turn: PlannedTurn | None
    beyond_part: bool
    """The phase ends after its part's planned end (the written phases do not fit)."""
    prompts: tuple[str, ...]
    notes: tuple[str, ...]
    reminder: str | None
    captures: tuple[CaptureKind, ...]


@dataclass(frozen=True)
class PlannedPart:
    """A part on the clock, with its phases."""

    index: int
    part: Part
    label: str
    """«Innsjekk», «Steg 3 av 7», «Utsjekk» (`Agenda.part_label`)."""
    title: str
    minutes: int
    offset: float
    """Seconds from the start of the meeting."""
    start: time
    end: time
    """start + the part's planned minutes."""
    phases: tuple[PlannedPhase, ...]
    phases_seconds: float
    """What the phases take as written (may be more than the part has)."""
    fit: FitWarning | None
    warning: str | None
    """Norwegian text when the written phases cannot fit the part, even at the floor."""
    purpose: str
    prompts: tuple[str, ...]
    notes: tuple[str, ...]
    materials: tuple[str, ...]
    captures: tuple[CaptureKind, ...]
    clock_note: str = ""
    """For a part that ends at a clock time: «tilbake kl. 11:15» (a break) or «slutter
    kl. 11:15»; the sheet shows it after the title."""

    @property
    def title_line(self) -> str:
        """The title, with the clock time a break ends at: «Pause – tilbake kl. 11:15»."""
        return f"{self.title} – {self.clock_note}" if self.clock_note else self.title

    @property
    def minutes_text(self) -> str:
        """«25», or «25+26» when the part needs 26 minutes more than it has."""
        over = round(self.overrun_seconds / MINUTE)
        return f"{self.minutes}+{over}" if over else str(self.minutes)

    @property
    def overrun_seconds(self) -> float:
        """How far the written phases run past the part's planned end (0 if they fit)."""
        return max(0.0, self.phases_seconds - self.minutes * MINUTE)


@dataclass(frozen=True)
class PlannedRunSheet:
    """The whole day on the clock."""

    agenda: Agenda
    title: str
    subtitle: str
    participants: int
    start: time
    end: time
    """When the last part ends on the sheet (parts that run over move the ones after)."""
    end_with_slack: time
    """`end` plus the agenda's unplanned time (breaks/buffer)."""
    planned_end: time
    """Start + `total_minutes`: the end the agenda itself promises."""
    projected_end: time
    """The same as `end_with_slack` (kept for callers from before the sheet moved parts)."""
    planned_minutes: int
    slack_minutes: int
    projected_seconds: float
    parts: tuple[PlannedPart, ...]
    materials: tuple[str, ...]
    """The agenda's materials, then each part's, without repeats."""
    notes: tuple[str, ...]
    warnings: tuple[tuple[str, str], ...]
    """(part label, warning text) for each part whose phases do not fit."""


def _clock(start: time, offset: float) -> time:
    moment = datetime.combine(date(2000, 1, 1), start) + timedelta(seconds=round(offset))
    return moment.time()


def _speakers(phase: Phase, participants: int, available: float) -> int:
    if phase.speakers is not Speakers.focus:
        return participants
    written = written_turn_seconds(phase)
    if written is None or written <= 0:
        return participants
    return max(1, min(participants, int(available // written)))


def _round_budget(part: Part, index: int, fixed: list[float | None]) -> float:
    """The time a part leaves for its phase `index` after the other fixed phases."""
    others = sum(s for i, s in enumerate(fixed) if i != index and s is not None)
    return max(0.0, part.minutes * MINUTE - others)


def _plan_turn(phase: Phase, speakers: int, phase_seconds: float, budget: float) -> PlannedTurn:
    per_person = phase.minutes_per is MinutesPer.person
    written = written_turn_seconds(phase)
    floor = floor_turn_seconds(phase)
    if per_person and written is not None:
        seconds = written
        available = budget
    else:
        seconds = phase_seconds / max(speakers, 1)
        available = phase_seconds
    fit = fit_turn(phase, speakers, available, keep_written=False)
    steps = tuple(
        PlannedStep(
            step.title,
            step.minutes * MINUTE,
            step.min_minutes * MINUTE if step.min_minutes is not None else None,
        )
        for step in (phase.turn.steps if phase.turn else [])
    )
    return PlannedTurn(
        speakers=speakers,
        focus_only=phase.speakers is Speakers.focus,
        per_person=per_person,
        seconds=seconds,
        written_seconds=written,
        floor_seconds=floor,
        share_seconds=available / max(speakers, 1),
        fitted_seconds=fit.seconds,
        fits=not fit.overrun,
        steps=steps,
    )


def _fixed_seconds(phase: Phase, speakers: int) -> float | None:
    if phase.is_round and phase.minutes_per is MinutesPer.person:
        return (written_turn_seconds(phase) or 0.0) * speakers
    return phase.minutes * MINUTE if phase.minutes is not None else None


def _laid_out_seconds(
    part: Part, phases: list[Phase], speakers: list[int], turns: list[PlannedTurn | None]
) -> list[float]:
    """Each phase's length on the sheet, as the app runs it by default.

    Per-person rounds take their turns shortened to fit (never below the floor); phases with
    written minutes take them; a phase without minutes gets what is left of the part, but at
    least `OPEN_PHASE_MINIMUM` (a summary squeezed to nothing is not a plan).
    """
    lengths: list[float | None] = []
    for phase, people, turn in zip(phases, speakers, turns, strict=True):
        if turn is not None and turn.per_person and turn.written_seconds is not None:
            lengths.append(turn.fitted_seconds * people)
        else:
            lengths.append(_fixed_seconds(phase, people))
    known = sum(s for s in lengths if s is not None)
    opens = sum(1 for s in lengths if s is None)
    rest = max(0.0, part.minutes * MINUTE - known) / max(opens, 1)
    return [max(rest, OPEN_PHASE_MINIMUM) if s is None else s for s in lengths]


def _overrun_text(
    part: Part, people: int, laid: float, kept: float, turn: PlannedTurn | None
) -> str:
    """How much a part runs over on the sheet, and the facilitator's choice."""
    have = part.minutes
    over = round((laid - part.minutes * MINUTE) / MINUTE)
    text = ngettext(
        "Delen trenger {need} min med {n} deltaker, men har {have} min: "
        "{over} min for lite, og alt etter flyttes {over} min.",
        "Delen trenger {need} min med {n} deltakere, men har {have} min: "
        "{over} min for lite, og alt etter flyttes {over} min.",
        people,
    ).format(need=round(laid / MINUTE), n=people, have=have, over=over)
    if turn is not None and turn.per_person and turn.fitted_seconds < turn.seconds:
        extra = round((kept - laid) / MINUTE)
        text += _(
            " Arket har turene kortet ned til {fitted}, det minste agendaen tillater."
            " Valget: holde turene på {written} (k), så går delen {minutes} min over,"
            " eller korte ned eller hoppe over noe annet senere i møtet."
        ).format(
            fitted=format_duration(turn.fitted_seconds),
            written=format_duration(turn.seconds),
            minutes=over + extra,
        )
    else:
        text += _(" Valget: la delen gå over tiden, eller korte ned noe annet senere i møtet.")
    return text


def _plan_part(agenda: Agenda, index: int, start: time, offset: float, people: int) -> PlannedPart:
    part = agenda.parts[index]
    phases = part.effective_phases
    part_seconds = part.minutes * MINUTE
    opens = sum(1 for p in phases if not p.is_round and p.minutes is None)
    # Focus rounds get as many focus persons as whole turns fit in the round's time.
    base = [None if p.is_round else _fixed_seconds(p, people) for p in phases]
    speakers = [
        _speakers(p, people, _round_budget(part, i, base)) if p.is_round else people
        for i, p in enumerate(phases)
    ]
    fixed = [_fixed_seconds(p, n) for p, n in zip(phases, speakers, strict=True)]
    # A round's turns are fitted to what the part leaves once the open phases have their least.
    reserve = opens * OPEN_PHASE_MINIMUM
    turns: list[PlannedTurn | None] = []
    for i, phase in enumerate(phases):
        if not phase.is_round:
            turns.append(None)
            continue
        written_share = fixed[i] if fixed[i] is not None else 0.0
        budget = max(0.0, _round_budget(part, i, fixed) - reserve)
        turns.append(_plan_turn(phase, speakers[i], written_share or budget, budget))
    lengths = _laid_out_seconds(part, phases, speakers, turns)
    kept = sum(
        (fixed[i] or 0.0) if t is not None and t.per_person else lengths[i]
        for i, t in enumerate(turns)
    )
    part_people = next((n for p, n in zip(phases, speakers, strict=True) if p.is_round), people)
    planned: list[PlannedPhase] = []
    cursor = offset
    for i, phase in enumerate(phases):
        seconds = lengths[i]
        planned.append(
            PlannedPhase(
                index=i,
                phase=phase,
                title=phase.title,
                kind=phase.kind,
                kind_label=_(KIND_LABELS[phase.kind]),
                offset=cursor,
                seconds=seconds,
                start=_clock(start, cursor),
                end=_clock(start, cursor + seconds),
                turn=turns[i],
                beyond_part=cursor + seconds > offset + part_seconds + 0.5,
                prompts=tuple(phase.prompts),
                notes=tuple(phase.notes),
                reminder=phase.reminder,
                captures=tuple(phase.captures),
            )
        )
        cursor += seconds
    laid = sum(lengths)
    fit = part_fit_warning(part, part_people)
    warning = None
    if laid > part_seconds + 0.5:
        turn = next((t for t in turns if t is not None and t.per_person), None)
        warning = _overrun_text(part, part_people, laid, max(kept, laid), turn)
    return PlannedPart(
        index=index,
        part=part,
        label=agenda.part_label(index),
        title=part.title,
        minutes=part.minutes,
        offset=offset,
        start=_clock(start, offset),
        end=_clock(start, offset + max(laid, part_seconds)),
        phases=tuple(planned),
        phases_seconds=laid,
        fit=fit,
        warning=warning,
        purpose=part.purpose,
        prompts=tuple(part.prompts),
        notes=tuple(part.notes),
        materials=tuple(part.materials),
        captures=tuple(part.all_captures()),
    )


def _to_clock_time(planned: PlannedPart, start: time) -> PlannedPart:
    """A part that ends at a clock time, as the engine runs it (`clock_target`): until the
    time in `until` if the part begins before it, else its minutes; what follows moves."""
    part = planned.part
    length = planned.minutes * MINUTE
    if part.until is not None:
        begins = datetime.combine(date(2000, 1, 1), planned.start)
        hours, minutes = part.until.split(":")
        target = begins.replace(hour=int(hours), minute=int(minutes), second=0)
        if target > begins:
            length = (target - begins).total_seconds()
    end = _clock(start, planned.offset + length)
    note = _("tilbake kl. {time}") if part.is_break else _("slutter kl. {time}")
    return replace(
        planned,
        end=end,
        minutes=round(length / MINUTE),
        phases_seconds=length,
        # A break written without phases is one: «plenum: Pause» under it says nothing.
        phases=planned.phases if part.phases else (),
        clock_note=note.format(time=format_clock(end)),
    )


def plan_runsheet(agenda: Agenda, start: time, participants: int) -> PlannedRunSheet:
    """Lay `agenda` out on the clock from `start` for `participants` people (≥ 1)."""
    if participants < 1:
        raise ValueError("participants must be at least 1")
    parts: list[PlannedPart] = []
    offset = 0.0
    for index in range(len(agenda.parts)):
        planned = _plan_part(agenda, index, start, offset, participants)
        if planned.part.counts_to_clock:
            planned = _to_clock_time(planned, start)
        parts.append(planned)
        # Clock times are cumulative: a part that runs over moves every part after it.
        offset += max(planned.minutes * MINUTE, planned.phases_seconds)
    materials = dict.fromkeys(agenda.materials)
    for part in agenda.parts:
        materials.update(dict.fromkeys(part.materials))
    total_seconds = (agenda.planned_minutes + agenda.slack_minutes) * MINUTE
    return PlannedRunSheet(
        agenda=agenda,
        title=agenda.title,
        subtitle=agenda.subtitle,
        participants=participants,
        start=start,
        end=_clock(start, offset),
        end_with_slack=_clock(start, offset + agenda.slack_minutes * MINUTE),
        planned_end=_clock(start, total_seconds),
        projected_end=_clock(start, offset + agenda.slack_minutes * MINUTE),
        planned_minutes=agenda.planned_minutes,
        slack_minutes=agenda.slack_minutes,
        projected_seconds=offset,
        parts=tuple(parts),
        materials=tuple(materials),
        notes=tuple(agenda.notes),
        warnings=tuple((p.label, p.warning) for p in parts if p.warning is not None),
    )
