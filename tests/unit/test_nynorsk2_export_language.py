"""`startpakke export` writes every document in the network's målform unless `--lang` says
otherwise (issue 17): read back with python-docx (and the .ics as text), marker words of the
one language present, the other's absent, and `w:lang` in the Word files' styles."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from startpakke import cli, i18n
from startpakke.documents.registry import KEYS
from tests.cli import ROOT, startpakke

EXAMPLE = ROOT / "examples" / "eksempel-okt.json"

# The built-in agenda's title of steg 6, in the document's language (the referat's table
# and the kjøreplan name the parts): it was the program's language, not the network's.
STEP6 = {"nn": "Kompetansen og kunnskapen vår", "nb": "Vår kompetanse og kunnskap"}

# Words the program writes in each document (headings, labels, table headers): the example
# session's own text is bokmål whatever the målform, so the markers are program text only.
MARKERS: dict[str, dict[str, list[str]]] = {
    "kontrakt": {
        "nn": ["Spelereglane våre", "Topp 3 for kvar deltakar", "Namn", "(personleg)"],
        "nb": ["Våre spilleregler", "Hver deltakers topp 3", "Navn", "(personlig)"],
    },
    "referat": {
        "nn": [
            "Referat frå",
            "Stad:",
            "Til stades:",
            "Namn",
            STEP6["nn"],
        ],
        "nb": [
            "Referat fra",
            "Sted:",
            "Til stede:",
            "Navn",
            STEP6["nb"],
        ],
    },
    "runsheet": {
        "nn": ["Køyreplan", "Deltakarar til stades", "Tysdag 10. februar 2026", STEP6["nn"]],
        "nb": ["Kjøreplan", "Deltakere til stede", "Tirsdag 10. februar 2026", STEP6["nb"]],
    },
    "ics": {"nn": ["Leiar møtet"], "nb": ["Leder møtet"]},
}
TAGS = {"nb": "nb-NO", "nn": "nn-NO"}


@pytest.fixture(autouse=True)
def _program_language_restored() -> object:
    before = i18n.current_language()
    yield
    i18n.set_language(before)


def session_in(language: str, folder: Path) -> Path:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["network"]["language"] = language
    path = folder / f"okt-{language}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def document_text(path: Path) -> str:
    if path.suffix == ".ics":
        return path.read_text(encoding="utf-8").replace("\r\n ", "")
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def word_languages(path: Path) -> set[str]:
    document = docx.Document(str(path))
    return {e.get(qn("w:val")) for e in document.styles.element.iter(qn("w:lang"))}


def export(session: Path, kind: str, out: Path, *lang: str) -> Path:
    target = out / f"{kind}-{'-'.join(lang) or 'default'}"
    assert cli.main(["export", str(session), "--format", kind, "-o", str(target), *lang]) == 0
    return next(out.glob(target.name + ".*"))


def assert_in(language: str, kind: str, path: Path) -> None:
    other = "nb" if language == "nn" else "nn"
    text = document_text(path)
    assert [m for m in MARKERS[kind][language] if m not in text] == []
    assert [m for m in MARKERS[kind][other] if m in text] == []
    if path.suffix == ".docx":
        assert word_languages(path) == {TAGS[language]}


@pytest.mark.parametrize("kind", KEYS)
@pytest.mark.parametrize(
    ("målform", "option", "expected"),
    [
        ("nb", ["--lang", "nn"], "nn"),  # --lang nn on a bokmål network
        ("nn", [], "nn"),  # no --lang: the network's målform
        ("nn", ["--lang", "nb"], "nb"),  # --lang nb wins over a nynorsk network
        ("nb", [], "nb"),
    ],
)
def test_documents_follow_the_network_unless_lang_is_given(
    kind: str, målform: str, option: list[str], expected: str, tmp_path: Path
) -> None:
    assert set(KEYS) == set(MARKERS)
    path = export(session_in(målform, tmp_path), kind, tmp_path, *option)
    assert_in(expected, kind, path)


def test_the_program_language_is_not_the_documents(tmp_path: Path) -> None:
    """STARTPAKKE_LANG is the facilitator's language: the contract follows the network."""
    session = session_in("nn", tmp_path)
    result = startpakke(
        "export", str(session), "-o", str(tmp_path / "k.docx"), env={"STARTPAKKE_LANG": "nb"}
    )
    assert result.returncode == 0, result.stderr
    assert_in("nn", "kontrakt", tmp_path / "k.docx")


def test_an_old_file_without_the_field_opens_as_bokmål() -> None:
    from startpakke.session.model import Language
    from startpakke.session.store import load_session

    old = EXAMPLE.parents[1] / "tests" / "data" / "sessions" / "eksempel-okt-v2.json"
    assert "language" not in json.loads(old.read_text(encoding="utf-8"))["network"]
    assert load_session(old).network.language is Language.nb


def test_the_målform_comes_along_to_the_next_meeting(tmp_path: Path) -> None:
    from startpakke.session.followup import followup_session
    from startpakke.session.model import Language

    later = followup_session(
        session_in("nn", tmp_path), "kollegaveiledning", "kollegaveiledning", agenda_kind=""
    )
    assert later.network.language is Language.nn


@pytest.mark.parametrize(
    ("language", "brand"), [("nb", "Barnevernledernettverk"), ("nn", "Barnevernleiarnettverk")]
)
def test_the_template_header_is_in_the_documents_language(
    language: str, brand: str, tmp_path: Path
) -> None:
    path = export(session_in(language, tmp_path), "kontrakt", tmp_path)
    section = docx.Document(str(path)).sections[0]
    assert brand in " ".join(p.text for p in section.header.paragraphs)
    # The network's own name is never «translated».
    footer = " ".join(p.text for p in section.footer.paragraphs)
    assert "Barnevernledernettverket Vestfold sør" in footer
