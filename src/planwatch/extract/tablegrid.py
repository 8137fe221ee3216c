"""Main-indicator tables as header columns plus row cells, from real tables or flattened text.

Web pages saved as text flatten a table one cell per line (blank lines between cells, a cell's own
line breaks kept, merged cells simply missing, headers split like ``年均`` / ``增长``). Real HTML,
DOCX and PDF tables come as rows of cells. Both become ``Grid``s: the columns recovered from the
header by what they say (not by position), and the data cells in reading order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from planwatch.model.document import Block, BlockKind, Cell
from planwatch.parse.boilerplate import Role

_YEAR = re.compile(r"(19|20)\d{2}")


@dataclass(frozen=True, slots=True)
class Tok:
    """A cell: its text (whitespace removed), span in the document, and its row when known."""

    text: str
    start: int
    end: int
    row: int | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Column:
    """A header column: its role, label as printed, and year for value columns."""

    role: str  # seq, category, name, unit, value, growth, attribute, note
    label: str
    year: int | None = None
    target: bool = False


@dataclass
class Grid:
    """A recognised indicator table."""

    columns: list[Column]
    cells: list[Tok]
    title: str | None = None
    note: str | None = None
    rows_known: bool = False
    header_line: int = 0
    span: tuple[int, int] = (0, 0)  # from the header to the last cell or the note
    rows: list[list[Tok]] = field(default_factory=list)  # real tables: each row's cells, empty ones kept
    row_spans: list[tuple[int, int]] = field(default_factory=list)  # real tables: each data row's span
    warnings: list[str] = field(default_factory=list)


_MERGES = (
    ("年均", "增长"),
    ("年均", "增速"),
    ("指标", "属性"),
    ("指标", "性质"),
    ("指标", "名称"),
    ("计量", "单位"),
)
_ROLE_WORDS = re.compile(
    r"^(?:绝对值|目标值?|实际(?:值|完成)?|预计(?:值|完成)?|基期值?|基数|现状值?|规划目标|完成值?|预期目标|年)$"
)


def header_role(text: str) -> str | None:
    """The column role a header cell names, or None when it is not a header word."""
    t = re.sub(r"\s+", "", text)
    if not t or len(t) > 24:
        return None
    if re.fullmatch(r"序号|编号|序", t):
        return "seq"
    if re.fullmatch(r"(?:指标)?(?:分类|类别|领域|类型)", t):
        return "category"
    if re.fullmatch(r"(?:主要)?指标(?:名称)?|指标项|项目", t):
        return "name"
    if re.fullmatch(r"(?:计量)?单位", t):
        return "unit"
    if re.fullmatch(r"(?:指标)?(?:属性|性质)", t):
        return "attribute"
    if re.fullmatch(r"备注|说明", t):
        return "note"
    if _YEAR.search(t) and not re.search(r"年均|累计", t):
        return "value"
    if re.search(r"年均增长|年均增速|年均|累计|增长|增速|增幅|五年", t) and len(t) <= 16:
        return "growth"
    if re.fullmatch(r"(?:基期|现状|目标|规划)值?|目标|基准值", t):
        return "value"
    return None


def _column(text: str, role: str, plan_end: int | None) -> Column:
    t = re.sub(r"\s+", "", text)
    years = [int(y.group(0)) for y in _YEAR.finditer(t)]
    year = years[-1] if years else None
    target = bool(re.search(r"目标|规划", t)) or (
        year is not None and plan_end is not None and year >= plan_end
    )
    if role == "value" and year is None and re.search(r"目标|规划", t):
        year = plan_end
    return Column(role, t, year, target if role == "value" else False)


def merge_header_fragments(cells: list[Tok]) -> list[Tok]:
    """Join header cells split across lines: 年均+增长, 指标+属性, 2020+绝对值 …"""
    out: list[Tok] = []
    for c in cells:
        if out:
            prev = out[-1]
            joined = prev.text + c.text
            if (
                (prev.text, c.text) in _MERGES
                or (_YEAR.fullmatch(prev.text.rstrip("年")) and _ROLE_WORDS.match(c.text))
                or (prev.text.endswith("年均") and c.text.startswith("增"))
            ):
                out[-1] = Tok(joined, prev.start, c.end, prev.row, prev.line)
                continue
        out.append(c)
    return out


def txt_cells(blocks: Sequence[Block], roles: Sequence[Role], start: int, grouped: bool) -> list[Tok]:
    """Cells from ``start`` on: short body lines; lines with no blank line between form one cell."""
    out: list[Tok] = []
    for i in range(start, len(blocks)):
        b = blocks[i]
        if roles[i] not in (Role.BODY,) or b.kind == BlockKind.TABLE_ROW:
            break
        text = re.sub(r"\s+", "", b.text)
        if len(text) > 80:
            break
        if grouped and out and b.line == out[-1].line + 1 and len(out[-1].text) + len(text) <= 60:
            prev = out[-1]
            out[-1] = Tok(prev.text + text, prev.start, b.span.end, None, b.line)
            continue
        out.append(Tok(text, b.span.start, b.span.end, None, b.line))
    return out


def find_flat_headers(blocks: Sequence[Block], roles: Sequence[Role]) -> list[int]:
    """Block indices where a flattened table header starts (>= 3 header words among short lines)."""
    starts: list[int] = []
    n = len(blocks)
    i = 0
    while i < n:
        b = blocks[i]
        if (
            roles[i] == Role.BODY
            and b.kind != BlockKind.TABLE_ROW
            and header_role(b.text) in ("seq", "name", "category")
        ):
            window = [
                blocks[k].text
                for k in range(i, min(n, i + 16))
                if roles[k] == Role.BODY and len(blocks[k].text) <= 24
            ]
            found = {header_role(t) for t in window} - {None}
            if "name" in found and len(found) >= 3 and ({"value", "growth", "attribute"} & found):
                starts.append(i)
                i += 16
                continue
        i += 1
    return starts


def build_columns(header: list[Tok], plan_end: int | None) -> list[Column]:
    """Columns from header cells (after merging fragments)."""
    cols = []
    for tok in merge_header_fragments(header):
        role = header_role(tok.text)
        if role is not None:
            cols.append(_column(tok.text, role, plan_end))
    return cols


def grid_rows(rows: Sequence[Block]) -> list[list[Cell]]:
    """The cells of a real table's rows laid out on its grid: a cell spanning two columns appears in
    both, a cell spanning rows below it is carried down into them (the same Cell, so the same span)."""
    out: list[list[Cell]] = []
    carried: dict[int, tuple[Cell, int]] = {}  # column -> (cell, rows still to fill)
    for block in rows:
        row: list[Cell] = []
        col = 0
        cells = list(block.cells)
        while cells or col in carried:
            if col in carried:
                cell, left = carried.pop(col)
                if left > 1:
                    carried[col] = (cell, left - 1)
                row.append(cell)
                col += 1
                continue
            cell = cells.pop(0)
            for _ in range(max(1, cell.colspan)):
                if cell.rowspan > 1:
                    carried[col] = (cell, cell.rowspan - 1)
                row.append(cell)
                col += 1
        out.append(row)
    return out
