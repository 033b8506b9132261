"""The handouts: the sheets as data, one set per name, page breaks between sheets."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from startpakke.documents.handouts import write_handouts
from startpakke.documents.handouts_model import Handouts, handouts_path, load_handouts
from startpakke.errors import UserError
from tests.documents_session import all_text, load_builtin_agenda, page_breaks, paragraphs_text

NAMES = ["Ingrid Solberg", "Jon Are Eriksen", "Åse Ødegård"]


@pytest.fixture(scope="module")
def handouts() -> Handouts:
    return load_handouts(handouts_path())


def test_the_six_sheets(handouts: Handouts) -> None:
    assert [s.title for s in handouts.sheets] == [
        "Din vaskeanvisning",
        "Min bruksanvisning i samarbeid",
        "Spilleregler",
        "Vår kompetanse",
        "Plan for videre arbeid",
        "Kollegaveiledning",
    ]


def test_the_agenda_refers_only_to_sheets_that_exist(handouts: Handouts) -> None:
    known = {s.id for s in handouts.sheets}
    for name in ("startpakke", "kollegaveiledning"):
        agenda = load_builtin_agenda(name)
        assert {h for part in agenda.parts for h in part.handouts} <= known


def test_sheet_content_follows_the_deck(handouts: Handouts) -> None:
    def text(sheet_id: str) -> str:
        sheet = handouts.sheet(sheet_id)
        assert sheet is not None
        return " ".join(
            [sheet.intro, sheet.footer]
            + [f"{i.label} {i.hint} {i.minutes or ''} {i.colour or ''}" for i in sheet.items]
        )

    vask = text("vaskeanvisning").lower()
    for words in ("trives", "tåler jeg ikke", "press", "krympe", "skinne", "tegn"):
        assert words in vask
    bruk = text("bruksanvisning")
    for words in (
        "på mitt beste",
        "forvente av meg",
        "trenger jeg fra andre",
        "stresser",
        "tilbakemelding",
        "bidrar jeg med",
        "bedre på som leder",
    ):
        assert words in bruk
    regler = text("spilleregler").lower()
    for words in ("taushet", "oppmøte", "forberedelse", "uenige", "tiden"):
        assert words in regler
    kompetanse = text("kompetanse")
    for words in (
        "Teoretisk kunnskap",
        "Yrkesspesifikke ferdigheter",
        "Personlig kompetanse",
        "gul",
        "blå",
        "rosa",
    ):
        assert words in kompetanse
    plan = text("plan").lower()
    for words in (
        "leder og sekretær",
        "hvor ofte",
        "digitale eller fysiske",
        "teams",
        "temaer",
        "kollegaveiledning",
    ):
        assert words in plan
    card = handouts.sheet("kollegaveiledning")
    assert card is not None
    assert [i.minutes for i in card.items if i.kind == "step"] == [4, 6, None, 8, 2, None]
    kort = text("kollegaveiledning")
    assert "kun spørsmål, ingen råd eller refleksjoner" in kort
    assert "«flue på veggen»" in kort
    assert "tidtaker" in kort and "fokusperson" in kort.lower()


def test_three_names_three_sets_with_the_name_on_every_sheet(
    handouts: Handouts, tmp_path: Path
) -> None:
    paths = write_handouts(handouts.sheets, NAMES, tmp_path)
    assert [p.name for p in paths] == [
        "arbeidsark-ingrid-solberg.docx",
        "arbeidsark-jon-are-eriksen.docx",
        "arbeidsark-ase-odegard.docx",
    ]
    sheets = len(handouts.sheets)
    for name, path in zip(NAMES, paths, strict=True):
        lines = paragraphs_text(path)
        assert lines.count(f"Navn: {name}") == sheets
        assert page_breaks(path) == sheets - 1
        for other in NAMES:
            if other != name:
                assert other not in all_text(path)
        document = docx.Document(str(path))
        header = "".join(p.text for p in document.sections[0].header.paragraphs)
        assert name in header  # on every printed page, even when a sheet runs over
        for sheet in handouts.sheets:
            assert sheet.title in lines


def test_each_sheet_starts_on_a_new_page(handouts: Handouts, tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    path = write_handouts(handouts.sheets, ["Kari"], tmp_path)[0]
    document = docx.Document(str(path))
    titles = [p for p in document.paragraphs if p.style.name == "Title"]
    assert len(titles) == len(handouts.sheets)
    for title in titles[1:]:
        first = title._p.find(qn("w:r"))
        assert first is not None
        br = first.find(qn("w:br"))
        assert br is not None and br.get(qn("w:type")) == "page"


def test_a4_and_room_to_write(handouts: Handouts, tmp_path: Path) -> None:
    path = write_handouts(handouts.sheets, 1, tmp_path)[0]
    document = docx.Document(str(path))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.1)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.1)
    lines = [p for p in document.paragraphs if p.style.name == "Skrivelinje"]
    assert len(lines) >= 30
    assert len(document.tables) >= 5  # the care label, three boxes, the method card


def test_blank_sets(handouts: Handouts, tmp_path: Path) -> None:
    paths = write_handouts(handouts.sheets, 2, tmp_path)
    assert [p.name for p in paths] == ["arbeidsark-blank-1.docx", "arbeidsark-blank-2.docx"]
    lines = paragraphs_text(paths[0])
    assert sum(1 for line in lines if line.startswith("Navn: ___")) == len(handouts.sheets)


def test_same_name_twice_gives_two_files(handouts: Handouts, tmp_path: Path) -> None:
    paths = write_handouts(handouts.sheets, ["Kari Nordmann", "Kari Nordmann"], tmp_path)
    assert len({p.name for p in paths}) == 2


def test_hostile_names(handouts: Handouts, tmp_path: Path) -> None:
    paths = write_handouts(handouts.sheets, ["Ø\x0bla 🦊", "x" * 10_000, "\x01"], tmp_path)
    assert len(paths) == 3
    assert "Navn: Ø\nla 🦊" in paragraphs_text(paths[0])


def test_output_folder_that_is_a_file(handouts: Handouts, tmp_path: Path) -> None:
    target = tmp_path / "fil.txt"
    target.write_text("x")
    with pytest.raises(UserError, match="er en fil"):
        write_handouts(handouts.sheets, 1, target)


def test_bad_handouts_file_names_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "handouts.yaml"
    bad.write_text("sheets:\n  - id: a\n    title: A\n    items:\n      - kind: boks\n")
    with pytest.raises(UserError) as caught:
        load_handouts(bad)
    assert f"{bad}:5:" in str(caught.value)
    assert "kind" in str(caught.value)


def test_handouts_file_next_to_a_custom_agenda(tmp_path: Path) -> None:
    agenda = tmp_path / "min-agenda.yaml"
    agenda.write_text("x: 1\n")
    assert handouts_path(agenda) == handouts_path()  # none beside it: the built-in one
    (tmp_path / "handouts.yaml").write_text("sheets: []\n")
    assert handouts_path(agenda) == tmp_path / "handouts.yaml"


def test_a_folder_made_for_the_handouts_is_private(handouts: Handouts, tmp_path: Path) -> None:
    import stat

    folder = tmp_path / "utskrift" / "mandag"
    write_handouts(handouts.sheets, ["Anne"], folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
