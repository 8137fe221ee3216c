"""Reporting periods: a period is a code — ``2026M07`` (month), ``2026Q3`` (quarter), ``2026H1`` (half
year), ``2026`` (year) — with calendar bounds, a Chinese label (2026年第三季度) and a due date (the
period's last day plus a grace of some days). ``parse`` reads a code or a label back."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import StrEnum

from planwatch.errors import ValidationError
from planwatch.normalize.dates import ascii_digits


class PeriodKind(StrEnum):
    """How often units report."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        """Chinese label (月度, 季度, 半年, 年度)."""
        return _KIND_LABELS[self]


_KIND_LABELS = {PeriodKind.MONTHLY: "月度", PeriodKind.QUARTERLY: "季度", PeriodKind.HALF_YEARLY: "半年",
                PeriodKind.YEARLY: "年度"}  # fmt: skip
_CN_QUARTER = "一二三四"
_CODE = re.compile(r"^(\d{4})(?:M(\d{2})|Q([1-4])|H([12]))?$")
_LABEL = [
    (re.compile(r"^(\d{4})\s*年?\s*(?:第\s*)?([一二三四1-4])\s*季度?$"), "Q"),
    (re.compile(r"^(\d{4})\s*[Qq]\s*([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})\s*年?\s*([上下])半年$"), "H"),
    (re.compile(r"^(\d{4})\s*[Hh]\s*([12])$"), "H"),
    (re.compile(r"^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?(?:份)?$"), "M"),
    (re.compile(r"^(\d{4})\s*年?度?$"), "Y"),
]


def kind_of(code: str) -> PeriodKind:
    """The kind of a period code."""
    m = _match(code)
    if m[2]:
        return PeriodKind.MONTHLY
    if m[3]:
        return PeriodKind.QUARTERLY
    return PeriodKind.HALF_YEARLY if m[4] else PeriodKind.YEARLY


def _match(code: str) -> re.Match[str]:
    m = _CODE.match(code)
    if m is None or (m[2] and not 1 <= int(m[2]) <= 12):
        raise ValidationError(f"报送期 {code!r} 无法识别 (unknown period)",
                              hint="write 2026Q3, 2026H1, 2026M07, 2026, or 2026年第三季度")  # fmt: skip
    return m


def bounds(code: str) -> tuple[date, date]:
    """First and last day of a period."""
    m = _match(code)
    year = int(m[1])
    if m[2]:
        first_month, months = int(m[2]), 1
    elif m[3]:
        first_month, months = 3 * int(m[3]) - 2, 3
    elif m[4]:
        first_month, months = 6 * int(m[4]) - 5, 6
    else:
        first_month, months = 1, 12
    last_month = first_month + months - 1
    return date(year, first_month, 1), date(year, last_month, calendar.monthrange(year, last_month)[1])


def period_of(kind: PeriodKind, day: date) -> str:
    """The code of the period of ``kind`` that contains ``day``."""
    if kind is PeriodKind.MONTHLY:
        return f"{day.year}M{day.month:02d}"
    if kind is PeriodKind.QUARTERLY:
        return f"{day.year}Q{(day.month - 1) // 3 + 1}"
    if kind is PeriodKind.HALF_YEARLY:
        return f"{day.year}H{1 if day.month <= 6 else 2}"
    return str(day.year)


def label(code: str) -> str:
    """The period as people write it: 2026年7月, 2026年第三季度, 2026年上半年, 2026年度."""
    m = _match(code)
    if m[2]:
        return f"{m[1]}年{int(m[2])}月"
    if m[3]:
        return f"{m[1]}年第{_CN_QUARTER[int(m[3]) - 1]}季度"
    if m[4]:
        return f"{m[1]}年{'上' if m[4] == '1' else '下'}半年"
    return f"{m[1]}年度"


def parse(text: str) -> str:
    """A period code from a code or a label (2026Q3, 2026年第三季度, 2026年三季度, 2026年9月, 2026-09,
    2026年上半年, 2026年度); ValidationError otherwise."""
    s = ascii_digits(str(text).strip())
    if _CODE.match(s):
        _match(s)
        return s
    for pattern, kind in _LABEL:
        m = pattern.match(s)
        if m is None:
            continue
        year = m[1]
        if kind == "Q":
            n = _CN_QUARTER.index(m[2]) + 1 if m[2] in _CN_QUARTER else int(m[2])
            return f"{year}Q{n}"
        if kind == "H":
            return f"{year}H{1 if m[2] in ('上', '1') else 2}"
        if kind == "M":
            return _match(f"{year}M{int(m[2]):02d}")[0]
        return year
    _match(s)  # raises with the hint
    raise AssertionError("unreachable")


def next_period(code: str) -> str:
    """The period after this one (of the same kind)."""
    return period_of(kind_of(code), bounds(code)[1] + timedelta(days=1))


def periods_between(kind: PeriodKind, first: date, last: date) -> list[str]:
    """Codes of the periods of ``kind`` that overlap ``first``..``last``, in order."""
    out: list[str] = []
    if last < first:
        return out
    code = period_of(kind, first)
    while bounds(code)[0] <= last:
        out.append(code)
        code = next_period(code)
    return out


def due_date(code: str, grace_days: int) -> date:
    """When a period's report is due: its last day plus the grace days (季度结束后10日内)."""
    return bounds(code)[1] + timedelta(days=grace_days)
