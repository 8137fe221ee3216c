"""Numbers: parse one token, format it back, find every mention in a text."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.normalize.chinese import parse_chinese, to_chinese
from planwatch.normalize.numbers import NumberMention, find_numbers, format_number, parse_number


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("65", 65),
        ("2025", 2025),
        ("3.5", 3.5),
        ("-2.3", -2.3),
        ("−2.3", -2.3),
        ("+5", 5),
        ("0", 0),
        ("1,234", 1234),
        ("12,345,678.5", 12345678.5),
        ("３．５", 3.5),
        ("２０２５", 2025),
        ("１，２３４", 1234),
        ("  42 ", 42),
        ("65%", 65),
        ("8‰", 8),
        ("1.2万", 12000),
        ("3千", 3000),
        ("15万", 150000),
        ("1.2万亿", 1.2e12),
        ("3亿5000万", 350_000_000),
        ("1万5千", 15000),
        ("5百万", 5_000_000),
        ("一", 1),
        ("十", 10),
        ("十四", 14),
        ("二十", 20),
        ("二十五", 25),
        ("百", 100),
        ("一百零五", 105),
        ("一百一十", 110),
        ("一千零五十", 1050),
        ("三千", 3000),
        ("两万五千", 25000),
        ("一万二千", 12000),
        ("十五万", 150000),
        ("一百二十万", 1_200_000),
        ("三亿五千万", 350_000_000),
        ("一万亿", 1e12),
        ("一万二千亿", 1.2e12),
        ("十万零三", 100003),
        ("百亿", 1e10),
        ("万", 10000),
        ("亿", 1e8),
        ("两万五", 25000),
        ("一百五", 150),
        ("三千五", 3500),
        ("二〇三五", 2035),
        ("二〇二一", 2021),
        ("一九九八", 1998),
        ("一〇八", 108),
        ("一零八", 108),
        ("零", 0),
        ("六点五", 6.5),
        ("零点五", 0.5),
        ("一点二万", 12000),
        ("壹佰万", 1_000_000),
        ("叁拾", 30),
        ("百分之六十五", 65),
        ("百分之6.5", 6.5),
        ("百分之百", 100),
        ("千分之三", 3),
    ],
)
def test_parse_number_reads_the_value(token: str, expected: float) -> None:
    assert parse_number(token) == expected


@pytest.mark.parametrize(
    "token",
    [
        "",
        " ",
        "一半",
        "一些",
        "若干",
        "abc",
        "三五",  # "three or five": vague, not 35
        "七八",
        "六五四",  # three bare digits are a name (六五四 project), not 654
        "一二三",
        "一百零",
        "一亿万",
        "十十",
        "千百",
        "1.2.3",
        "5G",
        "--",
        "Ⅱ类",
    ],
)
def test_parse_number_rejects_what_is_not_one_number(token: str) -> None:
    assert parse_number(token) is None


def test_parse_number_keeps_decimal_exactness_for_large_mixed_forms() -> None:
    """GIVEN 1.2万亿 WHEN parsed THEN it is exactly 1.2e12, not a binary near miss."""
    assert parse_number("1.2万亿") == 1_200_000_000_000.0
    assert parse_number("0.1万") == 1000.0


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        (65.0, "65"),
        (0.0, "0"),
        (-0.0, "0"),
        (3.5, "3.5"),
        (-2.25, "-2.25"),
        (0.1, "0.1"),
        (1e-05, "0.00001"),
        (1.2e12, "1200000000000"),
        (1e20, "100000000000000000000"),
        (123456.789, "123456.789"),
    ],
)
def test_format_number_is_the_shortest_plain_form(x: float, expected: str) -> None:
    assert format_number(x) == expected


@pytest.mark.parametrize("x", [math.inf, -math.inf, math.nan])
def test_format_number_refuses_non_finite(x: float) -> None:
    with pytest.raises(ValueError, match="cannot format"):
        format_number(x)


@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False))
def test_parse_of_format_is_identity(x: float) -> None:
    assert parse_number(format_number(x)) == x


@pytest.mark.parametrize(
    ("n", "chinese"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1002, "一千零二"),
        (1010, "一千零一十"),
        (3000, "三千"),
        (10200, "一万零二百"),
        (12000, "一万二千"),
        (100000, "十万"),
        (100010, "十万零一十"),
        (100050000, "一亿零五万"),
        (100000005, "一亿零五"),
        (100001000, "一亿零一千"),
        (10**12, "一万亿"),
    ],
)
def test_to_chinese_writes_standard_numerals(n: int, chinese: str) -> None:
    assert to_chinese(n) == chinese


@pytest.mark.parametrize("n", [-1, 10**16])
def test_to_chinese_rejects_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="to_chinese"):
        to_chinese(n)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_parse_of_to_chinese_is_identity(n: int) -> None:
    assert parse_number(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_parse_chinese_of_to_chinese_is_exact_up_to_ten_quadrillion(n: int) -> None:
    assert parse_chinese(to_chinese(n)) == n


def _found(text: str) -> list[tuple[str, float]]:
    return [(m.text, m.value) for m in find_numbers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年达到65%", [("2025", 2025), ("65", 65)]),
        ("增长5%-8%", [("5", 5), ("8", 8)]),
        ("建设3-5个示范村", [("3", 3), ("5", 5)]),
        ("提高10%—15%", [("10", 10), ("15", 15)]),
        ("5%～8%", [("5", 5), ("8", 8)]),
        ("3至5个", [("3", 3), ("5", 5)]),
        ("三次产业比例为12.1:30.4:57.5", [("12.1", 12.1), ("30.4", 30.4), ("57.5", 57.5)]),
        ("增长-2.3%", [("-2.3", -2.3)]),
        ("总计1,234元", [("1,234", 1234)]),
        ("１２３人", [("１２３", 123)]),
        ("新建三千吨冷库", [("三千", 3000)]),
        ("两家三级医院", [("两", 2)]),
        ("覆盖率百分之六十五", [("百分之六十五", 65)]),
        ("投资1.2万亿元", [("1.2万亿", 1.2e12)]),
        ("补助15万元", [("15万", 150000)]),
        ("百亿元产业", [("百亿", 1e10)]),
        ("二〇三五年远景目标", [("二〇三五", 2035)]),
        ("三万一千人", [("三万一千", 31000)]),
        ("建党一百年", [("一百", 100)]),
        ("十分钟生活圈", [("十", 10)]),
    ],
)
def test_find_numbers_reads_every_mention(text: str, expected: list[tuple[str, float]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("装机320万千瓦", [("320万", 3_200_000)]),
        ("5千千瓦机组", [("5", 5)]),
        ("提高0.5个百分点", [("0.5", 0.5)]),
        ("0.5百分点", [("0.5", 0.5)]),
        ("千瓦时", []),
        ("3千元", [("3千", 3000)]),
    ],
)
def test_find_numbers_gives_back_numerals_that_start_a_unit(
    text: str, expected: list[tuple[str, float]]
) -> None:
    """GIVEN a numeral run that runs into a unit (320万千 + 瓦) WHEN found THEN the unit keeps its 千."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["G109国道", "5G基站", "PM2.5浓度", "4A级景区", "5A级", "P2+", "CO2排放", "3D打印", "50MWp组件"],
)
def test_digits_glued_to_latin_letters_are_codes(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("800m2厂房", 800),
        ("50MW光伏", 50),
        ("220kV变电站", 220),
        ("110kv线路", 110),
        ("10km", 10),
        ("3kWh", 3),
    ],
)
def test_a_number_with_a_latin_unit_is_a_number(text: str, value: float) -> None:
    assert [m.value for m in find_numbers(text)] == [value]


def test_mention_flags_say_how_the_number_was_written() -> None:
    text = "三千吨，百分之六十五，百分之6.5，65%，15万"
    found = find_numbers(text)
    assert [(m.text, m.chinese, m.percent_form) for m in found] == [
        ("三千", True, False),
        ("百分之六十五", True, True),
        ("百分之6.5", False, True),
        ("65", False, False),
        ("15万", False, False),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_mention_is_a_frozen_value() -> None:
    m = NumberMention(0, 2, "65", 65.0, chinese=False, percent_form=False)
    with pytest.raises(AttributeError):
        m.value = 1.0  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "队伍建设",
        "收拾",
        "万元GDP能耗",
        "万众一心",
        "“十四五”时期",
        "第一产业",
        "一是加强领导",
        "（一）总体要求",
    ],
)
def test_words_that_contain_numerals_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


_ALPHABET = "0123456789.,-%一二两三四五六七八九十百千万亿零〇点分之第年个元吨人G5m²kW：:—～至“”，。是大统批的"


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_every_mention_is_its_own_text_and_value(text: str) -> None:
    for m in find_numbers(text):
        assert text[m.start : m.end] == m.text
        assert parse_number(m.text) == m.value
