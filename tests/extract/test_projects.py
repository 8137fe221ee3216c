"""Key projects in 专栏 boxes, both layouts (fictional 松林区)."""

from __future__ import annotations

import planwatch

PLAN = """松林区国民经济和社会发展第十四个五年规划纲要
第三章 建设美丽松林
第一节 加强生态保护
加强山水林田湖草系统治理。
专栏1  生态保护重点工程
1.松林河湿地公园建设工程
实施湿地恢复和科普教育设施建设。
2.矿山修复工程。实施历史遗留矿山治理,修复面积300公顷。
第二节 改善人居环境
专栏2  城乡建设重点项目
市政设施项目。松林区城北污水处理厂扩建工程、松林区文化馆、图书馆总分馆项目、松林区城区背街小巷、节点提升改造工程、松林区供热管网(二期)改造工程。
交通项目。松林大道快速化改造工程;松林至青石公路建设项目。
推进城乡环境整治,提升群众满意度。加快实施厕所革命。
第三节 提升公共服务
"""


def test_numbered_items_and_grouped_lists() -> None:
    facts = planwatch.extract(PLAN)
    names = [(p.box, p.group, p.name) for p in facts.projects]
    assert names == [
        ("专栏1", None, "松林河湿地公园建设工程"),
        ("专栏1", None, "矿山修复工程"),
        ("专栏2", "市政设施项目", "松林区城北污水处理厂扩建工程"),
        ("专栏2", "市政设施项目", "松林区文化馆、图书馆总分馆项目"),
        ("专栏2", "市政设施项目", "松林区城区背街小巷、节点提升改造工程"),
        ("专栏2", "市政设施项目", "松林区供热管网(二期)改造工程"),
        ("专栏2", "交通项目", "松林大道快速化改造工程"),
        ("专栏2", "交通项目", "松林至青石公路建设项目"),
    ]
    assert {p.box_title for p in facts.projects} == {"生态保护重点工程", "城乡建设重点项目"}
    for p in facts.projects:
        assert PLAN[p.evidence.start : p.evidence.end] == p.evidence.quote == p.name


def test_boxes_are_outline_nodes_not_headings() -> None:
    facts = planwatch.extract(PLAN)
    assert [h.label for h in facts.outline] == ["第三章", "第一节", "第二节", "第三节"]
    parsed = planwatch.parse(planwatch.read(PLAN))
    boxes = [n for n in parsed.outline if n.kind == "box"]
    assert [b.label for b in boxes] == ["专栏1", "专栏2"]
    assert boxes[0].parent is not None and parsed.outline[boxes[0].parent].title == "加强生态保护"


def test_investment_amounts_where_stated() -> None:
    plan = PLAN.replace("实施湿地恢复和科普教育设施建设。", "实施湿地恢复和科普教育设施建设,总投资3.2亿元。")
    first = planwatch.extract(plan).projects[0]
    assert first.model_extra == {"investment": {"value": 3.2, "unit": "亿元", "text": "总投资3.2亿元"}}
    assert "investment" not in (planwatch.extract(PLAN).projects[1].model_extra or {})
