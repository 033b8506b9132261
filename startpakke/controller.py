"""The meeting controller: the one place where intents change state and get saved.

Plain Python, no Textual. The app sends every intent here; the controller applies it to
the run engine or the session, copies the engine's state into the session, and saves.
That keeps "autosave on every change and every engine transition" true by construction,
and lets tests drive a whole meeting without a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any, TypeVar

from startpakke.agenda.model import Agenda, CaptureKind, Part, Phase
from startpakke.engine import Clock, RunEngine, Snapshot, SystemClock
from startpakke.i18n import _
from startpakke.session import edit as ops
from startpakke.session.edit import EditError, Undo, UndoStack
from startpakke.session.model import (
    Competence,
    CompetenceCategory,
    FocusRound,
    Note,
    Participant,
    Rule,
    Session,
)
from startpakke.session.runstate import RunState

Saver = Callable[[Session], None]
R = TypeVar("R")


HEARTBEAT_GAP = 4.0
"""The heartbeat saves only when the last save is at least this old (the app's heartbeat
ticks every 5 s; the room's view calls a file stale after 20 s without a save)."""

BACK_AFTER_LEAVING_SECONDS = 60.0
"""`p` this soon after a part was left (`n`, `f` after its last phase, «ta pausen nå»), with
nothing done or written since, goes back to where the part was left: a key pressed by
mistake costs the round nothing. One step only; later, or after anything else, `p` is
«forrige del», which begins that part again."""


@dataclass
class MeetingController:
    agenda: Agenda
    session: Session
    save: Saver
    clock: Clock = field(default_factory=SystemClock)
    engine: RunEngine = field(init=False)
    listeners: list[Callable[[], None]] = field(default_factory=list)
    undo_stack: UndoStack = field(default_factory=UndoStack)
    """The facilitator's «angre» for deletions (see the capture intents below)."""

    def __post_init__(self) -> None:
        self._saved_at: float | None = None
        """When this controller last saved (the clock's monotonic time)."""
        self._before_leaving: tuple[RunState, float] | None = None
        """The run as it stood when a part was last left, and when (monotonic), while
        nothing has been done or saved since (see `BACK_AFTER_LEAVING_SECONDS`)."""
        # The session is the engine's roster: who is on the list, present, in focus.
        self.engine = RunEngine(self.agenda, self.session, self.clock)

    # -- construction from a saved session -----------------------------------------------

    @classmethod
    def resume(
        cls,
        agenda: Agenda,
        session: Session,
        save: Saver,
        clock: Clock | None = None,
        *,
        count_closed_time: bool,
    ) -> MeetingController:
        """Continue a saved run exactly where it stood (see `RunEngine.from_state`)."""
        controller = cls(agenda, session, save, clock or SystemClock())
        if session.run:
            controller.engine = RunEngine.from_state(
                session.run,
                agenda,
                session,
                controller.clock,
                count_closed_time=count_closed_time,
            )
            controller.engine.roster_changed()
        return controller

    def count_time_away(self, seconds: float) -> None:
        """The laptop slept `seconds` while the meeting went on: the timers count that time.

        The same as resuming after the program was closed that long, with the time counted.
        """
        state = self.engine.to_state()
        state.saved_at = self.clock.now() - timedelta(seconds=seconds)
        self._restore(state)

    def closed_seconds(self) -> float:
        if not self.session.run:
            return 0.0
        return RunEngine.closed_seconds(self.session.run, self.clock)

    # -- reading --------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        return self.engine.snapshot()

    @property
    def part(self) -> Part:
        return self.engine.part

    @property
    def phase(self) -> Phase:
        return self.engine.phase

    def captures_here(self) -> list[CaptureKind]:
        """What can be captured now: the phase's own captures first, then the part's."""
        kinds = dict.fromkeys(self.phase.captures)
        kinds.update(dict.fromkeys(self.part.captures))
        return list(kinds)

    def current_speaker(self) -> Participant | None:
        return self.session.participant(self.engine.current_speaker)

    # -- persistence ------------------------------------------------------------------------

    def changed(self) -> None:
        """Copy the engine's state into the session and save; tell listeners."""
        self._before_leaving = None  # something was done: `p` no longer undoes a leaving
        self._save_run()
        for listener in self.listeners:
            listener()

    def _save_run(self) -> None:
        self.session.run = self.engine.to_state()
        self.session.touch()
        self.save(self.session)
        self._saved_at = self.clock.monotonic()

    def heartbeat(self, gap: float = HEARTBEAT_GAP) -> bool:
        """Record the running clocks now and then; True when it saved.

        While a timer runs, time is the one thing that changes by itself: saving it now and
        then keeps «continue where it stopped» exact and tells the room's view the app is
        alive. Nothing else changed, so nothing is saved while paused, finished or not yet
        started, nor within `gap` seconds of the last save (a key press saved already), and
        no listener is told (there is nothing new to show).
        """
        engine = self.engine
        if not engine.started or engine.finished or engine.paused:
            return False
        if self._saved_at is not None and self.clock.monotonic() - self._saved_at < gap:
            return False
        self._save_run()
        return True

    def _apply(self, intent: Callable[..., Any], *args: Any) -> None:
        intent(*args)
        self.changed()

    def _leave(self, intent: Callable[[], object]) -> None:
        """An intent that may leave the part: remember where it stood, for `p`."""
        before = self.engine.to_state()
        self._apply(intent)
        moved = self.engine.pos.part != before.position.part
        if moved or (self.engine.finished and not before.finished):
            self._before_leaving = (before, self.clock.monotonic())

    def _restore(self, state: RunState) -> None:
        """The run as `state` had it, its running clocks on by the wall-clock time since
        `state.saved_at` (as when the program was closed and the time counts)."""
        self.engine = RunEngine.from_state(
            state, self.agenda, self.session, self.clock, count_closed_time=True
        )
        self.engine.roster_changed()
        self.changed()

    # -- run intents ------------------------------------------------------------------------

    def start(self) -> None:
        self._apply(self.engine.start)

    def next_part(self) -> None:
        self._leave(self.engine.next_part)

    def previous_part(self) -> None:
        if self._before_leaving is not None:
            state, left_at = self._before_leaving
            since = self.clock.monotonic() - left_at
            if since <= BACK_AFTER_LEAVING_SECONDS:
                # The monotonic time since: a laptop that slept meanwhile is asked about
                # on waking (`count_time_away`), not counted here as well.
                self._restore(replace(state, saved_at=self.clock.now() - timedelta(seconds=since)))
                return
        self._apply(self.engine.previous_part)

    def jump(self, index: int) -> None:
        self._apply(self.engine.jump, index)

    def next_phase(self) -> None:
        self._leave(self.engine.next_phase)

    def take_break(self) -> None:
        """«Ta pausen nå»: the break comes now; after it, the part after this one."""
        self._leave(self.engine.take_break)

    def next_turn(self) -> None:
        self._apply(self.engine.next_turn)

    def toggle_pause(self) -> None:
        self._apply(self.engine.toggle_pause)

    def extend(self, minutes: int) -> None:
        self._apply(self.engine.extend, minutes)

    def toggle_room_blank(self) -> bool:
        """Blank what the room sees, or bring it back (saved, so the projectors follow)."""
        self.session.room_blank = not self.session.room_blank
        self.changed()
        return self.session.room_blank

    def set_keep_written_turns(self, keep: bool) -> None:
        self._apply(self.engine.set_keep_written_turns, keep)

    def toggle_current_absent(self) -> Participant | None:
        """Mark the current speaker absent (the round moves on); returns who it was."""
        person = self.session.participant(self.engine.current_speaker)
        if person is not None:
            person.present = False
            self.engine.presence_changed(person.id)
        self.changed()
        return person

    def set_present(self, participant_id: str, present: bool) -> None:
        person = self.session.participant(participant_id)
        if person is not None:
            person.present = present
            self.engine.presence_changed(participant_id)
        self.changed()

    def participants_changed(self) -> None:
        """The roster was edited (a name, someone added): tell the engine and save."""
        self.engine.roster_changed()
        self.changed()

    # == capture intents =====================================================================
    # What the capture area and its dialogs ask for. Each is a plain edit operation from
    # `startpakke.session.edit` followed by `changed()`, so it is on disk at once. A refused
    # edit raises `EditError` (a Norwegian message for the facilitator) and changes nothing.

    def edit(self, operation: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Run `operation(session, *args, **kwargs)`, then save."""
        result = operation(self.session, *args, **kwargs)
        self.changed()
        return result

    def edit_roster(self, operation: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """Like `edit`, for edits of the participants: the engine learns the new roster."""
        result = operation(self.session, *args, **kwargs)
        self.participants_changed()
        return result

    def delete(self, operation: Callable[[Session, Any], Undo], key: Any) -> str:
        """Delete with an undoable operation (`delete_rule`, …); returns what was deleted."""
        undo = operation(self.session, key)
        self.undo_stack.push(undo)
        self.changed()
        return undo.description

    def undo(self) -> str | None:
        """Put the latest deletion back; what was restored, or None when nothing was."""
        description = self.undo_stack.undo()
        if description is not None:
            self.participants_changed()  # a removed participant may be back
        return description

    def remove_participant(self, participant_id: str) -> str:
        """Take someone off the list (undoable); a current speaker's turn ends first."""
        was_present = self.session.is_present(participant_id)
        undo = ops.remove_participant(self.session, participant_id)
        if self.engine.current_speaker == participant_id:
            self.engine.presence_changed(participant_id)  # off the list: the turn ends

        def restore() -> None:
            # Back on the list (and among the focus persons), in the round if not yet heard.
            undo()
            self.engine.roster_changed()
            if was_present:
                self.engine.presence_changed(participant_id)

        self.undo_stack.push(Undo(undo.description, restore))
        self.participants_changed()
        return undo.description

    def add_rule(self, text: str, proposed_by: str | None = None, *, agreed: bool = False) -> Rule:
        """A proposed rule; proposed by the current speaker unless someone is named."""
        proposer = proposed_by if proposed_by is not None else self.engine.current_speaker
        return self.edit(ops.add_rule, text, proposer, agreed=agreed)

    def add_competence(
        self,
        category: CompetenceCategory | str,
        text: str,
        participant_id: str | None = None,
        *,
        top: bool = False,
    ) -> Competence:
        """A post-it for `participant_id`, by default the current speaker."""
        who = participant_id or self.engine.current_speaker
        if who is None:
            raise EditError(_("Velg hvem lappen gjelder – ingen har ordet nå."))
        return self.edit(ops.add_competence, who, category, text, top=top)

    def add_note(
        self, text: str, *, part: str | None = None, about: str | None = None, private: bool = False
    ) -> Note:
        """A free note in the current part (or `part`)."""
        where = self.part.id if part is None else part
        return self.edit(ops.add_note, where, text, about=about, private=private)

    # -- kollegaveiledning: focus persons, timekeeper and takeaways ----------------------------

    @property
    def focus_ids(self) -> list[str]:
        """The chosen focus persons, in order."""
        return self.session.focus_ids()

    def choose_focus(self, participant_ids: list[str]) -> None:
        """Set the focus persons in order: the engine's round and `session.focus_rounds`.

        A focus round that is no longer chosen is kept when it holds a case or a takeaway.
        """
        known = [pid for pid in participant_ids if self.session.participant(pid) is not None]
        rounds: dict[str, FocusRound | None] = {r.participant: r for r in self.session.focus_rounds}
        chosen = [rounds.pop(pid, None) or FocusRound(participant=pid) for pid in known]
        for round_ in chosen:
            round_.chosen = True
        kept = [r for r in rounds.values() if r and (r.case_title.strip() or r.takeaway.strip())]
        for round_ in kept:
            round_.chosen = False
        self.session.focus_rounds = chosen + kept
        self.changed()

    def takeaways_of(self, participant_id: str) -> list[Note]:
        """A focus person's takeaway notes (notes about them)."""
        return [n for n in self.session.notes if n.about == participant_id]

    def focus_round(self, participant_id: str) -> FocusRound:
        """The focus round for this person, created when missing."""
        for round_ in self.session.focus_rounds:
            if round_.participant == participant_id:
                return round_
        round_ = FocusRound(participant=participant_id)
        self.session.focus_rounds.append(round_)
        return round_

    def _sync_takeaway(self, participant_id: str | None) -> None:
        """The focus round's `takeaway` is the text of the person's takeaway notes."""
        if participant_id is None or self.session.participant(participant_id) is None:
            return
        text = "\n".join(n.text for n in self.takeaways_of(participant_id))
        self.focus_round(participant_id).takeaway = text

    def add_takeaway(self, text: str, participant_id: str | None = None) -> Note:
        """What the focus person takes with them: a private note about them.

        It stays out of the referat until «kan stå i referatet» is chosen for the person.
        """
        who = participant_id or self.engine.current_speaker
        if who is None:
            raise EditError(_("Ingen fokusperson har ordet nå."))
        note = ops.add_note(self.session, self.part.id, text, about=who, private=True)
        self._sync_takeaway(who)
        self.changed()
        return note

    def edit_takeaway(self, note_id: str, text: str) -> Note:
        note = ops.edit_note(self.session, note_id, text)
        self._sync_takeaway(note.about)
        self.changed()
        return note

    def delete_takeaway(self, note_id: str) -> str:
        about = ops.note(self.session, note_id).about
        undo = ops.delete_note(self.session, note_id)
        self._sync_takeaway(about)

        def restore() -> None:
            undo()
            self._sync_takeaway(about)

        self.undo_stack.push(Undo(undo.description, restore))
        self.changed()
        return undo.description

    def toggle_takeaway_shared(self, participant_id: str) -> bool:
        """«Kan stå i referatet»: the focus person agrees to share their takeaway."""
        round_ = self.focus_round(participant_id)
        round_.share_takeaway = not round_.share_takeaway
        self._sync_takeaway(participant_id)
        self.changed()
        return round_.share_takeaway

    def toggle_note_private(self, note_id: str) -> Note:
        """A note is kept out of the referat («privat»), or put back in."""
        note = ops.note(self.session, note_id)
        note.private = not note.private
        self.changed()
        return note
