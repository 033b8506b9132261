"""Build the Word template(s) in `templates/` that the documents take their look from.

Run once after changing the look here: `python tools/build_templates.py`. The result is
committed; an organisation restyles its own copy in Word (Hjem → Stiler → Endre) and passes
it with `--template`. The code refers to styles by name only (see
`startpakke/documents/template.py`), so keep the names and change anything else.

The script uses python-docx's default template as its base and rewrites the styles the
documents use: A4, Calibri (Carlito has the same metrics where Calibri is missing), a
petrol-blue heading colour, a table style with a coloured header row, a header with a logo
placeholder and a footer with PAGE / NUMPAGES fields.
"""

from __future__ import annotations

import io
import math
import struct
import sys
import zlib
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Twips

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "startpakke.docx"

FONT = "Calibri"
TEXT = "262626"
HEADING = "1F5C73"  # petrol blue: headings, the table header row, the logo
HEADING_LIGHT = "5E98AD"
BAND = "EEF4F7"  # every other table row
BORDER = "A9BFCA"
GREY = "595959"
LINE = "8C8C8C"  # lines to write on

# A4 in twips, 2.3 cm side margins.
PAGE_W, PAGE_H = 11906, 16838
MARGIN_SIDE, MARGIN_TOP, MARGIN_BOTTOM = 1304, 1418, 1247
TEXT_WIDTH = PAGE_W - 2 * MARGIN_SIDE


# -- a small logo placeholder, drawn without any imaging library ----------------------------


def _png(width: int, height: int, rows: list[bytes]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def _segment_distance(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def logo_png(size: int = 240) -> bytes:
    """A neutral network emblem (six leaders around a shared centre) to be replaced in Word."""
    centre = size / 2
    ring = size * 0.36
    node_r = size * 0.085
    hub_r = size * 0.11
    line_w = size * 0.022
    nodes = [
        (
            centre + ring * math.cos(math.pi / 2 + k * math.pi / 3),
            centre - ring * math.sin(math.pi / 2 + k * math.pi / 3),
        )
        for k in range(6)
    ]
    segments = [(nodes[k], nodes[(k + 1) % 6]) for k in range(6)]
    segments += [((centre, centre), node) for node in nodes]
    dark = tuple(int(HEADING[i : i + 2], 16) for i in (0, 2, 4))
    light = tuple(int(HEADING_LIGHT[i : i + 2], 16) for i in (0, 2, 4))
    rows = []
    for y in range(size):
        row = bytearray()
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            d_node = min(math.hypot(px - nx, py - ny) - node_r for nx, ny in nodes)
            d_node = min(d_node, math.hypot(px - centre, py - centre) - hub_r)
            a_node = max(0.0, min(1.0, 0.5 - d_node))
            d_line = min(_segment_distance(px, py, *a, *b) for a, b in segments) - line_w / 2
            a_line = max(0.0, min(1.0, 0.5 - d_line))
            if a_node > 0:
                colour, alpha = dark, a_node + a_line * (1 - a_node)
                if a_node < 1 and a_line > 0:
                    colour = tuple(
                        round(d * a_node + lc * (1 - a_node))
                        for d, lc in zip(dark, light, strict=True)
                    )
            else:
                colour, alpha = light, a_line
            row += bytes(colour) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return _png(size, size, rows)


# -- style helpers ---------------------------------------------------------------------------


def _fonts_xml() -> str:
    return f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'


def _replace_children(parent, tag: str, xml: str) -> None:
    """Replace `parent`'s child `tag` (pPr/rPr/tblPr...) with `xml`, keeping schema order."""
    old = parent.find(qn(tag))
    new = parse_xml(xml)
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
    else:
        parent.append(new)


def _set_ppr_rpr(style, ppr: str | None, rpr: str | None) -> None:
    el = style.element
    for tag in ("w:pPr", "w:rPr"):
        old = el.find(qn(tag))
        if old is not None:
            el.remove(old)
    # pPr and rPr come after rsid/qFormat etc. and before tblPr; append is in order here.
    if ppr is not None:
        el.append(parse_xml(f"<w:pPr {nsdecls('w')}>{ppr}</w:pPr>"))
    if rpr is not None:
        el.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rpr}</w:rPr>"))


def _paragraph_style(doc, name: str, *, based_on: str = "Normal", ppr: str = "", rpr: str = ""):
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[based_on]
        style.quick_style = True
    for child in list(style.element):
        if child.tag in (qn("w:link"), qn("w:numPr")):
            style.element.remove(child)
    _set_ppr_rpr(style, ppr or None, rpr or None)
    return style


def _table_style(doc, name: str, *, borders: str, margins: int, extra: str = "") -> None:
    styles = doc.styles
    try:
        existing = styles[name]
        existing.element.getparent().remove(existing.element)
    except KeyError:
        pass
    style_id = name.replace(" ", "")
    xml = f"""
<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{style_id}">
  <w:name w:val="{name}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  <w:tblPr>
    <w:tblInd w:w="0" w:type="dxa"/>
    <w:tblBorders>{borders}</w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="{margins // 2}" w:type="dxa"/>
      <w:left w:w="{margins}" w:type="dxa"/>
      <w:bottom w:w="{margins // 2}" w:type="dxa"/>
      <w:right w:w="{margins}" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  {extra}
</w:style>"""
    styles.element.append(parse_xml(xml))


def _border(edges: tuple[str, ...], colour: str, size: int) -> str:
    return "".join(
        f'<w:{edge} w:val="single" w:sz="{size}" w:space="0" w:color="{colour}"/>' for edge in edges
    )


def build_styles(doc) -> None:
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    _replace_children(
        defaults,
        "w:rPrDefault",
        f"<w:rPrDefault {nsdecls('w')}><w:rPr>{_fonts_xml()}"
        f'<w:color w:val="{TEXT}"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
        '<w:lang w:val="nb-NO" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>',
    )
    _replace_children(
        defaults,
        "w:pPrDefault",
        f"<w:pPrDefault {nsdecls('w')}><w:pPr>"
        '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>',
    )

    _paragraph_style(doc, "Normal")
    _paragraph_style(
        doc,
        "Title",
        ppr='<w:keepNext/><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>',
        rpr=f'<w:b/><w:bCs/><w:color w:val="{HEADING}"/><w:kern w:val="28"/>'
        '<w:sz w:val="52"/><w:szCs w:val="52"/>',
    )
    _paragraph_style(
        doc,
        "Subtitle",
        ppr='<w:spacing w:before="0" w:after="280"/>',
        rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    )
    _paragraph_style(
        doc,
        "Heading 1",
        ppr=f'<w:keepNext/><w:keepLines/><w:pBdr><w:bottom w:val="single" w:sz="6" '
        f'w:space="2" w:color="{BORDER}"/></w:pBdr><w:spacing w:before="400" w:after="140"/>'
        '<w:outlineLvl w:val="0"/>',
        rpr=f'<w:b/><w:bCs/><w:color w:val="{HEADING}"/><w:sz w:val="30"/><w:szCs w:val="30"/>',
    )
    _paragraph_style(
        doc,
        "Heading 2",
        ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="260" w:after="80"/>'
        '<w:outlineLvl w:val="1"/>',
        rpr=f'<w:b/><w:bCs/><w:color w:val="{HEADING}"/><w:sz w:val="25"/><w:szCs w:val="25"/>',
    )
    _paragraph_style(
        doc,
        "Heading 3",
        ppr='<w:keepNext/><w:keepLines/><w:spacing w:before="200" w:after="40"/>'
        '<w:outlineLvl w:val="2"/>',
        rpr=f'<w:b/><w:bCs/><w:color w:val="{TEXT}"/>',
    )
    _paragraph_style(
        doc,
        "Quote",
        ppr=f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{HEADING_LIGHT}"/>'
        '</w:pBdr><w:spacing w:before="120" w:after="120"/><w:ind w:left="284" w:right="284"/>',
        rpr='<w:i/><w:iCs/><w:color w:val="404040"/>',
    )
    bullet = doc.styles["List Bullet"]
    _set_ppr_rpr(
        bullet,
        '<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/>',
        None,
    )
    _paragraph_style(
        doc,
        "Liten tekst",
        ppr='<w:spacing w:before="0" w:after="60"/>',
        rpr=f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>',
    )
    _paragraph_style(
        doc,
        "Tabelltekst",
        ppr='<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>',
        rpr='<w:sz w:val="20"/><w:szCs w:val="20"/>',
    )
    _paragraph_style(
        doc,
        "Nummerert punkt",
        ppr='<w:tabs><w:tab w:val="left" w:pos="454"/></w:tabs><w:spacing w:after="100"/>'
        '<w:ind w:left="454" w:hanging="454"/>',
    )
    # Empty paragraphs of this style are the lines to write on by hand. `between` repeats the
    # line between paragraphs Word would otherwise group into one bordered block.
    _paragraph_style(
        doc,
        "Skrivelinje",
        ppr=f'<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="{LINE}"/>'
        f'<w:between w:val="single" w:sz="4" w:space="1" w:color="{LINE}"/></w:pBdr>'
        '<w:spacing w:before="0" w:after="0" w:line="482" w:lineRule="exact"/>',
    )

    _table_style(
        doc,
        "Startpakke tabell",
        borders=_border(("top", "left", "bottom", "right", "insideH", "insideV"), BORDER, 4),
        margins=100,
        extra=f"""
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADING}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="firstCol"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr>
  <w:tblStylePr w:type="band2Horz">
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{BAND}"/></w:tcPr>
  </w:tblStylePr>""",
    )
    _table_style(
        doc,
        "Startpakke skjema",
        borders=_border(("top", "left", "bottom", "right", "insideH", "insideV"), LINE, 6),
        margins=142,
        extra="""
  <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr></w:tblStylePr>""",
    )


# -- header and footer -----------------------------------------------------------------------


def _field(paragraph, instruction: str) -> None:
    """A complex field (PAGE, NUMPAGES) that Word and LibreOffice update when printing."""

    def run_with(child) -> None:
        run = paragraph.add_run()
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


# What may follow w:pBdr in a w:pPr, and w:position in a w:rPr (Word wants schema order).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_AFTER_POSITION = (
    "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText",
    "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish",
    "w:oMath",
)  # fmt: skip


def _paragraph_border(paragraph, edge: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    border = parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:{edge} w:val="single" w:sz="4" w:space="4" '
        f'w:color="{BORDER}"/></w:pBdr>'
    )
    ppr.insert_element_before(border, *_AFTER_PBDR)


def _right_tab(paragraph) -> None:
    paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(TEXT_WIDTH), alignment=2)


def build_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    section.left_margin = section.right_margin = Twips(MARGIN_SIDE)
    section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
    section.header_distance = section.footer_distance = Cm(1.0)

    header = section.header.paragraphs[0]
    header.style = doc.styles["Normal"]
    header.paragraph_format.space_after = Cm(0)
    _right_tab(header)
    logo = header.add_run()
    logo.add_picture(io.BytesIO(logo_png()), height=Cm(1.0))
    name = header.add_run("  Barnevernledernettverk")
    name.bold = True
    name.font.color.rgb = docx.shared.RGBColor.from_string(HEADING)
    name.font.size = docx.shared.Pt(10.5)
    doc_title = header.add_run("\t{dokument}")
    doc_title.font.size = docx.shared.Pt(9)
    doc_title.font.color.rgb = docx.shared.RGBColor.from_string(GREY)
    for run in (name, doc_title):  # centred on the 1 cm logo instead of on its baseline
        position = OxmlElement("w:position")
        position.set(qn("w:val"), "18")  # half-points: 9 pt up
        run._r.get_or_add_rPr().insert_element_before(position, *_AFTER_POSITION)
    _paragraph_border(header, "bottom")

    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Normal"]
    footer.paragraph_format.space_after = Cm(0)
    _right_tab(footer)
    _paragraph_border(footer, "top")
    footer.add_run("{nettverk}")
    footer.add_run("\tSide ")
    _field(footer, "PAGE")
    footer.add_run(" av ")
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = docx.shared.Pt(9)
        run.font.color.rgb = docx.shared.RGBColor.from_string(GREY)


# -- the body: a guide to the styles, removed by the code when it writes a document ---------

GUIDE = [
    ("Title", "Mal for startpakke-dokumenter"),
    ("Subtitle", "Slik endrer du utseendet uten å endre programmet"),
    (
        "Normal",
        "Denne teksten vises bare i malen. Når startpakke lager et dokument, tømmes "
        "innholdet her, og topptekst, bunntekst, sideoppsett og stiler beholdes.",
    ),
    ("Heading 1", "Slik endrer du malen"),
    (
        "List Bullet",
        "Endre en stil: Hjem → Stiler → høyreklikk på stilen → Endre. Skrift, farge, "
        "avstand og rammer kan endres fritt.",
    ),
    ("List Bullet", "Logo: høyreklikk på symbolet i toppteksten → Endre bilde."),
    (
        "List Bullet",
        "Ikke gi stilene nye navn og ikke slett dem: programmet finner dem ved navn og "
        "sier fra om en mangler.",
    ),
    (
        "List Bullet",
        "«{dokument}» og «{nettverk}» i topp- og bunntekst byttes ut med dokumentets "
        "navn og nettverkets navn. Sidetallet er et felt (Sett inn → Sidetall).",
    ),
    ("List Bullet", "Lagre som Word-dokument (.docx), ikke som Word-mal (.dotx)."),
    ("Heading 1", "Stilene programmet bruker"),
    ("Heading 2", "Overskrift 2 (Heading 2)"),
    ("Heading 3", "Overskrift 3 (Heading 3) – spørsmål på arkene"),
    ("Quote", "«Sitat (Quote) – formålsteksten fra Bufdir.»"),
    ("Nummerert punkt", "1.\tNummerert punkt – spillereglene i kontrakten."),
    ("Liten tekst", "Liten tekst – kilder, forklaringer og hjelpetekst."),
    ("Skrivelinje", ""),
    ("Skrivelinje", ""),
    ("Liten tekst", "Over: Skrivelinje – linjer å skrive på for hånd."),
]


def build_guide(doc) -> None:
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    for style, text in GUIDE:
        doc.add_paragraph(text, style=style)
    table = doc.add_table(rows=3, cols=3)
    table.style = doc.styles["Startpakke tabell"]
    for r, row in enumerate(
        [
            ("Startpakke tabell", "Første rad", "er overskriftsraden"),
            ("Tabelltekst", "brukes i", "alle celler"),
            ("Annenhver rad", "får", "lys bakgrunn"),
        ]
    ):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            cell.paragraphs[0].text = text
            cell.paragraphs[0].style = doc.styles["Tabelltekst"]
    doc.add_paragraph("")
    boxes = doc.add_table(rows=1, cols=1)
    boxes.style = doc.styles["Startpakke skjema"]
    boxes.cell(0, 0).paragraphs[0].text = "Startpakke skjema – rammer å skrive i og signaturfelt."
    boxes.cell(0, 0).paragraphs[0].style = doc.styles["Tabelltekst"]


KEEP_TABLE_STYLES = {"Normal Table", "Table Grid", "Startpakke tabell", "Startpakke skjema"}


def prune_table_styles(doc) -> None:
    """Drop python-docx's 2007-era table styles: the style list in Word stays short and shows
    the two the documents use (Word keeps offering its own built-in ones)."""
    for style in list(doc.styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in KEEP_TABLE_STYLES:
            style.element.getparent().remove(style.element)


def build(path: Path = OUT) -> Path:
    doc = docx.Document()
    prune_table_styles(doc)
    build_styles(doc)
    build_page(doc)
    build_guide(doc)
    props = doc.core_properties
    props.title = "Mal for startpakke-dokumenter"
    props.author = "startpakke"
    props.language = "nb-NO"
    props.comments = "Endre stilene i Word; behold stilnavnene."
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    print(build(target))
