"""The building blocks every document is made of, on top of a checked template.

`DocumentWriter` adds titles, headings, paragraphs, lists, tables and lines to write on,
always by style name, so the template decides the look. Every piece of text goes through
`startpakke.text.clean` on the way in: pasted control characters, 10,000-character entries,
emoji and æøå all end up as valid Word text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from startpakke.documents.language import set_document_language
from startpakke.documents.output import save_document
from startpakke.documents.template import open_template
from startpakke.i18n import _, current_language, format_date
from startpakke.text import clean

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

# Bokmål's names without Babel, so a bokmål document needs no CLDR data (the 0.5 s export
# target); other languages go through `i18n.format_date` («måndag 16. november 2026»).
MONTHS = (
    "januar", "februar", "mars", "april", "mai", "juni",
    "juli", "august", "september", "oktober", "november", "desember",
)  # fmt: skip
WEEKDAYS = (
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
)  # i18n: not text

BLANK = "…………………………"
BRAND = "Barnevernledernettverk"
"""The header line of the shipped template (`tools/build_templates.py`)."""


def short_date(value: date | datetime | None, blank: str = BLANK) -> str:
    """16.11.2021, as in the network's referat."""
    if value is None:
        return blank
    return value.strftime("%d.%m.%Y")


def long_date(value: date | datetime | None, blank: str = BLANK) -> str:
    """tirsdag 14. januar 2025"""
    if value is None:
        return blank
    if current_language() != "nb":
        return format_date(value, "EEEE d. MMMM y")
    return f"{WEEKDAYS[value.weekday()]} {value.day}. {MONTHS[value.month - 1]} {value.year}"


def clock(value: datetime | None, blank: str = "–") -> str:
    return value.strftime("%H:%M") if value is not None else blank


def join_names(names: Iterable[str]) -> str:
    """«A, B og C»."""
    items = [clean(n) for n in names if clean(n).strip()]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def _set_on(element: object, attrs: dict[str, str]) -> None:
    from docx.oxml.ns import qn

    for key, value in attrs.items():
        element.set(qn(key), value)  # type: ignore[attr-defined]


class DocumentWriter:
    """A document being written on a template, with the title in its header."""

    def __init__(self, template: str | Path | None, *, title: str, network: str = "") -> None:
        self.document: Document = open_template(template)
        self.title_text = clean(title)
        brand = _(BRAND)
        if brand != BRAND:
            # The shipped template's header names the programme in bokmål (a nynorsk
            # document says «Barnevernleiarnettverk»); before the network's own name goes
            # in, which is the network's to spell.
            fill_placeholders(self.document, {BRAND: brand})
        fill_placeholders(
            self.document,
            {
                "{dokument}": self.title_text,
                "{nettverk}": clean(network) or _("Barnevernledernettverk"),
            },
        )
        props = self.document.core_properties
        props.title = self.title_text[:250]
        props.subject = clean(network)[:250]
        props.author = "startpakke"
        props.last_modified_by = "startpakke"
        # python-docx's blank template says 2013; a document is made now.
        props.created = props.modified = datetime.now(UTC).replace(microsecond=0)
        props.revision = 1
        props.comments = ""
        # Word's spelling check follows the language the text is written in (nb-NO, nn-NO).
        set_document_language(self.document, current_language())

    # -- paragraphs --------------------------------------------------------------------

    def paragraph(self, text: object = "", style: str = "Normal") -> Paragraph:
        paragraph = self.styled(style)
        value = clean(text)
        if value:
            paragraph.add_run(value)
        return paragraph

    def styled(self, style: str) -> Paragraph:
        """An empty paragraph in `style` (set by id: python-docx's own lookup by name scans
        every style each time, which made a document take a fifth of a second)."""
        paragraph = self.document.add_paragraph()
        paragraph._p.style = style_id(self.document, style)
        return paragraph

    def title(self, text: object, subtitle: object = "", *, new_page: bool = False) -> None:
        """The document's (or a sheet's) title; `new_page` starts it on a new page."""
        paragraph = self.styled("Title")
        if new_page:
            from docx.enum.text import WD_BREAK

            paragraph.add_run().add_break(WD_BREAK.PAGE)
        paragraph.add_run(clean(text))
        if clean(subtitle):
            self.paragraph(subtitle, "Subtitle")

    def heading(self, text: object, level: int = 1) -> Paragraph:
        return self.paragraph(text, f"Heading {level}")

    def labelled(
        self, label: str, value: object, style: str = "Normal", *more: tuple[str, object]
    ) -> Paragraph:
        """«Label: value» with the label in bold; each pair in `more` on a line of its own
        in the same paragraph (lines that must stay together: one paragraph is kept whole,
        where LibreOffice does not keep a chain of «keep with next» paragraphs)."""
        from docx.enum.text import WD_BREAK

        paragraph = self.styled(style)
        for number, (name, text) in enumerate(((label, value), *more)):
            if number:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            paragraph.add_run(clean(name) + ": ").bold = True
            paragraph.add_run(clean(text))
        return paragraph

    def small(self, text: object) -> Paragraph:
        return self.paragraph(text, "Liten tekst")

    def bullets(self, items: Iterable[object]) -> None:
        for item in items:
            self.paragraph(item, "List Bullet")

    def numbered(self, items: Iterable[object]) -> None:
        for number, item in enumerate(items, start=1):
            self.paragraph(f"{number}.\t{clean(item)}", "Nummerert punkt")

    def quote(self, text: object, source: object = "") -> None:
        self.paragraph(text, "Quote")
        if clean(source):
            self.small(_("Kilde: {source}").format(source=clean(source)))

    def text_block(self, text: object, style: str = "Normal") -> None:
        """Multi-paragraph user text: blank lines separate paragraphs."""
        for chunk in clean(text).replace("\r\n", "\n").split("\n\n"):
            if chunk.strip():
                self.paragraph(chunk.strip("\n"), style)

    def writing_lines(self, count: int) -> None:
        for _line in range(max(0, count)):
            self.paragraph("", "Skrivelinje")

    def page_break(self) -> None:
        """A page break (`w:br w:type="page"`) after what has been written so far."""
        from docx.enum.text import WD_BREAK
        from docx.oxml.ns import qn
        from docx.text.paragraph import Paragraph

        body = self.document.element.body
        last = body[-2] if len(body) > 1 and body[-1].tag == qn("w:sectPr") else None
        if last is not None and last.tag == qn("w:p"):
            Paragraph(last, self.document._body).add_run().add_break(WD_BREAK.PAGE)
        else:
            self.styled("Liten tekst").add_run().add_break(WD_BREAK.PAGE)

    def spacer(self) -> None:
        self.paragraph("", "Liten tekst")

    # -- tables ------------------------------------------------------------------------

    def table(
        self,
        headers: Sequence[object] | None,
        rows: Sequence[Sequence[object]],
        *,
        widths_cm: Sequence[float] | None = None,
        style: str = "Startpakke tabell",
        first_column: bool = False,
        banded: bool = True,
    ) -> Table:
        """A table; each cell is text (newlines kept) or a list of lines (one paragraph each)."""
        ncols = len(headers) if headers is not None else max((len(r) for r in rows), default=1)
        table: Table = self.document.add_table(
            rows=(1 if headers is not None else 0) + len(rows), cols=ncols
        )
        table._tbl.tblPr.style = style_id(self.document, style)
        set_table_look(
            table, first_row=headers is not None, first_column=first_column, banded=banded
        )
        from docx.table import _Cell

        # Cells straight from the rows' XML: python-docx's table.cell() walks the whole
        # table for every cell.
        grid = [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
        offset = 0
        if headers is not None:
            for index, header in enumerate(headers):
                set_cell(grid[0][index], header)
            repeat_header(table.rows[0])
            offset = 1
        for r, row in enumerate(rows):
            cells = grid[r + offset]
            for c in range(ncols):
                set_cell(cells[c], row[c] if c < len(row) else "")
        # A row read across a page break (a person's top three, a part of the referat) is
        # hard to follow on paper: each row stays on one page where it fits on one.
        for table_row in table.rows:
            keep_row_together(table_row)
        if widths_cm is not None:
            set_widths(table, widths_cm)
        return table

    def key_values(
        self, rows: Sequence[tuple[str, object]], widths_cm: Sequence[float] = (5.0, 11.3)
    ) -> Table:
        """A two-column fact table: label in bold on the left."""
        return self.table(
            None, [list(r) for r in rows], widths_cm=widths_cm, first_column=True, banded=False
        )

    # -- saving ------------------------------------------------------------------------

    def save(self, path: str | Path) -> Path:
        return save_document(self.document, path)


def style_id(owner: object, name: str) -> str:
    """The id of the style called `name` (checked to exist when the template was opened).

    `owner` is the Document or its DocumentPart; the ids are cached on the part, which is
    the one object every table cell and paragraph of the document shares.
    """
    part = getattr(owner, "part", owner)
    cache: dict[str, str] | None = getattr(part, "_startpakke_style_ids", None)
    if cache is None:
        cache = {}
        part._startpakke_style_ids = cache  # type: ignore[attr-defined]
    if name not in cache:
        cache[name] = part.styles[name].style_id  # type: ignore[attr-defined]
    return cache[name]


def set_cell(cell: _Cell, value: object, *, bold: bool = False) -> None:
    """Fill a cell with text (newlines become line breaks) or a list of paragraphs.

    A paragraph given as a `(label, text)` pair gets its label in bold; a list item that is
    itself a list becomes bulleted lines («– text»).
    """
    lines: list[object] = list(value) if isinstance(value, list) else [value]
    style = style_id(cell.part, "Tabelltekst")
    first = cell.paragraphs[0]
    for run in list(first.runs):
        run._r.getparent().remove(run._r)
    for index, line in enumerate(lines or [""]):
        paragraph = first if index == 0 else cell.add_paragraph()
        paragraph._p.style = style
        if isinstance(line, tuple):
            label, text = line
            paragraph.add_run(clean(label)).bold = True
            if clean(text):
                paragraph.add_run(" " + clean(text))
            continue
        run = paragraph.add_run(clean(line))
        if bold:
            run.bold = True


def set_table_look(table: Table, *, first_row: bool, first_column: bool, banded: bool) -> None:
    """Which of the table style's conditional formats apply (header row, first column...)."""
    from docx.oxml import OxmlElement

    tbl_pr = table._tbl.tblPr
    look = tbl_pr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblLook")
    if look is None:
        look = OxmlElement("w:tblLook")
        tbl_pr.append(look)
    value = (0x20 if first_row else 0) | (0x80 if first_column else 0)
    value |= 0x400 | (0 if banded else 0x200)
    _set_on(
        look,
        {
            "w:val": f"{value:04X}",
            "w:firstRow": "1" if first_row else "0",
            "w:lastRow": "0",
            "w:firstColumn": "1" if first_column else "0",
            "w:lastColumn": "0",
            "w:noHBand": "0" if banded else "1",
            "w:noVBand": "1",
        },
    )


def repeat_header(row: object) -> None:
    """Repeat a table's header row at the top of every page it runs over."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)


def keep_row_together(row: object) -> None:
    """A row is not split across two pages (one taller than a page still is)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.insert(0, OxmlElement("w:cantSplit"))


def set_row_height(row: object, cm: float) -> None:
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    row.height = Cm(cm)  # type: ignore[attr-defined]
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST  # type: ignore[attr-defined]


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    from docx.shared import Cm

    table.autofit = False
    for index, width in enumerate(widths_cm):
        if index >= len(table.columns):
            break
        table.columns[index].width = Cm(width)
    for tr in table._tbl.tr_lst:
        for index, tc in enumerate(tr.tc_lst):
            if index < len(widths_cm):
                tc.width = Cm(widths_cm[index])


def fill_placeholders(document: Document, values: dict[str, str]) -> None:
    """Replace `{dokument}`/`{nettverk}` in headers and footers, even across Word's runs."""
    seen: set[int] = set()
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if part.is_linked_to_previous and section is not document.sections[0]:
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            for paragraph in _all_paragraphs(part):
                _replace_in_paragraph(paragraph, values)


def _all_paragraphs(container: object) -> list[Paragraph]:
    paragraphs = list(container.paragraphs)  # type: ignore[attr-defined]
    for table in container.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(_all_paragraphs(cell))
    return paragraphs


def _replace_in_paragraph(paragraph: Paragraph, values: dict[str, str]) -> None:
    if not any(key in paragraph.text for key in values):
        return
    runs = paragraph.runs
    for key, value in values.items():
        for run in runs:
            if key in run.text:
                run.text = run.text.replace(key, value)
        joined = "".join(run.text for run in runs)
        if key not in joined:
            continue
        # Word split the placeholder over several runs: gather the text into the first run
        # of the span, keeping that run's formatting.
        start = joined.index(key)
        end = start + len(key)
        position = 0
        first = None
        for run in runs:
            length = len(run.text)
            run_start, run_end = position, position + length
            position = run_end
            if run_end <= start or run_start >= end:
                continue
            if first is None:
                first = run
                run.text = (
                    run.text[: start - run_start]
                    + value
                    + (run.text[end - run_start :] if run_end > end else "")
                )
            else:
                run.text = run.text[end - run_start :] if run_end > end else ""
