"""One Norwegian label per value of every enumeration a person sees.

Screens, the projector and the documents all word a plan term, a meeting format, a role,
a competence category or an agreement level through `label()`, so each is written once.
A label reads as it stands in a sentence or a table cell («for ett år», «vara»); where a
document needs a capital letter it calls `capitalised()`. This table is also where the
nynorsk labels go.

    label(Role.deputy)                    # «vara»
    label(MeetingFormat.both)             # «både digitale og fysiske treff»
    choices(PlanTerm)                     # [(«for ett år», «year»), (…)] for a Select
    category_colour(CompetenceCategory.teoretisk)   # «gul»
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from startpakke.session.model import (
    AgreementLevel,
    CompetenceCategory,
    MeetingFormat,
    PlanTerm,
    ReviewDecision,
    Role,
)

__all__ = [
    "LABELS",
    "capitalised",
    "category_colour",
    "choices",
    "label",
]

E = TypeVar("E", bound=StrEnum)

LABELS: dict[StrEnum, str] = {
    PlanTerm.year: "for ett år",
    PlanTerm.rotating: "på omgang",
    PlanTerm.unset: "ikke bestemt",
    MeetingFormat.digital: "digitale treff",
    MeetingFormat.physical: "fysiske treff",
    MeetingFormat.both: "både digitale og fysiske treff",
    MeetingFormat.unset: "ikke bestemt",
    Role.member: "medlem",
    Role.deputy: "vara",
    CompetenceCategory.teoretisk: "teoretisk kunnskap",
    CompetenceCategory.yrkesspesifikk: "yrkesspesifikke ferdigheter",
    CompetenceCategory.personlig: "personlig kompetanse",
    AgreementLevel.agree: "enig",
    AgreementLevel.accept: "kan leve med",
    AgreementLevel.objection: "innsigelse",
    ReviewDecision.keep: "beholdes",
    ReviewDecision.adjust: "endres",
    ReviewDecision.drop: "tas ut",
}
"""Every value's label; a test checks that every member of these enums has one."""

# The post-it colour of each category: shown with its name, never as the only signal.
_CATEGORY_COLOURS: dict[CompetenceCategory, str] = {
    CompetenceCategory.teoretisk: "gul",
    CompetenceCategory.yrkesspesifikk: "blå",
    CompetenceCategory.personlig: "rosa",
}


def label(value: StrEnum) -> str:
    """The value as a person reads it, in lower case as inside a sentence."""
    return LABELS[value]


def capitalised(value: StrEnum) -> str:
    """The label with a capital first letter, for a heading or a table cell."""
    text = label(value)
    return text[:1].upper() + text[1:]


def choices(enum: type[E], *, unset: bool = False) -> list[tuple[str, E]]:
    """(label, value) for every value of `enum`, in declaration order, for a choice list.

    The empty «not decided» value is left out unless `unset` is true (a Select has its own
    blank).
    """
    return [(label(value), value) for value in enum if unset or value.value != ""]


def category_colour(category: CompetenceCategory) -> str:
    """The post-it colour of the category («gul»)."""
    return _CATEGORY_COLOURS[category]
