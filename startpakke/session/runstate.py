"""Where the run stands: the engine's saved state, a typed part of the session file.

The run engine (`startpakke.engine`) writes a `RunState` into `Session.run` on every
change and restores from it after a crash or a closed lid; nobody else writes it. The
documents read the per-part records (`RunState.parts`, one `PartRun` each: planned and
used time, start and end, minutes added, shortened turns) to say how the meeting went.

Who takes part, who is present and who the focus persons are is not here: that is the
session's roster (`Session.participants`, `Session.focus_rounds`). Nor are sentences: what
a person reads is worded from this state where it is shown.

Timers are kept as seconds given and seconds left. Whether a timer was running is not
stored: the part's, the phase's, the turn's and the step's timers run exactly while the
meeting is started, not finished and not paused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from startpakke.modeling import CONFIG


@dataclass(kw_only=True)
class TimerState:
    """A countdown: the seconds it was given (with minutes added) and the seconds left."""

    __pydantic_config__ = CONFIG

    budget_seconds: float
    """Sekunder nedtellingen fikk, med tillagte minutter."""
    remaining_seconds: float
    """Sekunder igjen; negativt på overtid."""


@dataclass(kw_only=True)
class RunPosition:
    """Where the meeting is: indexes into the agenda's parts, the part's phases, the
    round's order of speakers and the turn's timed steps (ledd)."""

    __pydantic_config__ = CONFIG

    part: int = 0
    """Delens nummer i agendaen (fra 0)."""
    phase: int = 0
    """Fasens nummer i delen (fra 0)."""
    turn: int = 0
    """Turens nummer i rundens rekkefølge (fra 0)."""
    step: int = 0
    """Leddets nummer i turen (fra 0)."""


@dataclass(kw_only=True)
class TurnFitState:
    """How long each turn of the current round is, after fitting it to the time left."""

    __pydantic_config__ = CONFIG

    seconds: float
    """Turens lengde i sekunder."""
    written_seconds: float | None = None
    """Turens lengde slik agendaen skriver den."""
    floor_seconds: float | None = None
    """Den korteste turen agendaen tillater."""
    shortened: bool = False
    """Turen er kortere enn skrevet, for å rekke det."""
    overrun: bool = False
    """Runden går over tiden selv med korteste tur."""


@dataclass(kw_only=True)
class ShortenedTurns:
    """The turns of a part's round were shortened to fit: to how long, from how long."""

    __pydantic_config__ = CONFIG

    seconds: float
    """Turens lengde etter nedkortingen, i sekunder."""
    written_seconds: float | None = None
    """Turens lengde slik agendaen skriver den."""


@dataclass(kw_only=True)
class PartRun:
    """What happened in one part of the agenda: the public record the documents read."""

    __pydantic_config__ = CONFIG

    id: str
    """Delens id i agendaen."""
    planned_seconds: float
    """Tiden agendaen setter av til delen, i sekunder."""
    extended_seconds: float = 0.0
    """Tid lagt til (+) eller trukket fra (–) under møtet, i sekunder."""
    used_seconds: float = 0.0
    """Tiden delen faktisk gikk, uten pauser, i sekunder."""
    started_at: datetime | None = None
    """Når delen startet første gang."""
    ended_at: datetime | None = None
    """Når delen sist ble avsluttet; tom mens den pågår."""
    turns: ShortenedTurns | None = None
    """Satt når turene i delens runde ble kortet ned."""

    @property
    def budget_seconds(self) -> float:
        return self.planned_seconds + self.extended_seconds

    @property
    def remaining_seconds(self) -> float:
        return self.budget_seconds - self.used_seconds

    @property
    def was_run(self) -> bool:
        return self.started_at is not None


@dataclass(kw_only=True)
class RunState:
    """The run engine's whole state, to continue exactly where the meeting stood."""

    __pydantic_config__ = CONFIG

    agenda_id: str
    """Agendaen kjøringen hører til."""
    saved_at: datetime | None = None
    """Når tilstanden sist ble lagret (for å vite hvor lenge programmet var lukket)."""
    started: bool = False
    """Møtet har startet."""
    finished: bool = False
    """Møtet er ferdig (etter siste del)."""
    paused: bool = False
    """Klokkene står (PAUSE)."""
    meeting_started_at: datetime | None = None
    """Når møtet startet."""
    keep_written_turns: bool = False
    """Fasilitatoren har valgt å holde turlengden slik den er skrevet (tasten k)."""
    position: RunPosition = field(default_factory=RunPosition)
    """Del, fase, tur og ledd nå."""
    order: list[str] = field(default_factory=list)
    """Deltaker-id-ene i rundens rekkefølge."""
    spoken: list[str] = field(default_factory=list)
    """Deltaker-id-er som har hatt sin tur i runden."""
    round_counter: int = 0
    """Antall runder så langt (hvem som begynner, går på omgang)."""
    phase_timer: TimerState = field(
        default_factory=lambda: TimerState(budget_seconds=0.0, remaining_seconds=0.0)
    )
    """Fasens nedtelling."""
    turn_timer: TimerState | None = None
    """Turens nedtelling, i en runde."""
    step_timer: TimerState | None = None
    """Leddets nedtelling, når turen har ledd."""
    turn_fit: TurnFitState | None = None
    """Turlengden i runden nå."""
    parts: list[PartRun] = field(default_factory=list)
    """Én post per del i agendaen, i agendaens rekkefølge."""
    until_at: datetime | None = None
    """Klokkeslettet delen som går nå, slutter (en pause: «tilbake kl. 11:15»)."""
    until_budget_seconds: float = 0.0
    """Sekunder fra delen begynte til `until_at`."""
    return_to: str | None = None
    """Etter en pause tatt tidligere enn planlagt: id-en til delen møtet fortsetter med."""

    def part(self, part_id: str) -> PartRun | None:
        """The record of the part with this id, or None."""
        return next((p for p in self.parts if p.id == part_id), None)

    @property
    def parts_run(self) -> list[PartRun]:
        """The parts that have been started, in agenda order."""
        return [p for p in self.parts if p.was_run]
