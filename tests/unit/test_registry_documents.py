"""The one table of documents: the CLI and the app read the same rows."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from startpakke.cli import build_parser
from startpakke.documents.registry import DOCUMENTS, KEYS, document, make_document
from startpakke.errors import UserError
from startpakke.session.model import Session


def _format_choices() -> list[str]:
    export = next(
        action
        for action in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
        if isinstance(action, argparse._SubParsersAction)
    ).choices["export"]
    option = next(a for a in export._actions if "--format" in a.option_strings)
    return list(option.choices or [])


def test_the_cli_offers_exactly_the_table() -> None:
    assert _format_choices() == list(KEYS) == ["kontrakt", "referat", "ics", "runsheet"]


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("kontrakt", "nettverkskontrakt-nettverket-i-testdal-2026-09-14.docx"),
        ("referat", "referat-nettverket-i-testdal-2026-09-14.docx"),
        ("ics", "nettverksmoter-nettverket-i-testdal.ics"),
        ("runsheet", "kjoreplan-nettverket-i-testdal-2026-09-14.docx"),
    ],
)
def test_default_file_names(key: str, name: str) -> None:
    session = Session()
    session.network.name = "Nettverket i Testdal"
    session.network.meeting_date = date(2026, 9, 14)
    assert document(key).default_filename(session) == name


def test_every_row_has_a_norwegian_name_and_a_suffix_of_its_kind() -> None:
    for row in DOCUMENTS:
        assert row.name and row.description.startswith(row.name.split()[0])
        assert row.suffix == (".docx" if row.word else ".ics")


def test_unknown_key() -> None:
    with pytest.raises(KeyError):
        document("pdf")


def test_a_folder_that_is_missing_is_a_norwegian_message(tmp_path: Path) -> None:
    with pytest.raises(UserError) as caught:
        make_document(document("kontrakt"), Session(), tmp_path / "nei" / "k.docx")
    assert "nei" in str(caught.value)
    assert not (tmp_path / "nei").exists()


def test_a_kind_that_reads_the_agenda_needs_one(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        make_document(document("referat"), Session(), tmp_path / "r.docx")


def test_the_contract_says_which_proposals_it_leaves_out() -> None:
    """Seen by a tester: a contract made before the rules were agreed on said only «Ingen
    spilleregler er vedtatt ennå.»; the facilitator is told what is not in it."""
    from startpakke import i18n
    from startpakke.documents.registry import document
    from startpakke.session import edit as ops
    from startpakke.session.model import Session

    session = Session(agenda="startpakke")
    contract = document("kontrakt")
    assert contract.left_out(session) is None
    ops.add_rule(session, "Vi holder tiden", agreed=True)
    assert contract.left_out(session) is None  # every proposal agreed: nothing to say
    ops.add_rule(session, "Mobilen ligger i sekken")
    assert contract.left_out(session) == (
        "1 forslag til spilleregel er ikke vedtatt og står ikke i kontrakten."
    )
    ops.add_rule(session, "Vi ringer hvis vi blir sene")
    with i18n.using("nn"):
        assert contract.left_out(session) == (
            "2 forslag til spelereglar er ikkje vedtekne og står ikkje i kontrakten."
        )
    assert document("referat").left_out(session) is None  # the referat lists proposals


@pytest.mark.parametrize(("key", "name"), [("kontrakt", "ny.pdf"), ("ics", "datoer.docx")])
def test_a_name_with_another_kind_s_suffix_is_refused_and_nothing_written(
    tmp_path: Path, key: str, name: str
) -> None:
    """`-o ny.pdf` wrote a Word document named .pdf, which no PDF reader opens."""
    with pytest.raises(UserError, match=r"ny\.pdf|datoer\.docx") as raised:
        make_document(document(key), Session(), tmp_path / name)
    assert document(key).suffix in str(raised.value)
    assert list(tmp_path.iterdir()) == []
