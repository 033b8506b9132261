"""What the room sees, computed from the followed session in plain Python.

`Room` holds a `SessionFollower` and the run engine restored from the last good state;
`Room.view()` is a `RoomView`: the texts and states the projector screen shows, nothing
else (no notes for the facilitator, no forms, no menus). The countdown keeps running
between two saves because the restored engine computes the time left from the saved
deadline and the real clock, exactly as the facilitator's app does after a restart with
the closed time counted.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from typing import Literal

from startpakke.agenda.model import Agenda, CaptureKind, Speakers
from startpakke.engine import Clock, RunEngine, Snapshot, SystemClock
from startpakke.i18n import N_, _, plural
from startpakke.labels import capitalised, category_colour
from startpakke.projector.follow import SessionFollower
from startpakke.session.model import (
    CompetenceCategory,
    Session,
)
from startpakke.view.format import clock_face, clock_time, minutes_text, timer_state, timer_status
from startpakke.view.run import clock_label, listening_text, phase_counter, prompts

STALE_SECONDS = 20.0
"""The facilitator's app saves at least every 5 s while a timer runs; this long without a
save, the room is told the clock may be wrong (the app was closed, or the laptop slept)."""
NOT_STARTED = N_("Møtet har ikke startet")
THANKS = N_("Takk for i dag")
"""Marked for the catalogue; the view shows them with `_()`."""
AGREED = N_("✓ enig")
CHOSEN = N_("★ valgt")
TOP = N_("topp 3")
PROPOSAL = N_("forslag")
HIDDEN = N_("  ·  {n} til får ikke plass på skjermen")
"""The boards' words, for the terminal projector and the browser page alike."""

Stage = Literal["waiting", "running", "finished", "blank"]
"""`blank`: the facilitator pressed `b` — the room sees only the network's name and the time."""

RULE_CAPTURES = {CaptureKind.rules, CaptureKind.agree_rules, CaptureKind.rule_review}
AGREED_RULE_CAPTURES = {CaptureKind.contract}
COMPETENCE_CAPTURES = {CaptureKind.competences, CaptureKind.chosen_competences}


@dataclass(frozen=True)
class RuleNote:
    """A rule on the wall: its text, and «✓ enig» once the group agrees."""

    text: str
    agreed: bool
    by: str = ""


@dataclass(frozen=True)
class CompetenceNote:
    text: str
    by: str = ""
    top: bool = False
    chosen: bool = False


@dataclass(frozen=True)
class CompetenceColumn:
    """One category of post-its, with its name and colour (never the colour alone)."""

    category: CompetenceCategory
    label: str
    colour: str
    notes: tuple[CompetenceNote, ...]


@dataclass(frozen=True)
class RoomView:
    """Everything the projector shows at one moment."""

    stage: Stage
    network: str
    meeting_title: str
    part_label: str = ""
    title: str = ""
    phase: str = ""
    prompts: tuple[str, ...] = ()
    clock: str = ""
    clock_label: str = ""
    clock_state: str = "ok"
    """ok, low, overtime or paused: a CSS class; `clock_status` says the same in words."""
    clock_status: str = ""
    seconds_left: float | None = field(default=None, compare=False)
    """The countdown's seconds left at this moment (negative in overtime), for a view that
    counts by itself (the browser page); `clock` is the same as a face. Not compared: two
    views that differ only by the passing second are the same view."""
    speaker_label: str = field(default_factory=lambda: _("Ordet har"))
    """«Ordet har», or «Fokusperson» in a round with focus persons (kollegaveiledning)."""
    now_speaking: str = ""
    next_speaking: str = ""
    turn_text: str = ""
    listening: str = ""
    wall_clock: str = ""
    rules: tuple[RuleNote, ...] | None = None
    """None: this part does not collect rules; () : it does, none yet."""
    competences: tuple[CompetenceColumn, ...] | None = None
    problem: str | None = None
    """Why the file could not be followed just now (the last good state is shown)."""
    key: tuple[object, ...] = field(default=())
    """Changes whenever the part, phase, turn or step changes."""


class RoomError(Exception):
    """The session cannot be shown (no good state, or its agenda cannot be loaded)."""


def _agenda_for(session: Session) -> Agenda:
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.resources import resolve_agenda

    return load_agenda_cached(resolve_agenda(session.agenda))


class Room:
    """The followed session and the engine restored from it."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Clock | None = None,
        follower: SessionFollower | None = None,
    ) -> None:
        self.clock = clock or SystemClock()
        self.follower = follower or SessionFollower(path)
        self.session: Session | None = None
        self.agenda: Agenda | None = None
        self.engine: RunEngine | None = None
        self._agendas: dict[str, Agenda] = {}
        self.engine_problem: str | None = None
        self._writer_seen = False
        self.writer_closed = False
        """The facilitator's app held the session's lock and has let it go (closed, or
        killed): nothing new will come until the meeting is opened again."""
        self.clock_stopped = False
        """The app closed after the last save it wrote: the room's clock stands still until
        the app, opened again, saves (it first asks whether the time away counts)."""

    # -- following -------------------------------------------------------------------------

    def open(self) -> None:
        """The first read: RoomError (a Norwegian message) when there is nothing to show."""
        self.follower.poll()
        if self.follower.session is None:
            raise RoomError(
                self.follower.problem
                or _("Kunne ikke lese {path}.").format(path=self.follower.path)
            )
        self._adopt(self.follower.session)
        if self.session is None:
            raise RoomError(self.engine_problem or _("Økten kan ikke vises."))
        self._check_writer()

    def refresh(self) -> bool:
        """Poll the file (one `stat`) and its lock; True when something new was taken in.
        Never raises."""
        was_closed = self.writer_closed
        self._check_writer()
        closed_now = self.writer_closed and not was_closed
        if self.follower.poll() and self.follower.session is not None:
            self.clock_stopped = self.writer_closed  # a save by an open app: it runs
            self._adopt(self.follower.session)
            return True
        if closed_now and self.session is not None:
            self.clock_stopped = True
            self._adopt(self.session)
        return self.writer_closed != was_closed

    def _check_writer(self) -> None:
        """Whether the app that writes the session is still open, from the lock beside it
        (a small read, and /proc for the owner's process). Only an app seen open can close:
        a room opened before the meeting is not told that no app is writing yet."""
        from startpakke.session.lock import held_by_a_running_program

        open_now = held_by_a_running_program(self.follower.path)
        self._writer_seen = self._writer_seen or open_now
        self.writer_closed = self._writer_seen and not open_now

    def _agenda(self, session: Session) -> Agenda:
        name = session.agenda
        if name not in self._agendas:
            self._agendas[name] = _agenda_for(session)
        return self._agendas[name]

    def _adopt(self, session: Session) -> None:
        """Take in a new state; if its run cannot be restored, keep the last good one."""
        try:
            agenda = self._agenda(session)
            engine = None
            if session.run:
                run = session.run
                if self.clock_stopped:
                    # Nothing runs while the app is closed: the clock stands where it was
                    # last saved, and the app asks whether the time away counts when it opens.
                    run = replace(run, paused=True)
                engine = RunEngine.from_state(
                    run, agenda, session, self.clock, count_closed_time=True
                )
        except Exception as err:  # a bad agenda, a run for another agenda: keep the last
            self.engine_problem = _("Kan ikke vise møtet: {reason}.").format(reason=err)
            return
        self.engine_problem = None
        self.session = session
        self.engine = engine
        self.agenda = agenda

    # -- what the room sees ----------------------------------------------------------------

    def view(self) -> RoomView:
        session, agenda = self.session, self.agenda
        if session is None or agenda is None:
            raise RoomError(_("Ingen økt å vise ennå."))
        problem = self.follower.problem or self.engine_problem
        if problem:
            problem += _(" Viser det som sist ble lagret riktig.")
        network = session.network.name.strip()
        wall = clock_time(self.clock.now())
        if session.room_blank:
            return RoomView(
                stage="blank",
                network=network,
                meeting_title=agenda.title,
                title=network or agenda.title,
                wall_clock=wall,
                problem=problem,
            )
        engine = self.engine
        if engine is None or not engine.started:
            return RoomView(
                stage="waiting",
                network=network,
                meeting_title=agenda.title,
                title=network or agenda.title,
                phase=_(NOT_STARTED),
                wall_clock=wall,
                problem=problem,
            )
        snap = engine.snapshot()
        if snap.finished:
            return RoomView(
                stage="finished",
                network=network,
                meeting_title=agenda.title,
                title=_(THANKS),
                phase=network,
                wall_clock=wall,
                problem=problem,
            )
        if problem is None and self.writer_closed:
            problem = _(
                "Møteappen som skrev møtet, er lukket: dette er det som sist ble lagret. "
                "Åpne møtet igjen med «startpakke run --resume» for å fortsette."
            )
        if problem is None and not snap.paused and session.run:
            silent = RunEngine.closed_seconds(session.run, self.clock)
            if silent > STALE_SECONDS:
                problem = _(
                    "Ingen ny lagring fra møteappen på {time} – er den i gang? "
                    "Klokken kan være feil."
                ).format(time=minutes_text(silent))
        return running_view(snap, session, agenda.title, problem)


def _phase_text(snap: Snapshot) -> str:
    if snap.phase_count <= 1 and snap.phase.title == snap.part.title:
        return ""
    text = snap.phase.title
    if counter := phase_counter(snap):
        text = f"{counter}: {text}"
    if snap.step is not None:
        text += f"  ·  {snap.step.title}"
    return text


def _captures(snap: Snapshot) -> set[CaptureKind]:
    return set(snap.part.all_captures())


def rule_notes(session: Session, agreed_only: bool = False) -> tuple[RuleNote, ...]:
    return tuple(
        RuleNote(rule.text, rule.agreed, session.name_of(rule.proposed_by))
        for rule in session.rules
        if rule.agreed or not agreed_only
    )


def competence_columns(session: Session) -> tuple[CompetenceColumn, ...]:
    """The post-its per category: chosen by the network first, then the top three."""
    columns = []
    for category in CompetenceCategory:
        notes = [c for c in session.competences if c.category is category]
        notes.sort(key=lambda c: (not c.chosen, not c.top))
        columns.append(
            CompetenceColumn(
                category=category,
                label=capitalised(category),
                colour=category_colour(category),
                notes=tuple(
                    CompetenceNote(c.text, session.name_of(c.participant), c.top, c.chosen)
                    for c in notes
                ),
            )
        )
    return tuple(columns)


def rules_heading(rules: tuple[RuleNote, ...]) -> str:
    """«Spilleregler  ·  2 forslag, 1 vedtatt» above the rules on the wall."""
    if not rules:
        return _("Spilleregler  ·  ingen forslag ennå")
    agreed = sum(1 for rule in rules if rule.agreed)
    return _("Spilleregler  ·  {proposals}, {agreed}").format(
        proposals=plural("{n} forslag", "{n} forslag", len(rules)),
        agreed=plural("{n} vedtatt", "{n} vedtatt", agreed),
    )


def competences_heading(columns: tuple[CompetenceColumn, ...]) -> str:
    """«Vår kompetanse  ·  3 lapper» above the post-its."""
    total = sum(len(column.notes) for column in columns)
    if not total:
        return _("Vår kompetanse  ·  ingen ennå")
    return _("Vår kompetanse  ·  {notes}").format(notes=plural("{n} lapp", "{n} lapper", total))


def running_view(
    snap: Snapshot, session: Session, meeting_title: str, problem: str | None
) -> RoomView:
    """The room's view of a running meeting."""
    main = snap.main
    now_speaking = next_speaking = turn_text = listening = ""
    view = snap.round
    if view is not None:
        if view.done:
            turn_text = _("Runden er ferdig")
        else:
            now_speaking = view.current.name if view.current else ""
            next_speaking = view.next.name if view.next else ""
            turn_text = _("tur {turn} av {turns}").format(
                turn=view.turn_number, turns=view.turns_total
            )
            if view.focus_listening and view.current is not None:
                listening = listening_text(view.current.name)
    captures = _captures(snap)
    rules = None
    if captures & RULE_CAPTURES:
        rules = rule_notes(session)
    elif captures & AGREED_RULE_CAPTURES:
        rules = rule_notes(session, agreed_only=True)
    competences = competence_columns(session) if captures & COMPETENCE_CAPTURES else None
    status = timer_status(main, snap.paused)
    return RoomView(
        stage="running",
        network=session.network.name.strip(),
        meeting_title=meeting_title,
        part_label=snap.part_label,
        title=snap.part.title,
        phase=_phase_text(snap),
        prompts=prompts(snap),
        clock=clock_face(main.remaining),
        clock_label=clock_label(snap),
        clock_state=timer_state(main, snap.paused),
        clock_status=status,
        seconds_left=main.remaining,
        speaker_label=_("Fokusperson") if snap.phase.speakers is Speakers.focus else _("Ordet har"),
        now_speaking=now_speaking,
        next_speaking=next_speaking,
        turn_text=turn_text,
        listening=listening,
        wall_clock=clock_time(snap.now),
        rules=rules,
        competences=competences,
        problem=problem,
        key=snap.timer_key,
    )
