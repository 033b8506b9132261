"""Templates: the look comes from a Word file an organisation can restyle without code."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from startpakke.documents.base import DocumentWriter, fill_placeholders
from startpakke.documents.contract import write_contract
from startpakke.documents.template import (
    REQUIRED_STYLES,
    TemplateError,
    default_template,
    open_template,
)
from tests.documents_session import build_session


def test_the_shipped_template_has_everything(tmp_path: Path) -> None:
    document = docx.Document(str(default_template()))
    names = {style.name for style in document.styles}
    for need in REQUIRED_STYLES:
        assert need.name in names
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.1)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.1)
    footer = section.footer._element
    instructions = [t.text.strip() for t in footer.iter(qn("w:instrText"))]
    assert "PAGE" in instructions and "NUMPAGES" in instructions
    header = section.header
    assert header._element.findall(".//" + qn("w:drawing")), "logo placeholder in the header"
    assert "{dokument}" in "".join(p.text for p in header.paragraphs)
    heading = document.styles["Heading 1"]
    assert heading.font.color.rgb is not None
    assert document.styles["Heading 1"].font.color.rgb != document.styles["Normal"].font.color.rgb


def test_template_body_is_emptied_and_placeholders_filled(tmp_path: Path) -> None:
    session = build_session()
    path = write_contract(session, tmp_path / "k.docx")
    document = docx.Document(str(path))
    assert "Mal for startpakke-dokumenter" not in "\n".join(p.text for p in document.paragraphs)
    header = "".join(p.text for p in document.sections[0].header.paragraphs)
    footer = "".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "Nettverkskontrakt" in header and "{dokument}" not in header
    assert session.network.name in footer and "{nettverk}" not in footer


def test_restyled_heading_font_reaches_the_document(tmp_path: Path) -> None:
    template = tmp_path / "kommunens-mal.docx"
    shutil.copy(default_template(), template)
    restyled = docx.Document(str(template))
    restyled.styles["Heading 1"].font.name = "Georgia"
    restyled.styles["Title"].font.name = "Georgia"
    restyled.save(str(template))

    path = write_contract(build_session(), tmp_path / "k.docx", template=template)
    document = docx.Document(str(path))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings
    for paragraph in headings:
        assert paragraph.style.font.name == "Georgia"
        assert all(run.font.name is None for run in paragraph.runs)  # no direct formatting
    default = docx.Document(str(write_contract(build_session(), tmp_path / "d.docx")))
    assert default.styles["Heading 1"].font.name != "Georgia"


@pytest.mark.parametrize("missing", ["Heading 2", "Startpakke tabell", "Skrivelinje"])
def test_missing_style_is_named(missing: str, tmp_path: Path) -> None:
    template = tmp_path / "mal.docx"
    document = docx.Document(str(default_template()))
    style = document.styles[missing]
    style.element.getparent().remove(style.element)
    document.save(str(template))
    with pytest.raises(TemplateError) as caught:
        open_template(template)
    assert f"«{missing}»" in str(caught.value)
    assert str(template) in str(caught.value)


def test_dotx_is_asked_to_be_saved_as_docx(tmp_path: Path) -> None:
    template = tmp_path / "mal.dotx"
    shutil.copy(default_template(), template)
    with pytest.raises(TemplateError, match=r"Lagre som.*\.docx"):
        open_template(template)


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_damaged_or_foreign_template(content: bytes, tmp_path: Path) -> None:
    template = tmp_path / "mal.docx"
    template.write_bytes(content)
    with pytest.raises(TemplateError, match="kan ikke"):
        open_template(template)


def test_missing_template_file(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="Fant ikke malen"):
        open_template(tmp_path / "finnes-ikke.docx")


def test_placeholder_split_over_runs_is_replaced() -> None:
    writer = DocumentWriter(None, title="X")
    header = writer.document.sections[0].header
    paragraph = header.add_paragraph()
    for piece in ("Til {dok", "ument", "} i dag"):
        paragraph.add_run(piece)
    fill_placeholders(writer.document, {"{dokument}": "Referat"})
    assert paragraph.text == "Til Referat i dag"
