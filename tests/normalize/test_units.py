"""The unit catalogue: matching units in text, dimensions, conversions."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.errors import ValidationError
from planwatch.normalize.units import (
    CATALOGUE,
    COUNTERS,
    FAMILIES,
    convert,
    dimension_of,
    match_unit,
    same_dimension,
    unit_of,
)


@pytest.mark.parametrize(
    ("text", "pos", "expected"),
    [
        ("65%，", 2, ("%", 3)),
        ("65％", 2, ("％", 3)),
        ("5个百分点", 1, ("个百分点", 5)),
        ("5个村", 1, ("个", 2)),
        ("15万元", 2, ("万元", 4)),
        ("1.2万亿元", 3, ("万亿元", 6)),
        ("320万千瓦", 3, ("万千瓦", 6)),
        ("10万千瓦时", 2, ("万千瓦时", 6)),
        ("500千伏", 3, ("千伏", 5)),
        ("30万吨/年", 2, ("万吨/年", 6)),
        ("300克/千瓦时", 3, ("克/千瓦时", 8)),
        ("35微克/立方米", 2, ("微克/立方米", 8)),
        ("500元/吨", 3, ("元/吨", 6)),
        ("5立方米/秒", 1, ("立方米/秒", 6)),
        ("2万人次", 1, ("万人次", 4)),
        ("0.5万吨标准煤", 3, ("万吨标准煤", 8)),
        ("10万亩", 2, ("万亩", 4)),
        ("3.5亿斤", 3, ("亿斤", 5)),
        ("15个工作日", 2, ("个工作日", 6)),
        ("2蒸吨", 1, ("蒸吨", 3)),
        ("800m2", 3, ("m2", 5)),
        ("800㎡", 3, ("㎡", 4)),
        ("50MW", 2, ("MW", 4)),
        ("3kWh", 1, ("kWh", 4)),
        ("220kV", 3, ("kV", 5)),
        ("5头只", 1, ("头只", 3)),
        ("增加1.2万", 5, ("万", 6)),
        ("建党100周年", 5, ("周年", 7)),
        ("5部门联合", 1, ("部门", 3)),
    ],
)
def test_match_unit_takes_the_longest_unit_at_pos(text: str, pos: int, expected: tuple[str, int]) -> None:
    assert match_unit(text, pos) == expected


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        ("5G", 1),
        ("4A级", 1),
        ("50MWp", 2),
        ("三级医院", 1),
        ("一期工程", 1),
        ("三方面", 1),
        ("5号线", 1),
        ("", 0),
        ("5", 5),
    ],
)
def test_match_unit_finds_nothing_where_no_unit_starts(text: str, pos: int) -> None:
    assert match_unit(text, pos) is None


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [
        ("万元", "money"),
        ("亿元", "money"),
        ("万亿元", "money"),
        ("万美元", "money_usd"),
        ("万亩", "area"),
        ("公顷", "area"),
        ("平方公里", "area"),
        ("万平方米", "area"),
        ("千瓦", "power"),
        ("万千瓦", "power"),
        ("兆瓦", "power"),
        ("千千瓦", "power"),
        ("亿千瓦时", "energy"),
        ("万吨标煤", "coal_equivalent"),
        ("万吨标准煤", "coal_equivalent"),
        ("万吨", "mass"),
        ("亿斤", "mass"),
        ("公斤", "mass"),
        ("万人", "people"),
        ("名", "people"),
        ("万人次", "people"),
        ("户", "count"),
        ("万户", "count"),
        ("家", "count"),
        ("万头", "count"),
        ("%", "percent"),
        ("‰", "permille"),
        ("个百分点", "percent_point"),
        ("公里", "length"),
        ("亿立方米", "volume"),
        ("个工作日", "time"),
        ("岁", "age"),
        ("千伏", "voltage"),
        ("万", "number"),
        ("万吨/年", "mass/time"),
        ("克/千瓦时", "mass/energy"),
        ("微克/立方米", "mass/volume"),
        ("元/吨", "money/mass"),
        ("吨标准煤/万元", "coal_equivalent/money"),
    ],
)
def test_dimension_of(unit: str, dimension: str) -> None:
    assert dimension_of(unit) == dimension


@pytest.mark.parametrize("unit", ["", "斤两", "元/", "/年", "xyz", "万元/foo"])
def test_dimension_of_unknown_unit_is_none(unit: str) -> None:
    assert dimension_of(unit) is None


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        (1.2, "万亿元", "亿元", 12000),
        (15, "万元", "元", 150000),
        (3000, "万元", "亿元", 0.3),
        (1, "公顷", "亩", 15),
        (1, "平方公里", "亩", 1500),
        (1, "平方公里", "公顷", 100),
        (30, "万亩", "公顷", 20000),
        (320, "万千瓦", "兆瓦", 3200),
        (50, "MW", "万千瓦", 5),
        (1, "千千瓦", "兆瓦", 1),
        (1, "亿斤", "万吨", 5),
        (1, "吨", "公斤", 1000),
        (2.5, "万吨标准煤", "吨标煤", 25000),
        (600, "千米", "公里", 600),
        (90, "分钟", "小时", 1.5),
        (2, "天", "小时", 48),
        (18, "个月", "年", 1.5),
        (3, "万人次", "人次", 30000),
        (5, "万户", "户", 50000),
        (30, "万吨/年", "吨/年", 300000),
        (300, "克/千瓦时", "公斤/千瓦时", 0.3),
        (65, "%", "％", 65),
    ],
)
def test_convert(value: float, from_unit: str, to_unit: str, expected: float) -> None:
    assert convert(value, from_unit, to_unit) == pytest.approx(expected, rel=1e-12)


def test_convert_is_exact_for_decimal_scales() -> None:
    """GIVEN 1.2 万亿元 WHEN converted to 亿元 THEN exactly 12000, thanks to Fraction factors."""
    assert convert(1.2, "万亿元", "亿元") == 12000.0
    assert convert(0.1, "万元", "元") == 1000.0


@pytest.mark.parametrize(
    ("from_unit", "to_unit"),
    [
        ("万元", "万亩"),
        ("个", "家"),
        ("人", "人次"),
        ("年", "天"),
        ("%", "‰"),
        ("%", "个百分点"),
        ("千瓦", "千瓦时"),
        ("吨", "吨标准煤"),
        ("元", "美元"),
        ("万吨/年", "万吨"),
        ("岁", "年"),
    ],
)
def test_convert_refuses_other_dimensions(from_unit: str, to_unit: str) -> None:
    assert not same_dimension(from_unit, to_unit)
    with pytest.raises(ValidationError, match="cannot convert"):
        convert(1, from_unit, to_unit)


@pytest.mark.parametrize(("from_unit", "to_unit"), [("斤两", "元"), ("元", "")])
def test_convert_refuses_unknown_units(from_unit: str, to_unit: str) -> None:
    with pytest.raises(ValidationError, match="unknown unit"):
        convert(1, from_unit, to_unit)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("万元", "亿元"),
        ("亩", "平方公里"),
        ("万户", "户"),
        ("名", "万人"),
        ("万吨/年", "吨/年"),
        ("m2", "平方米"),
    ],
)
def test_same_dimension(a: str, b: str) -> None:
    assert same_dimension(a, b)
    assert same_dimension(b, a)


def test_catalogue_is_consistent() -> None:
    """Every unit's name is its key, every factor positive, and each base is a unit of its family."""
    for name, unit in CATALOGUE.items():
        assert unit.name == name
        assert unit.factor > 0
        base = CATALOGUE.get(unit.base)
        assert base is None or base.base == unit.base
    assert all(CATALOGUE[c].dimension == "count" for c in COUNTERS)
    assert unit_of("万元") == CATALOGUE["万元"]
    assert CATALOGUE["亩"].factor == Fraction(2000, 3)


_BY_BASE: dict[str, list[str]] = {}
for _unit in CATALOGUE.values():
    _BY_BASE.setdefault(_unit.base, []).append(_unit.name)
_PAIRS = sorted((a, b) for names in _BY_BASE.values() for a in names for b in names if a != b)


def test_there_are_compatible_pairs_in_every_family() -> None:
    bases = {base for _, base, members in FAMILIES if len(members) > 1}
    assert bases <= set(_BY_BASE)
    assert len(_PAIRS) > 500


@given(
    st.sampled_from(_PAIRS),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False),
)
def test_convert_there_and_back_is_identity(pair: tuple[str, str], x: float) -> None:
    a, b = pair
    assert math.isclose(convert(convert(x, a, b), b, a), x, rel_tol=1e-12, abs_tol=1e-300)
