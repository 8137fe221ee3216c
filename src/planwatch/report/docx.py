"""The report as a Word document in the layout of 党政机关公文 (GB/T 9704): what offices hand on.

Styles carry the layout (fonts, sizes, indents, line grid), so a leader's secretary who edits the
file in Word or WPS keeps it; the blocks from ``outline.build`` only pick a style.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from planwatch.report import ooxml, widths
from planwatch.report.blocks import AnnexStart, Block, Figure, Heading, Paragraph, Table, Title
from planwatch.report.model import ReportData
from planwatch.report.outline import build
from planwatch.report.style import (
    BODY,
    FOOTER,
    HEADINGS,
    LATIN,
    LINE_PT,
    MARGINS_MM,
    PAGE_MM,
    STATUS_COLOURS,
    SUBTITLE,
    TABLE,
    TABLE_HEADER,
    TITLE,
    Font,
)

TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
HEADING_STYLES = ("Heading 1", "Heading 2", "Heading 3", "Heading 4")
CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def render_docx(data: ReportData) -> bytes:
    """The report as DOCX bytes."""
    document = docx.Document()
    _styles(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    ooxml.page_setup(section)
    ooxml.page_number(section.footer.paragraphs[0], FOOTER)
    section.footer.paragraphs[0].alignment = CENTER
    _metadata(document, data)
    for block in build(data):
        _add(document, block)
    buffer = io.BytesIO()
    document.save(buffer)
    stamp = data.generated_at
    return ooxml.finish_package(
        buffer.getvalue(), (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    )


def _metadata(document: Any, data: ReportData) -> None:
    props = document.core_properties
    props.title = data.title
    props.author = data.issuer or "PlanWatch"
    props.last_modified_by = props.author
    props.created = props.modified = data.generated_at
    props.revision = 1
    props.comments = "由规划实施监测评估系统生成"


def _paragraph_style(
    document: Any, name: str, font: Font, *, align: Any, indent: int = 0, line: bool = True
) -> Any:
    styles = document.styles
    style = (
        styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    )
    if name != "Normal":
        style.base_style = styles["Normal"]
    ooxml.set_run_fonts(style.element.get_or_add_rPr(), font, latin=None if font is TITLE else LATIN)
    ppr = style.element.get_or_add_pPr()
    ooxml.line_spacing(ppr, LINE_PT if line else None)
    if indent:
        ooxml.indent_chars(ppr, indent)
    style.paragraph_format.alignment = align
    return style


def _styles(document: Any) -> None:
    ooxml.doc_defaults(document.styles.element, BODY)
    normal = _paragraph_style(document, "Normal", BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=2)
    normal.paragraph_format.widow_control = True
    title = _paragraph_style(document, "报告标题", TITLE, align=CENTER).paragraph_format
    title.first_line_indent, title.line_spacing, title.space_after = Pt(0), Pt(35), Pt(LINE_PT)
    _paragraph_style(document, "发文信息", SUBTITLE, align=CENTER).paragraph_format.first_line_indent = Pt(0)
    for level, (name, font) in enumerate(zip(HEADING_STYLES, HEADINGS, strict=True)):
        style = _paragraph_style(document, name, font, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent=2)
        style.paragraph_format.keep_with_next = level < 3
        style.font.color.rgb = RGBColor(0, 0, 0)
    _paragraph_style(document, "附件标识", HEADINGS[0], align=LEFT).paragraph_format.first_line_indent = Pt(0)
    for name, font, align in (("表格文字", TABLE, LEFT), ("表头", TABLE_HEADER, CENTER)):
        _paragraph_style(
            document, name, font, align=align, line=False
        ).paragraph_format.first_line_indent = Pt(0)
    caption = _paragraph_style(document, "图表标题", TABLE_HEADER, align=CENTER, line=False)
    caption.font.size = Pt(12)
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.paragraph_format.space_before = caption.paragraph_format.space_after = Pt(4)


def _add(document: Any, block: Block) -> None:
    if isinstance(block, Title):
        document.add_paragraph(block.text, style="报告标题")
        if block.subtitle:
            document.add_paragraph(block.subtitle, style="发文信息").paragraph_format.space_after = Pt(
                LINE_PT
            )
    elif isinstance(block, Heading):
        document.add_paragraph(block.text, style=HEADING_STYLES[block.level - 1])
    elif isinstance(block, Paragraph):
        paragraph = document.add_paragraph(block.text, style="Normal")
        if not block.indent:
            paragraph.paragraph_format.first_line_indent = Pt(0)
    elif isinstance(block, Figure):
        paragraph = document.add_paragraph(style="图表标题")
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
        document.add_paragraph(block.caption, style="图表标题")
    elif isinstance(block, Table):
        _table(document, block)
    elif isinstance(block, AnnexStart):
        label = document.add_paragraph(block.label, style="附件标识")
        label.paragraph_format.page_break_before = True
        document.add_paragraph(block.title, style="报告标题")


def _table(document: Any, block: Table) -> None:
    caption = document.add_paragraph(block.caption, style="图表标题")
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.alignment = 1  # centred between the margins
    ooxml.table_borders(table)
    ooxml.cell_margins(table, 1.0)
    ooxml.column_widths(table, widths.fit(block.header, block.rows, TEXT_WIDTH_MM - 1, TABLE.size_pt, 3.0))
    # style ids resolved once: python-docx looks a style name up through every style per assignment
    header_id, cell_id = document.styles["表头"].style_id, document.styles["表格文字"].style_id
    for i, row in enumerate(table.rows):
        ooxml.row_flags(row, header=i == 0)
        texts = block.header if i == 0 else block.rows[i - 1]
        for j, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph._p.style = header_id if i == 0 else cell_id
            paragraph.add_run(text)
            if i == 0:
                ooxml.shade(cell, "E7E6E6")
            elif j == block.status:
                _status_cell(cell, paragraph, block.statuses[i - 1])
            elif block.centred[j]:
                paragraph.alignment = CENTER
    document.add_paragraph("", style="表格文字")  # breathing room; also keeps two tables apart


def _status_cell(cell: Any, paragraph: Any, status: str) -> None:
    fill, ink = STATUS_COLOURS.get(status, ("FFFFFF", "000000"))
    ooxml.shade(cell, fill)
    paragraph.alignment = CENTER
    paragraph.runs[0].font.color.rgb = RGBColor.from_string(ink)
