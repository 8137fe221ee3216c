"""Quantities: a number with its unit, range partner and approximation marker, as written.

``15万元`` is 15 万元 and ``1.2万亿元`` is 1.2 万亿元 (a trailing 万/亿 joins the unit when the result
is a catalogue unit), ``百分之六十五`` is 65 %, ``5%-8%`` is a range, ``17.7:39.2:43.1`` a ratio.
A Chinese numeral counts only with a unit (三千吨 yes, 三千 alone no). Not quantities: numbers in
calendar expressions (2022年7月20日, 1-6月, 11:44:04) and denominators after 每 (每万人口).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from planwatch.normalize.dates import date_like_spans
from planwatch.normalize.numbers import NumberMention, find_numbers, parse_number
from planwatch.normalize.qualifiers import AFTER_MARKERS, BEFORE_MARKERS
from planwatch.normalize.stoplist import inside, name_spans
from planwatch.normalize.units import match_unit, unit_of


@dataclass(frozen=True)
class Quantity:
    """A number (or range, or ratio) with its unit: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approx: str | None = None
    ratio: bool = False
    is_year: bool = False
    name_like: bool = False
    parts: tuple[float, ...] = ()


@dataclass(frozen=True)
class _Context:
    """What every quantity of one text is checked against, computed once per text."""

    text: str
    names: list[tuple[int, int]]
    name_starts: list[int]


@dataclass(frozen=True)
class _Read:
    value: float
    unit: str | None
    end: int
    infix: str | None


_INFIX = re.compile(r"[余多]")
_AFTER = re.compile("|".join(sorted(AFTER_MARKERS, key=len, reverse=True)))
_BEFORE = re.compile("(?:" + "|".join(sorted(BEFORE_MARKERS, key=len, reverse=True)) + ")$")
_NOT_APPROX = re.compile(r"最近$|附近$")
_RANGE_SEP = re.compile(r"—{1,2}|-{1,2}|[~～至到－−–―]")
_RATIO_SEP = frozenset(":：∶︰")
_MULTIPLIERS = ("万亿", "亿", "万")
_YEAR_DIGITS = re.compile(r"[12１２]\d{3}|[一二][〇零一二三四五六七八九]{3}")


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in text, in order (see the module docstring for what counts)."""
    masked = date_like_spans(text)
    starts = [s for s, _ in masked]
    mentions = [
        m for m in find_numbers(text) if not _skipped(text, m) and not inside(masked, starts, m.start, m.end)
    ]
    names = name_spans(text)
    ctx = _Context(text, names, [s for s, _ in names])
    out: list[Quantity] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if out and m.start < out[-1].end:  # inside the unit of the quantity before (立方米/秒·百万千瓦)
            i += 1
            continue
        chain = _ratio_chain(text, mentions, i) if text[m.end : m.end + 1] in _RATIO_SEP else ()
        if len(chain) > 1:
            out.append(_ratio(text, chain))
            i += len(chain)
            continue
        a = _read(text, m)
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        sep = _RANGE_SEP.match(text, a.end)
        if nxt is not None and nxt.start == a.end and nxt.value < 0:
            nxt = replace(nxt, start=nxt.start + 1, text=nxt.text[1:], value=-nxt.value)  # 5个-8个: a dash
        if sep and nxt is not None and nxt.start == sep.end():
            b = _read(text, nxt)
            joins, unit = _range_unit(a.unit, b.unit)
            if joins and a.value < b.value and (unit is not None or not (m.chinese or nxt.chinese)):
                out.append(_build(ctx, m, b.end, None, a.value, b.value, unit, b.infix))
                i += 2
                continue
        if a.unit is not None or not m.chinese:
            out.append(_build(ctx, m, a.end, a.value, None, None, a.unit, a.infix))
        i += 1
    return out


def _skipped(text: str, m: NumberMention) -> bool:
    return m.start > 0 and text[m.start - 1] == "每"  # 每万人口, 每千人: a denominator


def _read(text: str, m: NumberMention) -> _Read:
    """The number, its unit as written and where the unit ends (15万元 → 15, 万元)."""
    if m.percent_form or m.text.startswith("千分之"):
        return _Read(m.value, "%" if m.percent_form else "‰", m.end, None)
    infix = _INFIX.match(text, m.end)
    found = match_unit(text, infix.end() if infix else m.end)
    unit, end = found if found else (None, m.end)
    for multiplier in _MULTIPLIERS if m.text[-1] in "万亿" else ():
        prefix = m.text[: -len(multiplier)]
        joined = multiplier + (unit or "")
        if m.text.endswith(multiplier) and prefix and unit_of(joined) is not None:
            value = parse_number(prefix)
            if value is not None:
                return _Read(value, joined, end if unit else m.end, infix[0] if infix and unit else None)
    if unit is None:
        return _Read(m.value, None, m.end, None)
    return _Read(m.value, unit, end, infix[0] if infix else None)


def _range_unit(a: str | None, b: str | None) -> tuple[bool, str | None]:
    """Whether two ends with these units form one range, and the range's unit."""
    if a is None or a == b:
        return True, b
    if b is None:
        return True, a
    return a in _MULTIPLIERS and b.startswith(a), b  # 2万-3万吨


def _ratio_chain(text: str, mentions: list[NumberMention], i: int) -> list[NumberMention]:
    chain = [mentions[i]]
    for j in range(i + 1, len(mentions)):
        last, nxt = chain[-1], mentions[j]
        if last.chinese or nxt.chinese or nxt.start != last.end + 1 or text[last.end] not in _RATIO_SEP:
            break
        chain.append(nxt)
    return chain


def _ratio(text: str, chain: list[NumberMention]) -> Quantity:
    start, end = chain[0].start, chain[-1].end
    parts = tuple(m.value for m in chain)
    return Quantity(start, end, text[start:end], None, ratio=True, parts=parts)


def _build(
    ctx: _Context,
    m: NumberMention,
    end: int,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str | None,
    infix: str | None,
) -> Quantity:
    text = ctx.text
    after = _AFTER.match(text, end)
    before = _BEFORE.search(text, max(0, m.start - 2), m.start)
    approx = infix or (after[0] if after else None)
    # 最近/附近 are not markers, and 近三年 is "the last three years", not "nearly three years"
    near_years = before is not None and before[0] == "近" and unit == "年"
    if (
        approx is None
        and before
        and not near_years
        and not _NOT_APPROX.search(text, max(0, m.start - 2), m.start)
    ):
        approx = before[0]
    is_year = (
        unit == "年"
        and all(1900 <= v <= 2100 and v == int(v) for v in (value, low, high) if v is not None)
        and bool(_YEAR_DIGITS.fullmatch(m.text))
    )
    name_like = inside(ctx.names, ctx.name_starts, m.start, end)
    return Quantity(
        m.start, end, text[m.start : end], value, low, high, unit, approx, False, is_year, name_like
    )
