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
市政设施项目。松林区城北污水处理厂扩建工程、松林区体育馆、游泳馆综合体项目、松林区城区背街小巷、节点提升改造工程、松林区供热管网(二期)改造工程。
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
        ("专栏2", "市政设施项目", "松林区体育馆、游泳馆综合体项目"),
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


def test_a_box_holding_a_project_table_and_a_box_of_category_lines() -> None:
    plan = (
        "松山县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n第五章 完善基础设施\n"
        "专栏3 交通重点工程\n"
        "高速公路:建成松山至青河高速公路松山段、南环高速连接线。\n"
        "国省干线:实施G318线松山过境段改建工程、S205线提质改造工程。\n"
        "农村公路:新改建农村公路300公里,实施危桥改造20座。\n"
        "专栏4 重大产业项目\n"
        "序号\t项目类别\t项目名称\t建设内容及规模\t总投资(亿元)\n"
        "1\t新材料\t松山经开区新材料产业园\t建设标准化厂房20万平方米\t35\n"
        "2\t新能源\t青河风电场二期\t装机容量10万千瓦\t8.5\n"
        "第六章 保障措施\n"
    )
    projects = planwatch.extract(plan).projects
    assert [(p.box, p.group, p.name) for p in projects] == [
        ("专栏3", "高速公路", "松山至青河高速公路松山段"),
        ("专栏3", "高速公路", "南环高速连接线"),
        ("专栏3", "国省干线", "G318线松山过境段改建工程"),
        ("专栏3", "国省干线", "S205线提质改造工程"),
        ("专栏4", "新材料", "松山经开区新材料产业园"),
        ("专栏4", "新能源", "青河风电场二期"),
    ]
    money = [p.model_dump().get("investment") for p in projects[4:]]
    assert money == [
        {"value": 35.0, "unit": "亿元", "text": "35"},
        {"value": 8.5, "unit": "亿元", "text": "8.5"},
    ]
    for p in projects:
        assert plan[p.evidence.start : p.evidence.end] == p.name
