"""Agreement levels on a rule: `agreed` (a public field) follows the level in one place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from startpakke.modeling import to_data, validate
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.session.model import AgreementLevel, Rule, Session
from startpakke.session.store import load_session

OLD = Path(__file__).resolve().parents[1] / "data" / "sessions" / "eksempel-okt-v2.json"


@pytest.mark.parametrize(
    ("level", "agreed"),
    [
        (None, False),
        (AgreementLevel.agree, True),
        (AgreementLevel.accept, True),
        (AgreementLevel.objection, False),
    ],
)
def test_agreed_follows_the_level(level: AgreementLevel | None, agreed: bool) -> None:
    rule = Rule(text="Vi starter presis")
    rule.set_agreement(level)
    assert rule.agreed is agreed
    assert validate(Rule, to_data(rule)) == rule


def test_a_file_from_before_the_levels_reads_agreed_as_enig() -> None:
    assert validate(Rule, {"text": "A", "agreed": True}).agreement is AgreementLevel.agree
    assert validate(Rule, {"text": "A", "agreed": False}).agreement is None
    old = json.loads(OLD.read_text(encoding="utf-8"))
    session = load_session(OLD)
    assert [r.agreed for r in session.rules] == [r["agreed"] for r in old["rules"]]
    assert {r.agreement for r in session.rules if r.agreed} == {AgreementLevel.agree}


@pytest.mark.parametrize(
    ("data", "level"),
    [
        ({"agreed": True, "agreement": "objection"}, AgreementLevel.agree),
        ({"agreed": False, "agreement": "accept"}, None),
        ({"agreed": True, "agreement": "accept"}, AgreementLevel.accept),
        ({"agreed": False, "agreement": "objection"}, AgreementLevel.objection),
    ],
)
def test_agreed_wins_where_another_tool_changed_it(data: dict, level: object) -> None:  # type: ignore[type-arg]
    rule = validate(Rule, {"text": "A", **data})
    assert rule.agreement is level and rule.agreed is data["agreed"]


def test_an_objection_needs_a_reason_and_keeps_who() -> None:
    session = Session()
    rule = ops.add_rule(session, "Vi møtes hver måned")
    with pytest.raises(EditError, match="Begrunnelsen"):
        ops.set_rule_agreement(session, rule.id, "objection", by="p1", reason=" ")
    assert rule.agreement is None
    ops.set_rule_agreement(session, rule.id, "objection", by="p1", reason="For sjelden")
    ops.set_rule_agreement(session, rule.id, "objection", by="p2", reason="For ofte")
    assert [(o.by, o.reason) for o in rule.objections] == [
        ("p1", "For sjelden"),
        ("p2", "For ofte"),
    ]
    assert not rule.agreed and session.agreed_rules == []
    ops.set_rule_agreement(session, rule.id, AgreementLevel.accept)
    assert rule.objections == [] and session.agreed_rules == [rule]


def test_the_cycle_visits_every_level_and_comes_back() -> None:
    seen, level = [], None
    for _ in range(4):
        level = ops.NEXT_LEVEL[level]
        seen.append(level)
    assert seen == [*AgreementLevel, None]


def test_an_unknown_level_is_refused() -> None:
    session = Session()
    rule = ops.add_rule(session, "A")
    with pytest.raises(EditError, match="Ukjent nivå"):
        ops.set_rule_agreement(session, rule.id, "kanskje")
