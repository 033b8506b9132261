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
