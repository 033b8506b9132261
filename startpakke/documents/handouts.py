"""The handouts printed before the meeting: one set per member with the name filled in, or
blank sets. Every sheet starts on its own A4 page, with room to write by hand: lines for
answers, boxes to write or draw in, the kollegaveiledning method as a card for the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from startpakke.documents.base import (
    DocumentWriter,
    keep_row_together,
    set_cell,
    set_row_height,
    set_widths,
)
from startpakke.documents.handouts_model import COLOUR_FILLS, HandoutItem, HandoutSheet
from startpakke.documents.output import OutputError
from startpakke.errors import os_reason
from startpakke.i18n import N_, _
from startpakke.paths import ensure_private_dir
from startpakke.text import clean, slug

LINE_CM = 0.85  # the height of one line to write on («Skrivelinje» is 482 twips)
BLANK_NAME = "_" * 44
# The post-it colours of handouts.yaml, for the catalogue (shown through `_()`).
COLOUR_WORDS = (N_("gul"), N_("blå"), N_("rosa"), N_("grønn"), N_("oransje"))


def handout_filename(name: str | None, index: int) -> str:
    if name is None:
        return f"arbeidsark-blank-{index}.docx"
    return f"arbeidsark-{slug(name, fallback=f'deltaker-{index}')}.docx"


def write_handouts(
    sheets: Sequence[HandoutSheet],
    people: Sequence[str] | int,
    out_dir: str | Path,
    template: str | Path | None = None,
) -> list[Path]:
    """Write one .docx per name (`arbeidsark-<navn>.docx`), or `people` blank sets
    (`arbeidsark-blank-<i>.docx`), each with every sheet. Returns the paths written."""
    folder = Path(out_dir)
    if folder.exists() and not folder.is_dir():
        raise OutputError(
            _("«{folder}» er en fil, ikke en mappe. Oppgi en mappe med -o.").format(folder=folder)
        )
    try:
        ensure_private_dir(folder)  # folders we create are 0700 (README, «Personvern»)
    except OSError as err:
        raise OutputError(
            _(
                "Kan ikke lage mappen «{folder}»: {reason}. Velg en annen mappe med -o, "
                "for eksempel -o handouts."
            ).format(folder=folder, reason=os_reason(err))
        ) from None
    if isinstance(people, int):
        names: list[str | None] = [None] * max(people, 0)
    else:
        names = [clean(n).strip() for n in people]
    written: list[Path] = []
    used: set[str] = set()
    for index, person in enumerate(names, start=1):
        filename = handout_filename(person, index)
        if filename in used:  # two people with the same name
            stem = filename.removesuffix(".docx")
            number = 2
            while f"{stem}-{number}.docx" in used:
                number += 1
            filename = f"{stem}-{number}.docx"
        used.add(filename)
        written.append(write_handout_set(sheets, person, folder / filename, template))
    return written


def write_handout_set(
    sheets: Sequence[HandoutSheet],
    name: str | None,
    path: str | Path,
    template: str | Path | None = None,
) -> Path:
    """One person's set (or a blank one when `name` is None) as one .docx."""
    title = _("Arbeidsark – {name}").format(name=clean(name)) if name else _("Arbeidsark")
    writer = DocumentWriter(template, title=title, network=_("Barnevernledernettverk"))
    for number, sheet in enumerate(sheets):
        _sheet(writer, sheet, name, new_page=number > 0)
    return writer.save(path)


def _sheet(
    writer: DocumentWriter, sheet: HandoutSheet, name: str | None, *, new_page: bool
) -> None:
    writer.title(sheet.title, sheet.subtitle, new_page=new_page)
    writer.labelled(_("Navn"), clean(name) if name else BLANK_NAME)
    if clean(sheet.intro).strip():
        writer.paragraph(sheet.intro)
    if sheet.layout == "label":
        _label(writer, sheet.items)
    elif sheet.layout == "card":
        _card(writer, sheet.items)
    else:
        for item in sheet.items:
            _item(writer, item)
    if clean(sheet.footer).strip():
        writer.spacer()
        writer.small(sheet.footer)


def _item(writer: DocumentWriter, item: HandoutItem) -> None:
    if item.kind == "step":  # a step outside a card: a numbered line
        minutes = f" ({item.minutes} min)" if item.minutes else ""
        writer.paragraph(f"{clean(item.label)}{minutes}")
        return
    if item.label.strip():
        writer.heading(item.label, 3)
    if item.kind == "text":
        if clean(item.hint).strip():
            writer.paragraph(item.hint)
        return
    if clean(item.hint).strip():
        writer.small(item.hint)
    if item.kind == "box":
        _box(writer, item)
    else:
        writer.writing_lines(item.lines)


def _box(writer: DocumentWriter, item: HandoutItem) -> None:
    table = writer.table(None, [[""]], style="Startpakke skjema", banded=False)
    set_widths(table, (16.3,))
    row = table.rows[0]
    set_row_height(row, max(item.lines, 1) * LINE_CM)
    keep_row_together(row)
    if item.colour:
        _shade(row.cells[0], COLOUR_FILLS[item.colour])
        set_cell(row.cells[0], _("{colour} lapp").format(colour=_(item.colour).capitalize()))
        for run in row.cells[0].paragraphs[0].runs:
            run.italic = True


def _label(writer: DocumentWriter, items: Sequence[HandoutItem]) -> None:
    """The care label: one row per question, the answer space to the right."""
    table = writer.table(None, [["", ""] for _ in items], style="Startpakke skjema", banded=False)
    set_widths(table, (5.6, 10.7))
    for row, item in zip(table.rows, items, strict=True):
        content: list[object] = [(item.label, "")]
        if clean(item.hint).strip():
            content.append(item.hint)
        set_row_height(row, max(item.lines, 1) * LINE_CM + 0.3)
        keep_row_together(row)
        if item.kind == "box":
            merged = row.cells[0].merge(row.cells[1])
            set_cell(merged, content)
        else:
            set_cell(row.cells[0], content)
        if item.colour:
            _shade(row.cells[-1], COLOUR_FILLS[item.colour])
        for paragraph in row.cells[0].paragraphs[1:]:
            for run in paragraph.runs:
                run.italic = True


def _card(writer: DocumentWriter, items: Sequence[HandoutItem]) -> None:
    steps: list[HandoutItem] = []

    def flush() -> None:
        if not steps:
            return
        rows = [
            [f"{n}.", item.label, f"{item.minutes} min" if item.minutes else "–"]
            for n, item in enumerate(steps, start=1)
        ]
        table = writer.table(["", _("Slik gjør dere"), _("Tid")], rows, widths_cm=(1.0, 13.0, 2.3))
        for row in table.rows:
            keep_row_together(row)
        steps.clear()

    for item in items:
        if item.kind == "step":
            steps.append(item)
            continue
        flush()
        _item(writer, item)
    flush()


def _shade(cell: object, fill: str) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')
    # Schema order: what may follow w:shd in a w:tcPr.
    tc_pr.insert_element_before(
        shading, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"
    )
