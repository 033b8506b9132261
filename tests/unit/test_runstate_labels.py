"""One label per value: the table in `startpakke.labels` is complete and nobody else
words an enumeration."""

from __future__ import annotations

from pathlib import Path

import pytest

from startpakke.labels import LABELS, capitalised, category_colour, choices, label
from startpakke.session.model import (
    AgreementLevel,
    CompetenceCategory,
    MeetingFormat,
    PlanTerm,
    Role,
)

ENUMS = [PlanTerm, MeetingFormat, Role, CompetenceCategory, AgreementLevel]
PACKAGE = Path(__file__).resolve().parents[2] / "startpakke"


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_every_value_has_a_label(enum: type) -> None:
    for value in enum:
        assert label(value).strip(), value


@pytest.mark.parametrize(
    ("value", "text", "capital"),
    [
        (PlanTerm.year, "for ett år", "For ett år"),
        (MeetingFormat.both, "både digitale og fysiske treff", "Både digitale og fysiske treff"),
        (Role.deputy, "vara", "Vara"),
        (CompetenceCategory.teoretisk, "teoretisk kunnskap", "Teoretisk kunnskap"),
        (AgreementLevel.accept, "kan leve med", "Kan leve med"),
    ],
)
def test_label_and_capitalised(value: object, text: str, capital: str) -> None:
    assert label(value) == text  # type: ignore[arg-type]
    assert capitalised(value) == capital  # type: ignore[arg-type]


def test_choices_leave_out_the_undecided_value_unless_asked() -> None:
    assert choices(PlanTerm) == [("for ett år", PlanTerm.year), ("på omgang", PlanTerm.rotating)]
    assert ("ikke bestemt", MeetingFormat.unset) in choices(MeetingFormat, unset=True)


def test_every_category_has_a_colour() -> None:
    assert [category_colour(c) for c in CompetenceCategory] == ["gul", "blå", "rosa"]


def test_no_label_is_written_anywhere_else() -> None:
    """A label as a string literal outside the table is a second wording in the making."""
    # «ikke bestemt» (a value not chosen yet) is also said of free-text fields.
    words = {text for value, text in LABELS.items() if value.value and len(text) > 5}
    words |= {text[:1].upper() + text[1:] for text in words}
    found = []
    for path in PACKAGE.rglob("*.py"):
        # i18n.py's aliases read «bokmål»/«nynorsk» typed by a person: input, not a label.
        if path.name in ("labels.py", "i18n.py"):
            continue
        source = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(PACKAGE)}: {w}" for w in words if f'"{w}"' in source]
    assert found == []
