"""Revising the nettverkskontrakt: what changed, and a new version with its date.

A revision meeting (`startpakke run --agenda revisjon --from FORRIGE.json`) edits a copy of
the earlier session's rules, contract and plan (see `startpakke.session.followup`). When
it is closed, `finish_revision_meeting` compares the copy with the earlier session and
records the revision in the new session: `contract.version` one higher than the earlier
one, `contract.revised_at` the date, and a `Revision(version, at, changes)` in the
history. The earlier session file is only read, never written.

Finalizing is idempotent: running it again (the meeting was resumed and closed once more)
replaces this revision's entry instead of counting a new version, because the version
always comes from the earlier session.

    describe_changes(old, new)  -> ["Ny regel: …", "Møtefrekvens: … → …", …]
    apply_reviews(new)          -> a copy with the rule decisions applied (`rule_reviews`)
    finalize_revision(new, old, when) -> a copy of `new` with the revision recorded

The meeting walks through each agreed rule and decides (`Session.rule_reviews`): keep,
adjust (a new wording) or drop, with the agreement level and why. The rules keep their old
wording during the meeting; finalizing applies the decisions, and the history says
«Regel endret: A → B (kan leve med; hvorfor: …)», «Regel tatt ut: …», «Ny regel: …».
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from copy import deepcopy
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from startpakke import i18n
from startpakke.i18n import N_, _
from startpakke.labels import label
from startpakke.session.model import (
    AgreementLevel,
    MeetingSlot,
    Objection,
    ReviewDecision,
    Revision,
    Rule,
    RuleReview,
    Session,
)

if TYPE_CHECKING:
    from startpakke.agenda.model import Agenda
    from startpakke.session.store import SessionStore

__all__ = [
    "NO_CHANGES",
    "apply_reviews",
    "describe_changes",
    "finalize_revision",
    "finish_revision_meeting",
    "is_revision_meeting",
    "rules_under_review",
]

# Catalogue message ids, translated where a line is made.
NO_CHANGES = N_("Kontrakten ble gjennomgått uten endringer.")
UNSET = N_("(ikke satt)")


T = TypeVar("T")


def _plain(text: str) -> str:
    """One line, whitespace collapsed: how a rule or a value reads in the history."""
    return " ".join(text.split())


def _choice(value: StrEnum) -> str:
    return label(value) if value else _(UNSET)


def _value(text: str) -> str:
    return _plain(text) or _(UNSET)


def _day(value: date | None) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else _(UNSET)


def _change(label: str, before: str, after: str) -> list[str]:
    return [] if before == after else [f"{_(label)}: {before} → {after}"]


# -- rules ----------------------------------------------------------------------------------


def _match(
    old: Sequence[T], new: Sequence[T], key: Callable[[T], str], fallback: Callable[[T], str]
) -> dict[int, int]:
    """Pair new items with old ones: by id first, then by an equal fallback key."""
    pairs: dict[int, int] = {}
    by_id = {key(item): index for index, item in enumerate(old)}
    for new_index, item in enumerate(new):
        old_index = by_id.get(key(item))
        if old_index is not None and old_index not in pairs.values():
            pairs[new_index] = old_index
    taken = set(pairs.values())
    for new_index, item in enumerate(new):
        if new_index in pairs:
            continue
        for old_index, candidate in enumerate(old):
            if old_index not in taken and fallback(candidate) == fallback(item):
                pairs[new_index] = old_index
                taken.add(old_index)
                break
    return pairs


def _review_note(review: RuleReview | None) -> str:
    """« (kan leve med; hvorfor: …)»: the level and the why of a decision, when given."""
    if review is None:
        return ""
    parts = [label(review.level)] if review.level is not None else []
    if _plain(review.why):
        parts.append(_("hvorfor: {why}").format(why=_plain(review.why)))
    return f" ({'; '.join(parts)})" if parts else ""


def _rule_changes(
    old: list[Rule], new: list[Rule], reviews: dict[str, RuleReview] | None = None
) -> list[str]:
    decided = reviews or {}
    pairs = _match(old, new, lambda r: r.id, lambda r: _plain(r.text).casefold())
    lines: list[str] = []
    for new_index, rule in enumerate(new):
        text = _plain(rule.text)
        if new_index not in pairs:
            if not rule.agreed:
                lines.append(_("Ny regel (ikke vedtatt): {rule}").format(rule=text))
            elif rule.agreement is AgreementLevel.accept:
                lines.append(_("Ny regel: {rule} (kan leve med)").format(rule=text))
            else:
                lines.append(_("Ny regel: {rule}").format(rule=text))
            continue
        before = old[pairs[new_index]]
        review = decided.get(before.id)
        note = _review_note(review)
        if _plain(before.text) != text:
            lines.append(
                _("Regel endret: {before} → {after}").format(before=_plain(before.text), after=text)
                + note
            )
            note = ""  # said once, on the first line about the rule
        if rule.agreed and not before.agreed:
            lines.append(_("Regel vedtatt: {rule}").format(rule=text) + note)
        elif before.agreed and not rule.agreed:
            lines.append(_("Regel ikke lenger vedtatt: {rule}").format(rule=text) + note)
        elif review is not None and note:
            if review.decision is ReviewDecision.drop:
                # An objection to dropping it: the rule stays.
                lines.append(_("Regel ikke tatt ut: {rule}").format(rule=text) + note)
            elif review.level != before.agreement or _plain(review.why):
                lines.append(_("Regel beholdt: {rule}").format(rule=text) + note)
    kept = set(pairs.values())
    for index, rule in enumerate(old):
        if index in kept:
            continue
        review = decided.get(rule.id)
        if review is not None and review.decision is ReviewDecision.drop:
            lines.append(
                _("Regel tatt ut: {rule}").format(rule=_plain(rule.text)) + _review_note(review)
            )
        else:
            lines.append(_("Regel fjernet: {rule}").format(rule=_plain(rule.text)))
    # The contract numbers the agreed rules: a new order is a change too.
    order_before = sorted((old_i for new_i, old_i in pairs.items() if new[new_i].agreed))
    order_after = [pairs[i] for i, rule in enumerate(new) if i in pairs and rule.agreed]
    if order_after != order_before:
        lines.append(_("Spillereglene har fått ny rekkefølge."))
    return lines


def apply_reviews(session: Session) -> Session:
    """A copy of `session` with the meeting's rule decisions applied to its rules.

    Kept: the level, when one was given. Adjusted: the new wording, and the level when
    given. Dropped: the rule leaves — unless someone objects to dropping it, when it stays
    as it was. An objection to keeping or to a new wording means the rule is not vedtatt in
    the new version (the why is the objection's reason). Applying twice changes nothing:
    a dropped rule is gone, an adjusted one already has its new wording.
    """
    result = deepcopy(session)
    for review in result.rule_reviews:
        rule = next((r for r in result.rules if r.id == review.rule_id), None)
        if rule is None:
            continue
        if review.decision is ReviewDecision.drop:
            if review.level is not AgreementLevel.objection:
                result.rules.remove(rule)
            continue
        if review.decision is ReviewDecision.adjust and _plain(review.new_text):
            rule.text = review.new_text.strip()
        if review.level is AgreementLevel.objection:
            rule.set_agreement(review.level)
            rule.objections = [Objection(reason=review.why.strip())]
        elif review.level is not None:
            rule.set_agreement(review.level)
    return result


# -- the plan and the contract --------------------------------------------------------------


def _slot_text(slot: MeetingSlot) -> str:
    text = _("{date} kl. {start}–{end}").format(
        date=_day(slot.date), start=slot.start, end=slot.end
    )
    return text + (f", {_plain(slot.place)}" if _plain(slot.place) else "")


def _meeting_changes(old: Session, new: Session) -> list[str]:
    before = sorted(old.plan.meetings, key=lambda s: (s.date, s.start))
    after = sorted(new.plan.meetings, key=lambda s: (s.date, s.start))
    pairs = _match(before, after, lambda s: s.id, lambda s: s.date.isoformat())
    lines: list[str] = []
    for new_index, slot in enumerate(after):
        if new_index not in pairs:
            lines.append(_("Ny møtedato: {slot}").format(slot=_slot_text(slot)))
            continue
        earlier = before[pairs[new_index]]
        if earlier.date != slot.date:
            lines.append(
                _("Møtedato flyttet: {before} → {after}").format(
                    before=_day(earlier.date), after=_day(slot.date)
                )
            )
        elif _slot_text(earlier) != _slot_text(slot):
            lines.append(
                _("Møtet {date} endret: {before} → {after}").format(
                    date=_day(slot.date), before=_slot_text(earlier), after=_slot_text(slot)
                )
            )
        who = (old.name_of(earlier.leader), old.name_of(earlier.secretary))
        if who != (new.name_of(slot.leader), new.name_of(slot.secretary)):
            lines.append(
                _("Møtet {date}: ny møteleder eller sekretær").format(date=_day(slot.date))
            )
    kept = set(pairs.values())
    lines.extend(
        _("Møtedato fjernet: {slot}").format(slot=_slot_text(slot))
        for index, slot in enumerate(before)
        if index not in kept
    )
    return lines


def _plan_changes(old: Session, new: Session) -> list[str]:
    a, b = old.plan, new.plan
    lines: list[str] = []
    leaders = _value(old.name_of(a.leader)), _value(new.name_of(b.leader))
    secretaries = _value(old.name_of(a.secretary)), _value(new.name_of(b.secretary))
    lines += _change(N_("Leder"), *leaders)
    lines += _change(N_("Sekretær"), *secretaries)
    lines += _change(N_("Leder og sekretær"), _choice(a.term), _choice(b.term))
    lines += _change(N_("Møtefrekvens"), _value(a.frequency), _value(b.frequency))
    lines += _change(N_("Møteform"), _choice(a.format), _choice(b.format))
    lines += _change(N_("Plattform"), _value(a.platform), _value(b.platform))
    lines += _meeting_changes(old, new)
    themes_before = [_plain(t) for t in a.themes if _plain(t)]
    themes_after = [_plain(t) for t in b.themes if _plain(t)]
    lines += [
        _("Nytt tema: {theme}").format(theme=t) for t in themes_after if t not in themes_before
    ]
    lines += [
        _("Tema fjernet: {theme}").format(theme=t) for t in themes_before if t not in themes_after
    ]
    if a.everyone_brings_case != b.everyone_brings_case:
        yes_no = {True: _("ja"), False: _("nei")}
        lines.append(
            _("Alle tar med en sak til kollegaveiledning: {before} → {after}").format(
                before=yes_no[a.everyone_brings_case], after=yes_no[b.everyone_brings_case]
            )
        )
    if _plain(a.notes) != _plain(b.notes):
        lines.append(_("Annet om planen er endret."))
    return lines


def _contract_changes(old: Session, new: Session) -> list[str]:
    a, b = old.contract, new.contract
    lines: list[str] = []
    if _plain(a.purpose) != _plain(b.purpose):
        lines.append(_("Nettverkets formål er endret."))
    if _plain(a.text) != _plain(b.text):
        lines.append(_("Kontraktens tekst er endret."))
    if _plain(a.evaluation) != _plain(b.evaluation):
        lines.append(_("Teksten om evaluering og revisjon er endret."))
    lines += _change(N_("Neste evaluering"), _day(a.review_date), _day(b.review_date))
    return lines


def describe_changes(old: Session, new: Session) -> list[str]:
    """What changed in the contract from `old` to `new`, one Norwegian line per change.

    Rules first (new, changed, agreed or no longer agreed, removed, reordered), then the
    contract's own text, then the plan. The version, revision date and history are not
    compared: they are what a revision writes, not what the group changed.
    """
    return (
        _rule_changes(list(old.rules), list(new.rules), {r.rule_id: r for r in new.rule_reviews})
        + _contract_changes(old, new)
        + _plan_changes(old, new)
    )


def finalize_revision(new: Session, old: Session, when: datetime) -> Session:
    """A copy of `new` with the revision recorded: version, revision date and history.

    The version is one higher than `old`'s; an entry for that version already in the
    history (an earlier finalize of the same meeting) is replaced, never counted twice.
    Neither argument is changed.
    """
    version = old.contract.version + 1
    result = apply_reviews(new)
    result.contract.version = version
    result.contract.revised_at = when.date()
    # The history is part of the contract: written in the network's målform.
    with i18n.using(result.network.language):
        changes = describe_changes(old, result) or [_(NO_CHANGES)]
    history = [deepcopy(r) for r in result.revisions if r.version < version]
    history.append(Revision(version=version, at=when, changes=changes))
    result.revisions = history
    return result


# -- the rules the meeting walks through ----------------------------------------------------


@lru_cache(maxsize=8)
def _contract_rule_ids(path: str, _mtime: float) -> frozenset[str] | None:
    from startpakke.session.store import SessionError, load_session

    try:
        return frozenset(r.id for r in load_session(Path(path)).agreed_rules)
    except (SessionError, OSError):
        return None


def rules_under_review(session: Session) -> list[Rule]:
    """The agreed rules of the contract being revised, in their order in `session.rules`.

    Those agreed in the version the meeting started from (`previous_session`, read once
    while unchanged); without it, the session's agreed rules. A rule added in this meeting
    is a new rule, not reviewed; a rule already decided on always stays in the list.
    """
    ids: frozenset[str] | None = None
    if session.previous_session:
        try:
            mtime = Path(session.previous_session).stat().st_mtime
        except OSError:
            mtime = -1.0
        ids = _contract_rule_ids(session.previous_session, mtime)
    decided = {r.rule_id for r in session.rule_reviews}
    if ids is None:
        return [r for r in session.rules if r.agreed or r.id in decided]
    return [r for r in session.rules if r.id in ids or r.id in decided]


# -- when a revision meeting is closed -----------------------------------------------------


def is_revision_meeting(session: Session, agenda: Agenda) -> bool:
    """A meeting that revises the contract of the session it was started from."""
    from startpakke.session.followup import REVISION_KIND

    return agenda.kind == REVISION_KIND and bool(session.previous_session)


def finish_revision_meeting(
    store: SessionStore, agenda: Agenda, when: datetime | None = None
) -> str | None:
    """Record the revision in the store's session and save it; a line for the user.

    Called when the app is closed (`startpakke run`). Returns None for a meeting that is not
    a revision; a warning (nothing changed) when the earlier session cannot be read.
    """
    from startpakke.session.followup import load_previous
    from startpakke.session.store import SessionError

    if not is_revision_meeting(store.session, agenda):
        return None
    try:
        old = load_previous(store.session)
    except SessionError as err:
        return _("Kontrakten fikk ikke nytt versjonsnummer: {reason}").format(reason=err)
    moment = when or datetime.now().astimezone()
    store.session = finalize_revision(store.session, old, moment)
    store.save()
    contract = store.session.contract
    return _(
        "Nettverkskontrakten er nå versjon {version}, revidert {date}. "
        "Lag den med: startpakke export {path}"
    ).format(version=contract.version, date=_day(contract.revised_at), path=store.path)
