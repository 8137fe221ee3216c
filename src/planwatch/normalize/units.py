"""The unit catalogue, declared as data, and conversions between units of one dimension.

Each family is one line: its dimension, its base unit, and the units written for it with their
factor to the base. ``SCALABLE`` units and all counters also get 万/亿/万亿 forms (万元, 亿千瓦时, 万户), and any
two catalogue units joined by a slash form a compound (万吨/年, 克/千瓦时). Two units convert into
each other only when they share a base: 个 and 家 are both counters, but they count different things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from planwatch.errors import ValidationError


@dataclass(frozen=True)
class Unit:
    """A unit as written, its dimension, and its size in the family's base unit."""

    name: str
    dimension: str
    base: str
    factor: Fraction


F = Fraction
MU = F(2000, 3)  # one 亩 in square metres: 15 亩 make a hectare
# (dimension, base, {unit as written: factor to base})
FAMILIES: tuple[tuple[str, str, dict[str, Fraction]], ...] = (
    ("money", "元", {"元": F(1), "千元": F(1000), "元人民币": F(1)}),
    ("money_usd", "美元", {"美元": F(1)}),
    ("area", "平方米", {
        "平方米": F(1), "平米": F(1), "㎡": F(1), "m2": F(1), "m²": F(1), "平方公里": F(10**6),
        "平方千米": F(10**6), "km2": F(10**6), "km²": F(10**6), "公顷": F(10**4), "千公顷": F(10**7), "亩": MU,
    }),
    ("length", "米", {
        "米": F(1), "m": F(1), "公里": F(1000), "千米": F(1000), "km": F(1000),
        "厘米": F(1, 100), "毫米": F(1, 1000), "mm": F(1, 1000),
    }),
    ("volume", "立方米", {
        "立方米": F(1), "立方": F(1), "m3": F(1), "m³": F(1), "万方": F(10**4), "升": F(1, 1000), "毫升": F(1, 10**6),
    }),
    ("mass", "吨", {
        "吨": F(1), "公斤": F(1, 1000), "千克": F(1, 1000), "kg": F(1, 1000), "斤": F(1, 2000),
        "克": F(1, 10**6), "毫克": F(1, 10**9), "微克": F(1, 10**12),
    }),
    ("power", "千瓦", {
        "千瓦": F(1), "kW": F(1), "KW": F(1), "kw": F(1), "瓦": F(1, 1000), "兆瓦": F(1000), "MW": F(1000),
        "千千瓦": F(1000), "吉瓦": F(10**6), "GW": F(10**6),
    }),
    ("energy", "千瓦时", {"千瓦时": F(1), "kWh": F(1), "兆瓦时": F(1000), "MWh": F(1000)}),
    ("coal_equivalent", "吨标准煤", {"吨标准煤": F(1), "吨标煤": F(1)}),
    ("voltage", "千伏", {"千伏": F(1), "kV": F(1), "KV": F(1), "kv": F(1), "伏": F(1, 1000)}),
    ("apparent_power", "千伏安", {"千伏安": F(1), "kVA": F(1), "兆伏安": F(1000), "MVA": F(1000)}),
    ("steam_capacity", "蒸吨", {"蒸吨": F(1)}),
    ("temperature", "℃", {"℃": F(1), "摄氏度": F(1)}),
    ("people", "人", {"人": F(1), "名": F(1), "位": F(1)}),
    ("people", "人次", {"人次": F(1)}),
    ("percent", "%", {"%": F(1), "％": F(1)}),
    ("permille", "‰", {"‰": F(1)}),
    ("percent_point", "个百分点", {"个百分点": F(1), "百分点": F(1)}),
    ("permille_point", "个千分点", {"个千分点": F(1), "千分点": F(1)}),
    ("multiple", "倍", {"倍": F(1)}),
    ("time", "天", {"天": F(1), "日": F(1), "小时": F(1, 24), "分钟": F(1, 1440), "秒": F(1, 86400)}),
    ("time", "年", {"年": F(1), "周年": F(1), "个月": F(1, 12)}),
    ("time", "周", {"周": F(1), "个星期": F(1)}),
    ("time", "个工作日", {"个工作日": F(1), "工作日": F(1)}),
    ("age", "岁", {"岁": F(1), "周岁": F(1)}),
    ("number", "1", {"万": F(10**4), "亿": F(10**8), "万亿": F(10**12)}),
)  # fmt: skip
# Counters of Chinese administrative writing: each counts its own kind of thing.
COUNTERS: tuple[str, ...] = (
    "个", "家", "项", "所", "座", "处", "条", "套", "间", "张", "辆", "台", "头", "只", "羽", "头只", "场",
    "场次", "件", "宗", "册", "次", "部", "批", "支", "片", "村", "乡镇", "篇", "户", "株", "棵", "种", "类",
    "本", "栋", "幢", "组", "队", "轮", "标段", "份", "部门",
)  # fmt: skip
SCALABLE = frozenset({
    "元", "美元", "吨", "亩", "千瓦", "千瓦时", "千伏安", "人", "人次", "名", "立方米", "平方米", "平方公里",
    "公里", "斤", "吨标煤", "吨标准煤",
})  # fmt: skip
_PREFIXES = {
    "万": F(10**4),
    "十万": F(10**5),
    "百万": F(10**6),
    "千万": F(10**7),
    "亿": F(10**8),
    "万亿": F(10**12),
}
# Dimensions whose units are written with 万/亿 multipliers (万公顷, 百万千瓦, 亿立方米 …).
_SCALED_DIMENSIONS = frozenset(
    {
        "money",
        "area",
        "length",
        "volume",
        "mass",
        "power",
        "energy",
        "coal_equivalent",
        "people",
        "steam_capacity",
        "apparent_power",
    }
)
_COMPOUND_SLASH = "/／"
_COMPOUND_JOIN = "/／·•"


def _build() -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for dimension, base, members in FAMILIES:
        for name, factor in members.items():
            units[name] = Unit(name, dimension, base, factor)
    for name in COUNTERS:
        units.setdefault(name, Unit(name, "count", name, F(1)))
    scaled = {n for n, u in units.items() if u.dimension in _SCALED_DIMENSIONS and not n.isascii()}
    for name in sorted(SCALABLE | set(COUNTERS) | scaled):
        unit = units.get(name) or Unit(name, "count", name, F(1))
        for prefix, scale in _PREFIXES.items():
            units.setdefault(
                prefix + name, Unit(prefix + name, unit.dimension, unit.base, unit.factor * scale)
            )
    return units


CATALOGUE: dict[str, Unit] = _build()
# Longest first, so 个百分点 wins over 个 and 千瓦时 over 千瓦; Latin units must not run into more letters.
_UNIT_RE = re.compile(
    "|".join(
        re.escape(n) + ("(?![A-Za-z])" if n[-1].isascii() and n[-1].isalpha() else "")
        for n in sorted(CATALOGUE, key=len, reverse=True)
    )
)


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The longest catalogue unit (or a/b compound) starting exactly at pos, as written, and its end."""
    m = _UNIT_RE.match(text, pos)
    if not m:
        return None
    end = m.end()
    # 万吨/年, 克/千瓦时, 立方米/秒·百万千瓦: compounds chain with / and ·
    while end < len(text) and text[end] in _COMPOUND_JOIN:
        per = _UNIT_RE.match(text, end + 1)
        if not per:
            break
        end = per.end()
    return text[pos:end], end


def unit_of(name: str) -> Unit | None:
    """The catalogue entry for a unit as written (compounds such as 万吨/年 included), else None."""
    found = CATALOGUE.get(name)
    if found or not any(s in name for s in _COMPOUND_SLASH):
        return found
    top, _, bottom = name.replace("／", "/").partition("/")
    a, b = CATALOGUE.get(top), CATALOGUE.get(bottom)
    if a is None or b is None:
        return None
    return Unit(name, f"{a.dimension}/{b.dimension}", f"{a.base}/{b.base}", a.factor / b.factor)


def dimension_of(unit: str) -> str | None:
    """The dimension of a unit as written (万亩 → area, 万吨/年 → mass/time), or None if unknown."""
    found = unit_of(unit)
    return found.dimension if found else None


def same_dimension(a: str, b: str) -> bool:
    """Whether values in units a and b can be converted into each other."""
    ua, ub = unit_of(a), unit_of(b)
    return ua is not None and ub is not None and ua.base == ub.base


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert value from one unit to another of the same dimension; ValidationError otherwise."""
    ua, ub = unit_of(from_unit), unit_of(to_unit)
    if ua is None or ub is None:
        unknown = from_unit if ua is None else to_unit
        raise ValidationError(f"unknown unit {unknown!r}", hint="use a unit from planwatch.normalize.units")
    if ua.base != ub.base:
        raise ValidationError(
            f"cannot convert {from_unit} ({ua.dimension}) to {to_unit} ({ub.dimension})",
            hint="convert only between units that measure the same thing",
        )
    # Fractions keep 1.2 万亿元 → 12000 亿元 exact instead of drifting in the last binary digit.
    return float(Fraction(value) * ua.factor / ub.factor)
