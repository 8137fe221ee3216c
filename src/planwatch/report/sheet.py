"""One worksheet in the layout offices print: title row, two-level header, borders, print setup.

The title is merged across the table, a column group (基期, 目标, 2023年) is merged over its
columns and a column without a group spans both header rows; the header is frozen on screen and
repeated on every printed page (landscape A4, fit to the page width).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from itertools import groupby
from typing import Any, TypeVar

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.report.columns import Column
from planwatch.report.style import STATUS_COLOURS
from planwatch.report.widths import text_width

T = TypeVar("T")
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TITLE_FONT = Font(name="黑体", size=16, bold=True)
HEADER_FONT = Font(name="黑体", size=10, bold=True)
BODY_FONT = Font(name="宋体", size=10)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def status_fill(code: str) -> tuple[PatternFill, Font]:
    """The fill and font of a status cell, in the project's status colours."""
    fill, ink = STATUS_COLOURS.get(code, ("FFFFFF", "000000"))
    return PatternFill("solid", fgColor=fill), Font(name=BODY_FONT.name, size=BODY_FONT.size, color=ink)


def write_table(
    ws: Worksheet,
    title: str,
    columns: Sequence[Column[T]],
    rows: Sequence[T],
    *,
    subtitle: str | None = None,
    status_of: Callable[[T], str] | None = None,
    status_header: str = "状态",
    frozen_columns: int = 2,
) -> None:
    """Write ``rows`` under a merged title and header; colour the status column when ``status_of``."""
    shown = [Column[T]("序号", lambda _: "", width=6, number_format="0", centred=True), *columns]
    width = len(shown)
    last = get_column_letter(width)
    _banner(ws, 1, title, last, TITLE_FONT, 30)
    top = 2
    if subtitle:
        _banner(ws, 2, subtitle, last, BODY_FONT, 18, Alignment(horizontal="right", vertical="center"))
        top = 3
    two_levels = any(c.group for c in shown)
    first_data = _header(ws, top, shown, two_levels)
    for i, row in enumerate(rows):
        r = first_data + i
        values: list[Any] = [i + 1, *(c.cell(row) for c in shown[1:])]
        for j, (column, value) in enumerate(zip(shown, values, strict=True), start=1):
            cell = ws.cell(r, j, value)
            cell.border, cell.font = BOX, BODY_FONT
            cell.alignment = CENTRE if column.centred else WRAP
            if column.number_format and isinstance(value, int | float):
                cell.number_format = column.number_format
            if status_of is not None and column.header == status_header:
                cell.fill, cell.font = status_fill(status_of(row))
        ws.row_dimensions[r].height = row_height(shown, values)
    for j, column in enumerate(shown, start=1):
        ws.column_dimensions[get_column_letter(j)].width = column.width
    end = first_data + max(len(rows), 1) - 1
    ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{first_data}"
    ws.auto_filter.ref = f"A{first_data - 1}:{last}{end}"
    _print_setup(ws, f"{top}:{first_data - 1}", f"A1:{last}{end}")


def lines(text: str, width: float) -> int:
    """Wrapped lines of ``text`` in a column ``width`` characters wide (a CJK character takes two)."""
    return max(1, math.ceil(text_width(text) * 1.8 / max(width - 1.0, 1.0)))


def row_height(columns: Sequence[Column[Any]], values: Sequence[object], line_pt: float = 12.75) -> float:
    """Points for a row whose longest cell wraps: spreadsheets do not grow rows that were never edited."""
    tallest = max(lines("" if v is None else str(v), c.width) for c, v in zip(columns, values, strict=True))
    return tallest * line_pt + 4


def _banner(
    ws: Worksheet, row: int, text: str, last: str, font: Font, height: float, align: Alignment = CENTRE
) -> None:
    ws.merge_cells(f"A{row}:{last}{row}")
    cell = ws.cell(row, 1, text)
    cell.font, cell.alignment = font, align
    ws.row_dimensions[row].height = height


def _header(ws: Worksheet, top: int, shown: Sequence[Column[Any]], two_levels: bool) -> int:
    """Header cells (group over header where columns have one); returns the first data row."""
    bottom = top + 1 if two_levels else top
    for r in range(top, bottom + 1):
        for j in range(1, len(shown) + 1):
            cell = ws.cell(r, j)
            cell.border, cell.font, cell.fill, cell.alignment = BOX, HEADER_FONT, HEADER_FILL, CENTRE
    j = 1
    for group, members in groupby(shown, key=lambda c: c.group):
        span = list(members)
        if group is None or not two_levels:
            for column in span:
                ws.cell(top, j, column.header)
                if two_levels:
                    ws.merge_cells(start_row=top, start_column=j, end_row=bottom, end_column=j)
                j += 1
            continue
        ws.cell(top, j, group)
        if len(span) > 1:
            ws.merge_cells(start_row=top, start_column=j, end_row=top, end_column=j + len(span) - 1)
        for column in span:
            ws.cell(bottom, j, column.header)
            j += 1
    tallest = max(lines(c.header, c.width) for c in shown)
    for r in range(top, bottom + 1):
        ws.row_dimensions[r].height = max(22.0, tallest * 12.75 + 4)
    return bottom + 1


def _print_setup(ws: Worksheet, title_rows: str, area: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages tall as needed
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = title_rows
    ws.print_area = area
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
    footer = ws.HeaderFooter.oddFooter
    if footer is not None:  # always set by openpyxl; the stubs allow None
        footer.center.text = "第 &P 页，共 &N 页"
