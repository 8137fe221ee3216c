"""Dates, plan periods, period labels and target years."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.errors import ValidationError
from planwatch.normalize.chinese import to_chinese
from planwatch.normalize.dates import date_like_spans
from planwatch.normalize.periods import (
    find_dates,
    find_period,
    five_year_plan,
    parse_date,
    period_label,
    plan_period,
    year_of,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022年07月20日", dt.date(2022, 7, 20)),
        ("2022年7月20日", dt.date(2022, 7, 20)),
        ("2022 年 7 月 20 日", dt.date(2022, 7, 20)),
        ("2021-07-30", dt.date(2021, 7, 30)),
        ("2020-09-22 11:44:04", dt.date(2020, 9, 22)),
        ("2020/9/22", dt.date(2020, 9, 22)),
        ("2020.9.22", dt.date(2020, 9, 22)),
        ("二〇二三年五月九日", dt.date(2023, 5, 9)),
        ("二〇二〇年十二月三十一日", dt.date(2020, 12, 31)),
        ("２０２２年７月２０日", dt.date(2022, 7, 20)),
        ("２０２１－０７－３０", dt.date(2021, 7, 30)),
        ("  2023年05月09日  发布", dt.date(2023, 5, 9)),
        ("D:20230509083000+08'00'", dt.date(2023, 5, 9)),
        ("20230509", dt.date(2023, 5, 9)),
    ],
)
def test_parse_date(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "来源",
        "2022年2月30日",
        "2022-13-01",
        "2022年",
        "2022年7月",
        "1850-01-01",
        "202305091",
        "第2022-1-1",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_reports_spans_including_a_clock_time() -> None:
    text = "来源:松山日报 发布时间: 2020-09-22 11:44:04 编辑"
    start = text.index("2020")
    assert find_dates(text) == [(dt.date(2020, 9, 22), start, start + len("2020-09-22 11:44:04"))]


def test_find_dates_finds_every_form_in_order() -> None:
    text = "成文日期：2023年05月09日 发布日期：2023-05-10，会议于二〇二三年五月十一日召开"
    assert [d for d, _, _ in find_dates(text)] == [
        dt.date(2023, 5, 9),
        dt.date(2023, 5, 10),
        dt.date(2023, 5, 11),
    ]
    for _, s, e in find_dates(text):
        assert parse_date(text[s:e]) is not None


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("2022年03月16日 15:54 来源", ["2022年03月16日 15:54"]),
        ("1-6月，全县", ["1-6月"]),
        ("7月20日召开", ["7月20日"]),
        ("截至6月底", ["6月"]),
        ("更新于 09:30:00", ["09:30:00"]),
        ("增长5%，投资3个月", []),
    ],
)
def test_date_like_spans(text: str, quotes: list[str]) -> None:
    assert [text[s:e] for s, e in date_like_spans(text)] == quotes


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_written_form_of_a_date_parses_back(d: dt.date) -> None:
    chinese_year = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
    forms = [
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}年{d.month:02d}月{d.day:02d}日",
        d.isoformat(),
        f"{d.year}/{d.month}/{d.day}",
        f"{chinese_year}年{to_chinese(d.month)}月{to_chinese(d.day)}日",
    ]
    for form in forms:
        assert parse_date(form) == d, form


@pytest.mark.parametrize(
    ("n", "years"),
    [
        (1, (1953, 1957)),
        (2, (1958, 1962)),
        (3, (1966, 1970)),
        (11, (2006, 2010)),
        (14, (2021, 2025)),
        (15, (2026, 2030)),
    ],
)
def test_five_year_plan(n: int, years: tuple[int, int]) -> None:
    assert five_year_plan(n) == years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“十四五”时期", (2021, 2025)),
        ("十四五", (2021, 2025)),
        ("十三五规划", (2016, 2020)),
        ("十一五", (2006, 2010)),
        ("清河县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", (2021, 2025)),
        ("第十三个五年规划纲要", (2016, 2020)),
        ("(2021-2025年)", (2021, 2025)),
        ("2021—2025年", (2021, 2025)),
        ("２０２１－２０２５年", (2021, 2025)),
        ("2016年至2020年", (2016, 2020)),
        ("三年行动方案(2023-2025年)", (2023, 2025)),
        ("“十三五”成就显著……“十四五”目标……“十四五”任务……为“十五五”奠定基础", (2021, 2025)),
        ("回顾“十三五”，展望“十四五”", (2021, 2025)),  # a tie goes to the later plan
        ("行动方案(2023-2025年)和规划(2021-2025年)", (2021, 2025)),  # a five-year span first
    ],
)
def test_plan_period(text: str, expected: tuple[int, int]) -> None:
    assert plan_period(text) == expected


@pytest.mark.parametrize("text", ["", "政府工作报告", "1998-2035年", "第十四次党代会", "二〇三五年远景目标"])
def test_plan_period_none(text: str) -> None:
    assert plan_period(text) is None


@pytest.mark.parametrize(
    ("kwargs", "label"),
    [
        ({"year": 2021}, "2021"),
        ({"year": 2020, "half": 1}, "2020H1"),
        ({"year": 2020, "half": 2}, "2020H2"),
        ({"year": 2021, "quarter": 3}, "2021Q3"),
        ({"year": 2016, "end": 2020}, "2016-2020"),
    ],
)
def test_period_label(kwargs: dict[str, int], label: str) -> None:
    assert period_label(**kwargs) == label


@pytest.mark.parametrize(
    "kwargs",
    [
        {"year": 2020, "half": 3},
        {"year": 2020, "quarter": 0},
        {"year": 2020, "quarter": 5},
        {"year": 2020, "half": 1, "quarter": 1},
        {"year": 2020, "end": 2016},
    ],
)
def test_period_label_rejects(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        period_label(**kwargs)


@pytest.mark.parametrize(
    ("context", "default_year", "expected"),
    [
        ("2020年上半年，全县", None, "2020H1"),
        ("上半年", 2021, "2021H1"),
        ("下半年", 2021, "2021H2"),
        ("前三季度", 2021, "2021Q3"),
        ("2021年第三季度", None, "2021Q3"),
        ("一季度", 2022, "2022Q1"),
        ("第4季度", 2022, "2022Q4"),
        ("2021年1-6月", None, "2021H1"),
        ("1至6月", 2021, "2021H1"),
        ("1—3月", 2021, "2021Q1"),
        ("7-12月", 2021, "2021H2"),
        ("1-9月", 2021, "2021Q3"),
        ("1-12月", 2021, "2021"),
        ("截至9月底", 2021, "2021Q3"),
        ("截至2021年6月", None, "2021H1"),
        ("全年", 2021, "2021"),
        ("2021年，全州", None, "2021"),
        ("今年", 2022, "2022"),
        ("去年", 2022, "2021"),
        ("全州地区生产总值", 2021, "2021"),
        ("十三五期间", None, "2016-2020"),
        ("“十三五”时期累计", None, "2016-2020"),
        ("2016-2020年累计", None, "2016-2020"),
        ("五年累计", 2020, "2016-2020"),
        ("过去五年", 2020, "2016-2020"),
        ("“十三五”末", None, "2020"),
        ("十四五初", None, "2021"),
    ],
)
def test_find_period(context: str, default_year: int | None, expected: str) -> None:
    assert find_period(context, default_year) == expected


@pytest.mark.parametrize(
    ("context", "default_year"),
    [
        ("全州地区生产总值", None),
        ("1-11月", 2021),  # no contract label fits eleven months
        ("上半年", None),
        ("过去五年", None),
    ],
)
def test_find_period_none(context: str, default_year: int | None) -> None:
    assert find_period(context, default_year) is None


@pytest.mark.parametrize(
    ("text", "doc_year", "expected"),
    [
        ("到2025年，森林覆盖率达到", None, 2025),
        ("力争2025年实现", None, 2025),
        ("2025年底前完成", None, 2025),
        ("2023年前建成", None, 2023),
        ("“十四五”末", None, 2025),
        ("十三五期末", None, 2020),
        ("到“十四五”时期末", None, 2025),
        ("第十四个五年规划末", None, 2025),
        ("“十四五”初", None, 2021),
        ("到二〇三五年", None, 2035),
        ("由2020年的50%提高到2025年的60%", None, 2025),
        ("在2020年基础上翻一番", None, 2020),
        ("今年", 2022, 2022),
        ("明年", 2022, 2023),
        ("去年", 2022, 2021),
        ("2023年", None, 2023),
    ],
)
def test_year_of(text: str, doc_year: int | None, expected: int) -> None:
    assert year_of(text, doc_year) == expected


@pytest.mark.parametrize(("text", "doc_year"), [("", None), ("力争早日建成", 2022), ("今年", None)])
def test_year_of_none(text: str, doc_year: int | None) -> None:
    assert year_of(text, doc_year) is None
