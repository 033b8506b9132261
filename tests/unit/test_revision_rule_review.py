"""The revision meeting's rule-by-rule review (issue 18.3): the decisions and what they do."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from startpakke.engine.clock import OSLO
from startpakke.labels import label
from startpakke.session import edit as ops
from startpakke.session.edit import EditError
from startpakke.session.followup import followup_session
from startpakke.session.model import AgreementLevel, ReviewDecision, Session
from startpakke.session.revision import apply_reviews, finalize_revision
from startpakke.session.store import load_session, save_session
from tests.conftest import ROOT

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"
WHEN = datetime(2026, 6, 16, 11, 30, tzinfo=OSLO)
PHONES = "Mobil og e-post er lagt bort mens vi er i møtet, unntatt ved akutte saker."
ON_TIME = "Vi starter og slutter presis, og fasilitator passer tiden for oss."
SILENT = "Mobilen er på lydløs; vi svarer bare på akutte saker i pausen."


@pytest.fixture
def old(tmp_path: Path) -> Session:
    return load_session(EXAMPLE)


@pytest.fixture
def new(tmp_path: Path) -> Session:
    path = tmp_path / "kontrakt.json"
    path.write_bytes(EXAMPLE.read_bytes())
    return followup_session(path, "revisjon", "revisjon", today=date(2026, 6, 16))


def test_the_decisions_have_labels() -> None:
    assert [label(d) for d in ReviewDecision] == ["beholdes", "endres", "tas ut"]


def test_enter_cycles_keep_adjust_drop_and_back(new: Session) -> None:
    seen = []
    for _ in range(4):
        review = ops.cycle_rule_review(new, "r1")
        seen.append(review.decision if review else None)
    assert seen == [ReviewDecision.keep, ReviewDecision.adjust, ReviewDecision.drop, None]
    assert new.rule_reviews == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"decision": "adjust", "new_text": "  "}, "Den nye formuleringen mangler."),
        ({"decision": "adjust", "new_text": f" {PHONES} "}, "lik den gamle"),
        ({"decision": "keep", "level": "objection"}, "hvorfor"),
        ({"decision": "maybe"}, "Ukjent beslutning"),
        ({"decision": "keep", "level": "sure"}, "Ukjent nivå"),
    ],
)
def test_a_bad_decision_is_refused_and_nothing_changes(
    new: Session, kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(EditError, match=message):
        ops.set_rule_review(new, "r6", **kwargs)  # type: ignore[arg-type]
    assert new.rule_reviews == []


def test_an_unknown_rule_is_refused(new: Session) -> None:
    with pytest.raises(EditError, match="Fant ikke regelen"):
        ops.set_rule_review(new, "nope", "keep")


def test_level_and_why_keep_the_decision(new: Session) -> None:
    ops.set_rule_review(new, "r6", "adjust", new_text=SILENT)
    ops.set_review_level(new, "r6", AgreementLevel.accept)
    review = ops.set_review_why(new, "r6", "Vakttelefonen må kunne tas.")
    assert (review.decision, review.new_text, review.level, review.why) == (
        ReviewDecision.adjust,
        SILENT,
        AgreementLevel.accept,
        "Vakttelefonen må kunne tas.",
    )
    assert len(new.rule_reviews) == 1
    assert ops.set_review_level(new, "r6", None).level is None


def test_the_rules_keep_their_old_wording_until_the_meeting_closes(new: Session) -> None:
    ops.set_rule_review(new, "r6", "adjust", new_text=SILENT)
    ops.set_rule_review(new, "r5", "drop")
    assert ops.rule(new, "r6").text == PHONES
    applied = apply_reviews(new)
    assert ops.rule(applied, "r6").text == SILENT
    assert "r5" not in [r.id for r in applied.rules]
    assert "r5" in [r.id for r in new.rules]  # the argument is not changed


def test_finalize_applies_the_decisions_and_writes_why(new: Session, old: Session) -> None:
    ops.set_rule_review(
        new, "r6", "adjust", new_text=SILENT, level="accept", why="Vakttelefonen må kunne tas."
    )
    ops.set_rule_review(new, "r5", "drop", level="agree", why="Tidtakeren passer tiden nå.")
    ops.set_rule_review(new, "r1", "keep", level="agree")  # nothing changed: no line
    ops.set_rule_review(new, "r2", "keep", level="objection", why="Vara er vanskelig å få.")
    ops.set_rule_review(new, "r3", "drop", level="objection", why="Forberedelse er viktig.")
    ops.add_rule(new, "Vi evaluerer kontrakten hvert år.", agreed=True)

    result = finalize_revision(new, old, WHEN)

    changes = result.revisions[-1].changes
    assert (
        f"Regel endret: {PHONES} → {SILENT} (kan leve med; hvorfor: Vakttelefonen må kunne tas.)"
        in changes
    )
    assert f"Regel tatt ut: {ON_TIME} (enig; hvorfor: Tidtakeren passer tiden nå.)" in changes
    assert "Ny regel: Vi evaluerer kontrakten hvert år." in changes
    assert not any("Det som blir sagt" in line for line in changes)
    assert any(
        line.startswith("Regel ikke lenger vedtatt: Vi prioriterer")
        and line.endswith("(innsigelse; hvorfor: Vara er vanskelig å få.)")
        for line in changes
    )
    assert any(line.startswith("Regel ikke tatt ut: Alle kommer") for line in changes)
    texts = {r.id: r for r in result.rules}
    assert texts["r6"].text == SILENT and texts["r6"].agreement is AgreementLevel.accept
    assert "r5" not in texts
    assert texts["r3"].agreed  # an objection to dropping it: the rule stays
    assert not texts["r2"].agreed and texts["r2"].objections[0].reason == "Vara er vanskelig å få."
    assert result.contract.version == old.contract.version + 1


def test_finalizing_twice_gives_the_same_history(new: Session, old: Session) -> None:
    ops.set_rule_review(new, "r6", "adjust", new_text=SILENT, level="accept")
    ops.set_rule_review(new, "r5", "drop")
    once = finalize_revision(new, old, WHEN)
    twice = finalize_revision(once, old, WHEN)
    assert twice.revisions == once.revisions
    assert twice.rules == once.rules


def test_the_decisions_are_saved_and_an_old_file_opens_without_them(
    new: Session, tmp_path: Path
) -> None:
    assert load_session(EXAMPLE).rule_reviews == []  # a file from before the field
    ops.set_rule_review(new, "r6", "adjust", new_text=SILENT, level="accept", why="Vakt")
    path = tmp_path / "revisjon.json"
    save_session(new, path)
    assert load_session(path).rule_reviews == new.rule_reviews


def test_the_review_lists_the_contracts_agreed_rules_not_the_new_ones(new: Session) -> None:
    from startpakke.session.revision import rules_under_review

    ops.set_rule_agreed(new, "r7", True)  # agreed today: a new rule, not reviewed
    added = ops.add_rule(new, "Vi evaluerer kontrakten hvert år.", agreed=True)
    listed = [r.id for r in rules_under_review(new)]
    assert listed == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert added.id not in listed
    # Without the earlier file: the session's agreed rules.
    new.previous_session = None
    assert added.id in [r.id for r in rules_under_review(new)]


def test_the_contract_shows_the_new_wording_and_the_history_says_why(
    new: Session, old: Session, tmp_path: Path
) -> None:
    import docx

    from startpakke.documents.contract import write_contract

    ops.set_rule_review(new, "r6", "adjust", new_text=SILENT, level="accept", why="Vakt")
    ops.set_rule_review(new, "r5", "drop")
    written = write_contract(finalize_revision(new, old, WHEN), tmp_path / "kontrakt.docx")
    document = docx.Document(str(written))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert SILENT in paragraphs and PHONES not in paragraphs and ON_TIME not in paragraphs
    assert f"Regel endret: {PHONES} → {SILENT} (kan leve med; hvorfor: Vakt)" in cells
    assert f"Regel tatt ut: {ON_TIME}" in cells
