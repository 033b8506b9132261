"""Open a Word template and check that it has everything the documents need.

The documents take their whole look from a template: page size and margins, the styles
(by name), the header with the logo and the footer with the page number. The code never
sets a font or a colour itself, so an organisation restyles every document by editing the
template in Word. What the code does need — the styles below — is checked here, when the
template is opened, so a missing one is a clear message naming it instead of a crash in
the middle of writing.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from startpakke.errors import UserError
from startpakke.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from docx.document import Document

DEFAULT_TEMPLATE_NAME = "startpakke.docx"


@dataclass(frozen=True)
class StyleNeed:
    name: str
    """The style's name as python-docx knows it (Word shows built-in ones translated)."""
    kind: str
    """paragraph or table"""
    word_name: str
    """What Norwegian Word calls it, for the message."""


PARAGRAPH = "paragraph"
TABLE = "table"

# Every style any document uses. Built-in ones are named in English in the file; Norwegian
# Word shows them translated, so the message gives both names.
REQUIRED_STYLES: tuple[StyleNeed, ...] = (
    StyleNeed("Normal", PARAGRAPH, "Normal"),
    StyleNeed("Title", PARAGRAPH, "Tittel"),
    StyleNeed("Subtitle", PARAGRAPH, "Undertittel"),
    StyleNeed("Heading 1", PARAGRAPH, "Overskrift 1"),
    StyleNeed("Heading 2", PARAGRAPH, "Overskrift 2"),
    StyleNeed("Heading 3", PARAGRAPH, "Overskrift 3"),
    StyleNeed("List Bullet", PARAGRAPH, "Punktmerket liste"),
    StyleNeed("Quote", PARAGRAPH, "Sitat"),
    StyleNeed("Liten tekst", PARAGRAPH, "Liten tekst"),
    StyleNeed("Tabelltekst", PARAGRAPH, "Tabelltekst"),
    StyleNeed("Nummerert punkt", PARAGRAPH, "Nummerert punkt"),
    StyleNeed("Skrivelinje", PARAGRAPH, "Skrivelinje"),
    StyleNeed("Startpakke tabell", TABLE, "Startpakke tabell"),
    StyleNeed("Startpakke skjema", TABLE, "Startpakke skjema"),
)

# Text in the header/footer the code fills in; optional (a template may leave them out).
PLACEHOLDERS = ("{dokument}", "{nettverk}")


class TemplateError(UserError):
    """A template that cannot be used: not found, not .docx, damaged or missing a style."""


def default_template() -> Path:
    from startpakke.resources import data_dir

    return data_dir("templates") / DEFAULT_TEMPLATE_NAME


def open_template(template: str | Path | None = None) -> Document:
    """Open `template` (default: the shipped one), checked, with its body emptied."""
    path = Path(template) if template is not None else default_template()
    document = _open(path)
    check_styles(document, path)
    _empty_body(document)
    return document


# Relationship types Word follows by itself when a document opens (a hyperlink is only
# followed when clicked, so it is left alone).
_FETCHED = {
    "attachedTemplate": N_("en vedlagt mal"),
    "image": N_("et bilde"),
    "oleObject": N_("et innebygd objekt"),
    "frame": N_("en ramme"),
    "subDocument": N_("et underdokument"),
    "externalLinkPath": N_("en ekstern kobling"),
}


def _check_package(path: Path) -> None:
    """Refuse a template that is not a bounded zip, or that fetches from elsewhere.

    Everything in the template is copied into every document: a header image at an
    http address or an attached template on a server would be fetched by Word each time a
    contract is opened, telling that server who opened what.
    """
    from startpakke.safefile import (
        TEMPLATE_CAP,
        TEMPLATE_UNPACKED_CAP,
        UnsafeFile,
        check_regular,
        size_text,
    )

    try:
        check_regular(path, TEMPLATE_CAP)
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            unpacked = sum(entry.file_size for entry in entries)
            if unpacked > TEMPLATE_UNPACKED_CAP:
                raise UnsafeFile(
                    _("pakket ut blir den {size}; høyst {most} (et stort bilde?)").format(
                        size=size_text(unpacked), most=size_text(TEMPLATE_UNPACKED_CAP)
                    )
                )
            remote = [
                found
                for entry in entries
                if entry.filename.endswith(".rels") and entry.file_size < 4 * 1024 * 1024
                for found in _external_targets(archive.read(entry))
            ]
    except UnsafeFile as err:
        raise TemplateError(
            _("Malen «{path}» kan ikke brukes: {reason}.").format(path=path, reason=err.reason)
        ) from None
    except (OSError, zipfile.BadZipFile, ValueError, RuntimeError):
        return  # python-docx words a damaged file below
    if remote:
        listed = "; ".join(f"{what}: {target}" for what, target in remote[:3])
        raise TemplateError(
            _(
                "Malen «{path}» henter innhold utenfra når dokumentet åpnes ({listed}). "
                "Word ville da fortelle den serveren hvem som åpner hvilket dokument. "
                "Fjern koblingen i Word (bruk et innsatt bilde, ikke et koblet), eller "
                "bruk standardmalen (uten --template)."
            ).format(path=path, listed=listed)
        )


def _external_targets(rels: bytes) -> list[tuple[str, str]]:
    """(what, address) for each relationship Word would fetch by itself."""
    import re

    found = []
    for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", rels):
        if b'TargetMode="External"' not in tag:
            continue
        kind = re.search(rb'Type="[^"]*/([^"/]+)"', tag)
        target = re.search(rb'Target="([^"]*)"', tag)
        name = kind.group(1).decode("utf-8", "replace") if kind else ""
        if name in _FETCHED:
            address = target.group(1).decode("utf-8", "replace") if target else "?"
            found.append((_(_FETCHED[name]), address[:80]))
    return found


def _open(path: Path) -> Document:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    suffix = path.suffix.lower()
    if suffix in (".dotx", ".dotm"):
        raise TemplateError(
            _(
                "Malen «{path}» er en Word-mal ({suffix}), som ikke kan leses. Åpne den "
                "i Word og velg Fil → Lagre som → Word-dokument (.docx), og bruk den nye "
                "filen."
            ).format(path=path, suffix=suffix)
        )
    if suffix == ".doc":
        raise TemplateError(
            _(
                "Malen «{path}» er i det gamle Word-formatet (.doc). Åpne den i Word og "
                "lagre den som Word-dokument (.docx)."
            ).format(path=path)
        )
    if not path.exists():
        raise TemplateError(_("Fant ikke malen «{path}».").format(path=path))
    if path.is_dir():
        raise TemplateError(_("«{path}» er en mappe, ikke en Word-fil.").format(path=path))
    _check_package(path)
    try:
        return docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as err:
        raise TemplateError(
            _(
                "Malen «{path}» kan ikke åpnes som et Word-dokument (.docx): den er "
                "skadet eller i et annet format ({name})."
            ).format(path=path, name=type(err).__name__)
        ) from None
    except Exception as err:  # lxml errors for damaged XML inside the zip
        raise TemplateError(
            _(
                "Malen «{path}» kan ikke leses: {name}. Åpne og lagre den på nytt i "
                "Word, eller bruk standardmalen (uten --template)."
            ).format(path=path, name=err.__class__.__name__)
        ) from None


def missing_styles(document: Document) -> list[StyleNeed]:
    """The required styles the document lacks, or has with the wrong type."""
    from docx.enum.style import WD_STYLE_TYPE

    kinds = {PARAGRAPH: WD_STYLE_TYPE.PARAGRAPH, TABLE: WD_STYLE_TYPE.TABLE}
    styles = document.styles
    missing = []
    for need in REQUIRED_STYLES:
        try:
            style = styles[need.name]
        except KeyError:
            missing.append(need)
            continue
        if style.type != kinds[need.kind]:
            missing.append(need)
    return missing


def check_styles(document: Document, path: Path) -> None:
    missing = missing_styles(document)
    if not missing:
        return
    names = ", ".join(
        f"«{need.name}»"
        + (
            _(" («{name}» i norsk Word)").format(name=need.word_name)
            if need.word_name != need.name
            else ""
        )
        for need in missing
    )
    raise TemplateError(
        ngettext(
            "Malen «{path}» mangler stilen {names}. Legg til stilen i Word (Hjem → Stiler), "
            "eller ta utgangspunkt i standardmalen templates/startpakke.docx.",
            "Malen «{path}» mangler stilene {names}. Legg til stilene i Word (Hjem → Stiler), "
            "eller ta utgangspunkt i standardmalen templates/startpakke.docx.",
            len(missing),
        ).format(path=path, names=names)
    )


def _empty_body(document: Document) -> None:
    """Remove the template's own text (a guide to its styles); keep the page setup."""
    from docx.oxml.ns import qn

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
