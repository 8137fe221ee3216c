"""Calendar dates in text: 2022年07月20日, 2021-07-30, 2020/9/22 11:44:04, 二〇二三年五月九日."""

from __future__ import annotations

import datetime as dt
import re

from planwatch.normalize.chinese import parse_chinese

# Full-width digits and separators become ASCII first; the mapping keeps every offset.
_FULLWIDTH = str.maketrans("０１２３４５６７８９：／－", "0123456789:/-")
_HAS_FULLWIDTH = re.compile("[０-９：／－]")
_COLON = "[:：]"
_TIME = rf"(?:[ \t\u3000]+\d{{1,2}}{_COLON}\d{{2}}(?:{_COLON}\d{{2}})?)?"
YEAR_19_20 = r"(?:1(?<![\d.]1)9|2(?<![\d.]2)0)\d{2}"  # starts with a literal: fast to scan for
_DATE_ARABIC = re.compile(
    rf"(?P<y>{YEAR_19_20})(?:\s?年\s?(?P<m>\d{{1,2}})\s?月\s?(?P<d>\d{{1,2}})\s?[日号]"
    rf"|(?P<sep>[-/.－／])(?P<m2>\d{{1,2}})(?P=sep)(?P<d2>\d{{1,2}})(?![\d.])){_TIME}"
)
CN_DIGITS = "〇零一二三四五六七八九"
_DATE_CHINESE = re.compile(
    rf"(?P<y>[{CN_DIGITS}]{{4}})年(?P<m>[一二三四五六七八九十]{{1,2}})月(?P<d>[一二三四五六七八九十]{{1,3}})日"
)
_COMPACT = re.compile(r"(?:D:)?((?:19|20)\d{2})(\d{2})(\d{2})(?:\d{6})?(?!\d)")  # PDF: D:20230509083000
_CLOCK = re.compile(rf"\d(?<![\d:：].)\d?{_COLON}\d{{2}}{_COLON}\d{{2}}(?![\d:：])")
_MONTH_DAY = re.compile(r"\d(?<![\d.].)\d?\s?(?:[-—~～至到－]\s?\d{1,2}\s?)?月份?(?:\s?\d{1,2}\s?[日号])?")


def ascii_digits(text: str) -> str:
    """Full-width digits and date separators as ASCII (same length, so offsets survive)."""
    return text.translate(_FULLWIDTH) if _HAS_FULLWIDTH.search(text) else text


def parse_date(s: str) -> dt.date | None:
    """The date a string begins with (2022年7月20日, 2021-07-30, 2020/9/22 11:44, 二〇二三年五月九日)."""
    s = ascii_digits(s.strip())
    for pattern in (_DATE_ARABIC, _DATE_CHINESE):
        m = pattern.match(s)
        if m:
            return _date_of(m)
    c = _COMPACT.match(s)  # PDF metadata: D:20230509083000+08'00'
    return _valid(int(c[1]), int(c[2]), int(c[3])) if c else None


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Every valid date in text as (date, start, end); a following clock time is part of the span."""
    found = []
    text = ascii_digits(text)
    for pattern in (_DATE_ARABIC, _DATE_CHINESE):
        for m in pattern.finditer(text):
            d = _date_of(m)
            if d is not None:
                found.append((d, m.start(), m.end()))
    return sorted(found, key=lambda f: f[1])


def date_like_spans(text: str) -> list[tuple[int, int]]:
    """Calendar expressions (dates, clock times, 7月20日, 1-6月) as sorted, disjoint spans."""
    text = ascii_digits(text)
    spans = [(s, e) for _, s, e in find_dates(text)]
    spans += [m.span() for pattern in (_CLOCK, _MONTH_DAY) for m in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _date_of(m: re.Match[str]) -> dt.date | None:
    if m.re is _DATE_CHINESE:
        year, month, day = (parse_chinese(m[g]) for g in ("y", "m", "d"))
        return (
            None if year is None or month is None or day is None else _valid(int(year), int(month), int(day))
        )
    return _valid(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
