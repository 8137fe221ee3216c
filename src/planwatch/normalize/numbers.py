"""Numbers in text: parse one token, find every mention, and format a float back.

A mention is a run of Arabic digits (half- or full-width, with thousands commas, a decimal point
and a leading minus), optionally followed by the multipliers 十百千万亿; a run of Chinese numerals;
or a 百分之/千分之 form. Not mentions: numerals inside stoplisted words (see ``stoplist``), and
digits glued to Latin letters, which are codes (G109, PM2.5, 5G, 4A) — unless the letters are a
catalogue unit (800m2, 50MW, 220kV), because a value with a Latin unit is a measurement.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from planwatch.normalize.chinese import CAPITALS, DIGIT_CHARS, NUMERAL_CHARS, parse_chinese, to_chinese
from planwatch.normalize.stoplist import is_name_like, stop_spans
from planwatch.normalize.units import match_unit

__all__ = ["NumberMention", "find_numbers", "format_number", "is_name_like", "parse_number", "to_chinese"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－−％", "0123456789.,--%")
_ARABIC = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
_CHINESE = rf"[{NUMERAL_CHARS}]+(?:点[{DIGIT_CHARS}]+[万亿]*)?"
_MENTION = re.compile(
    rf"(?P<per>百分之|千分之)(?:{_ARABIC}|{_CHINESE})"
    # a minus only where it cannot be a range dash (3-5, 5%-8%)
    rf"|(?:(?<![0-9０-９%％‰.．A-Za-z十百千万亿])[-−－])?(?<![A-Za-z0-9０-９.．]){_ARABIC}(?P<mult>[十百千万亿]*)"
    rf"|{_CHINESE}"
)
_PARSE_ARABIC = re.compile(r"-?\d+(?:\.\d+)?")
_HAS_DIGIT = re.compile(r"\d")
# 3千元 is three thousand 元 either way; keep the 千 in the number rather than reading a 千元 unit
_KEEP_IN_NUMBER = frozenset({"千元"})


@dataclass(frozen=True)
class NumberMention:
    """One number as it appears in a text: ``text[start:end] == self.text``."""

    start: int
    end: int
    text: str
    value: float
    chinese: bool
    percent_form: bool


def parse_number(s: str) -> float | None:
    """One numeric token (2,025 / ３.５ / 1.2万亿 / 两万五千 / 百分之六十五) to a float, else None."""
    return _parse(s.strip())


@lru_cache(maxsize=4096)
def _parse(s: str) -> float | None:
    s = s.translate(_FULLWIDTH)
    if s.startswith(("百分之", "千分之")):
        s = s[3:]
    elif s.endswith(("%", "‰")):
        s = s[:-1]
    negative = s.startswith("-")
    body = s[1:] if s[:1] in ("-", "+") else s
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", body):
        body = body.replace(",", "")
    if _PARSE_ARABIC.fullmatch(body):
        value: Decimal | None = Decimal(body)
    else:
        value = parse_chinese(body)
    if value is None:
        return None
    return float(-value if negative else value)


def format_number(x: float) -> str:
    """The shortest decimal that reads back as x, without an exponent (65.0 → 65, 1e-05 → 0.00001)."""
    if not math.isfinite(x):
        raise ValueError(f"cannot format {x!r} as a number")
    if x == 0:
        return "0"
    if x.is_integer() and abs(x) < 1e16:
        return str(int(x))
    text = format(Decimal(repr(x)), "f")  # repr is the shortest round-tripping form
    return text.rstrip("0").rstrip(".") if "." in text else text


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in text, in order, skipping stoplisted words and Latin-glued codes."""
    stops = stop_spans(text)
    starts = [s for s, _ in stops]
    mentions: list[NumberMention] = []
    for m in _MENTION.finditer(text):
        start, end = m.span()
        arabic = m["mult"] is not None
        if text[end - 1] in "十百千":
            end = _trim_unit_start(text, start, end)
        if arabic:
            if (
                end < len(text)
                and text[end] < "\x80"
                and text[end].isalpha()
                and match_unit(text, end) is None
            ):
                continue  # 5G, 4A级: a code, not a number
        elif not m["per"] and not _plausible_chinese(text[start:end]):
            continue
        i = bisect.bisect_left(starts, end) - 1
        if i >= 0 and stops[i][1] > start:
            continue
        token = text[start:end]
        value = _parse(token)
        if value is not None:
            chinese = not arabic and not (m["per"] and _HAS_DIGIT.search(token))
            mentions.append(NumberMention(start, end, token, value, chinese, m["per"] == "百分之"))
    return mentions


def _trim_unit_start(text: str, start: int, end: int) -> int:
    """Give back trailing 十百千 that begin a unit: 5千瓦 is 5 千瓦, 0.5百分点 is 0.5 百分点."""
    while end > start and text[end - 1] in "十百千":
        unit = match_unit(text, end - 1)
        if unit is None or unit[0] in _KEEP_IN_NUMBER:
            break
        end -= 1
    return end


def _plausible_chinese(token: str) -> bool:
    # A lone capital (伍 in 队伍, 拾 in 收拾) or a bare 万/亿 (万众, 万元GDP) is a word, not a number.
    if len(token) == 1 and token in CAPITALS:
        return False
    return token.strip("万亿") != ""
