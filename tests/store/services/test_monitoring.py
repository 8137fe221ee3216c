"""Monitoring a region's plan end to end on the demo: documents, imported actuals, the engine's verdicts."""

from __future__ import annotations

import pytest

from planwatch.monitor import Status
from planwatch.services import observe, region_edit
from planwatch.services.monitoring import status
from planwatch.services.timeline import timeline
from planwatch.services.views import status_document
from tests.conftest import DEMO
from tests.store.conftest import DEMO_ACTUALS, DEMO_REGIONS, Stack, extracted

# 星湖县's 24 plan rows as of 2023 (year 3 of 5), with the demo's documents and actuals
XINGHU_2023 = {
    "地区生产总值增长率": "on_track",  # 7.3, 2.6, 5.8 % → 5.2 %/yr against 6 %: g = −0.078
    "全社会固定资产投资增长率": "off_track",  # 1.9 %/yr, below the 5–8 % range
    "一般公共预算收入": "at_risk",
    "社会消费品零售总额": "at_risk",
    "常住人口城镇化率": "on_track",
    "战略性新兴产业增加值占地区生产总值比重": "on_track",
    "旅游总收入": "on_track",
    "研究与试验发展经费投入强度": "off_track",  # 32 % of the way at 60 % of the time: g = −0.279
    "每万人口发明专利拥有量": "at_risk",
    "城镇居民人均可支配收入": "at_risk",
    "农村居民人均可支配收入": "on_track",
    "城镇调查失业率": "no_data",  # only the registered rate is reported
    "劳动年龄人口平均受教育年限": "no_data",
    "每千人口执业(助理)医师数": "on_track",
    "基本养老保险参保率": "achieved",
    "每千人口拥有3岁以下婴幼儿托位数": "off_track",
    "单位地区生产总值能源消耗降低": "off_track",  # binding row; 2021 not reported
    "单位地区生产总值二氧化碳排放降低": "not_assessable",  # "省定目标尚未下达"
    "森林覆盖率": "on_track",
    "草原综合植被盖度": "at_risk",  # binding: g = −0.071 is below zero
    "县城空气质量优良天数比例": "on_track",
    "地表水达到或好于Ⅲ类水体比例": "achieved",
    "粮食综合生产能力": "on_track",  # a floor held before the target year
    "耕地保有量": "no_data",
}


@pytest.fixture
def demo(stack: Stack) -> Stack:
    """The demo: regions, the corpus stored, the actuals imported."""
    region_edit.import_regions(stack.db, DEMO_REGIONS)
    for path in sorted(DEMO.iterdir()):
        assert stack.store(extracted(path)).outcome == "new"
    assert observe.import_observations(stack.db, DEMO_ACTUALS, "demo").errors == []
    return stack


def test_xinghu_midterm(demo: Stack) -> None:
    report = status(demo.db, "星湖县", 2023)
    plan = {m.name: m.assessment.status.value for m in report.items if m.origin == "plan"}
    assert plan == XINGHU_2023
    forest = next(m for m in report.items if m.name == "森林覆盖率").assessment
    assert (forest.actual, round(forest.progress or 0, 4)) == (19.75, 0.6324)
    assert forest.expected == pytest.approx(0.6)


def test_every_status_appears_in_the_demo(demo: Stack) -> None:
    for year in (2023, 2024):
        counts = status(demo.db, "白鹭市", year, subregions=True).counts()
        assert all(counts[s] > 0 for s in Status), (year, counts)


def test_default_year_is_the_latest_with_data(demo: Stack) -> None:
    assert status(demo.db, "星湖县").year == 2024
    assert status(demo.db, "白鹭市").items == []  # the city has no plan of its own in the demo
    both = status(demo.db, "白鹭市", subregions=True)
    assert {m.region.name for m in both.items} == {"星湖县", "云岭县"}


def test_a_correction_entered_later_wins(demo: Stack) -> None:
    """GIVEN 19.75 % imported for 2023 WHEN a person enters 19.6 % for 2023 THEN the verdict uses 19.6."""
    observe.observe(
        demo.db, {"indicator": "森林覆盖率", "region": "星湖县", "year": 2023, "value": 19.6}, "checker"
    )
    forest = next(m for m in status(demo.db, "星湖县", 2023).items if m.name == "森林覆盖率").assessment
    assert (forest.actual, forest.status) == (19.6, Status.AT_RISK)  # binding: g = −0.041


def test_timeline(demo: Stack) -> None:
    item, points = timeline(demo.db, "森林覆盖率", "星湖县")
    assert item.goal.baseline == 18.46 and item.goal.target == 20.5
    assert [p.year for p in points] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert [p.actual for p in points] == [18.46, 18.9, 19.32, 19.75, 20.1, None]
    assert points[3].expected == pytest.approx(18.46 + 0.6 * 2.04)
    assert [p.status.value if p.status else None for p in points][:5] == [
        None,
        "on_track",
        "on_track",
        "on_track",
        "on_track",
    ]
    rate, rate_points = timeline(demo.db, "gdp_growth", "星湖县")
    assert rate.name == "地区生产总值增长率" and [p.actual for p in rate_points[1:5]] == [7.3, 2.6, 5.8, 5.4]


def test_json_document(demo: Stack) -> None:
    document = status_document(status(demo.db, "云岭县", 2023))
    assert document["year"] == 2023 and sum(document["summary"].values()) == len(document["indicators"])
    gdp = next(r for r in document["indicators"] if r["code"] == "gdp")
    assert (gdp["kind"], gdp["baseline"], gdp["target"], gdp["actual"], gdp["status"], gdp["label"]) == (
        "level",
        54.1,
        "72",
        62.6,
        "at_risk",
        "存在风险",
    )
    assert gdp["explanation"]
