"""Qualifiers (exact, about, at_least, at_most, range, keep, qualitative) and target kinds."""

from __future__ import annotations

import pytest

from planwatch.normalize.qualifiers import kind_of, qualifier_of, qualifier_without_number


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        # plain numbers and 达到/为
        ("森林覆盖率达到", "%，", "exact"),
        ("地区生产总值", "亿元", "exact"),
        ("城镇化率为", "%", "exact"),
        ("", "", "exact"),
        # a marker after the number or its unit
        ("地区生产总值年均增长", "%左右", "about"),
        ("增长", "%上下", "about"),
        ("粮食产量稳定在", "亿斤以上", "at_least"),
        ("达到", "%及以上", "at_least"),
        ("", "余家", "at_least"),
        ("", "多万人", "at_least"),
        ("", "以内", "at_most"),
        ("", "%之内", "at_most"),
        ("降至", "%以下", "at_most"),
        ("", "及以下", "at_most"),
        # a marker right before the number
        ("就业人数约", "万人", "about"),
        ("大约", "", "about"),
        ("将近", "", "about"),
        ("接近", "%", "about"),
        ("近", "万人", "about"),
        ("最近", "年", "exact"),
        # bound verbs in the clause
        ("研发投入强度不低于", "%", "at_least"),
        ("不少于", "家", "at_least"),
        ("营业收入突破", "亿元", "at_least"),
        ("超过", "万人次", "at_least"),
        ("至少", "个", "at_least"),
        ("高于", "%", "at_least"),
        ("城镇调查失业率控制在", "%", "at_most"),
        ("不超过", "%", "at_most"),
        ("不高于", "%", "at_most"),
        ("低于", "%", "at_most"),
        ("不到", "人", "at_most"),
        ("不足", "万元", "at_most"),
    ],
)
def test_qualifier_of(before: str, after: str, expected: str) -> None:
    assert qualifier_of(before, after) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("城镇调查失业率控制在", "左右", "about"),  # 左右 qualifies the number itself
        ("城镇调查失业率控制在", "%以内", "at_most"),
        ("约", "%以上", "at_least"),  # the marker after the number wins over 约 before it
        ("不低于", "%左右", "about"),
        ("降至", "%", "exact"),  # 降至 alone states a level; only 降至…以下 is a ceiling
    ],
)
def test_qualifier_precedence(before: str, after: str, expected: str) -> None:
    assert qualifier_of(before, after) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("增速不低于上年，今年增长", "exact"),  # the bound belongs to the previous clause
        ("失业率控制在5%以内，人均收入达到", "exact"),
        ("低于全国平均3个百分点的基础上再提高", "exact"),  # the bound belongs to the earlier number
    ],
)
def test_qualifier_looks_only_at_the_numbers_own_clause(before: str, expected: str) -> None:
    assert qualifier_of(before, "%") == expected


def test_range_wins() -> None:
    assert qualifier_of("控制在", "%左右", is_range=True) == "range"


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("保持现有水平", "keep"),
        ("耕地保有量稳定在省下达指标", "keep"),
        ("维持在合理区间", "keep"),
        ("达到市要求", "qualitative"),
        ("Ⅱ类以上", "qualitative"),
        ("", "qualitative"),
    ],
)
def test_qualifier_without_number(context: str, expected: str) -> None:
    assert qualifier_without_number(context) == expected


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ("地区生产总值年均增长", "growth"),
        ("一般公共预算收入增长", "growth"),
        ("社会消费品零售总额同比增长", "growth"),
        ("研发经费投入年均提高", "growth"),
        ("农村居民人均可支配收入增加", "growth"),
        ("GDP增速", "growth"),
        ("GDP增速保持在", "growth"),  # a level verb after a rate noun keeps the rate's kind
        ("工业增加值增幅达到", "growth"),
        ("年均增长率达到", "growth"),
        ("单位地区生产总值能耗降低", "reduction"),
        ("二氧化碳排放下降", "reduction"),
        ("主要污染物排放总量减少", "reduction"),
        ("化肥使用量削减", "reduction"),
        ("煤炭消费量压减", "reduction"),
        ("能耗降幅", "reduction"),
        ("能耗降低率达到", "reduction"),
        ("森林覆盖率达到", "level"),
        ("常住人口城镇化率由50%提高到", "level"),  # a verb with 到 names a level to reach
        ("城镇居民人均可支配收入增加到", "level"),
        ("贫困发生率下降到", "level"),
        ("煤炭占比降至", "level"),
        ("城镇调查失业率控制在", "level"),
        ("牛存栏", "level"),
        ("", "level"),
        ("增长5%，森林覆盖率达到", "level"),  # only the number's own clause counts
    ],
)
def test_kind_of(context: str, expected: str) -> None:
    assert kind_of(context) == expected
