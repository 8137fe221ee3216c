"""WordprocessingML details python-docx has no API for: East Asian fonts, fields, table flags, font table.

Kept apart from ``docx.py`` so that the renderer reads as the layout of a report and this module
as the list of XML facts Word, WPS and LibreOffice need to lay it out the same way.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from planwatch.report.style import LATIN, LINE_PT, MARGINS_MM, PAGE_MM, Font

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# (font table) official name → Windows face Word/WPS substitute when it is missing, PANOSE, family, pitch
FONT_TABLE: dict[str, tuple[str, str, str, str]] = {
    "方正小标宋简体": ("宋体", "02000000000000000000", "roman", "variable"),
    "仿宋_GB2312": ("仿宋", "02010609030101010101", "modern", "fixed"),
    "楷体_GB2312": ("楷体", "02010609030101010101", "modern", "fixed"),
    "黑体": ("SimHei", "02010609060101010101", "modern", "fixed"),
    "宋体": ("SimSun", "02010600030101010101", "auto", "variable"),
}


def _child(parent: Any, tag: str) -> Any:
    """The first child ``w:tag`` of ``parent``, created (appended) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.append(found)
    return found


def set_run_fonts(rpr: Any, font: Font, *, latin: str | None = LATIN) -> None:
    """Declare ``font`` for Chinese text (w:eastAsia) and ``latin`` for digits; drop theme fonts."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    latin = latin or font.name
    for attr, value in (("w:ascii", latin), ("w:hAnsi", latin), ("w:eastAsia", font.name), ("w:cs", latin)):
        fonts.set(qn(attr), value)
    fonts.set(qn("w:hint"), "eastAsia")
    for tag in ("w:color", "w:b", "w:bCs", "w:i", "w:iCs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    if font.bold:
        rpr.append(OxmlElement("w:b"))
    half_points = str(round(font.size_pt * 2))
    _child(rpr, "w:sz").set(qn("w:val"), half_points)
    _child(rpr, "w:szCs").set(qn("w:val"), half_points)


def indent_chars(ppr: Any, chars: int) -> None:
    """First-line indent in characters (w:firstLineChars), so it follows the font size as Word does."""
    ind = _child(ppr, "w:ind")
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(chars * 320))  # twips at 三号, for readers ignoring *Chars


def line_spacing(ppr: Any, points: float | None = LINE_PT) -> None:
    """Exact spacing on the 22-line grid of GB/T 9704, or (None) single spacing for tables and figures.

    Set on every style, because an inherited exact spacing would clip a picture to one line.
    """
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:before"), "0")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240" if points is None else str(round(points * 20)))
    spacing.set(qn("w:lineRule"), "auto" if points is None else "exact")


def doc_defaults(styles_element: Any, body: Font) -> None:
    """Body font and Chinese language as the document default, under every style."""
    rpr = styles_element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_run_fonts(rpr, body)
    _child(rpr, "w:lang").set(qn("w:eastAsia"), "zh-CN")


def page_setup(section: Any) -> None:
    """A4 portrait with the GB/T 9704 margins."""
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(28)  # page number 7 mm below the type area's last line


def page_number(paragraph: Any, font: Font) -> None:
    """ "— 1 —": a PAGE field between two dashes, so Word and LibreOffice number every page."""
    for kind, text in (("text", "— "), ("begin", None), ("instr", " PAGE "), ("separate", None),
                       ("text", "1"), ("end", None), ("text", " —")):  # fmt: skip
        run = paragraph.add_run()
        set_run_fonts(run._r.get_or_add_rPr(), font, latin=font.name)
        if kind == "text":
            run.text = text
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)


def table_borders(table: Any, size: int = 4) -> None:
    """Single thin borders on every edge and between all cells."""
    borders = _child(table._tbl.tblPr, "w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = _child(borders, f"w:{edge}")
        for attr, value in (
            ("w:val", "single"),
            ("w:sz", str(size)),
            ("w:space", "0"),
            ("w:color", "000000"),
        ):
            element.set(qn(attr), value)


def cell_margins(table: Any, side_mm: float = 1.0) -> None:
    """Narrow left/right cell margins (Word's default 1.9 mm wastes a tenth of a dense table)."""
    margins = _child(table._tbl.tblPr, "w:tblCellMar")
    for edge in ("left", "right"):
        element = _child(margins, f"w:{edge}")
        element.set(qn("w:w"), str(round(side_mm / 25.4 * 1440)))
        element.set(qn("w:type"), "dxa")


def row_flags(row: Any, *, header: bool) -> None:
    """Never split a row across pages; repeat the header row on every page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def shade(cell: Any, fill: str) -> None:
    """Cell background (hex RGB)."""
    shd = _child(cell._tc.get_or_add_tcPr(), "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def column_widths(table: Any, widths_mm: Iterable[float]) -> None:
    """Fixed column widths on the grid and every cell (LibreOffice reads the grid, Word the cells)."""
    widths = list(widths_mm)
    table.autofit = False
    _child(table._tbl.tblPr, "w:tblLayout").set(qn("w:type"), "fixed")
    for col, width in zip(table.columns, widths, strict=True):
        col.width = Mm(width)
        for cell in col.cells:
            cell.width = Mm(width)


def font_table(xml: bytes) -> bytes:
    """Add the official fonts to word/fontTable.xml with the Windows face to substitute for each."""
    root = etree.fromstring(xml)
    present = {f.get(f"{{{W}}}name") for f in root.findall(f"{{{W}}}font")}
    for name, (alt, panose, family, pitch) in FONT_TABLE.items():
        if name in present:
            continue
        font = etree.SubElement(root, f"{{{W}}}font", {f"{{{W}}}name": name})
        for tag, value in (("altName", alt), ("panose1", panose), ("charset", "86"), ("family", family),
                           ("pitch", pitch)):  # fmt: skip
            etree.SubElement(font, f"{{{W}}}{tag}", {f"{{{W}}}val": value})
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def finish_package(docx: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """Rewrite the package: the font table completed, every entry dated ``stamp`` (same data, same bytes)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/fontTable.xml":
                data = font_table(data)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)
    return out.getvalue()
