"""Matching names to catalogue entries: exact (normalised name or synonym), conservative fuzzy, units agree."""

from __future__ import annotations

import pytest

from planwatch.catalog import Candidate, Matcher, load_catalogue, units_agree


@pytest.fixture(scope="module")
def matcher() -> tuple[Matcher, dict[int, str]]:
    entries, _ = load_catalogue()
    candidates = [Candidate(i, e.unit, e.kind == "rate", e.names) for i, e in enumerate(entries)]
    return Matcher(candidates), {i: e.code for i, e in enumerate(entries)}


@pytest.mark.parametrize(
    ("name", "unit", "code", "method"),
    [
        ("地区生产总值", "亿元", "gdp", "exact"),
        ("全州完成地区生产总值", "万元", "gdp", "exact"),  # 万元 converts to 亿元
        ("GDP", None, "gdp", "exact"),
        ("地区生产总值年均增长率", "%", "gdp_growth", "exact"),
        ("旅游收入年均增长率", "%", "tourism_revenue_growth", "exact"),
        ("研发经费投入占地区生产总值比重", "%", "rd_intensity", "exact"),
        ("每千人口拥有三岁以下婴幼儿托位数", "个", "childcare_places_per_1000", "exact"),
        ("粮食综合生产能力", "亿斤", "grain_capacity", "exact"),  # 亿斤 and 万吨 are both mass
        (
            "每千人拥有职业(助理)医师数",
            "人",
            "physicians_per_1000",
            "fuzzy",
        ),  # a typo, caught by the fuzzy rule
        ("地方公共财政预算收入", "亿元", "public_budget_revenue", "fuzzy"),
    ],
)
def test_matches(
    matcher: tuple[Matcher, dict[int, str]], name: str, unit: str | None, code: str, method: str
) -> None:
    m, codes = matcher
    found = m.match(name, unit)
    assert found is not None
    assert (codes[found.id], found.method) == (code, method)


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("地区生产总值", "%"),  # a level in %: the units do not agree
        ("森林覆盖率", "万亩"),
        ("城乡居民人均住房面积", "平方米"),  # no such entry, and not close enough to any
        ("农村生活垃圾无害化处理率", "%"),  # 农村 vs 城镇: a contrast word, never fuzzy
        ("专业技术人才和高技能人才总量", "人"),
        ("强度", "%"),  # too short to guess
    ],
)
def test_no_match(matcher: tuple[Matcher, dict[int, str]], name: str, unit: str | None) -> None:
    assert matcher[0].match(name, unit) is None


def test_units_agree() -> None:
    assert units_agree("亿元", "万元")
    assert units_agree(None, "亿元")
    assert not units_agree("亿元", "%")
    assert not units_agree("个", "家")  # two counters count different things
    assert not units_agree("分", "户")  # unknown units agree only with themselves


def test_curated_entries_win_over_auto_ones() -> None:
    m = Matcher(
        [Candidate(2, "%", False, ("森林覆盖率",), auto=True), Candidate(1, "%", False, ("森林覆盖率",))]
    )
    found = m.match("森林覆盖率", "%")
    assert found is not None and found.id == 1
