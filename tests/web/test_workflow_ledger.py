"""The Excel ledger (台账): the office layout on export; a round trip (export, fill cells with openpyxl,
import) applies the changes; a ledger with one bad row changes nothing and names the file, sheet, row
and what to do; the same from the command line."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from planwatch.services.workflow.common import local_date
from planwatch.store.tables import ProgressReport, WorkItem
from planwatch.workflow import periods
from planwatch.workflow.periods import PeriodKind
from tests.web.conftest import Web
from tests.web.test_cli import run
from tests.web.workflow_support import add_other_reporter, item_id, person

COLUMNS = {"任务编号": "B", "任务": "C", "牵头单位": "D", "完成时限": "F", "报送期": "H", "进展情况": "I",
           "完成比例(%)": "J", "状态": "K"}  # fmt: skip


def export(web: Web, user: str = "admin") -> bytes:
    r = person(web, user).client.get("/supervision/ledger?region=X00002")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    return r.content


def row_of(ws: Worksheet, word: str) -> int:
    return next(r for r in range(5, ws.max_row + 1) if word in str(ws[f"C{r}"].value or ""))


def fill(content: bytes, edits: dict[str, dict[str, object]]) -> bytes:
    """The workbook with cells changed: {task word: {column header: value}}."""
    wb = load_workbook(io.BytesIO(content))
    ws = wb["任务台账"]
    for word, cells in edits.items():
        r = row_of(ws, word) if not word.startswith("row:") else int(word[4:])
        for header, value in cells.items():
            ws[f"{COLUMNS[header]}{r}"] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def upload(web: Web, content: bytes, user: str = "admin", name: str = "星湖县台账.xlsx") -> object:
    me = person(web, user)
    return me.post(
        "/supervision/ledger",
        {"region": "X00002"},
        files={"file": (name, content, "application/octet-stream")},
    )


def count_reports(web: Web) -> int:
    with web.db.session() as session:
        return session.scalar(select(func.count()).select_from(ProgressReport)) or 0


def test_export_has_the_office_layout(web: Web) -> None:
    wb = load_workbook(io.BytesIO(export(web)))
    assert wb.sheetnames == ["任务台账", "指标台账", "填报说明"]
    ws = wb["任务台账"]
    assert "星湖县重点任务推进台账" in ws["A1"].value and "A1:K1" in {str(m) for m in ws.merged_cells.ranges}
    headers = [ws.cell(3, c).value for c in range(1, 12)]
    assert headers[:7] == ["序号", "任务编号", "任务", "牵头单位", "责任单位", "完成时限", "目前状态"]
    assert headers[7] == "本期进展" and "H3:K3" in {
        str(m) for m in ws.merged_cells.ranges
    }  # the merged header
    assert [ws.cell(4, c).value for c in range(8, 12)] == ["报送期", "进展情况", "完成比例(%)", "状态"]
    assert ws.freeze_panes == "D5" and ws.column_dimensions["C"].width == 40
    assert ws["C5"].border.left.style == "thin" and ws.print_title_rows == "$3:$4"
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.max_row - 4 == 26  # one row per task of 星湖县
    assert ws["B5"].value.startswith("T") and ws["H5"].value == periods.label(
        periods.period_of(PeriodKind.QUARTERLY, local_date())
    )
    assert any("K5" in str(dv.sqref) for dv in ws.data_validations.dataValidation)  # 状态 from a list


def test_round_trip_applies_the_changes(web: Web) -> None:
    """GIVEN an exported ledger WHEN two tasks' progress and one deadline are filled in and it is imported THEN
    two reports exist as written (submitted, from the ledger) and the deadline moved; importing it again changes
    nothing."""
    filled = fill(export(web), {
        "绿色低碳转型": {"进展情况": "完成节能诊断12家,碳排放核算体系建立", "完成比例(%)": 70, "状态": "推进中"},
        "清洁能源基地": {"进展情况": "一期光伏并网发电", "状态": "已完成"},  # 完成比例 left empty: 100
        "水安全保障": {"完成时限": "2026-12-31"},
    })  # fmt: skip
    r = upload(web, filled)
    assert r.status_code == 200 and "已导入 26 行:新增报告 2 份" in r.text and "调整完成时限 1 项" in r.text  # type: ignore[attr-defined]
    with web.db.session() as session:
        rows = {session.get(WorkItem, p.item_id).title: p for p in session.scalars(select(ProgressReport))}  # type: ignore[union-attr]
        water = session.get(WorkItem, item_id(web.db, "水安全保障"))
    green, clean = rows["推动绿色低碳转型"], rows["建设清洁能源基地"]
    assert (green.progress, green.percent, green.narrative, green.state, green.source) == (
        "in_progress",
        70.0,
        "完成节能诊断12家,碳排放核算体系建立",
        "submitted",
        "ledger",
    )
    assert (clean.progress, clean.percent) == ("completed", 100.0)
    assert water is not None and water.deadline == date(2026, 12, 31) and water.deadline_source == "manual"
    again = upload(web, filled)
    assert "新增报告 0 份,修改 0 份,未变 2 行" in again.text  # type: ignore[attr-defined]
    assert count_reports(web) == 2


def test_a_bad_row_changes_nothing_and_is_named(web: Web) -> None:
    content = export(web)
    bad = fill(content, {
        "绿色低碳转型": {"进展情况": "正常的一行", "完成比例(%)": 50, "状态": "推进中"},
        "清洁能源基地": {"进展情况": "比例写错", "完成比例(%)": 120, "状态": "推进中"},
        "水安全保障": {"进展情况": "状态写错", "完成比例(%)": 30, "状态": "快完成了"},
        "县城综合承载": {"完成时限": "明年某时"},
        "row:6": {"任务编号": "T9999"},
        "营商环境": {"进展情况": "报送期写错", "完成比例(%)": 10, "状态": "推进中", "报送期": "第五季度"},
    })  # fmt: skip
    before = count_reports(web)
    r = upload(web, bad, name="星湖县台账(填报).xlsx")
    assert r.status_code == 422 and "整份台账没有导入" in r.text  # type: ignore[attr-defined]
    assert count_reports(web) == before
    text = r.text  # type: ignore[attr-defined]
    for column, hint in (("完成比例(%)", "0 到 100"), ("状态", "下拉列表"), ("完成时限", "2025-12-31"),
                         ("任务编号", "不要修改"), ("报送期", "2026年第三季度")):  # fmt: skip
        assert f"<td>{column}</td>" in text and hint in text, column
    assert "星湖县台账(填报).xlsx" in text and "任务台账" in text and "第 6 行" in text


def test_a_reporter_imports_only_their_units_rows(web: Web) -> None:
    add_other_reporter(web.db)
    filled = fill(export(web, "reporter"), {
        "绿色低碳转型": {"进展情况": "本单位的一行", "完成比例(%)": 40, "状态": "推进中"},
        "水安全保障": {"进展情况": "替县水利局填的一行", "完成比例(%)": 40, "状态": "推进中"},
        "县城综合承载": {"完成时限": "2027-06-30"},
    })  # fmt: skip
    r = upload(web, filled, user="reporter")
    assert (
        r.status_code == 422 and "您无权为“县水利局”报送" in r.text and "只有管理员可以修改完成时限" in r.text
    )  # type: ignore[attr-defined]
    assert count_reports(web) == 0


def test_not_a_workbook(web: Web) -> None:
    r = upload(web, b"%PDF-1.4 not a workbook", name="ledger.xlsx")
    assert r.status_code == 422 and "不是 Excel 工作簿" in r.text  # type: ignore[attr-defined]


def test_command_line_export_and_import(web: Web, tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    assert "wrote" in run(web, "ledger", "export", "--region", "星湖县", "--out", str(out))
    out.write_bytes(
        fill(
            out.read_bytes(),
            {"绿色低碳转型": {"进展情况": "命令行导入", "完成比例(%)": 55, "状态": "推进中"}},
        )
    )
    assert "1 new" in run(web, "ledger", "import", str(out))
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        fill(out.read_bytes(), {"清洁能源基地": {"进展情况": "x", "完成比例(%)": "很多", "状态": "推进中"}})
    )
    output = run(web, "ledger", "import", str(bad), code=1)
    assert "bad.xlsx · 任务台账 · 第" in output and "完成比例" in output and "nothing imported" in output
