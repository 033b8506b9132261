"""Edit operations on a session: what the capture screens call, in plain Python.

Every function takes the session first, changes it, and returns what the UI needs next
(the new item, its new position, or an `Undo` for a deletion). A refused edit — empty
text, a fourth «viktigste lapp», an unknown id, a bad date — raises `EditError`, whose
text is a Norwegian message for the facilitator. Nothing here saves: the app wraps each
call in `SessionStore.apply`, which autosaves.

User text is stored as typed: surrounding whitespace is stripped and nothing else is
changed (control characters stay; the documents clean them when they write).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from startpakke.errors import UserError
from startpakke.i18n import _
from startpakke.labels import label
from startpakke.modeling import Invalid, field_names, validate
from startpakke.session.model import (
    Action,
    AgreementLevel,
    Competence,
    CompetenceCategory,
    Contract,
    MeetingSlot,
    Network,
    Note,
    Objection,
    Participant,
    Plan,
    ReviewDecision,
    Role,
    Rule,
    RuleReview,
    Session,
)

TOP_LIMIT = 3
"""«Del de tre viktigste lappene først»: at most three top competences per person."""

M = TypeVar("M")
Item = TypeVar("Item")


class EditError(UserError):
    """An edit that was refused; `str(err)` is the message to show the facilitator."""


# -- undo ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Undo:
    """What a deletion removed, and how to put it back where it was."""

    description: str
    """What was deleted, in Norwegian («Slettet regelen «Mobilfri»»)."""
    restore: Callable[[], None] = field(repr=False)

    def __call__(self) -> None:
        self.restore()


class UndoStack:
    """The facilitator's «angre»: the latest deletions, newest last."""

    def __init__(self, limit: int = 50) -> None:
        self.limit = limit
        self._items: list[Undo] = []

    def push(self, undo: Undo) -> Undo:
        self._items.append(undo)
        del self._items[: -self.limit]
        return undo

    def undo(self) -> str | None:
        """Restore the latest deletion; its description, or None when there is nothing."""
        if not self._items:
            return None
        undo = self._items.pop()
        undo()
        return undo.description

    @property
    def can_undo(self) -> bool:
        return bool(self._items)

    def peek(self) -> Undo | None:
        return self._items[-1] if self._items else None

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


# -- helpers ------------------------------------------------------------------------------


def _short(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _text(value: str, missing: str) -> str:
    """User text as typed, without surrounding whitespace; refused with the whole message
    `missing` («Navnet mangler.») when there is none."""
    if not isinstance(value, str) or not value.strip():
        raise EditError(missing)
    return value.strip()


def _clean_value(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list | tuple):
        items = [v.strip() if isinstance(v, str) else v for v in value]
        return [v for v in items if v != ""]
    return value


EDITED_MODELS = (Participant, Action, Network, Contract, Plan, MeetingSlot)
"""The models an edit validates (`_update`, `add_action`, `add_meeting`)."""


def warm_validation() -> None:
    """Build the validators edits use, so the first edit in a meeting does not stall a key
    press. The app runs this in a worker thread after its first frame."""
    from startpakke.modeling import warm

    warm(*EDITED_MODELS)


def _problem(err: Invalid) -> EditError:
    from startpakke.session.store import describe_validation_error

    return EditError(
        _("Ugyldig verdi: {problems}").format(problems="; ".join(describe_validation_error(err)))
    )


def _update(model: M, fields: dict[str, Any], what: str) -> M:
    """Set several fields at once, all or nothing, validated by the model."""
    names = field_names(type(model))
    unknown = sorted(set(fields) - set(names))
    if unknown:
        raise EditError(
            _("{what} har ikke feltet {fields}.").format(what=what, fields=", ".join(unknown))
        )
    values = {name: _clean_value(value) for name, value in fields.items()}
    try:
        current = {name: getattr(model, name) for name in names}
        checked = validate(type(model), {**current, **values})
    except Invalid as err:
        raise _problem(err) from None
    for name in values:
        setattr(model, name, getattr(checked, name))
    return model


def _index(items: Sequence[Item], item_id: str, what: str) -> int:
    for index, item in enumerate(items):
        if getattr(item, "id", None) == item_id:
            return index
    raise EditError(_("Fant ikke {what}.").format(what=what))


def _find(items: Sequence[Item], item_id: str, what: str) -> Item:
    return items[_index(items, item_id, what)]


def _move(items: list[Item], item_id: str, delta: int, what: str) -> int:
    index = _index(items, item_id, what)
    target = max(0, min(len(items) - 1, index + delta))
    if target != index:
        items.insert(target, items.pop(index))
    return target


def _restore_into(items: list[Item], index: int, item: Item) -> None:
    if any(getattr(other, "id", None) == getattr(item, "id", None) for other in items):
        return  # already back (undone twice)
    items.insert(min(index, len(items)), item)


def _delete(items: list[Item], item_id: str, what: str, description: str) -> Undo:
    index = _index(items, item_id, what)
    item = items.pop(index)
    return Undo(description, lambda: _restore_into(items, index, item))


def _category(value: CompetenceCategory | str) -> CompetenceCategory:
    try:
        return CompetenceCategory(value)
    except ValueError:
        choices = ", ".join(c.value for c in CompetenceCategory)
        raise EditError(
            _("Ukjent kategori «{value}» (velg {choices}).").format(value=value, choices=choices)
        ) from None


# -- participants -------------------------------------------------------------------------


def split_names(names: str) -> list[str]:
    """«Anne,Bjørn, Cecilie» → ["Anne", "Bjørn", "Cecilie"] (commas, semicolons, lines)."""
    parts = names.replace(";", ",").replace("\r", "\n").replace("\n", ",").split(",")
    return [part.strip() for part in parts if part.strip()]


def participants_from_names(names: str) -> list[Participant]:
    """New participants (members, present) from a comma-separated list of names."""
    return [Participant(name=name) for name in split_names(names)]


def add_participant(
    session: Session,
    name: str,
    service: str = "",
    role: Role | str = Role.member,
    contact: str = "",
    *,
    present: bool = True,
) -> Participant:
    """Add a participant at the end of the round order."""
    try:
        kind = Role(role)
    except ValueError:
        raise EditError(
            _("Ukjent rolle «{role}»: velg medlem eller vara.").format(role=role)
        ) from None
    person = Participant(
        name=_text(name, _("Navnet mangler.")),
        service=service.strip(),
        role=kind,
        contact=contact.strip(),
        present=present,
    )
    session.participants.append(person)
    return person


def add_participants(session: Session, names: str) -> list[Participant]:
    """Add everyone in «Anne, Bjørn, Cecilie»; returns the new participants."""
    people = participants_from_names(names)
    session.participants.extend(people)
    return people


def participant(session: Session, participant_id: str) -> Participant:
    """The participant with this id (EditError if there is none)."""
    return _find(session.participants, participant_id, _("deltakeren"))


def edit_participant(session: Session, participant_id: str, **fields: Any) -> Participant:
    """Change name, service, role, contact, present, brings_case or case_title."""
    if "name" in fields:
        fields["name"] = _text(fields["name"], _("Navnet mangler."))
    if "id" in fields:
        raise EditError(_("En deltakers id kan ikke endres."))
    return _update(participant(session, participant_id), fields, _("En deltaker"))


def rename_participant(session: Session, participant_id: str, name: str) -> Participant:
    return edit_participant(session, participant_id, name=name)


def set_present(session: Session, participant_id: str, present: bool) -> Participant:
    return _update(participant(session, participant_id), {"present": present}, _("En deltaker"))


def toggle_present(session: Session, participant_id: str) -> Participant:
    person = participant(session, participant_id)
    return set_present(session, participant_id, not person.present)


def move_participant(session: Session, participant_id: str, delta: int) -> int:
    """Move a participant in the round order; returns the new position."""
    return _move(session.participants, participant_id, delta, _("deltakeren"))


def remove_participant(session: Session, participant_id: str) -> Undo:
    """Remove a participant, their post-its, and every reference to them; undoable.

    Rules they proposed stay (without a proposer); an action they were responsible for
    keeps their name as free text; their competences and focus rounds go with them.
    """
    index = _index(session.participants, participant_id, _("deltakeren"))
    person = session.participants.pop(index)
    pid = person.id
    competences = [(i, c) for i, c in enumerate(session.competences) if c.participant == pid]
    focus = [(i, f) for i, f in enumerate(session.focus_rounds) if f.participant == pid]
    session.competences[:] = [c for c in session.competences if c.participant != pid]
    session.focus_rounds[:] = [f for f in session.focus_rounds if f.participant != pid]

    cleared: list[tuple[Any, str, Any]] = []  # (model, field, old value)

    def clear(model: Any, name: str, value: Any) -> None:
        cleared.append((model, name, getattr(model, name)))
        setattr(model, name, value)

    for holder, name in (
        (session, "facilitator"),
        (session, "timekeeper"),
        (session.network, "leader"),
        (session.network, "secretary"),
        (session.plan, "leader"),
        (session.plan, "secretary"),
    ):
        if getattr(holder, name) == pid:
            clear(holder, name, None)
    for meeting in session.plan.meetings:
        for name in ("leader", "secretary"):
            if getattr(meeting, name) == pid:
                clear(meeting, name, None)
    for rule in session.rules:
        if rule.proposed_by == pid:
            clear(rule, "proposed_by", None)
    for note in session.notes:
        if note.about == pid:
            clear(note, "about", None)
    for action in session.actions:
        if action.who == pid:
            clear(action, "who", person.name)

    def restore() -> None:
        if any(p.id == pid for p in session.participants):
            return
        _restore_into(session.participants, index, person)
        for position, competence in competences:
            _restore_into(session.competences, position, competence)
        for position, round_ in focus:
            session.focus_rounds.insert(min(position, len(session.focus_rounds)), round_)
        for model, name, old in reversed(cleared):
            setattr(model, name, old)

    return Undo(_("Fjernet {name} fra deltakerlisten").format(name=person.name), restore)


def set_facilitator(session: Session, participant_id: str | None) -> Participant | None:
    """Choose the facilitator (steg 1), or None to clear."""
    person = None if participant_id is None else participant(session, participant_id)
    session.facilitator = person.id if person else None
    return person


def set_timekeeper(session: Session, participant_id: str | None) -> Participant | None:
    person = None if participant_id is None else participant(session, participant_id)
    session.timekeeper = person.id if person else None
    return person


# -- rules --------------------------------------------------------------------------------


def add_rule(
    session: Session, text: str, proposed_by: str | None = None, *, agreed: bool = False
) -> Rule:
    """Add a proposed rule at the end; `proposed_by` is a participant id (or None)."""
    rule = Rule(
        text=_text(text, _("Teksten til regelen mangler.")), proposed_by=proposed_by, agreed=agreed
    )
    session.rules.append(rule)
    return rule


def rule(session: Session, rule_id: str) -> Rule:
    return _find(session.rules, rule_id, _("regelen"))


def edit_rule(session: Session, rule_id: str, text: str) -> Rule:
    return _update(
        rule(session, rule_id),
        {"text": _text(text, _("Teksten til regelen mangler."))},
        _("Regelen"),
    )


def set_rule_proposer(session: Session, rule_id: str, proposed_by: str | None) -> Rule:
    return _update(rule(session, rule_id), {"proposed_by": proposed_by}, _("Regelen"))


def set_rule_agreed(session: Session, rule_id: str, agreed: bool = True) -> Rule:
    """Enig, or back to only proposed."""
    return set_rule_agreement(session, rule_id, AgreementLevel.agree if agreed else None)


def toggle_rule_agreed(session: Session, rule_id: str) -> Rule:
    found = rule(session, rule_id)
    return set_rule_agreed(session, rule_id, not found.agreed)


def set_rule_agreement(
    session: Session,
    rule_id: str,
    level: AgreementLevel | str | None,
    *,
    by: str | None = None,
    reason: str = "",
) -> Rule:
    """Set how far the group agrees on a rule. An objection says who and why (the reason
    is required); setting another level drops the rule's objections."""
    found = rule(session, rule_id)
    try:
        chosen = None if level is None else AgreementLevel(level)
    except ValueError:
        raise EditError(
            _("Ukjent nivå «{level}» (agree, accept eller objection).").format(level=level)
        ) from None
    if chosen is AgreementLevel.objection:
        objection = Objection(by=by or None, reason=_text(reason, _("Begrunnelsen mangler.")))
        objections = [*found.objections, objection]
        found.set_agreement(chosen)
        found.objections = objections
    else:
        found.set_agreement(chosen)
    return found


NEXT_LEVEL: dict[AgreementLevel | None, AgreementLevel | None] = {
    None: AgreementLevel.agree,
    AgreementLevel.agree: AgreementLevel.accept,
    AgreementLevel.accept: AgreementLevel.objection,
    AgreementLevel.objection: None,
}
"""The order the facilitator cycles through the levels with one key."""


def move_rule(session: Session, rule_id: str, delta: int) -> int:
    """Move a rule up (negative) or down; returns its new position."""
    return _move(session.rules, rule_id, delta, _("regelen"))


def delete_rule(session: Session, rule_id: str) -> Undo:
    found = rule(session, rule_id)
    return _delete(
        session.rules,
        rule_id,
        _("regelen"),
        _("Slettet regelen «{text}»").format(text=_short(found.text)),
    )


# -- the revision meeting's review of the rules ---------------------------------------------


def review_of(session: Session, rule_id: str) -> RuleReview | None:
    """The decision taken on a rule in this revision meeting (None: not yet reviewed)."""
    rule(session, rule_id)  # an unknown rule is an error, not «not reviewed»
    return next((r for r in session.rule_reviews if r.rule_id == rule_id), None)


def set_rule_review(
    session: Session,
    rule_id: str,
    decision: ReviewDecision | str | None,
    *,
    new_text: str | None = None,
    level: AgreementLevel | str | None = None,
    why: str | None = None,
) -> RuleReview | None:
    """Decide on a rule: keep, adjust (with the new wording) or drop; None takes the
    decision back. `new_text`, `level` and `why` left as None keep what was there.

    Adjusting needs a wording different from the rule's; an objection needs a why.
    """
    found = rule(session, rule_id)
    current = review_of(session, rule_id)
    if decision is None:
        session.rule_reviews = [r for r in session.rule_reviews if r.rule_id != rule_id]
        return None
    try:
        chosen = ReviewDecision(decision)
    except ValueError:
        raise EditError(
            _("Ukjent beslutning «{decision}» (keep, adjust eller drop).").format(decision=decision)
        ) from None
    try:
        chosen_level = (
            (current.level if current else None) if level is None else AgreementLevel(level)
        )
    except ValueError:
        raise EditError(
            _("Ukjent nivå «{level}» (agree, accept eller objection).").format(level=level)
        ) from None
    text = (current.new_text if current else "") if new_text is None else new_text.strip()
    reason = (current.why if current else "") if why is None else why.strip()
    if chosen is ReviewDecision.adjust and new_text is not None:
        if not text:
            raise EditError(_("Den nye formuleringen mangler."))
        if " ".join(text.split()) == " ".join(found.text.split()):
            raise EditError(
                _("Den nye formuleringen er lik den gamle – velg «{keep}».").format(
                    keep=label(ReviewDecision.keep)
                )
            )
    if chosen_level is AgreementLevel.objection and not reason:
        raise EditError(_("Skriv hvorfor noen har innsigelse (g)."))
    review = RuleReview(
        rule_id=rule_id, decision=chosen, new_text=text, level=chosen_level, why=reason
    )
    if current is None:
        session.rule_reviews.append(review)
    else:
        session.rule_reviews[session.rule_reviews.index(current)] = review
    return review


def set_review_level(
    session: Session, rule_id: str, level: AgreementLevel | str | None
) -> RuleReview:
    """How far the group agrees on the decision (a rule not yet reviewed is kept)."""
    current = review_of(session, rule_id)
    decision = current.decision if current else ReviewDecision.keep
    if level is None:
        review = set_rule_review(session, rule_id, decision)
        assert review is not None
        review.level = None
        return review
    review = set_rule_review(session, rule_id, decision, level=level)
    assert review is not None
    return review


def set_review_why(session: Session, rule_id: str, why: str) -> RuleReview:
    """Why the group decided so (a rule not yet reviewed is kept)."""
    current = review_of(session, rule_id)
    decision = current.decision if current else ReviewDecision.keep
    review = set_rule_review(session, rule_id, decision, why=why)
    assert review is not None
    return review


NEXT_DECISION: dict[ReviewDecision | None, ReviewDecision | None] = {
    None: ReviewDecision.keep,
    ReviewDecision.keep: ReviewDecision.adjust,
    ReviewDecision.adjust: ReviewDecision.drop,
    ReviewDecision.drop: None,
}
"""The order one key cycles through the decisions (None: not yet reviewed)."""


def cycle_rule_review(session: Session, rule_id: str) -> RuleReview | None:
    """Enter in the review list: beholdes → endres → tas ut → not reviewed."""
    current = review_of(session, rule_id)
    return set_rule_review(session, rule_id, NEXT_DECISION[current.decision if current else None])


# -- competences --------------------------------------------------------------------------


def competences_of(
    session: Session, participant_id: str, category: CompetenceCategory | str | None = None
) -> list[Competence]:
    wanted = None if category is None else _category(category)
    return [
        c
        for c in session.competences
        if c.participant == participant_id and (wanted is None or c.category is wanted)
    ]


def tops_of(session: Session, participant_id: str) -> list[Competence]:
    """A participant's «viktigste lapper», across the three categories."""
    return [c for c in session.competences if c.participant == participant_id and c.top]


def _check_top_room(session: Session, participant_id: str) -> None:
    if len(tops_of(session, participant_id)) >= TOP_LIMIT:
        name = session.name_of(participant_id, _("Deltakeren"))
        raise EditError(
            _(
                "{name} har allerede tre viktigste lapper. "
                "Fjern markeringen fra en av dem før du velger en ny."
            ).format(name=name)
        )


def add_competence(
    session: Session,
    participant_id: str,
    category: CompetenceCategory | str,
    text: str,
    *,
    top: bool = False,
) -> Competence:
    """Add a post-it for a participant in one of the three categories."""
    kind = _category(category)
    body = _text(text, _("Teksten på lappen mangler."))
    if top:
        _check_top_room(session, participant_id)
    item = Competence(participant=participant_id, category=kind, text=body, top=top)
    session.competences.append(item)
    return item


def competence(session: Session, competence_id: str) -> Competence:
    return _find(session.competences, competence_id, _("lappen"))


def edit_competence(
    session: Session,
    competence_id: str,
    *,
    text: str | None = None,
    category: CompetenceCategory | str | None = None,
) -> Competence:
    fields: dict[str, Any] = {}
    if text is not None:
        fields["text"] = _text(text, _("Teksten på lappen mangler."))
    if category is not None:
        fields["category"] = _category(category)
    return _update(competence(session, competence_id), fields, _("Lappen"))


def set_competence_top(session: Session, competence_id: str, top: bool) -> Competence:
    """Mark or unmark one of the person's three most important post-its."""
    found = competence(session, competence_id)
    if top and not found.top:
        _check_top_room(session, found.participant)
    return _update(found, {"top": top}, _("Lappen"))


def toggle_competence_top(session: Session, competence_id: str) -> Competence:
    found = competence(session, competence_id)
    return set_competence_top(session, competence_id, not found.top)


def set_competence_chosen(session: Session, competence_id: str, chosen: bool) -> Competence:
    """Mark a competence the network has chosen to use."""
    return _update(competence(session, competence_id), {"chosen": chosen}, _("Lappen"))


def toggle_competence_chosen(session: Session, competence_id: str) -> Competence:
    found = competence(session, competence_id)
    return set_competence_chosen(session, competence_id, not found.chosen)


def move_competence(session: Session, competence_id: str, delta: int) -> int:
    return _move(session.competences, competence_id, delta, _("lappen"))


def delete_competence(session: Session, competence_id: str) -> Undo:
    found = competence(session, competence_id)
    return _delete(
        session.competences,
        competence_id,
        _("lappen"),
        _("Slettet lappen «{text}»").format(text=_short(found.text)),
    )


# -- actions ------------------------------------------------------------------------------


def add_action(session: Session, what: str, who: str = "", due: date | None = None) -> Action:
    """Add an action item: what, who (a name or participant id), by when."""
    try:
        item = validate(
            Action,
            {
                "what": _text(what, _("Oppfølgingspunktet mangler tekst.")),
                "who": who.strip(),
                "due": due,
            },
        )
    except Invalid as err:
        raise _problem(err) from None
    session.actions.append(item)
    return item


def action(session: Session, action_id: str) -> Action:
    return _find(session.actions, action_id, _("oppfølgingspunktet"))


def edit_action(session: Session, action_id: str, **fields: Any) -> Action:
    """Change `what`, `who`, `due` (a date or None) or `done`."""
    if "what" in fields:
        fields["what"] = _text(fields["what"], _("Oppfølgingspunktet mangler tekst."))
    if "id" in fields:
        raise EditError(_("Et oppfølgingspunkts id kan ikke endres."))
    return _update(action(session, action_id), fields, _("Et oppfølgingspunkt"))


def set_action_done(session: Session, action_id: str, done: bool = True) -> Action:
    return _update(action(session, action_id), {"done": done}, _("Et oppfølgingspunkt"))


def toggle_action_done(session: Session, action_id: str) -> Action:
    found = action(session, action_id)
    return set_action_done(session, action_id, not found.done)


def move_action(session: Session, action_id: str, delta: int) -> int:
    return _move(session.actions, action_id, delta, _("oppfølgingspunktet"))


def delete_action(session: Session, action_id: str) -> Undo:
    found = action(session, action_id)
    return _delete(
        session.actions,
        action_id,
        _("oppfølgingspunktet"),
        _("Slettet oppfølgingspunktet «{text}»").format(text=_short(found.what)),
    )


# -- notes --------------------------------------------------------------------------------


def add_note(
    session: Session,
    part: str,
    text: str,
    *,
    about: str | None = None,
    private: bool = False,
) -> Note:
    """Add a free note to the part (`part` is the agenda part's id, "" for general)."""
    item = Note(part=part, text=_text(text, _("Notatet er tomt.")), about=about, private=private)
    session.notes.append(item)
    return item


def notes_for(session: Session, part: str) -> list[Note]:
    return [n for n in session.notes if n.part == part]


def note(session: Session, note_id: str) -> Note:
    return _find(session.notes, note_id, _("notatet"))


def edit_note(session: Session, note_id: str, text: str) -> Note:
    return _update(
        note(session, note_id), {"text": _text(text, _("Notatet er tomt."))}, _("Notatet")
    )


def delete_note(session: Session, note_id: str) -> Undo:
    found = note(session, note_id)
    return _delete(
        session.notes,
        note_id,
        _("notatet"),
        _("Slettet notatet «{text}»").format(text=_short(found.text)),
    )


# -- network, contract, plan ---------------------------------------------------------------


def set_network(session: Session, **fields: Any) -> Network:
    """Set `name`, `services` (a list, or «Larvik, Sandefjord»), `meeting_date`, `place`."""
    if isinstance(fields.get("services"), str):
        fields["services"] = split_names(fields["services"])
    return _update(session.network, fields, _("Nettverket"))


def set_contract(session: Session, **fields: Any) -> Contract:
    """Set the contract's `purpose`, `text`, `evaluation`, `review_date` (steg 5)."""
    return _update(session.contract, fields, _("Kontrakten"))


def set_plan(session: Session, **fields: Any) -> Plan:
    """Set any of the step 7 plan's fields: `leader`, `secretary`, `term` (year/rotating),
    `frequency`, `format` (digital/physical/both), `platform`, `everyone_brings_case`,
    `notes`, `themes` (a list)."""
    if "meetings" in fields:
        raise EditError(_("Møtedatoer endres med add_meeting/edit_meeting/delete_meeting."))
    return _update(session.plan, fields, _("Planen"))


def add_meeting(session: Session, when: date | str, **fields: Any) -> MeetingSlot:
    """Add a planned meeting (kept in date order): start, end, place, leader, secretary."""
    try:
        slot = validate(MeetingSlot, {"date": when, **_clean_fields(fields)})
    except Invalid as err:
        raise _problem(err) from None
    meetings = session.plan.meetings
    position = next((i for i, m in enumerate(meetings) if m.date > slot.date), len(meetings))
    meetings.insert(position, slot)
    return slot


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: _clean_value(value) for name, value in fields.items()}


def meeting(session: Session, meeting_id: str) -> MeetingSlot:
    return _find(session.plan.meetings, meeting_id, _("møtet"))


def edit_meeting(session: Session, meeting_id: str, **fields: Any) -> MeetingSlot:
    """Change a planned meeting's date, start, end, place, leader or secretary."""
    if "id" in fields:
        raise EditError(_("Et møtes id kan ikke endres."))
    slot = _update(meeting(session, meeting_id), fields, _("Et møte"))
    if "date" in fields:
        session.plan.meetings.sort(key=lambda m: m.date)
    return slot


def delete_meeting(session: Session, meeting_id: str) -> Undo:
    found = meeting(session, meeting_id)
    return _delete(
        session.plan.meetings,
        meeting_id,
        _("møtet"),
        _("Slettet møtet {date}").format(date=found.date.strftime("%d.%m.%Y")),
    )


def rotate_roles(session: Session, people: Sequence[str] | None = None) -> None:
    """Rotating leader/secretary: meeting n is led by person n, written by person n + 1.

    `people` is the rotation order (participant ids); by default the members in order.
    """
    order = list(people) if people is not None else [p.id for p in session.members]
    if not order:
        raise EditError(_("Legg til deltakere før lederrollen kan gå på omgang."))
    for number, slot in enumerate(session.plan.meetings):
        slot.leader = order[number % len(order)]
        slot.secretary = order[(number + 1) % len(order)] if len(order) > 1 else order[0]


def add_theme(session: Session, text: str) -> int:
    """Add a theme to the gross list; returns its position."""
    session.plan.themes.append(_text(text, _("Temaet er tomt.")))
    return len(session.plan.themes) - 1


def _theme_index(session: Session, index: int) -> int:
    if not 0 <= index < len(session.plan.themes):
        raise EditError(_("Fant ikke temaet."))
    return index


def edit_theme(session: Session, index: int, text: str) -> str:
    themes = session.plan.themes
    themes[_theme_index(session, index)] = _text(text, _("Temaet er tomt."))
    return themes[index]


def move_theme(session: Session, index: int, delta: int) -> int:
    themes = session.plan.themes
    _theme_index(session, index)
    target = max(0, min(len(themes) - 1, index + delta))
    themes.insert(target, themes.pop(index))
    return target


def delete_theme(session: Session, index: int) -> Undo:
    text = session.plan.themes.pop(_theme_index(session, index))

    def restore() -> None:
        themes = session.plan.themes
        themes.insert(min(index, len(themes)), text)

    return Undo(_("Slettet temaet «{text}»").format(text=_short(text)), restore)
