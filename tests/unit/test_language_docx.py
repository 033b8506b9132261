"""Word documents say their language (w:lang nb-NO / nn-NO), read back with python-docx."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from startpakke import i18n
from startpakke.documents.contract import write_contract
from startpakke.documents.language import document_language, set_document_language
from tests.documents_session import example_session


def languages_in_styles(path: Path) -> set[str]:
    document = docx.Document(str(path))
    return {lang.get(qn("w:val")) for lang in document.styles.element.iter(qn("w:lang"))}


@pytest.mark.parametrize(
    ("language", "tag", "heading"),
    [("nb", "nb-NO", "Våre spilleregler"), ("nn", "nn-NO", "Spelereglane våre")],
)
def test_the_contract_says_its_language(
    language: str, tag: str, heading: str, tmp_path: Path
) -> None:
    with i18n.using(language):
        path = write_contract(example_session(), tmp_path / "kontrakt.docx")
    document = docx.Document(str(path))
    assert document_language(document) == tag
    assert languages_in_styles(path) == {tag}
    assert document.core_properties.language == tag
    assert any(heading in p.text for p in document.paragraphs)


def test_a_style_with_its_own_language_follows_the_document(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement

    document = docx.Document()
    style = document.styles["Heading 1"].element
    rpr = style.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    rpr.append(lang)
    assert set_document_language(document, "nn") == "nn-NO"
    document.save(str(tmp_path / "d.docx"))
    assert languages_in_styles(tmp_path / "d.docx") == {"nn-NO"}


def test_the_source_of_the_quoted_purpose_is_labelled_in_the_documents_language(
    tmp_path: Path,
) -> None:
    """Seen by a tester: the nynorsk contract said «Kilde:» under the quoted purpose."""
    labels = {}
    for language in ("nb", "nn"):
        with i18n.using(language):
            path = write_contract(example_session(), tmp_path / f"{language}.docx")
        texts = [p.text for p in docx.Document(str(path)).paragraphs]
        labels[language] = [t.split(":")[0] for t in texts if t.startswith(("Kilde:", "Kjelde:"))]
    assert labels == {"nb": ["Kilde"], "nn": ["Kjelde"]}
