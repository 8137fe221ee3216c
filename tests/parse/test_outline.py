"""The heading tree: styles, relative levels, run-in headings, TOC, boxes, width variants."""

from __future__ import annotations

import planwatch
from planwatch.pipeline import outline_facts


def _outline(text: str) -> list[tuple[int, str | None, str]]:
    return [(h.level, h.label, h.title) for h in planwatch.extract(text).outline]


PLAN = """青松县国民经济和社会发展第十四个五年规划纲要
目  录
第一篇  总体战略..................... 1
第一章  发展基础..................... 2
第二章  总体要求..................... 5
第一篇  总体战略
第一章  发展基础
“十三五”时期,全县经济持续增长。
第 二 章　总体要求
第一节  指导思想
一、坚持稳中求进
（一）保持经济平稳运行。全年地区生产总值增长6%。
(二)扩大有效投资。实施一批重大项目。
1.推进重大项目建设
（1）交通项目
①县城环线
专栏1  重大项目
1.县城环线工程
2.污水处理厂扩建工程
第二篇  产业发展
"""


def test_levels_follow_the_styles_the_document_uses() -> None:
    assert _outline(PLAN) == [
        (1, "第一篇", "总体战略"),
        (2, "第一章", "发展基础"),
        (2, "第二章", "总体要求"),
        (3, "第一节", "指导思想"),
        (4, "一、", "坚持稳中求进"),
        (5, "（一）", "保持经济平稳运行"),
        (5, "(二)", "扩大有效投资"),
        (6, "1.", "推进重大项目建设"),
        (7, "（1）", "交通项目"),
        (8, "①", "县城环线"),
        (1, "第二篇", "产业发展"),
    ]


def test_spans_cover_label_and_title_in_the_text() -> None:
    facts = planwatch.extract(PLAN)
    for h in facts.outline:
        quoted = PLAN[h.start : h.end].replace(" ", "").replace("\u3000", "")
        assert quoted.startswith((h.label or "").replace(" ", ""))
        assert quoted.endswith(h.title)


def test_toc_entries_never_become_headings() -> None:
    facts = planwatch.extract(PLAN)
    toc_end = PLAN.index("第一篇  总体战略\n第一章  发展基础\n“")
    assert all(h.start >= toc_end for h in facts.outline)


def test_box_items_are_not_headings() -> None:
    titles = [t for _, _, t in _outline(PLAN)]
    assert "县城环线工程" not in titles


def test_relative_levels_when_a_document_starts_at_yi() -> None:
    report = "工作报告\n一、2023年工作回顾\n（一）经济运行稳中向好。全年增长5%。\n二、2024年工作安排\n"
    assert _outline(report) == [
        (1, "一、", "2023年工作回顾"),
        (2, "（一）", "经济运行稳中向好"),
        (1, "二、", "2024年工作安排"),
    ]


def test_news_kicker_headings() -> None:
    news = "标题\n来源: 某日报\n坚持把绿色发展放在首位——\n描绘生态画卷\n近年来,全州持续推进生态建设。\n"
    facts = planwatch.extract(news)
    assert [(h.level, h.label, h.title) for h in facts.outline] == [
        (1, None, "坚持把绿色发展放在首位——描绘生态画卷")
    ]
    assert news[facts.outline[0].start : facts.outline[0].end].endswith("描绘生态画卷")


def test_long_numbered_sentences_are_not_headings() -> None:
    text = "第一章 总则\n1.坚持以人民为中心的发展思想不动摇并且持续推进各项民生事业全面发展取得新的更大成效的长期方针政策体系建设\n"
    assert _outline(text) == [(1, "第一章", "总则")]


def test_outline_facts_from_parsed() -> None:
    parsed = planwatch.parse(planwatch.read(PLAN))
    assert len(outline_facts(parsed)) == 11
