"""The parking lot («Parkert»): a topic put aside from any part, for a later meeting.

A facilitator parks what is worth talking about but not now; steg 7 offers the parked
topics as themes for the next meetings, and the next meeting (`run --from`) starts with
the ones that did not become themes, shown where the meeting begins.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace

from startpakke.i18n import _
from startpakke.session.edit import EditError
from startpakke.session.model import ParkedTopic, Session


def park(session: Session, text: str, part: str) -> ParkedTopic:
    """Put `text` aside, noting the part it came up in."""
    value = " ".join(text.split()) if isinstance(text, str) else ""
    if not value:
        raise EditError(_("Temaet kan ikke være tomt."))
    topic = ParkedTopic(text=value, part=part)
    session.parked.append(topic)
    return topic


def open_topics(session: Session) -> list[ParkedTopic]:
    """Parked topics that are not yet among the plan's themes."""
    themes = {_key(t) for t in session.plan.themes}
    return [topic for topic in session.parked if _key(topic.text) not in themes]


def adopt_as_theme(session: Session, topic_id: str) -> str:
    """Make a parked topic a theme for the next meetings; returns its text."""
    topic = next((t for t in session.parked if t.id == topic_id), None)
    if topic is None:
        raise EditError(_("Fant ikke det parkerte temaet."))
    if _key(topic.text) not in {_key(t) for t in session.plan.themes}:
        session.plan.themes.append(topic.text)
    return topic.text


def carried_topics(previous: Session) -> list[ParkedTopic]:
    """For the next meeting: the previous meeting's open topics, tied to where they came from."""
    return [
        replace(deepcopy(topic), from_session=topic.from_session or previous.id)
        for topic in open_topics(previous)
    ]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()
