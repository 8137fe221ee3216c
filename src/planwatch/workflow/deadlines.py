"""完成时限 as written in a task-division scheme, as a date: 2025年 → 2025-12-31, 2024年底前 →
2024-12-31, 2023年6月底前 → 2023-06-30, 2022年上半年 → 2022-06-30, 2021-2025年 → 2025-12-31;
长期坚持 / 持续推进 → ongoing (no date). A task whose time limit says nothing takes the plan's last
year (the deadline is then ``derived``)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from planwatch.normalize.chinese import parse_chinese
from planwatch.normalize.dates import CN_DIGITS, ascii_digits, parse_date

_ONGOING = re.compile(r"长期|持续|常态|每年|逐年|动态|经常")
_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(_YEAR + r"\s*年?\s*(?:[-—–~～至到]{1,2})\s*" + _YEAR)
_MONTH = re.compile(_YEAR + r"\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月")
_QUARTER = re.compile(_YEAR + r"\s*年\s*(?:第)?([一二三四1-4])季度")
_HALF = re.compile(_YEAR + r"\s*年\s*([上下])半年")
_YEAR_ONLY = re.compile(_YEAR + r"\s*年")
_FIVE_YEAR = re.compile(r"十([一二三四五])五")
_CN_DIGIT = {"〇": 0, "零": 0, **{c: i for i, c in enumerate("一二三四五六七八九", start=1)}}
_CN_YEAR = re.compile(f"[{CN_DIGITS}]{{4}}")


@dataclass(frozen=True)
class Deadline:
    """A time limit: the date (None when ongoing or unknown), and how it was found."""

    due: date | None
    source: str  # written | plan_end | ongoing | none

    @property
    def ongoing(self) -> bool:
        """长期坚持: a task with no end."""
        return self.source == "ongoing"


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def _cn_years(text: str) -> str:
    """二〇二五年 → 2025年."""
    return _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGIT[c]) for c in m[0]), text)


def written_date(text: str) -> date | None:
    """The date a time limit names, or None when it names none."""
    s = _cn_years(ascii_digits(text))
    exact = re.search(_YEAR + r"\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}", s)
    if exact and (day := parse_date(exact[0] + ("日" if "年" in exact[0] else ""))):
        return day
    if m := _RANGE.search(s):
        return date(int(m[2]), 12, 31)
    if m := _MONTH.search(s):
        month = int(m[2]) if m[2].isdigit() else int(parse_chinese(m[2]) or 0)
        return _month_end(int(m[1]), month)
    if m := _QUARTER.search(s):
        n = "一二三四".index(m[2]) + 1 if m[2] in "一二三四" else int(m[2])
        return _month_end(int(m[1]), 3 * n)
    if m := _HALF.search(s):
        return date(int(m[1]), 6 if m[2] == "上" else 12, 30 if m[2] == "上" else 31)
    if m := _YEAR_ONLY.search(s):
        return date(int(m[1]), 12, 31)
    if m := _FIVE_YEAR.search(s):  # 十四五期间 / 十四五末
        n = 10 + "一二三四五".index(m[1]) + 1
        return date(1966 + 5 * (n - 3) + 4, 12, 31)
    return None


def parse_deadline(text: str | None, plan_end_year: int | None = None) -> Deadline:
    """The deadline of a task from its written time limit (and the plan's last year as a fallback)."""
    if text and text.strip():
        if (day := written_date(text)) is not None:
            return Deadline(day, "written")
        if _ONGOING.search(text):
            return Deadline(None, "ongoing")
    if plan_end_year is not None:
        return Deadline(date(plan_end_year, 12, 31), "plan_end")
    return Deadline(None, "none")
