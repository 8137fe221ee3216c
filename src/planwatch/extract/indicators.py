"""Rows of main-indicator tables (主要指标表) as Indicator facts.

Rows are segmented by content, not by fixed positions: a row starts at its sequence number,
its name is the first name-like cell, category cells (``绿色生态(8``, ``经济发展`` + ``6``) sit
before the number or right after it, and value cells are mapped onto the header's value columns
— a cell such as ``年均增长4.5%左右`` that spans the target and growth columns is recognised.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planwatch.extract.cellvalue import CellReading, read_cell
from planwatch.extract.tablegrid import (
    Column,
    Grid,
    Tok,
    build_columns,
    find_flat_headers,
    grid_rows,
    header_role,
    txt_cells,
)
from planwatch.model.document import Block, BlockKind, Span
from planwatch.model.facts import (
    CellValue,
    Evidence,
    ExtractionWarning,
    Facts,
    Growth,
    Indicator,
    TargetValue,
)
from planwatch.parse.boilerplate import Role
from planwatch.parse.outline import match_heading
from planwatch.parse.parsed import Parsed

_ATTR = {"约束性": "binding", "预期性": "expected", "约束": "binding", "预期": "expected"}
_FRAGMENTS = {
    "年均",
    "增长",
    "增速",
    "指标",
    "属性",
    "性质",
    "名称",
    "绝对值",
    "目标值",
    "目标",
    "实际",
    "预计",
    "基期值",
    "计量",
}
_UNIT_TAIL = re.compile(r"[(（]([^()（）]{1,10})[)）]?$")
_CATEGORY = re.compile(r"^([\u4e00-\u9fff]{1,8})[(（]?(\d{1,2})?[)）]?$")
_REDUCTION_NAME = re.compile(r"降幅|降低|下降|减少|削减")
_GROWTH_NAME = re.compile(r"增长率|增速|年均增长")
_VALUE_START = re.compile(
    r"^(?:年均|增长|控制|保持|不低于|不高于|不超过|降低|下降|提高|稳定|达到.*要求|完成.*(?:目标|任务))"
)
_NOTE = re.compile(r"^(?:注|备注|说明)\s*[:：]?")


def _is_seq(tok: Tok, expected: int) -> bool:
    return tok.text == str(expected)


def _name_like(text: str) -> bool:
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    if cjk < 2 or text in _ATTR or _VALUE_START.match(text) or re.fullmatch(r"[ⅠⅡⅢⅣⅤ].*", text):
        return False
    return read_cell(text).value is None or cjk >= 4


def _category_like(text: str) -> bool:
    return (
        bool(_CATEGORY.match(text)) and text not in _ATTR and not _UNIT_TAIL.search(text.rstrip("0123456789"))
    )


def _clean_category(text: str) -> str:
    m = _CATEGORY.match(text)
    return m.group(1) if m else text


def split_name_unit(text: str) -> tuple[str, str | None]:
    """'森林覆盖率(%' → ('森林覆盖率', '%'); an inner parenthesis stays in the name."""
    m = _UNIT_TAIL.search(text)
    if m and m.start() > 0:
        inner = m.group(1)
        if not re.search(r"[、，,]", inner) and len(inner) <= 8:
            return text[: m.start()], inner
    return text, None


def _segment(cells: list[Tok], has_attr: bool) -> tuple[list[tuple[list[Tok], list[Tok]]], list[Tok]]:
    """Split data cells into rows: (cells before the number, row cells from the number); and the
    cells after the last row that belong to none. A row whose number or name is lost does not stop
    the next one from being found (the next number is accepted too)."""
    rows: list[tuple[list[Tok], list[Tok]]] = []
    expected = 1
    pending: list[Tok] = []
    cur: list[Tok] | None = None
    i = 0
    while i < len(cells):
        tok = cells[i]
        nxt = cells[i + 1].text if i + 1 < len(cells) else ""
        nxt2 = cells[i + 2].text if i + 2 < len(cells) else ""
        named = _name_like(nxt) or (_category_like(nxt) and _name_like(nxt2))
        starts = named and (_is_seq(tok, expected) or _is_seq(tok, expected + 1))
        if starts:
            if cur is not None:
                rows.append((pending, cur))
            pending_now = pending if cur is None else []
            cur = [tok]
            pending = pending_now
            expected = int(tok.text) + 1
            i += 1
            continue
        if cur is None:
            if expected == 1 and tok.text.isdigit() and int(tok.text) > 1 and _name_like(nxt):
                expected = int(tok.text)  # a table continued from an earlier page
                continue
            pending.append(tok)
        elif has_attr and cur and cur[-1].text in _ATTR and _category_like(tok.text):
            rows.append(([], cur))
            cur, pending = None, [tok]
            while (
                i + 1 < len(cells)
                and not _is_seq(cells[i + 1], expected)
                and _category_like(cells[i + 1].text)
            ):
                i += 1
                pending.append(cells[i])
        else:
            cur.append(tok)
        i += 1
    if cur is not None:
        rows.append((pending, cur))
        pending = []
    return rows, pending


def _value_columns(columns: Sequence[Column]) -> list[Column]:
    return [c for c in columns if c.role in ("value", "growth", "unit")]


def _assign(values: list[Tok], cols: list[Column]) -> tuple[dict[int, Tok], list[Tok]]:
    """Map value cells onto value columns, letting a growth-target cell span target and growth;
    cells left over are returned, not dropped."""
    out: dict[int, Tok] = {}
    j = 0
    for i, tok in enumerate(values):
        if j >= len(cols):
            return out, values[i:]
        out[j] = tok
        remaining_tokens = len(values) - i - 1
        remaining_cols = len(cols) - j - 1
        spans = (
            cols[j].role == "value"
            and cols[j].target
            and j + 1 < len(cols)
            and cols[j + 1].role == "growth"
            and remaining_tokens < remaining_cols
            and read_cell(tok.text).kind == "growth"
        )
        j += 2 if spans else 1
    return out, []


def _baseline(
    row: dict[int, Tok], cols: list[Column], plan_start: int | None
) -> tuple[CellValue, list[dict[str, object]]]:
    values: list[dict[str, object]] = []
    candidates: list[tuple[int, CellValue]] = []
    for j, col in enumerate(cols):
        if col.role != "value":
            continue
        tok = row.get(j)
        text = tok.text if tok else None
        reading = read_cell(text) if text else None
        values.append(
            {"year": col.year, "label": col.label, "text": text, "value": reading.value if reading else None}
        )
        if not col.target:
            candidates.append(
                (j, CellValue(year=col.year, text=text, value=reading.value if reading else None))
            )
    if not candidates:
        return CellValue(year=plan_start - 1 if plan_start else None), values
    latest = candidates[-1][1]
    if latest.value is None:
        for _, cv in reversed(candidates):
            if cv.value is not None:
                return cv, values
    return latest, values


def _target(row: dict[int, Tok], cols: list[Column], name: str, plan_end: int | None) -> TargetValue:
    for j, col in enumerate(cols):
        if col.role == "value" and col.target:
            tok = row.get(j)
            if tok is None:
                return TargetValue(year=col.year or plan_end)
            r = read_cell(tok.text)
            if r.empty:
                return TargetValue(year=col.year or plan_end, text=tok.text)
            kind = r.kind
            if kind == "level" and _REDUCTION_NAME.search(name):
                kind = "reduction"
            elif kind == "level" and r.value is not None and _GROWTH_NAME.search(name) and not r.cumulative:
                kind = "growth"
            tv = TargetValue(
                year=col.year or plan_end,
                text=tok.text,
                value=r.value,
                low=r.low,
                high=r.high,
                qualifier=r.qualifier,
                kind=kind,
            )
            if r.cumulative:
                tv = TargetValue.model_validate({**tv.model_dump(), "cumulative": True})
            return tv
    return TargetValue(year=plan_end)


def _growth(row: dict[int, Tok], cols: list[Column]) -> Growth:
    for j, col in enumerate(cols):
        if col.role == "growth":
            tok = row.get(j)
            if tok is None:
                return Growth()
            r: CellReading = read_cell(tok.text)
            data: dict[str, object] = {"text": tok.text, "value": r.value, "cumulative": r.cumulative}
            if r.qualifier not in (None, "exact", "qualitative"):
                data["qualifier"] = r.qualifier
            if r.low is not None:
                data.update({"low": r.low, "high": r.high})
            return Growth.model_validate(data)
    return Growth()


@dataclass
class _Row:
    """One table row, its cells assigned to the grid's value columns."""

    seq: int
    cats: list[Tok]
    name: Tok
    cells: dict[int, Tok]
    attribute: str | None
    first: Tok
    last: Tok
    leftovers: list[Tok]


def _content_row(before: list[Tok], row: list[Tok], seq: int | None, cols: list[Column]) -> _Row | str:
    """A row read by what its cells say (merged or missing cells tolerated); a message when unreadable."""
    rest = list(row)
    if seq is None:
        k0 = next((k for k, t in enumerate(rest) if t.text.isdigit()), None)
        if k0 is not None and all(_category_like(t.text) for t in rest[:k0]):
            before = before + rest[:k0]
            seq, rest = int(rest[k0].text), rest[k0 + 1 :]
    cats = [t for t in before if _category_like(t.text)]
    k = 0
    while (
        k < len(rest) - 1
        and _category_like(rest[k].text)
        and _name_like(rest[k + 1].text)
        and not _UNIT_TAIL.search(rest[k].text)
    ):
        cats.append(rest[k])
        k += 1
    if k >= len(rest) or not _name_like(rest[k].text) or seq is None:
        return f"row {seq if seq is not None else '?'}: no indicator name found"
    after = rest[k + 1 :]
    attrs = [t for t in after if t.text in _ATTR]
    after = [t for t in after if t.text not in _ATTR]
    assigned, leftovers = _assign(after, cols)
    first = row[0]
    return _Row(
        seq, cats, rest[k], assigned, _ATTR[attrs[-1].text] if attrs else None, first, row[-1], leftovers
    )


def _positional_row(row: list[Tok], columns: list[Column], cols: list[Column], index: int) -> _Row | str:
    """A row of a real table whose cells line up with the header, read by position."""
    by_role = {
        c.role: row[j] for j, c in enumerate(columns) if c.role in ("seq", "category", "name", "attribute")
    }
    name = by_role.get("name")
    if name is None or not name.text:
        return f"row {index}: no indicator name found"
    seq_tok = by_role.get("seq")
    seq = int(seq_tok.text) if seq_tok is not None and seq_tok.text.isdigit() else index
    cells = {}
    for j, c in enumerate(columns):
        if c in cols and row[j].text:
            cells[cols.index(c)] = row[j]
    attr = by_role.get("attribute")
    cat = by_role.get("category")
    non_empty = [t for t in row if t.text]
    return _Row(
        seq,
        [cat] if cat is not None and cat.text else [],
        name,
        cells,
        _ATTR.get(attr.text) if attr is not None else None,
        non_empty[0],
        non_empty[-1],
        [],
    )


def _rows(grid: Grid, cols: list[Column]) -> list[_Row | tuple[int, str]]:
    if grid.rows:
        out: list[_Row | tuple[int, str]] = []
        for index, row in enumerate(grid.rows, start=1):
            if len(row) == len(grid.columns):
                r = _positional_row(row, grid.columns, cols, index)
                if isinstance(r, _Row) and index <= len(grid.row_spans):
                    start, end = grid.row_spans[index - 1]  # evidence is the row itself, not a carried cell
                    r.first, r.last = Tok("", start, start), Tok("", end, end)
            else:
                tokens = [t for t in row if t.text]
                r = _content_row([], tokens, None, cols)
            out.append(r if isinstance(r, _Row) else (row[0].line if row else 0, r))
        return out
    has_attr = any(c.role == "attribute" for c in grid.columns)
    result: list[_Row | tuple[int, str]] = []
    segments, trailing = _segment(grid.cells, has_attr)
    if trailing:
        result.append(
            (
                trailing[0].line,
                "cells not understood after the last row: " + " | ".join(t.text for t in trailing[:12]),
            )
        )
    for before, row in segments:
        stray = [t for t in before if not _category_like(t.text)]
        if stray:
            result.append(
                (
                    stray[0].line,
                    "cells not understood before row "
                    + row[0].text
                    + ": "
                    + " | ".join(t.text for t in stray[:12]),
                )
            )
        r = _content_row(before, row[1:], int(row[0].text), cols)
        if isinstance(r, _Row):
            r.first = row[0]
            result.append(r)
        else:
            result.append((row[0].line, r))
    return result


def rows_to_indicators(grid: Grid, text: str, plan: tuple[int, int] | None, facts: Facts) -> None:
    """Turn a grid's rows into Indicator facts (rows it cannot read become warnings)."""
    cols = _value_columns(grid.columns)
    plan_start, plan_end = plan if plan else (None, None)
    if plan_end is None:
        plan_end = max((c.year for c in cols if c.target and c.year), default=None)
    category: str | None = None
    for r in _rows(grid, cols):
        if not isinstance(r, _Row):
            facts.warnings.append(ExtractionWarning(line=r[0], stage="indicators", message=r[1]))
            continue
        if r.leftovers:
            facts.warnings.append(
                ExtractionWarning(
                    line=r.leftovers[0].line,
                    stage="indicators",
                    message=f"row {r.seq}: {len(r.leftovers)} cell(s) not matched to a column: "
                    + " | ".join(t.text for t in r.leftovers),
                )
            )
        if r.cats:
            raw_cat = _clean_category(r.cats[-1].text)
            category = raw_cat if len(raw_cat) >= 2 else None
        name, unit = split_name_unit(r.name.text)
        for j, col in enumerate(cols):
            if col.role == "unit" and j in r.cells:
                unit = r.cells[j].text or unit
        baseline, values = _baseline(r.cells, cols, plan_start)
        extra: dict[str, object] = {"values": values} if len(values) > 2 else {}
        if r.cats and r.cats[-1].text != category:
            extra["category_cell"] = r.cats[-1].text
        start, end = r.first.start, r.last.end
        facts.indicators.append(
            Indicator.model_validate(
                {
                    "seq": r.seq,
                    "category": category,
                    "name": name,
                    "unit": unit,
                    "attribute": r.attribute,
                    "baseline": baseline,
                    "target": _target(r.cells, cols, name, plan_end),
                    "growth": _growth(r.cells, cols),
                    "evidence": Evidence(start=start, end=end, quote=text[start:end]),
                    "table": grid.title,
                    **extra,
                }
            )
        )


def _flat_grids(parsed: Parsed) -> list[Grid]:
    blocks, roles = parsed.doc.blocks, parsed.roles
    plan_end = parsed.info.period[1] if parsed.info.period else None
    grids = []
    for start in find_flat_headers(blocks, roles):
        cells = txt_cells(blocks, roles, start, grouped=parsed.doc.format == "txt")
        header: list[Tok] = []
        k = 0
        while k < len(cells) and (
            header_role(cells[k].text)
            or cells[k].text in _FRAGMENTS
            or re.fullmatch(r"(?:19|20)\d{2}年?", cells[k].text)
        ):
            header.append(cells[k])
            k += 1
        columns = build_columns(header, plan_end)
        data: list[Tok] = []
        note = None
        end = cells[k - 1].end if k else blocks[start].span.end
        for tok in cells[k:]:
            if _NOTE.match(tok.text):
                note, end = tok.text, tok.end
                break
            if (
                len(tok.text) > 40
                or re.search(r"[。；]", tok.text)
                or (len(tok.text) > 6 and match_heading_text(tok.text))
            ):
                break
            data.append(tok)
            end = tok.end
        title = _title_before(parsed, start)
        grids.append(
            Grid(
                columns,
                data,
                title=title,
                note=note,
                header_line=blocks[start].line,
                span=(blocks[start].span.start, end),
            )
        )
    return grids


def match_heading_text(text: str) -> bool:
    """True for a line that starts a new section (第X章, 专栏, 一、…)."""
    return match_heading(
        Block(BlockKind.PARAGRAPH, text, Span(0, len(text)), 0)
    ) is not None or text.startswith("专栏")


def _title_before(parsed: Parsed, start: int) -> str | None:
    for i in range(start - 1, max(-1, start - 6), -1):
        t = parsed.doc.blocks[i].text
        if "指标" in t and len(t) <= 60:
            return re.sub(r"^\s*(?:表\s*)?\d+\s+", "", t).strip()
    return None


def _real_grids(parsed: Parsed) -> list[Grid]:
    plan_end = parsed.info.period[1] if parsed.info.period else None
    tables: dict[int, list[int]] = {}
    for i, b in enumerate(parsed.doc.blocks):
        if b.kind == BlockKind.TABLE_ROW and b.table is not None and parsed.roles[i] == Role.BODY:
            tables.setdefault(b.table, []).append(i)
    grids = []
    for rows in tables.values():
        header: list[Tok] = []
        data_rows: list[list[Tok]] = []
        row_spans: list[tuple[int, int]] = []
        blocks = [parsed.doc.blocks[i] for i in rows]
        for b, grid_cells in zip(blocks, grid_rows(blocks), strict=True):
            own = [Tok(re.sub(r"\s+", "", c.text), c.span.start, c.span.end, None, b.line) for c in b.cells]
            filled = [t for t in own if t.text]
            known = [header_role(t.text) or (t.text in _FRAGMENTS) for t in filled]
            if not data_rows and filled and sum(1 for x in known if x) >= max(2, len(filled) // 2):
                header.extend(filled)
                continue
            if filled:  # merged cells of rows above are carried into this row's grid
                data_rows.append(
                    [
                        Tok(re.sub(r"\s+", "", c.text), c.span.start, c.span.end, None, b.line)
                        for c in grid_cells
                    ]
                )
                row_spans.append((b.span.start, b.span.end))
        columns = build_columns(header, plan_end)
        if not any(c.role == "name" for c in columns) or not any(
            c.role in ("value", "growth") for c in columns
        ):
            continue
        first, last = parsed.doc.blocks[rows[0]], parsed.doc.blocks[rows[-1]]
        title = _title_before(parsed, rows[0])
        grids.append(
            Grid(
                columns,
                [t for r in data_rows for t in r if t.text],
                title=title,
                rows_known=True,
                header_line=first.line,
                span=(first.span.start, last.span.end),
                rows=data_rows,
                row_spans=row_spans,
            )
        )
    return grids


def _is_main_table(grid: Grid) -> bool:
    roles = {c.role for c in grid.columns}
    if "name" not in roles:
        return False
    has_target = any(c.role == "value" and c.target for c in grid.columns)
    return (
        ("attribute" in roles and (has_target or "growth" in roles))
        or (has_target and "growth" in roles)
        or bool(grid.title and "主要指标" in grid.title and has_target)
    )


def extract_indicators(parsed: Parsed, facts: Facts) -> None:
    """Every row of every main-indicator table in the document."""
    grids = [g for g in _real_grids(parsed) + _flat_grids(parsed) if _is_main_table(g)]
    for g in grids:
        rows_to_indicators(g, parsed.doc.text, parsed.info.period, facts)
        parsed.claimed.append(g.span)
