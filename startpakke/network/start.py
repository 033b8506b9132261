"""Starting a meeting from the network's memory: `run --network`, `--from` and `--resume`.

`next_session` builds the next meeting of a network from its latest session (the same as
`--from` that file) and writes the rotation's proposal into it. `meeting_to_resume` is the
meeting that was last *running* — remembered by path wherever its file is (issue 14.2) —
skipping files with nothing in them; `unfinished_meeting` is that meeting when it stopped
before its end not long ago, which a plain `startpakke` offers to continue.
"""

from __future__ import annotations

import contextlib
from datetime import date, datetime, timedelta
from pathlib import Path

from startpakke.agenda.model import Agenda
from startpakke.i18n import _, plural
from startpakke.network import recent
from startpakke.network.catalog import Meeting, NetworkRecord, is_empty, scan
from startpakke.network.history import attendance, latest_plan_session
from startpakke.network.rotation import apply, propose
from startpakke.session import paths
from startpakke.session.model import Note, Session


def focus_rounds_that_fit(agenda: Agenda, present: int) -> int:
    """How many focus persons the agenda's focus round has time for (0 when it has none)."""
    from startpakke.engine.rounds import focus_part_index, rounds_that_fit

    index = focus_part_index(agenda, 0)
    if index is None:
        return 0
    try:
        return rounds_that_fit(agenda, index, present).count
    except ValueError:
        return 0


def next_session(
    previous: Path, agenda: Agenda, agenda_name: str, *, today: date | None = None
) -> Session:
    """The next meeting after the session in `previous`, with roles proposed by rotation."""
    from startpakke.session.followup import REVISION_KIND, followup_session

    session = followup_session(
        previous, agenda_name, agenda.id, agenda_kind=agenda.kind, today=today
    )
    catalog = scan(extra=[previous])
    record = next((n for n in catalog.networks if n.id == session.network.id), None)
    if agenda.kind == REVISION_KIND and record is not None:
        session = _revise_latest_contract(session, record, agenda, agenda_name, today)
    propose_for(session, record, agenda)
    return session


def _revise_latest_contract(
    session: Session,
    record: NetworkRecord,
    agenda: Agenda,
    agenda_name: str,
    today: date | None,
) -> Session:
    """A revision starts from the contract's latest version, with today's people and actions.

    The latest meeting may be a kollegaveiledning, which carries no contract: the rules,
    contract, plan and history come from the last meeting that has them (it is the
    revision's `previous_session`, what its changes are measured against); the roster and
    the open actions from the latest meeting.
    """
    from startpakke.session.followup import followup_session

    holder = next(
        (m for m in reversed(record.meetings) if m.session.rules or m.session.contract.text),
        None,
    )
    if holder is None or holder.session.id == record.latest.session.id:
        return session
    revised = followup_session(
        holder.path, agenda_name, agenda.id, agenda_kind=agenda.kind, today=today
    )
    revised.participants = session.participants
    revised.actions = session.actions
    revised.network = session.network
    since = record.meetings[record.meetings.index(holder) + 1 :]
    part = next((p.id for p in agenda.parts if "rules" in p.captures), agenda.parts[0].id)
    revised.notes.append(Note(part=part, text=evaluation_material(revised, since), private=True))
    return revised


def evaluation_material(session: Session, since: list[Meeting]) -> str:
    """Attendance and open actions since the contract's last version: for the evaluation.

    Kept as a private note in the rules part (never in the referat), so the facilitator
    has it at hand when the group asks «har vi fulgt spillereglene?».
    """
    lines = [
        _("Materiale til evalueringen: {meetings} siden sist.").format(
            meetings=plural("{n} møte", "{n} møter", len(since))
        )
    ]
    for row in attendance(since, session.participants):
        if row.of:
            lines.append(
                _("{name}: deltok på {present} av {of}").format(
                    name=row.participant.name, present=row.present, of=row.of
                )
            )
    still_open = [a for a in session.actions if not a.done]
    lines.append(
        plural("{n} åpent oppfølgingspunkt", "{n} åpne oppfølgingspunkter", len(still_open))
        + (": " + "; ".join(a.what for a in still_open) if still_open else ".")
    )
    return "\n".join(lines)


def propose_for(session: Session, record: NetworkRecord | None, agenda: Agenda) -> None:
    past = record.meetings if record is not None else []
    plan_session = latest_plan_session(record) if record is not None else None
    present = sum(1 for p in session.participants if p.present)
    proposal = propose(
        session,
        past,
        focus_count=focus_rounds_that_fit(agenda, present),
        plan=plan_session.plan if plan_session is not None else None,
    )
    apply(session, proposal)


def _resumable(path: Path) -> bool:
    from startpakke.session.store import SessionError, load_session

    try:
        session = load_session(path)
    except SessionError as err:
        # A damaged file is still the meeting to resume: `run` offers its backup.
        return err.backup is not None
    return not is_empty(session)


def meeting_to_resume() -> Path | None:
    """The session last running (remembered or in the data folder), never an empty one."""
    candidates: list[tuple[float, Path]] = []
    known: set[Path] = set()
    for item in recent.remembered():
        known.add(item.path)
        if item.running is not None:
            candidates.append((item.running.timestamp(), item.path))
    for path in paths.list_sessions():
        if path.resolve() in known or path in known:
            continue
        with contextlib.suppress(OSError):
            candidates.append((path.stat().st_mtime, path))
    for _mtime, path in sorted(candidates, key=lambda c: c[0], reverse=True):
        if path.is_file() and _resumable(path):
            return path
    return None


UNFINISHED_WITHIN = timedelta(hours=12)
"""How recent an unfinished meeting is for a plain start to offer it: the same meeting day
(a crash, a closed lid, a quit for lunch), not one abandoned last month."""


def unfinished_meeting(now: datetime | None = None) -> recent.Remembered | None:
    """The meeting that ran last, when it has not reached its end, ran within
    `UNFINISHED_WITHIN` and no other window has it open. A meeting whose file is gone
    (deleted, moved) is passed over: its record is stale, not the last meeting.

    Read from the record of paths and times only: a plain start loads no session (and so
    no pydantic) unless the facilitator chooses to continue.
    """
    from startpakke.session.lock import held_by_a_running_program

    running = [
        item for item in recent.remembered() if item.running is not None and item.path.is_file()
    ]
    if not running:
        return None
    last = running[0]  # remembered() puts the one running most recently first
    moment = now or datetime.now().astimezone()
    assert last.running is not None
    if not last.unfinished or moment - last.running > UNFINISHED_WITHIN:
        return None
    if held_by_a_running_program(last.path):
        return None  # open in another window: that window is the meeting
    return last
