"""The network's year read out of its sessions: attendance, roles, actions, contract.

Plain functions over a `NetworkRecord`; the command `network show`, the annual report and
the rotation read the same facts from here. People are matched across meetings by their
participant id (follow-ups copy the roster, ids included), so a renamed member stays one
person; the name shown is the latest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from startpakke.i18n import N_
from startpakke.network.catalog import Meeting, NetworkRecord
from startpakke.session.model import Action, Participant, Role, Session

RETENTION_MONTHS = 12


@dataclass(frozen=True)
class Attendance:
    participant: Participant
    present: int
    of: int
    """Meetings this person was on the list for."""


ROLE_NAMES = {
    "focus": N_("fokusperson"),
    "leader": N_("leder"),
    "secretary": N_("sekretær"),
    "timekeeper": N_("tidtaker"),
}
"""The roles that go round, in the order they are listed; the names for the catalogue."""


@dataclass(frozen=True)
class RoleTurn:
    role: str
    """A key of `ROLE_NAMES`: «focus», «leader», «secretary», «timekeeper»."""
    day: date
    kind: str
    order: int
    """The meeting's place in the network's history (two meetings may share a day)."""


@dataclass(frozen=True)
class ContractVersion:
    version: int
    day: date
    changes: tuple[str, ...]
    rules: int
    """Vedtatte regler i denne versjonen."""


@dataclass(frozen=True)
class ActionState:
    action: Action
    decided: Meeting | None
    """The meeting it was decided in (None when that file is not known)."""


@dataclass
class Roles:
    """Who had which role when, per participant id."""

    turns: dict[str, list[RoleTurn]] = field(default_factory=dict)

    def add(self, person: str | None, role: str, meeting: Meeting, order: int) -> None:
        if person:
            turn = RoleTurn(role, meeting.day, meeting.kind, order)
            self.turns.setdefault(person, []).append(turn)

    def last(self, person: str, role: str) -> int:
        """The latest meeting (its order) where `person` had `role`; -1 for never."""
        return max((t.order for t in self.turns.get(person, []) if t.role == role), default=-1)


def in_year(record: NetworkRecord, year: int | None) -> list[Meeting]:
    return [m for m in record.meetings if year is None or m.day.year == year]


def roster(record: NetworkRecord) -> list[Participant]:
    """Members and deputies as the latest meeting has them."""
    return list(record.latest.session.participants)


def meeting_leader(session: Session) -> str | None:
    return session.network.leader or session.facilitator


def attendance(meetings: Iterable[Meeting], people: list[Participant]) -> list[Attendance]:
    meetings = list(meetings)
    rows = []
    for person in people:
        listed = [p for m in meetings for p in m.session.participants if p.id == person.id]
        rows.append(Attendance(person, sum(1 for p in listed if p.present), len(listed)))
    return rows


def roles(meetings: Iterable[Meeting]) -> Roles:
    found = Roles()
    for order, meeting in enumerate(meetings):
        session = meeting.session
        for round_ in session.focus_rounds:
            found.add(round_.participant, "focus", meeting, order)
        found.add(meeting_leader(session), "leader", meeting, order)
        found.add(session.network.secretary, "secretary", meeting, order)
        found.add(session.timekeeper, "timekeeper", meeting, order)
    return found


def actions(record: NetworkRecord, meetings: Iterable[Meeting] | None = None) -> list[ActionState]:
    """Every action, in the state of the last meeting that had it (carried ones count once)."""
    chosen = list(meetings) if meetings is not None else record.meetings
    by_session = {m.session.id: m for m in record.meetings}
    latest: dict[str, ActionState] = {}
    for meeting in chosen:
        for action in meeting.session.actions:
            decided = by_session.get(action.from_session or meeting.session.id)
            latest.pop(action.id, None)
            latest[action.id] = ActionState(action, decided)
    return list(latest.values())


def open_actions(record: NetworkRecord) -> list[ActionState]:
    return [a for a in actions(record) if not a.action.done]


def contract_versions(meetings: Iterable[Meeting]) -> list[ContractVersion]:
    """One entry per contract version that a founding or revision meeting wrote."""
    versions: dict[int, ContractVersion] = {}
    for meeting in meetings:
        session = meeting.session
        if not (session.agreed_rules or session.contract.text.strip()):
            continue
        contract = session.contract
        changes: tuple[str, ...] = ()
        for revision in session.revisions:
            if revision.version == contract.version:
                changes = tuple(revision.changes)
        versions[contract.version] = ContractVersion(
            contract.version,
            contract.revised_at or meeting.day,
            changes,
            len(session.agreed_rules),
        )
    return [versions[v] for v in sorted(versions)]


def latest_plan_session(record: NetworkRecord) -> Session | None:
    for meeting in reversed(record.meetings):
        plan = meeting.session.plan
        if plan.meetings or plan.themes or plan.term or plan.leader:
            return meeting.session
    return None


def next_meeting(record: NetworkRecord, after: date | None = None) -> date | None:
    """The first planned meeting after the last one held (from the latest plan)."""
    session = latest_plan_session(record)
    if session is None:
        return None
    last = after or record.latest.day
    upcoming = sorted(slot.date for slot in session.plan.meetings if slot.date > last)
    return upcoming[0] if upcoming else None


def themes(meetings: Iterable[Meeting]) -> list[str]:
    found: dict[str, None] = {}
    for meeting in meetings:
        for theme in meeting.session.plan.themes:
            if theme.strip():
                found.setdefault(theme.strip(), None)
    return list(found)


def focus_round_count(meetings: Iterable[Meeting]) -> int:
    """Kollegaveiledning rounds held (or planned) — a count, never their cases."""
    return sum(
        len(m.session.focus_rounds)
        for m in meetings
        if m.session.agenda_id == "kollegaveiledning" or m.session.focus_rounds
    )


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def keep_until(record: NetworkRecord) -> date:
    """The retention date: set on the latest meeting, else 12 months after it."""
    latest = record.latest
    return latest.session.network.keep_until or add_months(latest.day, RETENTION_MONTHS)


def members_first(people: list[Participant]) -> list[Participant]:
    return [p for p in people if p.role is Role.member] + [
        p for p in people if p.role is Role.deputy
    ]
