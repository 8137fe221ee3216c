"""Main-indicator tables in every layout we meet, written for fictional places."""

from __future__ import annotations

from pathlib import Path

import pytest

import planwatch
from planwatch.model.facts import Facts
from tests.docfactory import make_docx

FLAT = """青松县“十四五”规划纲要
第二章 主要目标
表1  青松县“十四五”经济社会发展主要指标

类别

序号

指标名称

2020年
基期值

2025年
目标值

年均

增长

指标

属性

经济发展
(3

1

地区生产总值(亿元)

120.5

176

8

预期性

2

一般公共预算收入增长率(%

6.1

年均增长7%左右

预期性

3

城镇调查失业率(%

--

控制在5.5以内

预期性

生态环境(2

4

森林覆盖率(%)

30.2

32

［1.8］

约束性

5

单位地区生产总值能源消耗降低(%

--

达到省下达目标

约束性

注:［］内为五年累计数。

第三章 创新发展
"""


def _by_seq(facts: Facts) -> dict[int, dict]:  # type: ignore[type-arg]
    return {i.seq: i.model_dump() for i in facts.indicators if i.seq is not None}


def test_flattened_table_with_split_headers_and_categories() -> None:
    """GIVEN a table flattened one cell per line, headers split (年均/增长), categories with counts
    WHEN extracted THEN every row has its columns recovered from the header."""
    facts = planwatch.extract(FLAT)
    rows = _by_seq(facts)
    assert sorted(rows) == [1, 2, 3, 4, 5]
    gdp = rows[1]
    assert (gdp["name"], gdp["unit"], gdp["category"], gdp["attribute"]) == (
        "地区生产总值",
        "亿元",
        "经济发展",
        "expected",
    )
    assert gdp["baseline"]["value"] == 120.5 and gdp["baseline"]["year"] == 2020
    assert (
        gdp["target"]["value"] == 176
        and gdp["target"]["qualifier"] == "exact"
        and gdp["target"]["kind"] == "level"
    )
    assert gdp["growth"]["value"] == 8 and gdp["growth"]["cumulative"] is False
    rate = rows[2]
    assert (
        rate["target"]["value"] == 7
        and rate["target"]["qualifier"] == "about"
        and rate["target"]["kind"] == "growth"
    )
    assert rate["growth"]["value"] is None  # the merged cell spans target and growth
    assert rows[3]["target"]["qualifier"] == "at_most" and rows[3]["baseline"]["value"] is None
    forest = rows[4]
    assert forest["category"] == "生态环境" and forest["attribute"] == "binding"
    assert forest["growth"] == {"text": "［1.8］", "value": 1.8, "cumulative": True}
    energy = rows[5]
    assert energy["target"]["qualifier"] == "qualitative" and energy["target"]["kind"] == "reduction"
    assert energy["target"]["value"] is None


def test_evidence_points_at_the_row() -> None:
    facts = planwatch.extract(FLAT)
    for ind in facts.indicators:
        assert FLAT[ind.evidence.start : ind.evidence.end] == ind.evidence.quote
        assert ind.evidence.quote.startswith(str(ind.seq))
        assert ind.name in ind.evidence.quote


def test_table_is_not_mistaken_for_prose_targets() -> None:
    facts = planwatch.extract(FLAT)
    assert not [t for t in facts.targets if t.value in (176, 32)]


TSV = (
    "白杨县国民经济和社会发展第十四个五年规划纲要\n"
    "主要指标\n"
    "序号\t指标\t单位\t属性\t2019年实际\t2020年预计\t2025年目标\t年均增长\n"
    "1\t常住人口城镇化率\t%\t预期性\t40.1\t41.0\t46\t【5】\n"
    "2\t粮食综合生产能力\t万吨\t约束性\t12\t-\t12.5以上\t-\n"
    "3\t地表水达到或好于Ⅲ类水体比例\t%\t约束性\t100\t100\t保持稳定\t-\n"
)


def test_other_column_order_units_column_and_fallback_baseline() -> None:
    """GIVEN a tab-separated table with a unit column and the attribute before the values
    WHEN extracted THEN columns follow the header, and a missing 2020 value falls back to 2019."""
    rows = _by_seq(planwatch.extract(TSV))
    assert rows[1]["unit"] == "%" and rows[1]["attribute"] == "expected"
    assert rows[1]["growth"]["cumulative"] is True and rows[1]["growth"]["value"] == 5
    assert rows[2]["baseline"] == {"year": 2019, "text": "12", "value": 12.0}
    assert rows[2]["target"]["qualifier"] == "at_least" and rows[2]["target"]["value"] == 12.5
    assert rows[3]["target"]["qualifier"] == "keep"


def test_html_table(tmp_path: Path) -> None:
    html = tmp_path / "plan.html"
    html.write_bytes(
        "<html><head><meta charset='gbk'><title>规划</title></head><body><h1>红柳县“十四五”规划纲要</h1>"
        "<p>表1 主要指标</p><table><tr><th>类别</th><th>序号</th><th>指标</th><th>2020年</th><th>2025年</th>"
        "<th>年均增长(%)</th><th>属性</th></tr>"
        "<tr><td rowspan='2'>经济发展</td><td>1</td><td>地区生产总值(亿元)</td><td>80</td><td>110</td><td>6.5</td><td>预期性</td></tr>"
        "<tr><td>2</td><td>居民人均可支配收入(元)</td><td>21000</td><td>28500</td><td>6.3</td><td>预期性</td></tr>"
        "<tr><td>民生福祉</td><td>3</td><td>每千人口拥有执业(助理)医师数(人)</td><td>2.3</td><td>3</td><td>[0.7]</td><td>预期性</td></tr>"
        "</table></body></html>".encode("gb18030")
    )
    rows = _by_seq(planwatch.extract(html))
    assert rows[1]["category"] == rows[2]["category"] == "经济发展"
    assert rows[3]["category"] == "民生福祉" and rows[3]["name"] == "每千人口拥有执业(助理)医师数"
    assert rows[2]["target"]["value"] == 28500 and rows[2]["unit"] == "元"
    assert rows[3]["growth"]["cumulative"] is True


def test_docx_table(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "plan.docx",
        ["金沙县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "表1 “十四五”主要指标"],
        tables=[
            [
                ["序号", "指标", "2020年", "2025年", "年均增长", "属性"],
                ["1", "森林覆盖率(%)", "45", "47", "[2]", "约束性"],
                ["2", "城镇新增就业(万人)", "1.2", "[6]", "—", "预期性"],
            ]
        ],
    )
    rows = _by_seq(planwatch.extract(path))
    assert rows[1]["target"]["value"] == 47 and rows[1]["growth"]["value"] == 2
    assert rows[2]["target"]["value"] == 6 and rows[2]["target"].get("cumulative") is True


@pytest.mark.parametrize("bracket", ["[3]", "［3］", "【3】", "〔3〕"])
def test_every_bracket_form_is_cumulative(bracket: str) -> None:
    text = FLAT.replace("［1.8］", bracket).replace("1.8", "3")
    forest = _by_seq(planwatch.extract(text))[4]
    assert forest["growth"]["value"] == 3 and forest["growth"]["cumulative"] is True


def test_row_without_a_name_becomes_a_warning() -> None:
    broken = FLAT.replace("森林覆盖率(%)\n", "")
    facts = planwatch.extract(broken)
    assert 4 not in _by_seq(facts)
    warning = next(w for w in facts.warnings if w.stage == "indicators")
    assert "30.2" in warning.message and "4" in warning.message
    assert warning.line is not None and FLAT.splitlines()[warning.line - 1].strip() == "4"


SPACED = """白杨县国民经济和社会发展第十四个五年规划纲要
表1 主要指标
序号  指标  单位  2020年  2025年  年均增长  属性
1  地区生产总值  亿元  120.5  176  8  预期性
2  森林覆盖率  %  30.2  32  [1.8]  约束性
3  城镇调查失业率  %  --  控制在5.5以内  --  预期性
第三章  创新发展
"""


def test_table_copied_as_space_separated_lines() -> None:
    """GIVEN a table pasted as text, cells separated by runs of spaces WHEN extracted THEN rows and cells hold."""
    rows = _by_seq(planwatch.extract(SPACED))
    assert [(r["name"], r["unit"], r["target"]["text"], r["attribute"]) for r in rows.values()] == [
        ("地区生产总值", "亿元", "176", "expected"),
        ("森林覆盖率", "%", "32", "binding"),
        ("城镇调查失业率", "%", "控制在5.5以内", "expected"),
    ]
    assert rows[2]["growth"]["cumulative"] is True
    doc = planwatch.read(SPACED)
    assert next(b.text for b in doc.blocks if b.cells).startswith("序号")
    assert doc.blocks[-1].cells == ()  # "第三章  创新发展" is a heading, not a table row


@pytest.mark.parametrize(
    ("cell", "qualifier"),
    [
        ("<5.5", "at_most"),
        ("＜5.5", "at_most"),
        ("≤5.5", "at_most"),
        (">5.5", "at_least"),
        ("≥5.5", "at_least"),
    ],
)
def test_comparison_signs_in_a_target_cell(cell: str, qualifier: str) -> None:
    text = (
        "青松县国民经济和社会发展第十四个五年规划纲要\n第二章 主要目标\n专栏1 主要指标\n"
        "类别\t序号\t指标名称\t单位\t2020年\t2025年\t年均增长〔累计〕\t属性\n"
        f"民生福祉\t1\t城镇调查失业率\t%\t—\t{cell}\t—\t预期性\n"
        "绿色生态\t2\t森林覆盖率\t%\t42.1\t43.5\t〔1.4〕\t约束性\n"
    )
    rows = _by_seq(planwatch.extract(text))
    assert rows[1]["target"]["value"] == 5.5 and rows[1]["target"]["qualifier"] == qualifier
    assert rows[2]["growth"] == {"text": "〔1.4〕", "value": 1.4, "cumulative": True}
