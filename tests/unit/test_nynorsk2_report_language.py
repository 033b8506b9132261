"""The annual report is in the network's målform (its latest meeting's), or in `--lang`'s
language when given (issue 17)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from docx import Document

from startpakke.documents.report import write_report
from startpakke.network.catalog import scan
from startpakke.session.model import Language
from tests.network_fixtures import followup, founding, save_in_data_folder

NYNORSK = ["Årsrapport 2026", "Oppmøte", "Namn", "Tema og kollegarettleiing", "Kva"]
BOKMÅL = ["Navn", "Temaer og kollegaveiledning", "Hva", "Ingen møter"]


def _network(language: Language) -> None:
    first = founding()
    first.network.language = language
    path = save_in_data_folder(first, "2026-02-10-startpakke")
    second = followup(path, date(2026, 3, 10))
    assert second.network.language is language  # the målform came along
    save_in_data_folder(second, "2026-03-10-kollegaveiledning")


def _text(path: Path) -> str:
    document = Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize(
    ("målform", "lang", "expected"),
    [("nn", None, "nn"), ("nb", "nn", "nn"), ("nn", "nb", "nb"), ("nb", None, "nb")],
)
def test_the_report_follows_the_network_unless_lang_is_given(
    målform: str, lang: str | None, expected: str, tmp_path: Path
) -> None:
    _network(Language(målform))
    text = _text(write_report(scan().resolve("vestfold"), 2026, tmp_path / "r.docx", lang=lang))
    present, absent = (NYNORSK, BOKMÅL) if expected == "nn" else (BOKMÅL[:3], NYNORSK[2:])
    assert [w for w in present if w not in text] == []
    assert [w for w in absent if w in text] == []
