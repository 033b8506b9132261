"""Kollegaveiledning: who keeps the time in each focus round, and what the case is called.

The timekeeper is never the focus person of that round: the chosen timekeeper keeps the
time, except in their own round, where the next person present takes over. Without a
chosen timekeeper the role goes round with the focus: the person after the focus person.
A round whose case has no title is «Sak 1», «Sak 2» … — never «uten tittel».
"""

from __future__ import annotations

from collections.abc import Sequence

from startpakke.session.model import FocusRound, Session


def round_timekeepers(session: Session, focus_ids: Sequence[str]) -> list[str | None]:
    """The timekeeper (participant id) of each focus round, in the rounds' order."""
    order = [p.id for p in session.participants if p.present]
    chosen = session.timekeeper
    keepers: list[str | None] = []
    for focus in focus_ids:
        if chosen is not None and chosen != focus and chosen in order:
            keepers.append(chosen)
            continue
        keepers.append(_after(order, chosen if chosen in order else focus, focus))
    return keepers


def timekeeper_of(session: Session, focus_ids: Sequence[str], focus: str) -> str | None:
    """The timekeeper of `focus`'s round (None when they are not a focus person)."""
    ids = list(focus_ids)
    if focus not in ids:
        return None
    return round_timekeepers(session, ids)[ids.index(focus)]


def case_label(session: Session, round_: FocusRound, number: int) -> str:
    """The case's own title, else the one the person gave beforehand, else «Sak N»."""
    own = round_.case_title.strip()
    if own:
        return own
    person = session.participant(round_.participant)
    if person is not None and person.case_title.strip():
        return person.case_title.strip()
    return f"Sak {number}"


def _after(order: list[str], start: str, focus: str) -> str | None:
    """The next person present after `start` (cyclic) who is not `focus`."""
    if start not in order:
        return next((pid for pid in order if pid != focus), None)
    index = order.index(start)
    for step in range(1, len(order) + 1):
        candidate = order[(index + step) % len(order)]
        if candidate != focus:
            return candidate
    return None
