"""Tasks with their units, in the layouts task-division schemes use (fictional 柳河市)."""

from __future__ import annotations

from pathlib import Path

import planwatch
from planwatch.extract.tasks import parse_unit_fields

SCHEME = """柳河市人民政府办公室关于印发柳河市产业振兴任务分工方案的通知
柳政办〔2022〕7号
柳河市产业振兴任务分工方案

一、做强主导产业

（1）建设新材料产业园。推进园区扩容,到2025年入园企业达到50家。
牵头单位：市工业和信息化局
责任单位：市发展和改革委员会，市自然资源局；市生态环境局
完成时限：2023年底前

（2）培育龙头企业。支持企业技术改造和上市。
牵头部门:市工业和信息化局、各县(区)人民政府
配合单位:市财政局、市地方金融监管局

二、优化营商环境

（3）深化“放管服”改革。推行一网通办。
任单位:市政务服务局（牵头）、市司法局
完成时限:长期坚持

（4）加强组织保障。各单位要落实责任。
"""


def test_units_labels_separators_and_deadlines() -> None:
    facts = planwatch.extract(SCHEME)
    assert facts.document.kind == "task_division"
    tasks = {t.number: t for t in facts.tasks}
    assert sorted(tasks, key=int) == ["1", "2", "3", "4"]
    t1 = tasks["1"]
    assert t1.title == "建设新材料产业园"
    assert t1.lead_units == ["市工业和信息化局"]
    assert t1.responsible_units == ["市发展和改革委员会", "市自然资源局", "市生态环境局"]
    assert t1.deadline == "2023年底前"
    t2 = tasks["2"]
    assert t2.lead_units == ["市工业和信息化局", "各县(区)人民政府"]  # 、 inside brackets does not split
    assert t2.responsible_units == ["市财政局", "市地方金融监管局"]
    t3 = tasks["3"]
    assert t3.lead_units == ["市政务服务局"] and t3.responsible_units == ["市司法局"]  # (牵头) marks the lead
    assert t3.deadline == "长期坚持"
    assert tasks["4"].lead_units == [] and tasks["4"].responsible_units == []
    for t in facts.tasks:
        assert SCHEME[t.evidence.start : t.evidence.end] == t.evidence.quote
        assert t.evidence.quote.startswith("（")


def test_parse_unit_fields_inline() -> None:
    fields = parse_unit_fields("（牵头单位：县发改局；责任单位：县财政局、县统计局）")
    assert fields["lead"] == ["县发改局"]
    assert fields["responsible"] == ["县财政局", "县统计局"]


def test_task_table_in_html(tmp_path: Path) -> None:
    page = tmp_path / "tasks.html"
    page.write_text(
        "<html><meta charset='utf-8'><body><h2>柳河市重点任务分工方案</h2><table>"
        "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr>"
        "<tr><td>1</td><td>建成智慧城市运营中心。统筹数据资源。</td><td>市大数据局</td><td>市财政局、市公安局</td><td>2023年6月底前</td></tr>"
        "<tr><td>2</td><td>推进老旧小区改造</td><td>市住房城乡建设局</td><td>各区人民政府</td><td>2025年</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    facts = planwatch.extract(page)
    tasks = {t.number: t for t in facts.tasks}
    assert tasks["1"].title == "建成智慧城市运营中心"
    assert tasks["1"].responsible_units == ["市财政局", "市公安局"]
    assert tasks["1"].deadline == "2023年6月底前"
    assert tasks["2"].lead_units == ["市住房城乡建设局"] and tasks["2"].deadline == "2025年"
    text = planwatch.read(page).text
    assert all(text[t.evidence.start : t.evidence.end] == t.evidence.quote for t in facts.tasks)


def test_a_plan_without_units_has_no_tasks() -> None:
    plan = "第一章 总体要求\n一、指导思想\n1. 坚持生态优先。推进绿色发展。\n2. 坚持改革创新。激发市场活力。\n"
    assert planwatch.extract(plan).tasks == []


FLAT_TABLE = """柳河市2023年重点工作任务分解表
序号

重点任务

牵头单位

责任单位

完成时限

1

建成城北污水处理厂二期。新增处理能力2万吨/日。

市住房城乡建设局

市生态环境局、市财政局

2023年底前

2

实施老旧小区改造40个

市住房城乡建设局

各区人民政府

2023年10月底前

三、保障措施
"""


def test_flattened_task_table() -> None:
    """GIVEN a task table a web page flattened one cell per line WHEN extracted THEN one task per row."""
    facts = planwatch.extract(FLAT_TABLE)
    assert [(t.number, t.title, t.lead_units, t.responsible_units, t.deadline) for t in facts.tasks] == [
        ("1", "建成城北污水处理厂二期", ["市住房城乡建设局"], ["市生态环境局", "市财政局"], "2023年底前"),
        ("2", "实施老旧小区改造40个", ["市住房城乡建设局"], ["各区人民政府"], "2023年10月底前"),
    ]
    assert all(FLAT_TABLE[t.evidence.start : t.evidence.end] == t.evidence.quote for t in facts.tasks)


def test_merged_lead_unit_cells_are_carried_down(tmp_path: Path) -> None:
    page = tmp_path / "tasks.html"
    page.write_text(
        "<html><meta charset='utf-8'><body><table>"
        "<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th></tr>"
        "<tr><td>1</td><td>推进智慧交通建设</td><td rowspan='2'>市交通运输局</td><td>市公安局</td></tr>"
        "<tr><td>2</td><td>完善城乡公交网络</td><td>各县区人民政府</td></tr>"
        "</table></body></html>",
        encoding="utf-8",
    )
    tasks = planwatch.extract(page).tasks
    assert [(t.number, t.lead_units, t.responsible_units) for t in tasks] == [
        ("1", ["市交通运输局"], ["市公安局"]),
        ("2", ["市交通运输局"], ["各县区人民政府"]),
    ]


def test_units_named_by_verbs_and_goals_in_a_year_list() -> None:
    text = (
        "松山县2023年重点工作任务清单\n一、稳增长\n"
        "1.全力推进项目建设,全年完成固定资产投资120亿元。(牵头单位:县发展改革局;责任单位:县财政局)\n"
        "2.改造老旧小区12个。县住建局牵头,县财政局、县城管局配合。\n"
        "3.新增城镇就业2000人。责任单位:县人社局(牵头)、各乡镇人民政府\n"
    )
    facts = planwatch.extract(text)
    assert [(t.number, t.lead_units, t.responsible_units) for t in facts.tasks] == [
        ("1", ["县发展改革局"], ["县财政局"]),
        ("2", ["县住建局"], ["县财政局", "县城管局"]),
        ("3", ["县人社局"], ["各乡镇人民政府"]),
    ]
    assert [(g.subject, g.value, g.year) for g in facts.targets] == [
        ("固定资产投资", 120, 2023),
        ("老旧小区", 12, 2023),
        ("新增城镇就业", 2000, 2023),
    ]


def test_goals_inside_the_task_cells_of_a_task_table() -> None:
    text = (
        "松山县人民政府办公室关于印发2023年政府工作报告重点工作任务分解表的通知\n各乡镇人民政府:\n现印发给你们。\n"
        "序号\t工作任务\t牵头县领导\t牵头单位\t配合单位\t完成时限\n"
        "1\t地区生产总值增长6.5%左右\t张三\t县发展改革局\t县统计局、县财政局\t2023年12月底\n"
        "2\t新建5G基站200个\t李四\t县工信局\t各乡镇人民政府\t2023年10月\n"
    )
    facts = planwatch.extract(text)
    assert [(t.number, t.lead_units, t.deadline) for t in facts.tasks] == [
        ("1", ["县发展改革局"], "2023年12月底"),
        ("2", ["县工信局"], "2023年10月"),
    ]
    assert [(g.subject, g.value, g.qualifier, g.kind, g.year) for g in facts.targets] == [
        ("地区生产总值", 6.5, "about", "growth", 2023),
        ("5G基站", 200, "exact", "level", 2023),
    ]
    for g in facts.targets:
        assert text[g.evidence.start : g.evidence.end] == g.evidence.quote


def test_the_last_task_of_a_page_stops_before_the_footer(tmp_path: Path) -> None:
    page = tmp_path / "notice.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>通知</title></head><body>"
        "<h1>松山县人民政府办公室关于印发重点任务分工方案的通知</h1><p>各乡镇人民政府:</p>"
        "<p>1.地区生产总值增长6%左右。</p><p>牵头单位:县发展改革局</p><p>责任单位:县统计局</p>"
        "<p>2.新增城镇就业1500人。</p><p>牵头单位:县人社局</p>"
        "<p>3.森林覆盖率达到45%。</p><p>牵头单位:县林业局</p>"
        "<div>主办:松山县人民政府办公室 版权所有 网站标识码:1234</div></body></html>",
        encoding="utf-8",
    )
    tasks = planwatch.extract(page).tasks
    assert [(t.number, t.lead_units) for t in tasks] == [
        ("1", ["县发展改革局"]),
        ("2", ["县人社局"]),
        ("3", ["县林业局"]),
    ]
    assert tasks[-1].evidence.quote.endswith("牵头单位:县林业局")


def test_state_council_style_duty_notes() -> None:
    text = (
        "松山市人民政府关于落实《政府工作报告》重点工作部门分工的意见\n一、稳定经济增长\n"
        "(一)扩大有效投资。完成投资500亿元。(市发展改革委牵头,市财政局、市自然资源和规划局等按职责分工负责)\n"
        "(二)促进消费恢复。社会消费品零售总额增长6%。(市商务局牵头,各区县人民政府负责)\n"
        "(三)稳定就业。城镇新增就业3万人。(市人力资源社会保障局负责)\n"
        "二、改善民生\n(四)办好民生实事。完成老旧小区改造120个。责任单位:市住房城乡建设局牵头,市财政局按职责分工负责。\n"
    )
    facts = planwatch.extract(text)
    assert facts.document.kind == "task_division"
    assert [(t.number, t.lead_units, t.responsible_units) for t in facts.tasks] == [
        ("一", ["市发展改革委"], ["市财政局", "市自然资源和规划局"]),
        ("二", ["市商务局"], ["各区县人民政府"]),
        ("三", ["市人力资源社会保障局"], []),
        ("四", ["市住房城乡建设局"], ["市财政局"]),
    ]
