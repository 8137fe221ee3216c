"""Quantified goals in prose: one target per number, with subject, qualifier, kind and year."""

from __future__ import annotations

import pytest

import planwatch
from planwatch.model.facts import Target

HEAD = "青松县国民经济和社会发展第十四个五年规划纲要\n第二章 主要目标\n"


def _targets(body: str) -> list[Target]:
    return planwatch.extract(HEAD + body).targets


@pytest.mark.parametrize(
    ("sentence", "subject", "value", "unit", "qualifier", "kind"),
    [
        ("到2025年,全县森林覆盖率达到35%左右。", "森林覆盖率", 35, "%", "about", "level"),
        ("地区生产总值年均增长7%以上。", "地区生产总值", 7, "%", "at_least", "growth"),
        ("城镇调查失业率控制在5.5%以内。", "城镇调查失业率", 5.5, "%", "at_most", "level"),
        ("单位地区生产总值能耗降低13.5%。", "单位地区生产总值能耗", 13.5, "%", "exact", "reduction"),
        ("粮食播种面积不低于30万亩。", "粮食播种面积", 30, "万亩", "at_least", "level"),
        ("力争建设3个省级现代农业产业园。", "省级现代农业产业园", 3, "个", "exact", "level"),
        ("到2025年,新能源装机突破百万千瓦。", "新能源装机", 100, "万千瓦", "at_least", "level"),
    ],
)
def test_one_goal(sentence: str, subject: str, value: float, unit: str, qualifier: str, kind: str) -> None:
    targets = _targets(sentence)
    assert len(targets) == 1, targets
    t = targets[0]
    assert (t.subject, t.value, t.unit, t.qualifier, t.kind, t.year) == (
        subject,
        value,
        unit,
        qualifier,
        kind,
        2025,
    )
    text = HEAD + sentence
    assert text[t.evidence.start : t.evidence.end] == t.evidence.quote


def test_range() -> None:
    (t,) = _targets("全社会固定资产投资年均增长8%-10%。")
    assert (t.value, t.low, t.high, t.qualifier, t.kind) == (None, 8, 10, "range", "growth")


def test_respectively_pairs_in_order() -> None:
    targets = _targets("到2025年,城镇登记失业率、调查失业率分别控制在3.5%和5.5%以内。")
    assert [(t.subject, t.value) for t in targets] == [("城镇登记失业率", 3.5), ("调查失业率", 5.5)]


def test_all_reach_one_number() -> None:
    targets = _targets("基本养老保险参保率、基本医疗保险参保率均达到98%。")
    assert [(t.subject, t.value) for t in targets] == [("基本养老保险参保率", 98), ("基本医疗保险参保率", 98)]


def test_not_targets() -> None:
    """Years, ordinals, slogans, voltage classes, project sizes and age brackets are not goals."""
    body = (
        "深入实施“十大工程”,落实“五个一批”,建设第二批示范区。新建330千伏变电站。推进50万千瓦风电场项目。"
        "为3岁以下婴幼儿提供托育服务。坚持一张蓝图绘到底。\n"
    )
    assert _targets(body) == []


def test_review_figures_are_not_targets() -> None:
    body = "第一章 发展基础\n“十三五”期间,全县地区生产总值达到120亿元,年均增长7.2%。\n第二章 发展目标\n到2025年,地区生产总值达到160亿元。\n"
    targets = planwatch.extract("青松县“十四五”规划纲要\n" + body).targets
    assert [t.value for t in targets] == [160]


def test_work_report_year_comes_from_the_section() -> None:
    report = (
        "青松县政府工作报告\n一、2022年工作回顾\n全县完成地区生产总值130亿元,增长5%。\n"
        "二、2023年工作安排\n今年经济社会发展的主要预期目标是:地区生产总值增长6%左右,城镇新增就业3000人以上。\n"
    )
    facts = planwatch.extract(report)
    assert [(t.subject, t.value, t.qualifier, t.kind, t.year) for t in facts.targets] == [
        ("地区生产总值", 6, "about", "growth", 2023),
        ("城镇新增就业", 3000, "at_least", "level", 2023),
    ]


def test_a_heading_about_filling_gaps_is_still_forward_looking() -> None:
    """补齐…短板 names an action, not a review of problems: its goals count."""
    text = "某市任务分工方案\n一、完善城乡基础设施\n1. 完善交通设施。农村客运站点覆盖率100%。\n牵头单位:市交通运输局\n"
    assert [(t.subject, t.value) for t in planwatch.extract(text).targets] == [("农村客运站点覆盖率", 100)]


def test_compound_units_and_service_hours() -> None:
    (t,) = _targets("火电机组单位发电量耗水量降至0.08立方米/秒·百万千瓦,推行24小时自助服务。")
    assert (t.value, t.unit) == (0.08, "立方米/秒·百万千瓦")


def test_counts_restating_a_list_are_not_goals_but_named_facilities_are() -> None:
    got = [
        (t.subject, t.value)
        for t in _targets(
            "探索发展绿色经济、数字经济、夜间经济三种新业态。"
            "扎实开展用地保障、增减挂钩、闲置土地处置三项工作。"
            "加快建设东湖、南山、北岭三个游客集散中心。"
        )
    ]
    assert got == [("游客集散中心", 3)]


def test_paired_resident_incomes_with_a_list_of_rates() -> None:
    got = [(t.subject, t.value, t.kind) for t in _targets("城镇、农村居民人均可支配收入年均分别增长7%、8%。")]
    assert got == [("城镇居民人均可支配收入", 7, "growth"), ("农村居民人均可支配收入", 8, "growth")]
