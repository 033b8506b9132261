"""The language a Word document says it is in, so Word's spelling check uses the right one.

Word reads the proofing language from `w:lang` in the run properties: the template's
document defaults (`w:docDefaults/w:rPrDefault`) and any style that sets its own. The
shipped template says nb-NO; `set_document_language` writes the document's language there
and in every style that names one, and in the core properties (File → Info).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

if TYPE_CHECKING:
    from docx.document import Document

LANGUAGE_TAGS = {"nb": "nb-NO", "nn": "nn-NO"}
"""The BCP 47 tag Word uses for each of the program's languages."""


def language_tag(language: str) -> str:
    """`"nn"` → `"nn-NO"`; an unknown code is bokmål (the template's own language)."""
    return LANGUAGE_TAGS.get(language, LANGUAGE_TAGS["nb"])


def set_document_language(document: Document, language: str) -> str:
    """Mark `document` as written in `language` (`nb` or `nn`); returns the tag used."""
    tag = language_tag(language)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = _child(defaults, "w:rPrDefault", first=True)
    run_properties = _child(run_defaults, "w:rPr")
    _set_lang(run_properties, tag)
    # Styles that carry their own w:lang would otherwise keep the template's language.
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)
    document.core_properties.language = tag
    return tag


def document_language(document: Document) -> str | None:
    """The tag in the document defaults (`"nn-NO"`), or None when the template sets none."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return None
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return None if lang is None else lang.get(qn("w:val"))


def _child(parent: object, tag: str, *, first: bool = False) -> object:
    element = parent.find(qn(tag))  # type: ignore[attr-defined]
    if element is None:
        element = OxmlElement(tag)
        if first:
            parent.insert(0, element)  # type: ignore[attr-defined]
        else:
            parent.append(element)  # type: ignore[attr-defined]
    return element


def _set_lang(run_properties: object, tag: str) -> None:
    lang = run_properties.find(qn("w:lang"))  # type: ignore[attr-defined]
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.append(lang)  # type: ignore[attr-defined]
    lang.set(qn("w:val"), tag)
