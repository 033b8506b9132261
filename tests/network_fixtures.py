"""Building networks of session files for the network tests: a founding meeting and follow-ups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from startpakke import paths
from startpakke.session.model import Action, FocusRound, MeetingSlot, Participant, Role, Session
from startpakke.session.store import save_session

PEOPLE = [
    ("p-kari", "Kari Nordmann", Role.member, "kari@eksempel.no"),
    ("p-ola", "Ola Hansen", Role.member, "412 34 567"),
    ("p-siri", "Siri Berg", Role.member, ""),
    ("p-nils", "Nils Dahl", Role.member, ""),
    ("p-vera", "Vera Lie", Role.deputy, "vera@eksempel.no"),
]


def founding(
    name: str = "Nettverk Vestfold", *, with_id: bool = True, day: date = date(2026, 2, 10)
) -> Session:
    session = Session(agenda="startpakke", agenda_id="startpakke")
    if with_id:
        session.network.id = f"net-{abs(hash(name)) % 10**8}"
    session.network.name = name
    session.network.meeting_date = day
    session.network.place = "Rådhuset"
    session.participants = [
        Participant(id=pid, name=full, role=role, contact=contact, brings_case=pid != "p-vera")
        for pid, full, role, contact in PEOPLE
    ]
    session.facilitator = "p-siri"
    session.plan.term = "rotating"
    session.plan.themes = ["Tilsyn", "Rekruttering"]
    session.plan.meetings = [MeetingSlot(date=date(2026, m, 10)) for m in (3, 5, 9, 11)]
    session.actions = [
        Action(id="a-1", what="Sende innkalling", who="p-kari", due=date(2026, 2, 20)),
        Action(id="a-2", what="Avklare med kommunedirektøren", who="Ola", done=True),
    ]
    from startpakke.session.model import Rule

    session.rules = [Rule(text="Vi starter presis", agreed=True), Rule(text="Taushet", agreed=True)]
    session.notes = []
    return session


def save_in_data_folder(session: Session, stem: str) -> Path:
    folder = paths.ensure_private_dir(paths.sessions_dir())
    path = folder / f"{stem}.json"
    save_session(session, path)
    return path


def followup(previous: Path, day: date, agenda: str = "kollegaveiledning") -> Session:
    from startpakke.session.followup import followup_session

    return followup_session(previous, agenda, agenda, agenda_kind=agenda, today=day)


def with_focus(session: Session, *people: str, timekeeper: str | None = None) -> Session:
    session.focus_rounds = [FocusRound(participant=p) for p in people]
    session.timekeeper = timekeeper
    return session
