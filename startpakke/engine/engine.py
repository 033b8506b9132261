"""The run engine: where the meeting is, whose turn it is, and how much time is left.

A plain state machine over parts → phases → turns → steps. The UI sends intents
(`next_part`, `next_turn`, `pause`, `extend`, …) and renders `snapshot()`; it never
computes a deadline or decides whose turn it is. All time comes from an injected clock,
so a test can run three hours in a millisecond with zero drift.

Per part the engine keeps a countdown that survives going back and forth; the current
phase, turn and step each have their own. Pause stops them all; extend adds a minute to
all of them at once (so a longer turn does not steal time from the turns after it).

Who takes part, who is present and who the focus persons are, the engine asks a `Roster`
(the session) each time it needs to know; it keeps no copy. After the roster changes, the
controller tells the engine (`presence_changed`, `roster_changed`) so a round can move on.
Its state is saved as the session's typed `RunState` (`to_state` / `from_state`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Protocol

from startpakke.agenda.model import Agenda, MinutesPer, Part, Phase, Speakers, TurnStep
from startpakke.agenda.timing import (
    MINUTE,
    TurnFit,
    fit_turn,
    fixed_phase_seconds,
    floor_turn_seconds,
    minimum_phase_seconds,
    shortened_text,
    written_turn_seconds,
)
from startpakke.engine.clock import Clock, SystemClock
from startpakke.engine.clock_target import clock_target
from startpakke.engine.countdown import Countdown
from startpakke.i18n import _
from startpakke.session.runstate import (
    PartRun,
    RunPosition,
    RunState,
    ShortenedTurns,
    TimerState,
    TurnFitState,
)


class Roster(Protocol):
    """Who takes part: what the engine asks the session (`Session` is one)."""

    def speaker_ids(self) -> list[str]:
        """Everyone on the list, in round order."""

    def is_present(self, participant_id: str) -> bool:
        """On the list and at the meeting."""

    def focus_ids(self) -> list[str]:
        """The focus persons chosen for today's rounds, in order."""

    def name_of(self, participant_id: str | None, default: str = "") -> str:
        """A participant's name."""


@dataclass(frozen=True)
class Person:
    """Someone in a round, as the screen shows them (made from the roster when asked)."""

    id: str
    name: str


@dataclass
class PartRecord:
    """What actually happened in a part: when it ran, and whether turns were shortened."""

    id: str
    started_at: datetime | None = None
    ended_at: datetime | None = None
    turns: ShortenedTurns | None = None


@dataclass(frozen=True)
class TimerView:
    label: str
    budget: float
    remaining: float

    @property
    def overtime(self) -> bool:
        return self.remaining < 0

    @property
    def fraction_left(self) -> float:
        return self.remaining / self.budget if self.budget > 0 else 0.0

    @property
    def low(self) -> bool:
        """Time is running low: 20 % or less left (and not yet over)."""
        return not self.overtime and self.fraction_left <= 0.2


@dataclass(frozen=True)
class RoundView:
    order: list[Person]
    current: Person | None
    next: Person | None
    absent: list[Person]
    done: bool
    turn_number: int
    """1-based number of the current turn among those present."""
    turns_total: int
    fit: TurnFit | None
    focus_listening: bool
    """The focus person has turned away and only listens (kollegaveiledning)."""


@dataclass(frozen=True)
class ScheduleRow:
    index: int
    label: str
    title: str
    planned_minutes: int
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    used_seconds: float
    current: bool
    shortened: str | None
    """«Turene ble kortet ned til …» when they were, else None."""
    clock_note: str | None = None
    """A part that ends at a clock time: «tilbake kl. 11:15» while the break runs, «til
    kl. 11:15» for an `until` not yet reached."""


@dataclass(frozen=True)
class Snapshot:
    started: bool
    finished: bool
    paused: bool
    part_index: int
    part_count: int
    part: Part
    part_label: str
    phase_index: int
    phase_count: int
    phase: Phase
    step: TurnStep | None
    step_index: int
    step_count: int
    main: TimerView
    """The big clock: the step, turn or phase running now."""
    part_timer: TimerView
    phase_timer: TimerView
    round: RoundView | None
    now: datetime
    planned_end: datetime
    projected_end: datetime
    day_end: datetime
    behind_seconds: float
    """Positive: the meeting is behind plan by this much; negative: ahead."""
    progress: float
    used_seconds: float
    """Time spent in the parts so far (pauses not counted)."""
    """How far through the planned day, 0..1."""
    timer_key: tuple[int, int, int, int]
    """Changes whenever the big clock starts a new countdown."""
    until_at: datetime | None = None
    """The part running now ends at this clock time (a break: «tilbake kl. 11:15»)."""
    next_break: int | None = None
    """The index of the first break not yet taken (for «Ta pausen nå»), if any."""


@dataclass
class _Position:
    part: int = 0
    phase: int = 0
    turn: int = 0
    step: int = 0


@dataclass
class RunEngine:
    """The meeting's state machine. Create with `RunEngine(agenda, roster, clock)`."""

    agenda: Agenda
    roster: Roster
    clock: Clock = field(default_factory=SystemClock)
    keep_written_turns: bool = False
    """True: a per-person round keeps the written turn length and runs over; False: turns
    are shortened (never below the floor) to fit the part's time."""

    def __post_init__(self) -> None:
        self.started = False
        self.finished = False
        self.paused = False
        self.meeting_started_at: datetime | None = None
        self.pos = _Position()
        self.order: list[str] = []
        self.spoken: set[str] = set()
        """Who has had their turn in the current round (a late arrival has not)."""
        self.round_counter = 0
        self.part_timers = [Countdown.stopped(p.minutes * MINUTE) for p in self.agenda.parts]
        self.phase_timer: Countdown = Countdown.stopped(0.0)
        self.turn_timer: Countdown | None = None
        self.step_timer: Countdown | None = None
        self.turn_fit: TurnFit | None = None
        self.records = [PartRecord(p.id) for p in self.agenda.parts]
        self.until_at: datetime | None = None
        """While a part that ends at a clock time runs: that time (wall clock)."""
        self.until_budget = 0.0
        """Seconds from when that part began to `until_at` (for the clock's «av N min»)."""
        self.return_to: int | None = None
        """After a break taken early: the part the meeting goes on with."""

    # -- reading -----------------------------------------------------------------------

    @property
    def part(self) -> Part:
        return self.agenda.parts[self.pos.part]

    @property
    def phases(self) -> list[Phase]:
        return self.part.effective_phases

    @property
    def phase(self) -> Phase:
        return self.phases[self.pos.phase]

    def _now(self) -> float:
        return self.clock.monotonic()

    def person(self, person_id: str) -> Person | None:
        if person_id not in self.roster.speaker_ids():
            return None
        return Person(person_id, self.roster.name_of(person_id))

    def _present(self, person_id: str) -> bool:
        return self.roster.is_present(person_id)

    def present_count(self) -> int:
        """How many on the list are at the meeting."""
        return sum(1 for pid in self.roster.speaker_ids() if self._present(pid))

    @property
    def in_round(self) -> bool:
        return self.phase.is_round and self.current_speaker is not None

    @property
    def current_speaker(self) -> str | None:
        if not self.phase.is_round or self.pos.turn >= len(self.order):
            return None
        return self.order[self.pos.turn]

    def _active_timers(self) -> list[Countdown]:
        timers = [self.part_timers[self.pos.part], self.phase_timer]
        timers += [t for t in (self.turn_timer, self.step_timer) if t is not None]
        return timers

    def _steps(self) -> list[TurnStep]:
        if self.phase.turn is None:
            return []
        return list(self.phase.turn.steps)

    # -- intents: moving through the meeting ---------------------------------------

    def start(self, part_index: int = 0) -> None:
        """Begin the meeting (at innsjekk unless told otherwise)."""
        if self.started:
            return
        self.started = True
        self.meeting_started_at = self.clock.now()
        self._enter_part(part_index)

    def next_part(self) -> None:
        if not self.started:
            self.start()
            return
        if self.finished:
            return
        self._leave_part()
        target = self._next_index()
        if target >= len(self.agenda.parts):
            self.finished = True
            self.turn_timer = self.step_timer = None
            self.phase_timer.pause(self._now())
            return
        self._enter_part(target)

    def _next_index(self) -> int:
        """The part after this one: where a break taken early returns to, skipping a
        break already taken."""
        if self.return_to is not None:
            target, self.return_to = self.return_to, None
        else:
            target = self.pos.part + 1
        while target < len(self.agenda.parts) and self._break_taken(target):
            target += 1
        return target

    def _break_taken(self, index: int) -> bool:
        return self.agenda.parts[index].is_break and self.records[index].started_at is not None

    def next_break(self) -> int | None:
        """The first break in the agenda not yet taken, other than the part running now."""
        for index, part in enumerate(self.agenda.parts):
            if part.is_break and not self._break_taken(index) and index != self.pos.part:
                return index
        return None

    def take_break(self) -> bool:
        """«Ta pausen nå»: the first break not yet taken comes now, instead of where the
        agenda put it; after it, the meeting goes on with the part after this one.

        Returns False when there is no break left to take.
        """
        index = self.next_break()
        if index is None or self.finished:
            return False
        if not self.started:
            self.start(index)
            self.return_to = 0
            return True
        after = self.pos.part + 1
        self._leave_part()
        self._enter_part(index)
        self.return_to = after if after != index else None
        return True

    def previous_part(self) -> None:
        if not self.started:
            return
        if self.finished:
            self.finished = False
            self._enter_part(self.pos.part)
            return
        if self.pos.part == 0:
            return
        # Back from a break taken early: to the part it was taken after.
        target = self.return_to - 1 if self.return_to is not None else self.pos.part - 1
        while target > 0 and self._break_taken(target):
            target -= 1  # a break taken is not met again, going back either
        self._leave_part()
        self.return_to = None
        self._enter_part(max(0, target))

    def jump(self, part_index: int) -> None:
        if not 0 <= part_index < len(self.agenda.parts):
            raise IndexError(part_index)
        if not self.started:
            self.start(part_index)
            return
        if not self.finished:
            self._leave_part()
        self.finished = False
        self.return_to = None
        self._enter_part(part_index)

    def next_phase(self) -> None:
        """The next phase of this part; after the last phase, the next part."""
        if not self.started or self.finished:
            self.next_part()
            return
        if self.pos.phase + 1 >= len(self.phases):
            self.next_part()
            return
        self._enter_phase(self.pos.phase + 1)

    def next_turn(self) -> None:
        """The next step of this turn, or the next speaker; after the last, the round is done."""
        if not self.started or self.finished or not self.phase.is_round:
            return
        if self.current_speaker is None:
            return
        steps = self._steps()
        if steps and self.pos.step + 1 < len(steps):
            self._start_step(self.pos.step + 1)
            return
        self.spoken.add(self.current_speaker)
        self._advance_speaker(self.pos.turn + 1)

    def next_speaker(self) -> None:
        """The next speaker, skipping what is left of this turn's steps."""
        if self.started and not self.finished and self.current_speaker is not None:
            self.spoken.add(self.current_speaker)
            self._advance_speaker(self.pos.turn + 1)

    # -- intents: time ---------------------------------------------------------------------

    def pause(self) -> None:
        if self.paused:
            return
        self.paused = True
        now = self._now()
        for timer in self._active_timers():
            timer.pause(now)

    def resume(self) -> None:
        if not self.paused:
            return
        self.paused = False
        if self.started and not self.finished:
            now = self._now()
            for timer in self._active_timers():
                timer.start(now)

    def toggle_pause(self) -> None:
        if self.paused:
            self.resume()
        else:
            self.pause()

    def extend(self, minutes: float) -> None:
        """One minute more (or less) for the big clock and everything around it."""
        if not self.started or self.finished:
            return
        innermost = self._active_timers()[-1]
        change = innermost.extend(minutes * MINUTE)
        for timer in self._active_timers()[:-1]:
            timer.extend(change)
        if self.until_at is not None:
            # «Tilbake kl. 11:15» becomes 11:16: the clock time moves with the minute.
            self.until_at += timedelta(seconds=change)
            self.until_budget += change

    def set_keep_written_turns(self, keep: bool) -> None:
        """Choose between keeping the written turn length and shortening turns to fit.

        In a per-person round the choice holds at once: the current turn (and its ledd)
        and what the round still needs are fitted again, so the projected end moves now,
        not at the next turn. Time already added with + stays added.
        """
        if keep == self.keep_written_turns:
            return
        self.keep_written_turns = keep
        if self.started and not self.finished and self.phase.minutes_per is MinutesPer.person:
            self._refit_round()

    def _refit_round(self) -> None:
        speaker = self.current_speaker
        old = self.turn_fit
        if speaker is None or old is None or self.turn_timer is None:
            return
        new = self._fit_from(self.pos.turn, mid_turn=True)
        change = new.seconds - old.seconds
        self.turn_fit = new
        self.turn_timer.extend(change)
        # Every present speaker from this one on takes the new length.
        self.phase_timer.extend(change * self._present_count(self.order[self.pos.turn :]))
        if self.step_timer is not None:
            steps_change = self._step_seconds(self.pos.step, new) - self._step_seconds(
                self.pos.step, old
            )
            self.step_timer.extend(steps_change)
        if new.shortened:
            self.records[self.pos.part].turns = ShortenedTurns(
                seconds=new.seconds, written_seconds=new.written_seconds
            )

    # -- intents: people -------------------------------------------------------------------

    def presence_changed(self, person_id: str) -> None:
        """Someone was marked absent (their turn ends now) or came back (a turn for a late
        arrival). The roster already says which."""
        if self._present(person_id):
            self._give_late_arrival_a_turn(person_id)
        elif self.current_speaker == person_id:
            self._advance_speaker(self.pos.turn + 1)

    def _give_late_arrival_a_turn(self, person_id: str) -> None:
        """Someone skipped while away (or put back on the list) speaks next — or now, if
        the round had already finished. Who has had their turn is left alone."""
        if not (self.started and not self.finished and self.phase.is_round):
            return
        if person_id in self.spoken or person_id not in self._speakers(self.phase):
            return
        done = self.pos.turn >= len(self.order)
        if person_id in self.order:
            index = self.order.index(person_id)
            if index >= self.pos.turn:
                return  # still ahead in the order: their turn comes
            self.order.pop(index)
            self.pos.turn -= 1
        if done:
            self.order.append(person_id)
            self._advance_speaker(len(self.order) - 1)
        else:
            self.order.insert(self.pos.turn + 1, person_id)

    def roster_changed(self) -> None:
        """The list was edited (someone added or removed), keeping the place in the round."""
        if not self.order:
            return
        known = set(self.roster.speaker_ids())
        current = self.current_speaker
        # Someone removed drops out of what is left of the round.
        ahead = [pid for pid in self.order[self.pos.turn + 1 :] if pid in known]
        self.order = self.order[: self.pos.turn + 1] + ahead
        if self.finished:
            return
        # Someone added (a late arrival not on the list) gets a turn at the end of this
        # round, as one marked present late does; a focus round takes only focus persons.
        joined = [pid for pid in self._speakers(self.phase) if pid not in self.order]
        was_done = self.pos.turn >= len(self.order)
        self.order += joined
        if current is not None and current not in known:
            self._advance_speaker(self.pos.turn + 1)
        elif was_done and joined:
            self._advance_speaker(self.pos.turn)

    def move_speaker(self, person_id: str, delta: int) -> None:
        """Move someone earlier (-1) or later (+1) in the current round's order."""
        if person_id not in self.order:
            return
        index = self.order.index(person_id)
        target = max(self.pos.turn + 1, min(len(self.order) - 1, index + delta))
        if index <= self.pos.turn or target == index:
            return  # who has spoken, or speaks now, stays put
        self.order.insert(target, self.order.pop(index))

    # -- internals -----------------------------------------------------------------------

    def _leave_part(self) -> None:
        now = self._now()
        self.part_timers[self.pos.part].pause(now)
        self.records[self.pos.part].ended_at = self.clock.now()
        self.until_at = None

    def _enter_part(self, index: int) -> None:
        self.pos = _Position(part=index)
        record = self.records[index]
        if record.started_at is None:
            record.started_at = self.clock.now()
        record.ended_at = None
        self.until_at = None
        part = self.agenda.parts[index]
        if part.counts_to_clock:
            wall = self.clock.now()
            self.until_at = clock_target(part, wall)
            self.until_budget = (self.until_at - wall).total_seconds()
        if not self.paused:
            self.part_timers[index].start(self._now())
        self._enter_phase(0)

    def _speakers(self, phase: Phase) -> list[str]:
        known = self.roster.speaker_ids()
        focus = [pid for pid in self.roster.focus_ids() if pid in known]
        if phase.speakers is Speakers.focus and focus:
            return focus
        return known

    def _present_count(self, ids: list[str]) -> int:
        return sum(1 for pid in ids if self._present(pid))

    def _later_phases_seconds(self, people: int) -> float:
        """What the phases after this one need: per-person rounds at the floor when turns
        are fitted, as written when the facilitator keeps the written length."""
        later = self.phases[self.pos.phase + 1 :]
        if self.keep_written_turns:
            return sum(fixed_phase_seconds(phase, people) or 0.0 for phase in later)
        return sum(minimum_phase_seconds(phase, people) for phase in later)

    def _phase_budget(self, phase: Phase, speakers: int) -> float:
        part_left = max(0.0, self.part_timers[self.pos.part].remaining(self._now()))
        available = max(0.0, part_left - self._later_phases_seconds(self.present_count()))
        if phase.is_round and phase.minutes_per is MinutesPer.person:
            written = (written_turn_seconds(phase) or 0.0) * speakers
            if self.keep_written_turns or written <= available:
                return written
            floor = (floor_turn_seconds(phase) or 0.0) * speakers
            return max(available, floor)
        if phase.minutes is None:
            return available
        return phase.minutes * MINUTE

    def _enter_phase(self, index: int) -> None:
        self.pos.phase = index
        self.pos.turn = 0
        self.pos.step = 0
        self.turn_timer = self.step_timer = None
        self.turn_fit = None
        phase = self.phase
        speakers = self._speakers(phase) if phase.is_round else []
        budget = self._phase_budget(phase, self._present_count(speakers))
        self.phase_timer = Countdown.stopped(budget)
        if not self.paused:
            self.phase_timer.start(self._now())
        self.order = []
        self.spoken = set()
        if phase.is_round:
            # Rotate who starts, so the same person does not always open a round; focus
            # persons keep the order the group chose for them.
            if speakers and phase.speakers is not Speakers.focus:
                shift = self.round_counter % len(speakers)
                speakers = speakers[shift:] + speakers[:shift]
            self.round_counter += 1
            self.order = speakers
            self._advance_speaker(0)

    def _advance_speaker(self, from_index: int) -> None:
        index = from_index
        while index < len(self.order) and not self._present(self.order[index]):
            index += 1
        self.pos.turn = index
        self.pos.step = 0
        self.step_timer = None
        if index >= len(self.order):
            self.turn_timer = None
            self.turn_fit = None
            return
        now = self._now()
        fit = self._fit_from(index)
        self.turn_fit = fit
        if fit.shortened:
            self.records[self.pos.part].turns = ShortenedTurns(
                seconds=fit.seconds, written_seconds=fit.written_seconds
            )
        self.turn_timer = Countdown.stopped(fit.seconds)
        if not self.paused:
            self.turn_timer.start(now)
        if self._steps():
            self._start_step(0)

    def _fit_from(self, index: int, *, mid_turn: bool = False) -> TurnFit:
        """The turn length for the speaker at `index` in the order and those after them
        (`mid_turn`: fitted again while that speaker has the word)."""
        now = self._now()
        people_left = self._present_count(self.order[index:])
        available = self.phase_timer.remaining(now)
        if self.phase.minutes_per is MinutesPer.person:
            # Per-person turns are fitted to what the part has left, not to the round's
            # own budget (which may already have been stretched to the floor).
            part_left = self.part_timers[self.pos.part].remaining(now)
            available = part_left - self._later_phases_seconds(self.present_count())
            if mid_turn and self.turn_timer is not None:
                # Refitting mid-turn: what this turn has used is still available to it.
                available += self.turn_timer.elapsed(now)
        return fit_turn(self.phase, people_left, available, keep_written=self.keep_written_turns)

    def _step_seconds(self, index: int, fit: TurnFit | None) -> float:
        steps = self._steps()
        written = sum(step.minutes for step in steps) * MINUTE
        # Scale from the fitted turn, not the timer's budget: a minute added to one step
        # belongs to that step, not to the steps after it.
        turn_budget = fit.seconds if fit else written
        scale = turn_budget / written if written else 1.0
        step = steps[index]
        seconds = step.minutes * MINUTE * scale
        if step.min_minutes is not None:
            seconds = max(seconds, step.min_minutes * MINUTE)
        return seconds

    def _start_step(self, index: int) -> None:
        self.pos.step = index
        seconds = self._step_seconds(index, self.turn_fit)
        self.step_timer = Countdown.stopped(seconds)
        if not self.paused:
            self.step_timer.start(self._now())

    # -- what the screen shows ---------------------------------------------------------

    def _timer_view(self, label: str, timer: Countdown, now: float) -> TimerView:
        return TimerView(label, timer.budget, timer.remaining(now))

    def _round_view(self) -> RoundView | None:
        if not self.phase.is_round:
            return None
        current = self.current_speaker
        next_id = None
        for pid in self.order[self.pos.turn + 1 :]:
            if self._present(pid):
                next_id = pid
                break
        present_order = [pid for pid in self.order if self._present(pid)]
        turn_number = (
            present_order.index(current) + 1 if current in present_order else len(present_order)
        )
        step = self._steps()[self.pos.step] if current and self._steps() else None
        return RoundView(
            order=[p for pid in self.order if (p := self.person(pid)) is not None],
            current=self.person(current) if current else None,
            next=self.person(next_id) if next_id else None,
            absent=[
                Person(pid, self.roster.name_of(pid))
                for pid in self.roster.speaker_ids()
                if not self._present(pid)
            ],
            done=current is None,
            turn_number=turn_number,
            turns_total=len(present_order),
            fit=self.turn_fit,
            focus_listening=bool(step and step.focus_listening),
        )

    def planned_start(self) -> datetime:
        return self.meeting_started_at or self.clock.now()

    def _remaining_in_current_part(self, now: float) -> float:
        part_left = self.part_timers[self.pos.part].remaining(now)
        phase_left = max(0.0, self.phase_timer.remaining(now))
        needed = phase_left + self._later_phases_seconds(self.present_count())
        return max(part_left, needed, 0.0)

    def projected_end(self) -> datetime:
        wall = self.clock.now()
        if self.finished:
            return wall
        if not self.started:
            return wall + timedelta(minutes=self.agenda.planned_minutes)
        now = self._now()
        if self.until_at is not None:
            seconds = max(0.0, (self.until_at - wall).total_seconds())
        else:
            seconds = self._remaining_in_current_part(now)
        # What is still to come: after a break taken early, from where the meeting goes on.
        first = self.return_to if self.return_to is not None else self.pos.part + 1
        for index in range(first, len(self.agenda.parts)):
            if index != self.pos.part and not self._break_taken(index):
                seconds += max(0.0, self.part_timers[index].remaining(now))
        return wall + timedelta(seconds=seconds)

    def snapshot(self) -> Snapshot:
        now = self._now()
        wall = self.clock.now()
        steps = self._steps()
        in_turn = self.current_speaker is not None
        if in_turn and self.step_timer is not None:
            main = self._timer_view(steps[self.pos.step].title, self.step_timer, now)
        elif in_turn and self.turn_timer is not None:
            main = self._timer_view(_("Tur"), self.turn_timer, now)
        else:
            main = self._timer_view(_("Fase"), self.phase_timer, now)
        part_timer = self._timer_view(_("Del"), self.part_timers[self.pos.part], now)
        if self.until_at is not None and not self.finished:
            # A countdown to a clock time reads the wall clock: a laptop asleep through the
            # break still wakes to the right time left.
            left = (self.until_at - wall).total_seconds()
            main = TimerView(self.agenda.part_label(self.pos.part), self.until_budget, left)
            part_timer = TimerView(_("Del"), self.until_budget, left)
        start = self.planned_start()
        planned_end = start + timedelta(minutes=self.agenda.planned_minutes)
        day_end = start + timedelta(
            minutes=self.agenda.total_minutes or self.agenda.planned_minutes
        )
        projected = self.projected_end()
        used = sum(t.elapsed(now) for t in self.part_timers)
        total = self.agenda.planned_minutes * MINUTE
        return Snapshot(
            started=self.started,
            finished=self.finished,
            paused=self.paused,
            part_index=self.pos.part,
            part_count=len(self.agenda.parts),
            part=self.part,
            part_label=self.agenda.part_label(self.pos.part),
            phase_index=self.pos.phase,
            phase_count=len(self.phases),
            phase=self.phase,
            step=steps[self.pos.step] if in_turn and steps else None,
            step_index=self.pos.step,
            step_count=len(steps),
            main=main,
            part_timer=part_timer,
            phase_timer=self._timer_view(_("Fase"), self.phase_timer, now),
            round=None if self.finished else self._round_view(),
            now=wall,
            planned_end=planned_end,
            projected_end=projected,
            day_end=day_end,
            behind_seconds=(projected - planned_end).total_seconds() if self.started else 0.0,
            progress=min(1.0, used / total) if total else 0.0,
            used_seconds=used,
            timer_key=(self.pos.part, self.pos.phase, self.pos.turn, self.pos.step),
            until_at=None if self.finished else self.until_at,
            next_break=None if self.finished else self.next_break(),
        )

    def schedule(self) -> list[ScheduleRow]:
        """Every part: planned and actual start, minutes used, where turns were shortened."""
        now = self._now()
        start = self.planned_start()
        rows = []
        offset = 0
        for index, part in enumerate(self.agenda.parts):
            planned_start = start + timedelta(minutes=offset)
            offset += part.minutes
            record = self.records[index]
            rows.append(
                ScheduleRow(
                    index=index,
                    label=self.agenda.part_label(index),
                    title=part.title,
                    planned_minutes=part.minutes,
                    planned_start=planned_start,
                    planned_end=start + timedelta(minutes=offset),
                    actual_start=record.started_at,
                    actual_end=record.ended_at,
                    used_seconds=self.part_timers[index].elapsed(now),
                    current=self.started and not self.finished and index == self.pos.part,
                    shortened=shortened_text(record.turns.seconds, record.turns.written_seconds)
                    if record.turns
                    else None,
                    clock_note=self._clock_note(index),
                )
            )
        return rows

    def _clock_note(self, index: int) -> str | None:
        part = self.agenda.parts[index]
        running = self.started and not self.finished and index == self.pos.part
        if running and self.until_at is not None:
            said = _("tilbake kl. {time}") if part.is_break else _("slutter kl. {time}")
            return said.format(time=f"{self.until_at:%H:%M}")
        if part.until is not None and self.records[index].started_at is None:
            return _("til kl. {time}").format(time=part.until.zfill(5))
        return None

    # -- saving and restoring -------------------------------------------------------------

    @property
    def _live(self) -> bool:
        """The timers run: started, not finished, not paused."""
        return self.started and not self.finished and not self.paused

    def to_state(self) -> RunState:
        """The whole state as the session's typed record."""
        now = self._now()
        return RunState(
            agenda_id=self.agenda.id,
            saved_at=self.clock.now(),
            started=self.started,
            finished=self.finished,
            paused=self.paused,
            meeting_started_at=self.meeting_started_at,
            keep_written_turns=self.keep_written_turns,
            position=RunPosition(
                part=self.pos.part, phase=self.pos.phase, turn=self.pos.turn, step=self.pos.step
            ),
            order=list(self.order),
            spoken=sorted(self.spoken),
            round_counter=self.round_counter,
            phase_timer=_timer_state(self.phase_timer, now),
            turn_timer=_timer_state(self.turn_timer, now) if self.turn_timer else None,
            step_timer=_timer_state(self.step_timer, now) if self.step_timer else None,
            turn_fit=_fit_state(self.turn_fit),
            parts=[
                PartRun(
                    id=record.id,
                    planned_seconds=part.minutes * MINUTE,
                    extended_seconds=timer.budget - part.minutes * MINUTE,
                    used_seconds=timer.elapsed(now),
                    started_at=record.started_at,
                    ended_at=record.ended_at,
                    turns=record.turns,
                )
                for part, record, timer in zip(
                    self.agenda.parts, self.records, self.part_timers, strict=True
                )
            ],
            until_at=self.until_at,
            until_budget_seconds=self.until_budget if self.until_at else 0.0,
            return_to=self.agenda.parts[self.return_to].id if self.return_to is not None else None,
        )

    @staticmethod
    def closed_seconds(state: RunState, clock: Clock) -> float:
        """How long the program was closed: from the last save to now (never negative)."""
        if state.saved_at is None:
            return 0.0
        return max(0.0, (clock.now() - state.saved_at).total_seconds())

    @classmethod
    def from_state(
        cls,
        state: RunState,
        agenda: Agenda,
        roster: Roster,
        clock: Clock | None = None,
        *,
        count_closed_time: bool,
    ) -> RunEngine:
        """Restore a saved run.

        `count_closed_time=True` (a crash mid-meeting): the time the program was closed is
        counted against the running timers. False (the lid was closed over lunch): the
        timers continue from where they stopped. A paused run stays paused either way.

        A state that does not fit the agenda (another agenda, or the agenda was changed)
        raises ValueError with a Norwegian message; nothing else escapes.
        """
        if state.agenda_id != agenda.id:
            raise ValueError(
                _("kjøretilstanden hører til agendaen «{saved}», ikke «{agenda}»").format(
                    saved=state.agenda_id, agenda=agenda.id
                )
            )
        state = _align_parts(state, agenda)
        if len(state.parts) != len(agenda.parts):
            raise ValueError(_("kjøretilstanden har et annet antall deler enn agendaen"))
        clock = clock or SystemClock()
        engine = cls(agenda, roster, clock, keep_written_turns=state.keep_written_turns)
        engine.started = state.started
        engine.finished = state.finished
        engine.paused = state.paused
        lost = cls.closed_seconds(state, clock) if count_closed_time else 0.0
        now = clock.monotonic()

        def countdown(timer: TimerState | None) -> Countdown | None:
            if timer is None:
                return None
            return _countdown(
                timer.budget_seconds, timer.remaining_seconds, now, engine._live, lost
            )

        engine.meeting_started_at = state.meeting_started_at
        position = state.position
        engine.pos = _Position(position.part, position.phase, position.turn, position.step)
        engine.order = list(state.order)
        engine.spoken = set(state.spoken)
        engine.round_counter = state.round_counter
        engine.part_timers = [
            _countdown(
                part.budget_seconds,
                part.remaining_seconds,
                now,
                engine._live and index == position.part,
                lost,
            )
            for index, part in enumerate(state.parts)
        ]
        engine.phase_timer = countdown(state.phase_timer) or Countdown.stopped(0.0)
        engine.turn_timer = countdown(state.turn_timer)
        engine.step_timer = countdown(state.step_timer)
        engine.turn_fit = _fit_from_state(state.turn_fit)
        engine.until_at = state.until_at
        engine.until_budget = state.until_budget_seconds
        if state.return_to is not None:
            ids = [p.id for p in agenda.parts]
            engine.return_to = ids.index(state.return_to) if state.return_to in ids else None
        engine.records = [
            PartRecord(p.id, started_at=p.started_at, ended_at=p.ended_at, turns=p.turns)
            for p in state.parts
        ]
        try:
            engine._check_position()
            engine.snapshot()
        except (IndexError, KeyError, TypeError, AttributeError) as err:
            raise ValueError(
                _("kjøretilstanden er skadet ({kind}: {error})").format(
                    kind=type(err).__name__, error=err
                )
            ) from None
        return engine

    def _check_position(self) -> None:
        pos = self.pos
        if not 0 <= pos.part < len(self.agenda.parts):
            raise ValueError(
                _("kjøretilstanden peker på del nr. {n}, som ikke finnes").format(n=pos.part + 1)
            )
        phases = self.agenda.parts[pos.part].effective_phases
        if not 0 <= pos.phase < len(phases):
            raise ValueError(
                _(
                    "kjøretilstanden peker på fase nr. {n} i «{title}», "
                    "som ikke finnes (er agendaen endret?)"
                ).format(n=pos.phase + 1, title=self.part.title)
            )
        steps = self._steps()
        if pos.step < 0 or (steps and pos.step >= len(steps)) or (not steps and pos.step):
            raise ValueError(
                _(
                    "kjøretilstanden peker på et ledd i turen som ikke finnes i «{title}» "
                    "(er agendaen endret?)"
                ).format(title=self.part.title)
            )
        if not 0 <= pos.turn <= len(self.order):
            raise ValueError(_("kjøretilstanden peker på en tur som ikke finnes"))


def _align_parts(state: RunState, agenda: Agenda) -> RunState:
    """A run saved before the agenda gained a part (the startpakke's break, added after
    steg 4) still opens: the new part is put in as not yet run, and the position follows
    the part it pointed at. Anything else that does not match is left for the checks."""
    saved = [p.id for p in state.parts]
    ids = [p.id for p in agenda.parts]
    if saved == ids or len(saved) >= len(ids) or len(set(saved)) != len(saved):
        return state
    if not set(saved) <= set(ids) or [i for i in ids if i in saved] != saved:
        return state
    if any(not part.is_break for part in agenda.parts if part.id not in saved):
        return state  # only a break may have been added; anything else is another agenda
    by_id = {p.id: p for p in state.parts}
    parts = [
        by_id.get(part.id) or PartRun(id=part.id, planned_seconds=part.minutes * MINUTE)
        for part in agenda.parts
    ]
    position = state.position
    if 0 <= position.part < len(saved):
        position = replace(position, part=ids.index(saved[position.part]))
    return replace(state, parts=parts, position=position)


def _countdown(
    budget: float, remaining: float, now: float, running: bool, lost: float
) -> Countdown:
    """A saved timer; a running one also loses `lost` seconds (the time spent closed)."""
    if running:
        return Countdown(budget=budget, deadline=now + remaining - lost, remainder=None)
    return Countdown(budget=budget, deadline=None, remainder=remaining)


def _timer_state(timer: Countdown, now: float) -> TimerState:
    return TimerState(budget_seconds=timer.budget, remaining_seconds=timer.remaining(now))


def _fit_state(fit: TurnFit | None) -> TurnFitState | None:
    if fit is None:
        return None
    return TurnFitState(
        seconds=fit.seconds,
        written_seconds=fit.written_seconds,
        floor_seconds=fit.floor_seconds,
        shortened=fit.shortened,
        overrun=fit.overrun,
    )


def _fit_from_state(state: TurnFitState | None) -> TurnFit | None:
    if state is None:
        return None
    return TurnFit(
        seconds=state.seconds,
        written_seconds=state.written_seconds,
        floor_seconds=state.floor_seconds,
        shortened=state.shortened,
        overrun=state.overrun,
    )
