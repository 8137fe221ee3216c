"""Years and periods: “十四五” → (2021, 2025), “十四五”末 → 2025, 2020年上半年 → 2020H1, 十三五期间 → 2016-2020.

Period labels follow the contract: ``"2021"`` for a year, ``"2020H1"`` for a half year,
``"2021Q3"`` for a quarter (前三季度, the cumulative first three quarters, is labelled Q3 too) and
``"2016-2020"`` for a span. Calendar dates live in ``dates`` and are re-exported here.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from planwatch.errors import ValidationError
from planwatch.normalize.chinese import parse_chinese
from planwatch.normalize.dates import (
    CN_DIGITS,
    YEAR_19_20,
    ascii_digits,
    date_like_spans,
    find_dates,
    parse_date,
)

__all__ = [
    "date_like_spans",
    "find_dates",
    "find_period",
    "five_year_plan",
    "parse_date",
    "period_label",
    "plan_period",
    "year_of",
]

_N = "一二三四五六七八九十"
_FYP_SHORT = re.compile(rf"(?<![{_N}第])(十[一二三四五])五(?![{_N}])")
_FYP_LONG = re.compile(rf"第([{_N}]+)个五年(?:规划|计划)")
_SPAN = re.compile(rf"({YEAR_19_20})\s?年?\s?(?:[-—–~～－]{{1,2}}|至|到)\s?((?:19|20)\d{{2}})(?!\d)")
_YEAR = re.compile(rf"({YEAR_19_20})(?!\d)\s?年|([{CN_DIGITS}]{{4}})年")


def five_year_plan(n: int) -> tuple[int, int]:
    """Years of the n-th national five-year plan (14 → (2021, 2025)); the third began in 1966."""
    start = {1: 1953, 2: 1958}.get(n, 1966 + 5 * (n - 3))
    return start, start + 4


def plan_period(text: str) -> tuple[int, int] | None:
    """The plan period a text names: 十四五 / 第十四个五年规划 / (2021-2025年) → (2021, 2025)."""
    text = ascii_digits(text)
    named: Counter[int] = Counter()
    for m in (*_FYP_SHORT.finditer(text), *_FYP_LONG.finditer(text)):
        n = parse_chinese(m[1])
        if n is not None and 1 <= n <= 30:
            named[int(n)] += 1
    if named:
        # the plan's own period is the one it names most; ties go to the later plan
        return five_year_plan(max(named, key=lambda n: (named[n], n)))
    spans = [(int(a), int(b)) for a, b in _SPAN.findall(text)]
    five_years = [s for s in spans if s[1] - s[0] == 4]
    plausible = [s for s in spans if 1 <= s[1] - s[0] <= 15]
    return next(iter(five_years or plausible), None)


def period_label(
    year: int, half: int | None = None, quarter: int | None = None, end: int | None = None
) -> str:
    """The contract's period label: "2021", "2020H1", "2021Q3", or "2016-2020" with end."""
    if sum(x is not None for x in (half, quarter, end)) > 1:
        raise ValidationError("a period is a year, a half, a quarter or a span, not several")
    if half is not None and half not in (1, 2):
        raise ValidationError(f"half year must be 1 or 2, not {half}")
    if quarter is not None and quarter not in (1, 2, 3, 4):
        raise ValidationError(f"quarter must be 1 to 4, not {quarter}")
    if end is not None and end < year:
        raise ValidationError(f"period {year}-{end} ends before it starts")
    if half:
        return f"{year}H{half}"
    if quarter:
        return f"{year}Q{quarter}"
    return f"{year}-{end}" if end is not None else str(year)


_RELATIVE = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "前年": -2,
    "明年": 1,
    "次年": 1,
}
_RELATIVE_RE = re.compile("|".join(sorted(_RELATIVE, key=len, reverse=True)))
_FIVE_YEARS = re.compile(r"过去五年|五年来|五年累计|累计五年|近五年|五年间")
_HALF = re.compile(r"([上下])半年")
_QUARTER = re.compile(r"(?:第)?([一二三四1-4])季度")
_MONTHS = re.compile(rf"(\d{{1,2}}|[{_N}]{{1,2}})\s?(?:[-—~～至到])\s?(\d{{1,2}}|[{_N}]{{1,2}})\s?月")
_MONTH_END = re.compile(
    rf"(?:截至|截止到?)\s?(?:(?:19|20)\d{{2}}\s?年)?\s?(\d{{1,2}}|[{_N}]{{1,3}})\s?月|(\d{{1,2}})\s?月[底末]"
)
# the months a cumulative figure covers → its label; other windows (1-11月) have no contract label
_WINDOWS = {
    (1, 3): "Q1",
    (4, 6): "Q2",
    (7, 9): "Q3",
    (10, 12): "Q4",
    (1, 6): "H1",
    (7, 12): "H2",
    (1, 9): "Q3",
    (1, 12): "",
}
_TARGET_YEAR = re.compile(r"(?:到|至|截至|截止到?|力争|预计|争取)\s?((?:19|20)\d{2})\s?年")
_YEAR_END = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?年\s?(?:底|末|前|以前|年底)")
_FYP_EDGE = re.compile(
    rf"(?:(十[一二三四五])五|第([{_N}]+)个五年(?:规划|计划))[”\"’]?\s?(?:时期|期间)?\s?(期末|末|收官|初|开局)"
)


def find_period(context: str, default_year: int | None = None) -> str | None:
    """The period a figure refers to (2020年上半年 → 2020H1, 十三五期间 → 2016-2020), else the default year."""
    text = ascii_digits(context)
    year = _explicit_year(text, default_year)
    edge = _FYP_EDGE.search(text)
    if edge:
        return str(_fyp_edge_year(edge))
    named = plan_period(text)
    if named:
        return period_label(named[0], end=named[1])
    if _FIVE_YEARS.search(text):
        return period_label(year - 4, end=year) if year else None
    window = _window(text)
    if window is not None:
        return f"{year}{window}" if year is not None and window != "?" else None
    if year is None:
        return None
    half, quarter = _HALF.search(text), _QUARTER.search(text)
    if half:
        return period_label(year, half=1 if half[1] == "上" else 2)
    if quarter:
        q = parse_chinese(quarter[1])
        return period_label(year, quarter=int(q)) if q else None
    return str(year)


def _window(text: str) -> str | None:
    """Label suffix of a month window (1-6月 → H1, 截至9月底 → Q3, 1-12月 → ""), None if none or odd."""
    m = _MONTHS.search(text)
    if m:
        first, last = parse_chinese(m[1]), parse_chinese(m[2])
    else:
        e = _MONTH_END.search(text)
        if not e:
            return None
        first, last = Decimal(1), parse_chinese(e[1] or e[2])
    if first is None or last is None:
        return None
    return _WINDOWS.get((int(first), int(last)), "?")


def _explicit_year(text: str, default_year: int | None) -> int | None:
    m = _YEAR.search(text)
    if m:
        value = parse_chinese(m[1] or m[2])
        return int(value) if value is not None else None
    rel = _RELATIVE_RE.search(text)
    if rel and default_year is not None:
        return default_year + _RELATIVE[rel[0]]
    return default_year


def _fyp_edge_year(m: re.Match[str]) -> int:
    n = parse_chinese(m[1] or m[2])
    start, end = five_year_plan(int(n) if n is not None else 14)
    return start if m[3] in ("初", "开局") else end


def year_of(text: str, doc_year: int | None = None) -> int | None:
    """The year a target is for: 到2025年, 2025年底前, “十四五”末 → 2025; 今年 → doc_year."""
    text = ascii_digits(text)
    for pattern in (_TARGET_YEAR, _YEAR_END):
        m = pattern.search(text)
        if m:
            return int(m[1])
    edge = _FYP_EDGE.search(text)
    if edge:
        return _fyp_edge_year(edge)
    m = _YEAR.search(text)
    if m:
        value = parse_chinese(m[1] or m[2])
        return int(value) if value is not None else None
    rel = _RELATIVE_RE.search(text)
    if rel and doc_year is not None:
        return doc_year + _RELATIVE[rel[0]]
    return None
