"""The nettverkskontrakt, written from the example session and read back with python-docx."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from startpakke.documents.base import long_date
from startpakke.documents.contract import NO_RULES, write_contract
from startpakke.documents.registry import document
from startpakke.labels import capitalised
from startpakke.session.model import (
    Competence,
    CompetenceCategory,
    Participant,
    Revision,
    Rule,
    Session,
)
from tests.documents_session import (
    all_text,
    build_session,
    paragraphs_text,
    table_rows,
)


@pytest.fixture(scope="module")
def contract(session: Session, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_contract(session, tmp_path_factory.mktemp("kontrakt") / "kontrakt.docx")


def test_every_agreed_rule_numbered_and_no_unagreed_one(session: Session, contract: Path) -> None:
    lines = paragraphs_text(contract)
    agreed = [r for r in session.rules if r.agreed]
    unagreed = [r for r in session.rules if not r.agreed]
    assert agreed and unagreed, "the example should have both kinds"
    for number, rule in enumerate(agreed, start=1):
        assert f"{number}.\t{rule.text}" in lines
    text = all_text(contract)
    for rule in unagreed:
        assert rule.text not in text


def test_every_participant_by_name_and_service(session: Session, contract: Path) -> None:
    tables = table_rows(contract)
    member_rows = [row for table in tables for row in table]
    for person in session.participants:
        assert [person.name, person.service] in member_rows


def test_date_and_place_and_purpose(session: Session, contract: Path) -> None:
    text = all_text(contract)
    assert session.network.name in text
    assert session.network.meeting_date is not None
    assert long_date(session.network.meeting_date).capitalize() in text
    assert session.network.place in text
    assert "Barnevernsledernettverk skal bidra til at barnevernsledere styrker" in text
    assert "Bufdir 2024" in text


def test_competences_table_by_the_three_categories(session: Session, contract: Path) -> None:
    tables = table_rows(contract)
    categories = [capitalised(c) for c in CompetenceCategory]
    table = next(t for t in tables if all(any(c in h for h in t[0]) for c in categories))
    assert "gul" in table[0][1] and "blå" in table[0][2] and "rosa" in table[0][3]
    body = "\n".join("\n".join(row) for row in table[1:])
    for item in session.competences:
        assert item.text in body
        person = session.name_of(item.participant)
        row = next(r for r in table[1:] if r[0] == person)
        column = 1 + list(CompetenceCategory).index(item.category)
        expected = item.text + (" (valgt)" if item.chosen else "")
        assert expected in row[column].split("\n")
    chosen = [c for c in session.competences if c.chosen]
    lines = paragraphs_text(contract)
    heading = lines.index("Kompetanse nettverket vil bruke")
    for item in chosen:
        assert any(line.startswith(item.text + " – ") for line in lines[heading:])


def test_plan_dates_and_rotation_table(session: Session, contract: Path) -> None:
    tables = table_rows(contract)
    slots = table_rows_with_header(tables, "Dato")
    assert slots[0] == ["Dato", "Tid", "Sted", "Leder møtet", "Skriver referat"]
    assert len(slots) == 1 + len(session.plan.meetings)
    for slot, row in zip(
        sorted(session.plan.meetings, key=lambda s: s.date), slots[1:], strict=True
    ):
        assert row[0] == long_date(slot.date).capitalize()
        assert row[1] == f"{slot.start}–{slot.end}"
        assert row[3] == session.name_of(slot.leader)
        assert row[4] == session.name_of(slot.secretary)
    text = all_text(contract)
    for theme in session.plan.themes:
        assert theme in text
    assert session.plan.platform in text
    assert "kollegaveiledning" in text


def test_evaluation_and_signatures(session: Session, contract: Path) -> None:
    text = all_text(contract)
    assert session.contract.review_date is not None
    assert long_date(session.contract.review_date) in text
    tables = table_rows(contract)
    signatures = table_rows_with_header(tables, "Navn", second="Sted og dato")
    assert signatures[0] == ["Navn", "Sted og dato", "Signatur"]
    assert len(signatures) == 1 + len(session.members)
    for person, row in zip(session.members, signatures[1:], strict=True):
        assert row[0].split("\n")[0] == person.name
        assert row[1] == row[2] == ""


def table_rows_with_header(
    tables: list[list[list[str]]], first: str, second: str | None = None
) -> list[list[str]]:
    for table in tables:
        header = table[0]
        if header[0] == first and (second is None or header[1] == second):
            return table
    raise AssertionError(f"no table with header {first!r}")


def test_empty_session_says_no_rules_yet(tmp_path: Path) -> None:
    path = write_contract(Session(), tmp_path / "tom.docx")
    text = all_text(path)
    assert NO_RULES in text
    assert "Ingen medlemmer er registrert ennå." in text
    assert "Møtedatoene er ikke satt opp ennå." in text
    signatures = table_rows_with_header(table_rows(path), "Navn", second="Sted og dato")
    assert len(signatures) == 7  # blank lines to sign on


def test_unagreed_rules_only_still_says_none_agreed(tmp_path: Path) -> None:
    session = Session(rules=[Rule(text="Bare et forslag")])
    text = all_text(write_contract(session, tmp_path / "k.docx"))
    assert NO_RULES in text
    assert "Bare et forslag" not in text


def test_hostile_text_ends_up_as_valid_text(tmp_path: Path) -> None:
    long = "Lang regel " + "æøå " * 2500
    session = Session(
        participants=[
            Participant(id="p1", name="Åse\x0bØvrebø 👩‍👧", service="Kommune\x01 Ærlig"),
        ],
        rules=[
            Rule(text="Taushet\x0bgjelder 🤐", agreed=True),
            Rule(text=long, agreed=True),
            Rule(text="Mobilen & <e-post> legges bort", agreed=True),
        ],
        competences=[
            Competence(participant="p1", category=CompetenceCategory.personlig, text="Ro\x00 🧘"),
        ],
    )
    session.network.name = "Nettverk\x1f «Sør» & co"
    path = write_contract(session, tmp_path / "k.docx")
    text = all_text(path)
    assert "Taushet\ngjelder 🤐" in text
    assert long.strip() in text
    assert "Mobilen & <e-post> legges bort" in text
    assert "Åse\nØvrebø 👩‍👧" in text
    assert "Kommune Ærlig" in text
    assert "Ro 🧘" in text
    assert "Nettverk «Sør» & co" in text


def test_revised_contract_shows_version_and_history(tmp_path: Path) -> None:
    session = build_session()
    session.contract.version = 2
    session.contract.revised_at = date(2025, 6, 17)
    session.revisions.append(
        Revision(version=2, at=datetime(2025, 6, 17, 11, 0), changes=["Ny regel om forfall"])
    )
    text = all_text(write_contract(session, tmp_path / "k.docx"))
    assert "Versjon 2, revidert 17.06.2025" in text
    assert "Ny regel om forfall" in text


def test_default_filename(session: Session) -> None:
    name = document("kontrakt").default_filename(session)
    assert name.startswith("nettverkskontrakt-")
    assert name.endswith(f"-{session.network.meeting_date}.docx")
    assert " " not in name and "ø" not in name


def test_no_table_row_is_split_across_two_pages(contract: Path) -> None:
    """A person's top three ran over a page break; every row of every table is kept whole
    (Word and LibreOffice still split a row taller than a page)."""
    from docx import Document
    from docx.oxml.ns import qn

    tables = Document(str(contract)).tables
    assert len(tables) >= 3
    for table in tables:
        for row in table.rows:
            properties = row._tr.trPr
            assert properties is not None and properties.find(qn("w:cantSplit")) is not None
            assert len(properties.findall(qn("w:cantSplit"))) == 1  # once, not per helper
