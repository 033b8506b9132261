"""Fair rotation across meetings: who is proposed for which role in the next meeting.

- **Focus persons** (kollegaveiledning): those who said they bring a case first, then who
  has waited longest since they were last focus person (never = longest), roster order
  breaking ties; as many as the agenda's focus rounds have time for.
- **Timekeeper**: who has waited longest since they last kept time — never one of this
  meeting's focus persons.
- **Leader and secretary**: with a plan «på omgang» (`plan.term == "rotating"`), the plan's
  own entry for this meeting's date when it names them, else who waited longest for the
  role (members only; the secretary is never the leader). With a plan «for ett år», the
  plan's leader and secretary.

It only *proposes*: the proposal is written into the new session before the meeting
starts, and the facilitator changes any of it on the first screen or in the meeting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from startpakke.network.catalog import Meeting
from startpakke.network.history import Roles, roles
from startpakke.session.model import FocusRound, Participant, Plan, Role, Session


@dataclass(frozen=True)
class Proposal:
    focus: list[str] = field(default_factory=list)
    timekeeper: str | None = None
    leader: str | None = None
    secretary: str | None = None


def _longest_waiting(people: Iterable[Participant], history: Roles, role: str) -> list[Participant]:
    """`people` ordered by the last time they had `role`: never first, then oldest first."""
    listed = list(people)
    return sorted(
        listed,
        key=lambda p: (history.last(p.id, role), listed.index(p)),
    )


def propose(
    session: Session,
    past: Iterable[Meeting],
    *,
    focus_count: int,
    plan: Plan | None = None,
) -> Proposal:
    """Who should have which role in `session`, given the network's earlier meetings."""
    history = roles(past)
    present = [p for p in session.participants if p.present]
    focus: list[str] = []
    if focus_count > 0:
        waiting = _longest_waiting(present, history, "focus")
        ordered = [p for p in waiting if p.brings_case] + [p for p in waiting if not p.brings_case]
        focus = [p.id for p in ordered[:focus_count]]
    keepers = [p for p in present if p.id not in focus]
    timekeeper = next(iter(_longest_waiting(keepers, history, "timekeeper")), None)
    leader, secretary = _leader_and_secretary(session, present, history, plan)
    return Proposal(
        focus=focus,
        timekeeper=timekeeper.id if timekeeper is not None else None,
        leader=leader,
        secretary=secretary,
    )


def _leader_and_secretary(
    session: Session, present: list[Participant], history: Roles, plan: Plan | None
) -> tuple[str | None, str | None]:
    if plan is None:
        return None, None
    if plan.term != "rotating":
        return plan.leader, plan.secretary
    day = session.network.meeting_date
    slot = next((s for s in plan.meetings if s.date == day), None)
    members = [p for p in present if p.role is Role.member] or present
    leader = slot.leader if slot is not None and slot.leader else None
    if leader is None:
        leader = next((p.id for p in _longest_waiting(members, history, "leader")), None)
    secretary = slot.secretary if slot is not None and slot.secretary else None
    if secretary is None:
        others = [p for p in members if p.id != leader]
        secretary = next((p.id for p in _longest_waiting(others, history, "secretary")), None)
    return leader, secretary


def apply(session: Session, proposal: Proposal) -> None:
    """Write the proposal into the new session where nothing is chosen yet.

    Focus rounds get no case title: the program records no case content unless the focus
    person asks for a title (issue 18.5).
    """
    if not session.focus_rounds and proposal.focus:
        # Proposed, and chosen until the facilitator chooses others (controller.choose_focus).
        session.focus_rounds = [FocusRound(participant=pid, chosen=True) for pid in proposal.focus]
    if session.timekeeper is None:
        session.timekeeper = proposal.timekeeper
    if session.network.leader is None:
        session.network.leader = proposal.leader
    if session.network.secretary is None:
        session.network.secretary = proposal.secretary
