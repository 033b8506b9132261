"""The meeting controller: the one place where intents change state and get saved.

Plain Python, no Textual. The app sends every intent here; the controller applies it to
the run engine or the session, copies the engine's state into the session, and saves.
That keeps "autosave on every change and every engine transition" true by construction,
and lets tests drive a whole meeting without a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from startpakke.agenda.model import Agenda, CaptureKind, Part, Phase
from startpakke.engine import Clock, Person, RunEngine, Snapshot, SystemClock
from startpakke.session.model import Participant, Session

Saver = Callable[[Session], None]


def people_of(session: Session) -> list[Person]:
    return [Person(p.id, p.name) for p in session.participants]


@dataclass
class MeetingController:
    agenda: Agenda
    session: Session
    save: Saver
    clock: Clock = field(default_factory=SystemClock)
    engine: RunEngine = field(init=False)
    listeners: list[Callable[[], None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.engine = RunEngine(self.agenda, people_of(self.session), self.clock)
        self._sync_presence_to_engine()

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
        """Continue a saved run exactly where it stood (see `RunEngine.from_dict`)."""
        controller = cls(agenda, session, save, clock or SystemClock())
        if session.run:
            controller.engine = RunEngine.from_dict(
                session.run, agenda, controller.clock, count_closed_time=count_closed_time
            )
            controller.engine.set_people(people_of(session))
        return controller

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
        self.session.run = self.engine.to_dict()
        self.session.touch()
        self.save(self.session)
        for listener in self.listeners:
            listener()

    def heartbeat(self) -> None:
        """Save the running timers now and then, so «continue where it stopped» is exact."""
        if self.engine.started and not self.engine.finished and not self.engine.paused:
            self.changed()

    def _apply(self, intent: Callable[..., Any], *args: Any) -> None:
        intent(*args)
        self.changed()

    # -- run intents ------------------------------------------------------------------------

    def start(self) -> None:
        self._apply(self.engine.start)

    def next_part(self) -> None:
        self._apply(self.engine.next_part)

    def previous_part(self) -> None:
        self._apply(self.engine.previous_part)

    def jump(self, index: int) -> None:
        self._apply(self.engine.jump, index)

    def next_phase(self) -> None:
        self._apply(self.engine.next_phase)

    def next_turn(self) -> None:
        self._apply(self.engine.next_turn)

    def toggle_pause(self) -> None:
        self._apply(self.engine.toggle_pause)

    def extend(self, minutes: int) -> None:
        self._apply(self.engine.extend, minutes)

    def set_keep_written_turns(self, keep: bool) -> None:
        self._apply(self.engine.set_keep_written_turns, keep)

    def toggle_current_absent(self) -> Participant | None:
        """Mark the current speaker absent (the round moves on); returns who it was."""
        speaker_id = self.engine.toggle_current_present()
        person = self.session.participant(speaker_id)
        if person is not None:
            person.present = False
        self.changed()
        return person

    def set_present(self, participant_id: str, present: bool) -> None:
        person = self.session.participant(participant_id)
        if person is not None:
            person.present = present
        self.engine.set_present(participant_id, present)
        self.changed()

    def set_focus(self, participant_ids: list[str]) -> None:
        self.engine.set_focus(participant_ids)
        self.changed()

    def participants_changed(self) -> None:
        """The roster was edited (a name, someone added): tell the engine and save."""
        self.engine.set_people(people_of(self.session))
        self._sync_presence_to_engine()
        self.changed()

    def _sync_presence_to_engine(self) -> None:
        for person in self.session.participants:
            if person.present:
                self.engine.absent.discard(person.id)
            else:
                self.engine.absent.add(person.id)
