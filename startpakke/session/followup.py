"""A later meeting of an existing network, started from an earlier session (`run --from`).

    session = followup_session(Path("forrige.json"), "kollegaveiledning", "kollegaveiledning")

What comes along from the earlier session:

- the network (id, name, services, place, retention date) with today's date; the id of a
  file from before `network.id` existed is derived (`startpakke.network.identity`);
- the members and deputies, all marked present again, with the cases they promised to
  bring (`brings_case`, `case_title`);
- the open actions (not done), each remembering the session it was decided in
  (`from_session`); done ones stay behind. They are reviewed at innsjekk, where the
  agenda captures `actions`, and can be marked done there;
- the parked topics that did not become themes (`parked`, with `from_session`), shown
  where the meeting begins.

What does not: rules, competences, notes, focus rounds, the facilitator and timekeeper,
and the run state — a new meeting starts clean. For an agenda of kind `revisjon` the rules
(all, with their agreed flags), the contract, the plan and the revision history come along
too, so the revision meeting edits a copy (see `startpakke.session.revision`).

The earlier file is only read, never written. A missing or damaged file is the store's
`SessionError`: a Norwegian message, exit 1 from the command line.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from datetime import date
from pathlib import Path

from startpakke.i18n import _
from startpakke.session.model import Action, Session
from startpakke.session.parking import carried_topics
from startpakke.session.store import SessionError, load_session

__all__ = ["REVISION_KIND", "carried_actions", "followup_session", "load_previous"]

REVISION_KIND = "revisjon"
"""The agenda kind whose meeting revises the contract (it carries rules, contract, plan)."""


def carried_actions(previous: Session) -> list[Action]:
    """The open actions of `previous`, each tied to the session it was decided in."""
    return [
        replace(deepcopy(action), from_session=action.from_session or previous.id)
        for action in previous.actions
        if not action.done
    ]


def _agenda_kind(agenda_name: str) -> str | None:
    """The kind of the agenda `agenda_name` (built-in name or path), None if unreadable."""
    from startpakke.agenda.cache import load_agenda_cached
    from startpakke.errors import UserError
    from startpakke.resources import resolve_agenda

    try:
        return load_agenda_cached(resolve_agenda(agenda_name)).kind
    except (UserError, OSError):
        return None


def followup_session(
    previous: Path,
    agenda_name: str,
    agenda_id: str,
    *,
    agenda_kind: str | None = None,
    today: date | None = None,
) -> Session:
    """A new session for the network's next meeting, built from the session in `previous`.

    `agenda_kind` is read from the agenda when not given (`revisjon` carries the contract).
    `today` is the new meeting's date (default: today). Raises `SessionError` when
    `previous` is missing or does not load.
    """
    path = Path(previous)
    try:
        old = load_session(path)
    except SessionError as err:
        raise SessionError(
            _("Kan ikke starte fra forrige økt: {message}").format(message=err.message),
            path=err.path,
            problems=err.problems,
            backup=err.backup,
        ) from None
    kind = agenda_kind if agenda_kind is not None else _agenda_kind(agenda_name)

    from startpakke.network.identity import load_lookup, network_id

    # The network's id comes along (derived for files from before it existed); this
    # meeting's own leader and secretary are chosen anew (see `startpakke.network.rotation`).
    network = replace(
        deepcopy(old.network),
        id=network_id(old, load_lookup()),
        meeting_date=today or date.today(),
        leader=None,
        secretary=None,
    )
    participants = [replace(deepcopy(p), present=True) for p in old.participants]
    session = Session(
        agenda=agenda_name,
        agenda_id=agenda_id,
        network=network,
        participants=participants,
        actions=carried_actions(old),
        parked=carried_topics(old),
        previous_session=str(path.expanduser().resolve()),
    )
    if kind == REVISION_KIND:
        session.rules = [deepcopy(rule) for rule in old.rules]
        session.contract = deepcopy(old.contract)
        session.plan = deepcopy(old.plan)
        session.revisions = [deepcopy(revision) for revision in old.revisions]
    return session


def load_previous(session: Session) -> Session:
    """The session this one was started from (`previous_session`); SessionError if gone."""
    if not session.previous_session:
        raise SessionError(_("Økten er ikke startet fra en tidligere økt (mangler --from)."))
    return load_session(Path(session.previous_session))
