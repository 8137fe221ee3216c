"""Chinese numerals: the character tables, a positional parser and a formatter.

The parser works on tokens (a digit, an Arabic number or a unit character) so that mixed forms
such as ``1.2万亿``, ``3千`` and ``1万5千`` go through the same code as ``两万五千``. Arithmetic is
done in :class:`~decimal.Decimal` so ``1.2万亿`` is exactly 1.2e12, not 1199999999999.9998.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8}
CAPITALS = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
DIGIT_CHARS = "".join(DIGITS)
NUMERAL_CHARS = DIGIT_CHARS + "".join(SMALL_UNITS) + "".join(BIG_UNITS)

_TOKEN = re.compile(rf"\d+(?:\.\d+)?|[{NUMERAL_CHARS}]")
_DECIMAL = re.compile(rf"([{NUMERAL_CHARS}]*)点([{DIGIT_CHARS}]+)([万亿]*)")
_NO_SECTION = 10**5  # larger than any small unit: "no small unit used yet in this section"


def parse_chinese(s: str) -> Decimal | None:
    """Value of a Chinese (or mixed Arabic/Chinese) numeral such as 两万五千 or 1.2万亿, else None."""
    decimal = _DECIMAL.fullmatch(s)
    if decimal:
        return _parse_decimal(*decimal.groups())
    tokens = _TOKEN.findall(s)
    if not tokens or "".join(tokens) != s:
        return None
    if all(t in DIGITS for t in tokens):
        if len(tokens) == 1:
            return Decimal(DIGITS[tokens[0]])
        if len(tokens) >= 4 or "〇" in s or "零" in s:
            # 二〇三五 and 一九九八 are read digit by digit. Shorter bare runs are vague amounts
            # (三五 = three or five) or names (六五四 project), not numbers.
            return Decimal("".join(str(DIGITS[t]) for t in tokens))
        return None
    return _Positional().run(tokens)


def _parse_decimal(integer: str, fraction: str, multipliers: str) -> Decimal | None:
    whole = parse_chinese(integer) if integer else Decimal(0)
    if whole is None:
        return None
    value = whole + Decimal("0." + "".join(str(DIGITS[c]) for c in fraction))
    for m in multipliers:
        value *= BIG_UNITS[m]
    return value


@dataclass
class _Positional:
    """State of one left-to-right pass over positional tokens (万亿 groups, 千百十 sections)."""

    total: Decimal = Decimal(0)
    section: Decimal = Decimal(0)
    digit: Decimal | None = None
    last_small: int = _NO_SECTION
    last_big: int = 0
    prev_unit: int = 0  # unit right before the pending digit: 两万五 means 两万五千
    after_zero: bool = False

    def run(self, tokens: list[str]) -> Decimal | None:
        for token in tokens:
            ok = (
                self._small(SMALL_UNITS[token])
                if token in SMALL_UNITS
                else self._big(BIG_UNITS[token], bare=len(tokens) == 1)
                if token in BIG_UNITS
                else self._digit(token)
            )
            if not ok:
                return None
        if self.digit is not None:
            if self.prev_unit > 10 and self.digit < 10 and self.digit == int(self.digit):
                self.digit *= self.prev_unit // 10
            self.section += self.digit
        elif self.after_zero:
            return None  # a trailing 零 (一百零) is not a number
        return self.total + self.section

    def _digit(self, token: str) -> bool:
        if self.digit is not None:
            return False  # two digits in a row (三五) are not positional
        value = DIGITS.get(token)
        if value == 0:
            self.after_zero, self.prev_unit = True, 0
            return True
        self.digit = Decimal(token) if value is None else Decimal(value)
        return True

    def _small(self, unit: int) -> bool:
        at_start = not self.section and not self.total and not self.after_zero
        if unit >= self.last_small or (self.digit is None and not at_start):
            return False
        self.section += (self.digit if self.digit is not None else 1) * unit
        self._applied(unit)
        self.last_small = unit
        return True

    def _big(self, unit: int, *, bare: bool) -> bool:
        group = self.section + (self.digit or 0)
        if not group and not self.total:
            if not bare:
                return False
            group = Decimal(1)  # 万 or 亿 on its own
        if self.total and unit > self.last_big:
            self.total = (self.total + group) * unit  # 一万二千亿: the 亿 scales everything before it
        elif group:
            self.total += group * unit
        else:
            return False  # 一亿万
        self.section, self.last_small, self.last_big = Decimal(0), _NO_SECTION, unit
        self._applied(unit)
        return True

    def _applied(self, unit: int) -> None:
        self.digit, self.prev_unit, self.after_zero = None, unit, False


def to_chinese(n: int) -> str:
    """Write a non-negative integer below 10**16 in Chinese numerals (12000 → 一万二千)."""
    if n < 0 or n >= 10**16:
        raise ValueError(f"to_chinese handles 0 <= n < 10**16, not {n}")
    if n == 0:
        return "零"
    groups = [(n // 10**12) % 10**4, (n // 10**8) % 10**4, (n // 10**4) % 10**4, n % 10**4]
    names = ["万亿", "亿", "万", ""]
    out: list[str] = []
    pending_zero = False
    for group, name in zip(groups, names, strict=True):
        if not group:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or group < 1000):
            out.append("零")
        out.append(_section(group) + name)
        pending_zero = False
    text = "".join(out)
    # 一十二 is written 十二 only at the very start
    return text[1:] if text.startswith("一十") else text


def _section(n: int) -> str:
    digits = "零一二三四五六七八九"
    out: list[str] = []
    zero = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = (n // unit_value) % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
        out.append(digits[d] + unit)
        zero = False
    return "".join(out)
