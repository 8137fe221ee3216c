"""The DOCX, opened with python-docx: official-document layout, heading order, fonts, and the numbers."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from planwatch.report import render
from planwatch.report.model import ReportData
from planwatch.report.outline import sources
from planwatch.report.sample import sample_report

from .expect import HEADINGS, check_counts_sentence, check_indicator_row

CN = "一二三四五六七八九十"
MARKERS = {
    1: rf"^([{CN}]+)、",
    2: rf"^（([{CN}]+)）",
    3: r"^(\d+)\.",
    4: r"^（(\d+)）",
}


def east_asia(style: Any) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def headings(document: Document) -> list[tuple[int, str]]:
    return [
        (int(p.style.name[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]


def tables(document: Document) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]


def table_with(document: Document, header: tuple[str, ...]) -> list[list[str]]:
    found = [t for t in tables(document) if tuple(t[0][: len(header)]) == header]
    assert len(found) == 1, header
    return found[0]


def test_page_is_a4_with_official_margins(annual_docx: Document) -> None:
    section = annual_docx.sections[0]
    sizes = (section.page_width, section.page_height)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert [x.mm for x in sizes] == pytest.approx([210, 297], abs=0.1)  # stored in twips
    assert [x.mm for x in margins] == pytest.approx([37, 35, 28, 26], abs=0.1)


def test_fonts_are_declared_for_east_asian_text(annual_docx: Document) -> None:
    styles = annual_docx.styles
    assert east_asia(styles["报告标题"]) == "方正小标宋简体"
    assert styles["报告标题"].font.size == Pt(22)  # 二号
    assert east_asia(styles["Normal"]) == "仿宋_GB2312"
    assert styles["Normal"].font.size == Pt(16)  # 三号
    assert [east_asia(styles[f"Heading {n}"]) for n in (1, 2, 3, 4)] == [
        "黑体",
        "楷体_GB2312",
        "仿宋_GB2312",
        "仿宋_GB2312",
    ]
    assert styles["Heading 3"].font.bold and not styles["Heading 4"].font.bold


def test_font_table_names_a_substitute_for_each_official_font(annual: ReportData) -> None:
    with zipfile.ZipFile(io.BytesIO(render(annual, "docx"))) as package:
        table = package.read("word/fontTable.xml").decode("utf-8")
    for name, alt in (
        ("方正小标宋简体", "宋体"),
        ("仿宋_GB2312", "仿宋"),
        ("楷体_GB2312", "楷体"),
        ("黑体", "SimHei"),
    ):
        assert re.search(rf'w:name="{name}">\s*<w:altName w:val="{alt}"', table), name


def test_footer_has_a_page_field_between_dashes(annual_docx: Document) -> None:
    footer = annual_docx.sections[0].footer.paragraphs[0]
    xml = footer._p.xml
    assert "<w:fldChar" in xml and 'w:fldCharType="begin"' in xml
    assert [t.text.strip() for t in footer._p.iter(qn("w:instrText"))] == ["PAGE"]
    assert footer.text.startswith("— ") and footer.text.endswith(" —")


@pytest.mark.parametrize("kind", ["annual", "midterm", "final"])
def test_headings_are_numbered_in_gbt9704_order(kind: str) -> None:
    """GIVEN any report WHEN its headings are read THEN 一、 > （一） > 1. > （1） nest and count from one."""
    import docx

    document = docx.Document(io.BytesIO(render(sample_report(kind), "docx")))  # type: ignore[arg-type]
    counters = [0, 0, 0, 0]
    for level, text in headings(document):
        match = re.match(MARKERS[level], text)
        assert match, text
        assert level == 1 or counters[level - 2] > 0, f"{text} has no parent heading"
        counters[level - 1] += 1
        counters[level:] = [0] * (4 - level)
        value = match.group(1)
        expected = CN[counters[level - 1] - 1] if level < 3 else str(counters[level - 1])
        assert value == expected, text
    top = [re.sub(MARKERS[1], "", t) for lvl, t in headings(document) if lvl == 1]
    assert top == [*HEADINGS, *(["评估结论"] if kind != "annual" else [])]


def test_title_and_issuer_come_first(annual_docx: Document, annual: ReportData) -> None:
    first, second = annual_docx.paragraphs[:2]
    assert (first.text, first.style.name) == ("星湖县2023年规划实施年度监测报告", "报告标题")
    assert annual.issuer and second.text.startswith(annual.issuer) and "2024年3月15日" in second.text


def test_summary_counts_equal_the_data(annual_docx: Document, annual: ReportData) -> None:
    summary = next(p.text for p in annual_docx.paragraphs if p.text.startswith("纳入监测的"))
    check_counts_sentence(summary, annual)


def test_indicator_table_equals_the_data_binding_first(annual_docx: Document, annual: ReportData) -> None:
    table = table_with(annual_docx, ("序号", "指标"))
    assert table[0] == [
        "序号",
        "指标",
        "单位",
        "属性",
        "基期值",
        "目标值",
        "实际值（2023年）",
        "进度",
        "状态",
    ]
    rows = table[1:]
    assert len(rows) == len(annual.indicators)
    for cells, row in zip(rows, annual.ordered(), strict=True):
        check_indicator_row(cells, row, annual.year)
    attributes = [cells[3] for cells in rows]
    assert attributes == sorted(attributes, key=lambda a: a != "约束性")


def test_status_cells_carry_the_status_colours(annual_docx: Document) -> None:
    table = next(t for t in annual_docx.tables if t.rows[0].cells[1].text == "指标")
    fills = {}
    for row in list(table.rows)[1:]:
        cell = row.cells[-1]
        fills[cell.text] = cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
    assert fills["已实现"] == "1B5E20" and fills["严重滞后"] == "D32F2F" and fills["存在风险"] == "FFB300"


def test_every_table_repeats_its_header_row(annual_docx: Document) -> None:
    for table in annual_docx.tables:
        first, second = table.rows[0]._tr, table.rows[1]._tr
        assert first.trPr.find(qn("w:tblHeader")) is not None
        assert second.trPr.find(qn("w:tblHeader")) is None


def test_units_table_equals_the_data(annual_docx: Document, annual: ReportData) -> None:
    table = table_with(annual_docx, ("序号", "责任单位"))
    for cells, unit in zip(table[1:], annual.units, strict=True):
        assert cells[1] == unit.unit
        numbers = [unit.led, unit.shared, unit.completed, unit.completed_on_time, unit.overdue]
        assert [int(c) for c in cells[2:7]] == numbers


def test_lagging_section_quotes_the_reasons(annual_docx: Document, annual: ReportData) -> None:
    text = "\n".join(p.text for p in annual_docx.paragraphs)
    section = text.split("三、需要关注的指标")[1].split("四、重点任务推进情况")[0]
    for row in annual.lagging():
        assert row.name in section and row.explanation in section
        for reason in row.reasons:
            assert reason in section


def test_charts_one_for_status_and_one_per_key_indicator(annual_docx: Document, annual: ReportData) -> None:
    pictures = annual_docx.inline_shapes
    assert len(pictures) == 1 + sum(1 for r in annual.indicators if r.key and r.series)


def test_annex_lists_every_source_with_its_quote(annual_docx: Document, annual: ReportData) -> None:
    table = table_with(annual_docx, ("序号", "数据项", "来源文件"))
    listed = {(cells[2], cells[3]) for cells in table[1:]}
    for row in annual.indicators:
        for source in row.sources:
            assert (source.document, source.quote) in listed
    assert len(table) - 1 == len(sources(annual))
    texts = [p.text for p in annual_docx.paragraphs]
    assert f"附件：数据来源（{len(table) - 1}条）" in texts


def test_conclusion_only_in_evaluations(
    annual_docx: Document, midterm_docx: Document, midterm: ReportData
) -> None:
    assert not any("评估结论" in p.text for p in annual_docx.paragraphs)
    paragraphs = [p.text for p in midterm_docx.paragraphs]
    conclusion = paragraphs[paragraphs.index("六、评估结论") + 1]
    counts = midterm.counts()
    assert conclusion.startswith(
        f"中期评估认为，{len(midterm.indicators)}项主要指标中，已实现{counts['achieved']}项"
    )
    assert f"正常推进{counts['on_track']}项" in conclusion


def test_same_data_gives_the_same_bytes(annual: ReportData) -> None:
    assert render(annual, "docx") == render(annual, "docx")
