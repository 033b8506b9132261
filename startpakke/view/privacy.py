"""What the room may see: one decision for every session field and every agenda text.

Two screens reach the room. The projector views (`startpakke projector`, in a terminal or
a browser) show only a `RoomView`, and `tests/unit/test_projector_privacy.py` proves that
nothing decided private here reaches one. The facilitator's own run screen is seen by the
room when the laptop is mirrored to the projector: while its room view is on («Rommet ser
skjermen», `startpakke run --projektor` or a key), it hides what `may_project` says no to.
Both read these tables, so «may the room see this» is answered in one place.

A path names a field as the session file does: `participants[].contact` is the contact of
every participant. A new field of the session or of the agenda fails a test until it has
a decision here.
"""

from __future__ import annotations

SESSION_FIELDS: dict[str, bool] = {
    "schema_version": False,
    "parked[].id": False,
    "parked[].text": True,  # a topic the group put aside together
    "parked[].part": False,
    "parked[].from_session": False,
    "id": False,
    "created_at": False,
    "updated_at": False,
    "agenda": False,  # the agenda's title is shown, not its name or path
    "agenda_id": False,
    "network.name": True,
    "network.services": True,
    "network.meeting_date": True,
    "network.place": True,
    "network.id": False,
    "network.keep_until": False,  # the retention date is the secretary's business
    "network.language": False,  # the projector follows the program's language, not this
    "network.leader": True,  # this meeting's leader and secretary: roles, said aloud
    "network.secretary": True,
    "participants[].id": False,
    "participants[].name": True,
    "participants[].service": True,
    "participants[].role": True,
    "participants[].contact": False,  # contact details: never
    "participants[].present": True,
    "participants[].brings_case": True,
    "participants[].case_title": False,  # the case is the person's to tell
    "facilitator": True,
    "timekeeper": True,
    "rules[].id": False,
    "rules[].text": True,
    "rules[].proposed_by": True,
    "rules[].agreed": True,
    "rules[].agreement": True,  # «enig», «kan leve med», «innsigelse»: the group's own words
    "rules[].objections[].by": True,
    "rules[].objections[].reason": False,  # for the referat, not the wall
    "rule_reviews[].rule_id": False,
    "rule_reviews[].decision": True,  # kept, adjusted or dropped: decided in the room
    "rule_reviews[].new_text": True,
    "rule_reviews[].level": True,
    "rule_reviews[].why": False,  # may say who objects and why: for the history, not the wall
    "contract.purpose": True,
    "contract.text": True,
    "contract.evaluation": True,
    "contract.review_date": True,
    "contract.version": True,
    "contract.revised_at": True,
    "revisions[].version": True,
    "revisions[].at": True,
    "revisions[].changes": True,
    "competences[].id": False,
    "competences[].participant": True,
    "competences[].category": True,
    "competences[].text": True,
    "competences[].top": True,
    "competences[].chosen": True,
    "plan.leader": True,
    "plan.secretary": True,
    "plan.term": True,
    "plan.frequency": True,
    "plan.format": True,
    "plan.platform": True,
    "plan.meetings[].id": False,
    "plan.meetings[].date": True,
    "plan.meetings[].start": True,
    "plan.meetings[].end": True,
    "plan.meetings[].place": True,
    "plan.meetings[].leader": True,
    "plan.meetings[].secretary": True,
    "plan.themes": True,
    "plan.everyone_brings_case": True,
    "plan.notes": False,  # the facilitator's own words about the plan
    "actions[].id": False,
    "actions[].what": True,
    "actions[].who": True,
    "actions[].due": True,
    "actions[].done": True,
    "actions[].from_session": False,
    "notes[].id": False,  # notes are the facilitator's, private or not
    "notes[].part": False,
    "notes[].text": False,
    "notes[].private": False,
    "notes[].about": False,
    "focus_rounds[].participant": True,
    "focus_rounds[].chosen": True,
    "focus_rounds[].case_title": False,
    "focus_rounds[].takeaway": False,  # shared or not: for the referat, not the wall
    "focus_rounds[].share_takeaway": False,
    "previous_session": False,
    "run": True,  # where the meeting stands: the part, the speaker, the clock
    "room_blank": True,
}
"""Every session field: may the room see it (True), or never (False)?"""

AGENDA_FIELDS: dict[str, bool] = {
    "title": True,
    "subtitle": True,
    "materials": True,  # pens and post-its: nothing private
    "notes": False,  # facilitator notes, at every level: for the facilitator only
    "context[].title": True,  # the texts the deck shows the room (Bufdir, the poem)
    "context[].text": True,
    "context[].source": True,
    "parts[].title": True,
    "parts[].purpose": True,
    "parts[].prompts": True,
    "parts[].notes": False,
    "parts[].materials": True,
    "parts[].guide": False,  # the first-time guide: how to lead, what to say when it goes wrong
    "parts[].phases[].title": True,
    "parts[].phases[].prompts": True,
    "parts[].phases[].notes": False,
    "parts[].phases[].reminder": True,  # «Kun spørsmål – ingen råd»: said to the room
    "parts[].phases[].turn.steps[].title": True,
    "parts[].phases[].turn.steps[].prompts": True,
    "parts[].phases[].turn.steps[].reminder": True,
}
"""Every text of the agenda: may the room see it (True), or never (False)?"""


def may_project(path: str) -> bool:
    """May the room see the session field `path` (`notes[].text`)? A path neither table
    knows raises KeyError: a misspelt name must not quietly count as public."""
    if path in SESSION_FIELDS:
        return SESSION_FIELDS[path]
    return AGENDA_FIELDS[path.removeprefix("agenda.")]
