"""Revising the contract: what changed, a new version with its date, the old session intact."""

from __future__ import annotations

import json
from copy import copy, deepcopy
from datetime import date, datetime
from pathlib import Path

import docx
import pytest

from startpakke.documents.contract import write_contract
from startpakke.engine.clock import OSLO
from startpakke.session import edit as ops
from startpakke.session.followup import followup_session
from startpakke.session.model import MeetingSlot, Participant, Revision, Rule, Session
from startpakke.session.revision import (
    NO_CHANGES,
    describe_changes,
    finalize_revision,
    finish_revision_meeting,
)
from startpakke.session.store import SessionStore, load_session
from tests.cli import startpakke
from tests.example_session import copy_of_example
from tests.tui_helpers import builtin

REVISED_AT = datetime(2026, 6, 16, 11, 30, tzinfo=OSLO)
NEW_RULE = "Vi gir beskjed om forfall senest dagen før, og sender vara."
NEW_WORDING = "Det som blir sagt om enkeltsaker, blir i nettverket."


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    return copy_of_example(tmp_path, "kontrakt-okt.json")


def revise(session: Session) -> None:
    """What the revision meeting agrees on."""
    ops.add_rule(session, NEW_RULE, agreed=True)
    ops.delete_rule(session, "r6")  # the phone rule goes
    ops.edit_rule(session, "r5", "Vi starter og slutter presis; tidtakeren passer tiden.")
    ops.set_rule_agreed(session, "r7", True)
    ops.set_plan(session, frequency="Hver måned")
    ops.add_meeting(session, date(2026, 11, 17), start="09:00", end="11:30", place="Teams")
    ops.set_contract(session, review_date=date(2027, 6, 15))


def docx_text(path: Path, *, tables: bool = True) -> str:
    """The document's paragraphs (the rules are a numbered list), then its tables."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables if tables else []:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


# -- describe_changes ---------------------------------------------------------------------------


def test_describe_changes_lists_what_the_group_changed(previous: Path) -> None:
    old = load_session(previous)
    new = followup_session(previous, "revisjon", "revisjon", today=date(2026, 6, 16))
    assert describe_changes(old, new) == []
    revise(new)
    assert describe_changes(old, new) == [
        "Regel endret: Vi starter og slutter presis, og fasilitator passer tiden for oss. "
        "→ Vi starter og slutter presis; tidtakeren passer tiden.",
        "Regel vedtatt: Vi bytter på å være vertskommune for de fysiske møtene.",
        f"Ny regel: {NEW_RULE}",
        "Regel fjernet: Mobil og e-post er lagt bort mens vi er i møtet, unntatt ved akutte saker.",
        "Neste evaluering: 16.06.2026 → 15.06.2027",
        "Møtefrekvens: Hver sjette uke, med sommerpause i juli → Hver måned",
        "Ny møtedato: 17.11.2026 kl. 09:00–11:30, Teams",
    ]


def rules(*specs: tuple[str, str, bool]) -> list[Rule]:
    return [Rule(id=i, text=t, agreed=a) for i, t, a in specs]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (rules(), rules(("x", "Ny", False)), ["Ny regel (ikke vedtatt): Ny"]),
        (rules(("x", "A", True)), rules(("x", "A", False)), ["Regel ikke lenger vedtatt: A"]),
        (rules(("x", "A", False)), rules(), ["Regel fjernet: A"]),
        # Same text under a new id (typed in again): not a change.
        (rules(("x", "A  b", True)), rules(("y", "A b", True)), []),
        (
            rules(("x", "A", True), ("y", "B", True)),
            rules(("y", "B", True), ("x", "A", True)),
            ["Spillereglene har fått ny rekkefølge."],
        ),
    ],
)
def test_rule_changes(before: list[Rule], after: list[Rule], expected: list[str]) -> None:
    assert describe_changes(Session(rules=before), Session(rules=after)) == expected


def test_plan_and_contract_changes_read_as_sentences() -> None:
    people = [Participant(id="p1", name="Kari"), Participant(id="p2", name="Ola")]
    old = Session(participants=people)
    old.plan.leader = "p1"
    old.plan.format = "digital"
    old.plan.themes = ["Rekruttering", "Økonomi"]
    old.plan.meetings = [MeetingSlot(id="m1", date=date(2026, 3, 1))]
    new = deepcopy(old)
    new.plan.leader = "p2"
    new.plan.term = "rotating"
    new.plan.format = "both"
    new.plan.platform = "Teams"
    new.plan.themes = ["Økonomi", "Internkontroll"]
    new.plan.meetings = [MeetingSlot(id="m1", date=date(2026, 3, 8))]
    new.plan.everyone_brings_case = False
    new.contract.text = "Ny tekst"
    assert describe_changes(old, new) == [
        "Kontraktens tekst er endret.",
        "Leder: Kari → Ola",
        "Leder og sekretær: (ikke satt) → på omgang",
        "Møteform: digitale treff → både digitale og fysiske treff",
        "Plattform: (ikke satt) → Teams",
        "Møtedato flyttet: 01.03.2026 → 08.03.2026",
        "Nytt tema: Internkontroll",
        "Tema fjernet: Rekruttering",
        "Alle tar med en sak til kollegaveiledning: ja → nei",
    ]


# -- finalize_revision -------------------------------------------------------------------------


def test_finalize_bumps_the_version_dates_it_and_keeps_the_history(previous: Path) -> None:
    old = load_session(previous)
    old.revisions = [Revision(version=1, at=datetime(2026, 2, 10, tzinfo=OSLO), changes=["Ny"])]
    new = followup_session(previous, "revisjon", "revisjon")
    new.revisions = [copy(r) for r in old.revisions]
    revise(new)
    revised = finalize_revision(new, old, REVISED_AT)
    assert revised.contract.version == 2
    assert revised.contract.revised_at == date(2026, 6, 16)
    assert [r.version for r in revised.revisions] == [1, 2]
    assert revised.revisions[-1].at == REVISED_AT
    assert revised.revisions[-1].changes == describe_changes(old, new)
    # Neither input is changed; finalizing again replaces, never counts twice.
    assert new.contract.version == 1 and len(new.revisions) == 1
    again = finalize_revision(revised, old, REVISED_AT)
    assert again.contract.version == 2
    assert [r.version for r in again.revisions] == [1, 2]
    assert again.revisions[-1].changes == revised.revisions[-1].changes


def test_a_review_without_changes_is_still_a_dated_revision(previous: Path) -> None:
    old = load_session(previous)
    new = followup_session(previous, "revisjon", "revisjon")
    revised = finalize_revision(new, old, REVISED_AT)
    assert revised.contract.version == 2
    assert revised.revisions[-1].changes == [NO_CHANGES]


# -- the whole way: revision meeting → saved session → Word contract ---------------------------


def test_revised_contract_shows_new_rules_and_revision_date(previous: Path, tmp_path: Path) -> None:
    old_bytes = previous.read_bytes()
    new = followup_session(previous, "revisjon", "revisjon", today=date(2026, 6, 16))
    store = SessionStore.create(tmp_path / "revisjon.json", new)
    revise(store.session)
    store.save()

    message = finish_revision_meeting(store, builtin("revisjon"), REVISED_AT)
    assert message is not None and "versjon 2, revidert 16.06.2026" in message

    saved = load_session(tmp_path / "revisjon.json")
    assert saved.contract.version == 2
    assert saved.contract.revised_at == date(2026, 6, 16)
    assert len(saved.revisions) == 1

    written = write_contract(saved, tmp_path / "kontrakt-v2.docx")
    document = docx_text(written)
    rules_text = docx_text(written, tables=False)
    assert NEW_RULE in rules_text
    assert "Vi starter og slutter presis; tidtakeren passer tiden." in rules_text
    assert "Vi bytter på å være vertskommune for de fysiske møtene." in rules_text
    assert "Mobil og e-post er lagt bort" not in rules_text  # only in the history
    assert "Versjon 2, revidert 16.06.2026" in document
    assert "2, sist revidert 16.06.2026" in document
    assert f"Ny regel: {NEW_RULE}" in document  # the history table

    # The earlier session is byte-for-byte what it was, and still exports version 1.
    assert previous.read_bytes() == old_bytes
    old_document = docx_text(
        write_contract(load_session(previous), tmp_path / "v1.docx"), tables=False
    )
    assert "Versjon: 1\n" in old_document
    assert NEW_RULE not in old_document
    assert "Mobil og e-post er lagt bort" in old_document

    # Closing the meeting again (resumed later) does not count another version.
    finish_revision_meeting(store, builtin("revisjon"), REVISED_AT)
    assert load_session(tmp_path / "revisjon.json").contract.version == 2
    assert previous.read_bytes() == old_bytes


def test_export_command_writes_the_revised_contract(previous: Path, tmp_path: Path) -> None:
    new = followup_session(previous, "revisjon", "revisjon")
    store = SessionStore.create(tmp_path / "revisjon.json", new)
    revise(store.session)
    finish_revision_meeting(store, builtin("revisjon"), REVISED_AT)
    output = tmp_path / "kontrakt.docx"
    result = startpakke("export", str(store.path), "-o", str(output), timeout=60)
    assert result.returncode == 0, result.stderr
    text = docx_text(output)
    assert "Versjon 2, revidert 16.06.2026" in text
    assert NEW_RULE in text


def test_other_meetings_are_not_revisions(previous: Path, tmp_path: Path) -> None:
    new = followup_session(previous, "kollegaveiledning", "kollegaveiledning")
    store = SessionStore.create(tmp_path / "neste.json", new)
    before = (tmp_path / "neste.json").read_bytes()
    assert finish_revision_meeting(store, builtin("kollegaveiledning"), REVISED_AT) is None
    assert (tmp_path / "neste.json").read_bytes() == before
    # A revision agenda without an earlier session has nothing to compare with.
    alone = SessionStore.create(tmp_path / "alene.json", Session(agenda="revisjon"))
    assert finish_revision_meeting(alone, builtin("revisjon"), REVISED_AT) is None


def test_a_vanished_earlier_session_leaves_the_version_alone(
    previous: Path, tmp_path: Path
) -> None:
    new = followup_session(previous, "revisjon", "revisjon")
    store = SessionStore.create(tmp_path / "revisjon.json", new)
    previous.unlink()
    message = finish_revision_meeting(store, builtin("revisjon"), REVISED_AT)
    assert message is not None and message.startswith("Kontrakten fikk ikke nytt versjonsnummer")
    assert json.loads((tmp_path / "revisjon.json").read_text())["contract"]["version"] == 1
