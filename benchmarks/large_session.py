"""A large session for the growth figures: six people, 100 rules, 300 competences, 50 actions.

Built from the example session with the session's own edit operations, so it is a session
the app could have written (ids, categories, three «top» notes per person at most).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from startpakke.session import edit
from startpakke.session.model import CompetenceCategory, Session
from startpakke.session.store import SessionStore, load_session

PEOPLE = 6
RULES = 100
COMPETENCES = 300
ACTIONS = 50

_TEXT = (
    "Vi møter forberedt og holder tiden; det som sies i rommet blir i rommet. Alle får "
    "snakke ferdig, vi gir hverandre ærlige og konstruktive tilbakemeldinger, og vi "
    "spør før vi gir råd. Erfaring fra barnevernsleder-rollen i små og store kommuner."
)
_WORDS = _TEXT.split()


def _text(seed: int, words: int) -> str:
    picked = [_WORDS[(seed * 7 + i * 3) % len(_WORDS)] for i in range(words)]
    return " ".join(picked).strip(" ,.;") + f" ({seed + 1})"


def build(example: Path) -> Session:
    """The example session grown to the large one."""
    session = load_session(example)
    names = ["Åse Ødegård", "Øyvind Ærø", "Kari Nordmann", "Per Hansen", "Liv Berg", "Ola Dal"]
    while len(session.participants) < PEOPLE:
        index = len(session.participants)
        edit.add_participant(session, names[index], service=f"Kommune {index + 1}")
    people = [person.id for person in session.participants[:PEOPLE]]

    while len(session.rules) < RULES:
        index = len(session.rules)
        edit.add_rule(
            session, _text(index, 12), proposed_by=people[index % PEOPLE], agreed=index % 3 != 0
        )
    categories = list(CompetenceCategory)
    while len(session.competences) < COMPETENCES:
        index = len(session.competences)
        edit.add_competence(session, people[index % PEOPLE], categories[index % 3], _text(index, 8))
    first_day = date(2026, 3, 1)
    while len(session.actions) < ACTIONS:
        index = len(session.actions)
        edit.add_action(
            session,
            _text(index, 10),
            who=session.participants[index % PEOPLE].name,
            due=first_day + timedelta(days=7 * index),
        )
    return session


def write(example: Path, folder: Path) -> Path:
    """Save the large session as `folder/stor-okt.json` (atomic store) and return the path."""
    path = folder / "stor-okt.json"
    SessionStore.create(path, build(example))
    return path
