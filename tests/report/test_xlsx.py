"""The workbooks, opened with openpyxl: office layout (merged title and header, frozen header, print
setup) and typed values equal to the ReportData's and to the scorecard's."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planwatch.report.model import STATUS_LABELS, ReportData
from planwatch.report.outline import sources
from planwatch.report.scorecard import Weights, rank
from planwatch.report.style import STATUS_COLOURS
from planwatch.report.xlsx import scorecard_xlsx


def header_map(ws: Worksheet, row: int) -> dict[str, int]:
    """Lower header text → column number (the first one for repeated names such as 年份)."""
    out: dict[str, int] = {}
    for cell in ws[row]:
        if cell.value is not None:
            out.setdefault(str(cell.value), cell.column)
    return out


def merged(ws: Worksheet) -> set[str]:
    return {str(r) for r in ws.merged_cells.ranges}


def test_sheets_in_office_order(annual_xlsx: Workbook) -> None:
    assert annual_xlsx.sheetnames == ["指标", "任务", "项目", "数据来源"]


def test_title_row_merged_across_the_table(annual_xlsx: Workbook, annual: ReportData) -> None:
    ws = annual_xlsx["指标"]
    assert ws["A1"].value == f"{annual.title}：主要指标"
    assert f"A1:{get_column_letter(ws.max_column)}1" in merged(ws)


def test_two_level_header_merges_groups_and_spans_single_columns(annual_xlsx: Workbook) -> None:
    ws = annual_xlsx["指标"]
    groups = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(3, c).value}
    assert {"基期", "目标", "2023年", "指标", "状态"} <= set(groups)
    ranges = merged(ws)
    assert "B3:B4" in ranges  # 指标 spans both header rows
    base = groups["基期"]
    assert f"{get_column_letter(base)}3:{get_column_letter(base + 1)}3" in ranges
    assert [ws.cell(4, base).value, ws.cell(4, base + 1).value] == ["年份", "基期值"]


def test_header_frozen_and_repeated_on_printed_pages(annual_xlsx: Workbook) -> None:
    for name, frozen, titles in (
        ("指标", "C5", "$3:$4"),
        ("任务", "C5", "$3:$4"),
        ("项目", "B4", "$3:$3"),
        ("数据来源", "B4", "$3:$3"),
    ):
        ws = annual_xlsx[name]
        assert (ws.freeze_panes, ws.print_title_rows) == (frozen, titles), name


@pytest.mark.parametrize("name", ["指标", "任务", "项目", "数据来源"])
def test_print_setup_landscape_a4_fit_to_width(annual_xlsx: Workbook, name: str) -> None:
    ws = annual_xlsx[name]
    setup = ws.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9)
    assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows


def test_indicator_values_are_typed_and_equal_the_data(annual_xlsx: Workbook, annual: ReportData) -> None:
    ws = annual_xlsx["指标"]
    h = header_map(ws, 4) | header_map(ws, 3)
    rows = annual.ordered()
    for i, row in enumerate(rows):
        r = 5 + i
        assert ws.cell(r, h["指标"]).value == row.name
        assert ws.cell(r, h["基期值"]).value == (
            row.baseline if row.baseline is not None else row.baseline_text
        )
        assert ws.cell(r, h["目标值"]).value == row.target
        assert ws.cell(r, h["规划表述"]).value == (row.target_text or "—")
        actual = ws.cell(r, h["实际值"]).value
        assert actual == (row.actual if row.actual is not None else row.actual_text)
        progress = ws.cell(r, h["进度"])
        assert progress.value == (pytest.approx(row.progress) if row.progress is not None else None)
        if row.progress is not None:
            assert progress.number_format == "0.0%"
        status = ws.cell(r, h["状态"])
        assert status.value == STATUS_LABELS[row.status]
        assert status.fill.fgColor.rgb.endswith(STATUS_COLOURS[row.status][0])
    assert ws.cell(5 + len(rows), h["指标"]).value is None


def test_borders_on_every_table_cell(annual_xlsx: Workbook) -> None:
    ws = annual_xlsx["任务"]
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row):
        for cell in row:
            if isinstance(cell, MergedCell):  # inside a merged header: its edges are the range's
                continue
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin", cell.coordinate


def test_tasks_projects_and_sources_equal_the_data(annual_xlsx: Workbook, annual: ReportData) -> None:
    tasks = annual_xlsx["任务"]
    h = header_map(tasks, 4) | header_map(tasks, 3)
    for i, unit in enumerate(annual.units):
        r = 5 + i
        assert tasks.cell(r, h["责任单位"]).value == unit.unit
        assert [tasks.cell(r, h[k]).value for k in ("牵头", "配合", "逾期", "退回")] == [
            unit.led, unit.shared, unit.overdue, unit.reports_returned,
        ]  # fmt: skip
    projects = annual_xlsx["项目"]
    assert [projects.cell(4 + i, 4).value for i in range(len(annual.projects))] == [
        p.name for p in annual.projects
    ]
    listed = annual_xlsx["数据来源"]
    quotes = [listed.cell(4 + i, 4).value for i in range(len(sources(annual)))]
    assert quotes == [s.quote for s in sources(annual)]


def test_scorecard_scores_and_ranks_equal_the_scoring_function(annual: ReportData) -> None:
    weights = Weights(tasks=60, reports=20, indicators=20)
    wb = load_workbook(io.BytesIO(scorecard_xlsx(annual.units, weights, title="星湖县2023年部门考核")))
    assert wb.sheetnames == ["考核得分", "评分规则"]
    ws = wb["考核得分"]
    assert ws["A1"].value == "星湖县2023年部门考核"
    assert "任务60、报送20、指标20" in ws["A2"].value
    h = header_map(ws, 4) | header_map(ws, 3)
    expected = rank(annual.units, weights)
    for i, score in enumerate(expected):
        r = 5 + i
        assert ws.cell(r, h["责任单位"]).value == score.unit.unit
        assert ws.cell(r, h["得分"]).value == score.unit.score
        assert ws.cell(r, h["排名"]).value == score.unit.rank
        assert ws.cell(r, h["严重滞后"]).value == score.unit.indicators_by_status.get("off_track", 0)
    ranks = [ws.cell(5 + i, h["排名"]).value for i in range(len(expected))]
    assert ranks == sorted(ranks)
    rules = wb["评分规则"]
    assert [rules.cell(r, 3).value for r in (4, 5, 6)] == [60, 20, 20]
