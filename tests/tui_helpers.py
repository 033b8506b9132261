"""Building the facilitator's app for Pilot tests: a fake clock and a session in memory."""

from __future__ import annotations

from copy import deepcopy
from datetime import date

from startpakke.agenda.loader import load_agenda
from startpakke.agenda.model import Agenda
from startpakke.engine import FakeClock
from startpakke.resources import resolve_agenda
from startpakke.session.edit import participants_from_names
from startpakke.session.model import Session
from startpakke.tui.app import StartpakkeApp, Startup

MEETING_DAY = date(2026, 9, 14)


def builtin(name: str = "startpakke") -> Agenda:
    return load_agenda(resolve_agenda(name))


def make_app(
    names: str = "Anne,Bjørn,Cecilie",
    *,
    agenda: Agenda | None = None,
    projector: bool = False,
    clock: FakeClock | None = None,
    first_run: bool = False,
) -> tuple[StartpakkeApp, Session, FakeClock, list[Session]]:
    """An app on a fake clock whose saves are recorded in a list (no files).

    The agenda counts as run before (its guide does not greet each part) unless
    `first_run` is asked for.
    """
    agenda = agenda or builtin()
    if not first_run:
        from startpakke.session.guide_seen import first_run as remember

        remember(agenda.id)
    session = Session(agenda=agenda.id, agenda_id=agenda.id)
    session.network.name = "Nettverket i Testdal"
    session.network.meeting_date = MEETING_DAY
    session.network.place = "Rådhuset"
    if names:
        session.participants = participants_from_names(names)
    saves: list[Session] = []
    clock = clock or FakeClock()
    startup = Startup(
        agenda=agenda,
        session=session,
        save=lambda s: saves.append(deepcopy(s)),
        projector=projector,
        bell=False,
    )
    return StartpakkeApp(startup, clock=clock), session, clock, saves
