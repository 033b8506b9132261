"""The referat in the second seed's format, read back with python-docx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from startpakke.agenda.model import Agenda
from startpakke.documents.referat import (
    ATTENDANCE_HEADERS,
    HEADERS,
    build_items,
    write_referat,
)
from startpakke.session.model import Session
from tests.documents_session import (
    all_text,
    build_kollega_session,
    build_session,
    load_builtin_agenda,
    table_rows,
)


@pytest.fixture(scope="module")
def referat(session: Session, agenda: Agenda, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("referat") / "referat.docx"
    return write_referat(session, agenda, path, written_on=date(2026, 2, 12))


def test_title_date_and_place(session: Session, referat: Path) -> None:
    text = all_text(referat)
    assert f"Referat fra oppstartsmøte – {session.network.name}" in text
    assert session.network.meeting_date is not None
    assert f"Dato: {session.network.meeting_date:%d.%m.%Y}" in text
    assert f"Sted: {session.network.place}" in text


def test_items_table_numbered_from_the_agenda(
    session: Session, agenda: Agenda, referat: Path
) -> None:
    items = table_rows(referat)[0]
    assert items[0] == HEADERS
    assert [row[0] for row in items[1:]] == [f"{n}." for n in range(1, len(items))]
    themes = [row[1] for row in items[1:]]
    parts = [part for part in agenda.parts if not part.is_break]  # a break is no sak
    assert themes[: len(parts)] == [part.title for part in parts]
    assert themes[-1] == "Eventuelt"


def test_what_was_captured_is_in_the_items(session: Session, referat: Path) -> None:
    items = table_rows(referat)[0]
    body = "\n".join("\n".join(row) for row in items)
    for rule in session.agreed_rules:
        assert rule.text in body
    for rule in session.rules:
        if not rule.agreed:
            assert rule.text not in body
    assert f"Fasilitator: {session.name_of(session.facilitator)}" in body
    for slot in session.plan.meetings:
        assert f"{slot.date:%d.%m.%Y}" in body
    for action in session.actions:
        assert action.what in body
        if action.due is not None:
            assert f"frist {action.due:%d.%m.%Y}" in body
    for note in session.notes:
        assert (note.text in body) is (not note.private)


def test_attendance_tables_for_members_and_deputies(session: Session, referat: Path) -> None:
    tables = table_rows(referat)
    attendance = [t for t in tables if t[0] == ATTENDANCE_HEADERS]
    assert len(attendance) == (2 if session.deputies else 1)
    members, *deputies = attendance
    assert [row[0] for row in members[1:]] == [p.name for p in session.members]
    for person, row in zip(session.members, members[1:], strict=True):
        assert row == [person.name, person.contact or "–", person.service, _yes(person.present)]
    if session.deputies:
        assert [row[0] for row in deputies[0][1:]] == [p.name for p in session.deputies]
        for row in deputies[0][1:]:
            assert row[3] in ("ja", "nei")


def _yes(value: bool) -> str:
    return "ja" if value else "nei"


def test_written_and_approved_lines(referat: Path) -> None:
    text = all_text(referat)
    assert "Referat skrevet av: " in text
    assert "den: 12.02.2026" in text
    assert "Referat godkjent av møtedeltakerne den: " in text


def test_absent_members_say_nei_and_are_listed_as_forfall(agenda: Agenda, tmp_path: Path) -> None:
    session = build_session()  # Bjørn Aasen is absent, deputy Tor Erik Vik too
    path = write_referat(session, agenda, tmp_path / "r.docx")
    members = next(t for t in table_rows(path) if t[0] == ATTENDANCE_HEADERS)
    assert ["Bjørn Aasen", "bjorn.aasen@faerder.kommune.no", "Færder barneverntjeneste", "nei"] in (
        members
    )
    assert "Forfall: Bjørn Aasen" in all_text(path)


def test_only_parts_that_were_run(agenda: Agenda, tmp_path: Path) -> None:
    session = build_session()
    assert session.run is not None
    for state in session.run.parts:
        if state.id in ("steg6", "steg7", "utsjekk"):
            state.started_at = state.ended_at = None
    themes = [item.theme for item in build_items(session, agenda)]
    title = {part.id: part.title for part in agenda.parts}
    assert title["steg6"] not in themes and title["steg7"] not in themes
    assert title["steg5"] in themes
    # The actions were not reached in their part; they still get an item of their own.
    assert "Oppfølgingspunkter" in themes
    assert themes[-1] == "Eventuelt"


def test_kollegaveiledning_items_per_focus_round(tmp_path: Path) -> None:
    agenda = load_builtin_agenda("kollegaveiledning")
    session = build_kollega_session()
    path = write_referat(session, agenda, tmp_path / "kv.docx")
    text = all_text(path)
    assert "Referat fra nettverksmøte med kollegaveiledning" in text
    items = table_rows(path)[0]
    themes = [row[1] for row in items[1:]]
    for focus in session.focus_rounds:
        assert any(focus.case_title in theme for theme in themes)
    shared = next(f for f in session.focus_rounds if f.share_takeaway)
    private = next(f for f in session.focus_rounds if not f.share_takeaway)
    assert shared.takeaway in text
    assert private.takeaway not in text
    assert "Utført:" in text and "Oppfølgingspunkter:" in text


def test_empty_session_gives_a_sensible_referat(agenda: Agenda, tmp_path: Path) -> None:
    text = all_text(write_referat(Session(), agenda, tmp_path / "tom.docx"))
    assert "Ingen spilleregler er vedtatt ennå." in text
    assert "Ingen medlemmer er registrert." in text
    assert "Eventuelt" in text


def test_proposals_none_agreed_are_said_so(agenda: Agenda, tmp_path: Path) -> None:
    """Seen by a tester: «Gruppen drøftet 3 forslag … og vedtok 0.»"""
    from startpakke.session import edit as ops

    session = Session()
    for text in ("Vi starter presis", "Mobilen ligger", "Vi lytter"):
        ops.add_rule(session, text)
    text = all_text(write_referat(session, agenda, tmp_path / "ingen.docx"))
    assert "Gruppen drøftet 3 forslag til spilleregler, men vedtok ingen ennå." in text
    assert "vedtok 0" not in text
