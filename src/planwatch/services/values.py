"""Cells of an import read as values: numbers (1,234.5 / 12%), years (2021 / 2021年), judgements."""

from __future__ import annotations

import re
from typing import Any

from planwatch.errors import ValidationError

_YEAR = re.compile(r"^(\d{4})(?:年|\.0)?$")
_MET = ("达到", "完成", "已完成", "已达到", "是", "达标", "met", "yes")
_NOT_MET = ("未达到", "未完成", "否", "未达标", "not met", "no")


def number(cell: Any, column: str, where: str) -> float | None:
    """A number from a cell (None when empty); ValidationError when it is not one."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, bool):
        raise ValidationError(f"{column} {cell!r} is not a number", where=where)
    if isinstance(cell, int | float):
        return float(cell)
    text = str(cell).strip().replace(",", "").replace("，", "").rstrip("%％")
    try:
        return float(text)
    except ValueError:
        raise ValidationError(
            f"{column} {cell!r} is not a number", where=where,
            hint="write the figure alone (12.5), its unit in 单位, and text judgements in 定性",
        ) from None  # fmt: skip


def year_of_cell(cell: Any, where: str) -> int:
    """A year from a cell (2021, "2021", "2021年"); ValidationError otherwise."""
    m = _YEAR.match(str(cell if cell is not None else "").strip())
    year = int(m.group(1)) if m else None
    if year is None or not 1949 <= year <= 2100:
        raise ValidationError(f"year {cell!r} is not a year", where=where, hint="write the year as 2023")
    return year


def judgement(text: str | None) -> bool | None:
    """达到/完成 → True, 未达到/未完成 → False, anything else (Ⅱ类, 待公布) → None."""
    if not text:
        return None
    key = text.strip().lower()
    if key in _NOT_MET:
        return False
    return True if key in _MET else None
