"""Reported figures in tables: a bulletin's 主要指标完成情况, a report's 2022年完成情况 table.

A table counts when its header names the indicator column and a value column (绝对数, 2022年完成,
数值 …); a growth column (比上年增长, 同比增长 …) adds each row's growth. Columns of goals (预期目标,
计划) are left alone. Only tables in a review part of the document (or in a bulletin or news page) count.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planwatch.extract.cellvalue import read_cell
from planwatch.extract.indicators import split_name_unit
from planwatch.extract.sections import Section, section_roles
from planwatch.extract.tablegrid import grid_rows
from planwatch.model.document import Block, BlockKind
from planwatch.model.facts import Evidence, Facts, Observation
from planwatch.parse.parsed import Parsed

_MEASURE = re.compile(r"产量|产值|面积|人数|销售额|营业收入|增加值")
_UNIT_IN_HEADER = re.compile(r"[(（]([^()（）]{1,8})[)）]")


def _role(text: str) -> str | None:
    t = re.sub(r"\s+", "", text)
    if re.search(r"目标|计划|预期|规划", t):
        return None
    if re.fullmatch(r"(?:主要)?(?:指标|项目|产品|商品|品种|行业)(?:名称)?|名称|类别", t):
        return "name"
    if re.fullmatch(r"(?:计量)?单位", t):
        return "unit"
    if re.search(r"增长|增速|增幅|[±±]|同比|比上年", t):
        return "growth"
    if re.search(
        r"绝对数|绝对值|总量|数值|完成|实际|金额|(?:19|20)\d{2}\s*年|本期|全年|产量|产值|数量|余额|总额|人数|面积",
        t,
    ):
        return "value"
    return None


def _year(parsed: Parsed, title: str, default: int | None) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", title)
    return int(m.group(1)) if m else default


def _title_before(blocks: Sequence[Block], index: int) -> str:
    for k in range(index - 1, max(-1, index - 3), -1):
        if blocks[k].kind != BlockKind.TABLE_ROW and len(blocks[k].text) <= 60:
            return blocks[k].text
    return ""


def extract_table_observations(parsed: Parsed, facts: Facts, region: str | None, year: int | None) -> None:
    """Figures of value/growth tables in review parts (see the module docstring)."""
    blocks, text = parsed.doc.blocks, parsed.doc.text
    sections = section_roles(parsed)
    tables: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        if (
            b.kind == BlockKind.TABLE_ROW
            and b.table is not None
            and not any(s <= b.span.start < e for s, e in parsed.claimed)
        ):
            tables.setdefault(b.table, []).append(i)
    for rows in tables.values():
        first = rows[0]
        before = sections[first - 1] if first > 0 else Section.NEUTRAL
        if parsed.info.kind not in ("bulletin", "news") and before != Section.REVIEW:
            continue
        header = [_role(c.text) for c in blocks[first].cells]
        if "name" not in header or "value" not in header:
            continue
        units = [(_UNIT_IN_HEADER.search(c.text) or [None, None])[1] for c in blocks[first].cells]
        period = _year(parsed, _title_before(blocks, first), year)
        row_blocks = [blocks[i] for i in rows[1:]]
        for b, cells in zip(row_blocks, grid_rows(row_blocks), strict=True):
            found = {role: (k, cells[k]) for k, role in enumerate(header[: len(cells)]) if role}
            if "name" not in found or "value" not in found:
                continue
            name, unit = split_name_unit(re.sub(r"^(?:其中|#)\s*[:：]?", "", found["name"][1].text.strip()))
            value = read_cell(found["value"][1].text)
            growth = read_cell(found["growth"][1].text) if "growth" in found else None
            if value.value is None and (growth is None or growth.value is None):
                continue
            if "unit" in found and found["unit"][1].text.strip() not in ("", "—", "-"):
                unit = found["unit"][1].text.strip()
            unit = unit or units[found["value"][0]]
            measure = _MEASURE.fullmatch(
                _UNIT_IN_HEADER.sub("", re.sub(r"\s+", "", blocks[first].cells[found["value"][0]].text))
            )
            if measure and not name.endswith(measure.group(0)):
                name += measure.group(0)  # 粮食 under 产量 → 粮食产量
            facts.observations.append(
                Observation(
                    subject=name,
                    region=region,
                    period=str(period) if period else None,
                    value=value.value,
                    unit=unit if value.value is not None else None,
                    growth=growth.value if growth is not None else None,
                    evidence=Evidence(
                        start=b.span.start, end=b.span.end, quote=text[b.span.start : b.span.end]
                    ),
                )
            )
