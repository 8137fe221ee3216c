"""Normalised indicator names: spellings that never change the meaning fold together, others do not."""

from __future__ import annotations

import pytest

from planwatch.catalog.names import is_lower_better, is_rate_name, normalise, rate_base


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("每千人口拥有执业(助理)医师数", "每千人执业（助理）医师数"),
        ("单位GDP能源消耗降低", "单位地区生产总值能耗降低"),
        ("全州完成地区生产总值", "地区生产总值"),
        ("全县 地区生产总值", "GDP"),
        ("民生支出占财政总支出比例", "民生支出占财政总支出比重"),
        ("中心城区空气质量优良天数占比", "中心城区空气质量优良天数比例"),
    ],
)
def test_same_meaning_same_key(a: str, b: str) -> None:
    assert normalise(a) == normalise(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("城镇居民人均可支配收入", "农村居民人均可支配收入"),
        ("城镇调查失业率", "城镇登记失业率"),
        ("地区生产总值", "地区生产总值增长率"),
    ],
)
def test_different_meaning_different_key(a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


def test_a_bare_prefix_is_not_stripped_to_nothing() -> None:
    assert normalise("全县") == "全县"


@pytest.mark.parametrize(
    ("name", "rate", "base"),
    [
        ("地区生产总值年均增长率", True, "地区生产总值"),
        ("全社会固定资产投资增速", True, "全社会固定资产投资"),
        ("单位地区生产总值能源消耗降低", True, None),
        ("森林覆盖率", False, None),
        ("常住人口城镇化率", False, None),
    ],
)
def test_rates_and_their_levels(name: str, rate: bool, base: str | None) -> None:
    assert is_rate_name(name) is rate
    assert rate_base(name) == base


def test_lower_is_better_guess() -> None:
    assert is_lower_better("城镇调查失业率")
    assert is_lower_better("细颗粒物(PM2.5)浓度")
    assert not is_lower_better("森林覆盖率")
