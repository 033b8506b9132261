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

from startpakke.i18n import N_, _
from startpakke.session.model import (
    AgreementLevel,
    CompetenceCategory,
    Language,
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
    PlanTerm.year: N_("for ett år"),
    PlanTerm.rotating: N_("på omgang"),
    PlanTerm.unset: N_("ikke bestemt"),
    MeetingFormat.digital: N_("digitale treff"),
    MeetingFormat.physical: N_("fysiske treff"),
    MeetingFormat.both: N_("både digitale og fysiske treff"),
    MeetingFormat.unset: N_("ikke bestemt"),
    Language.nb: N_("bokmål"),
    Language.nn: N_("nynorsk"),
    Role.member: N_("medlem"),
    Role.deputy: N_("vara"),
    CompetenceCategory.teoretisk: N_("teoretisk kunnskap"),
    CompetenceCategory.yrkesspesifikk: N_("yrkesspesifikke ferdigheter"),
    CompetenceCategory.personlig: N_("personlig kompetanse"),
    AgreementLevel.agree: N_("enig"),
    AgreementLevel.accept: N_("kan leve med"),
    AgreementLevel.objection: N_("innsigelse"),
    ReviewDecision.keep: N_("beholdes"),
    ReviewDecision.adjust: N_("endres"),
    ReviewDecision.drop: N_("tas ut"),
}
"""Every value's label; a test checks that every member of these enums has one."""

# The post-it colour of each category: shown with its name, never as the only signal.
_CATEGORY_COLOURS: dict[CompetenceCategory, str] = {
    CompetenceCategory.teoretisk: N_("gul"),
    CompetenceCategory.yrkesspesifikk: N_("blå"),
    CompetenceCategory.personlig: N_("rosa"),
}


def label(value: StrEnum) -> str:
    """The value as a person reads it, in lower case as inside a sentence."""
    return _(LABELS[value])


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
    return _(_CATEGORY_COLOURS[category])
