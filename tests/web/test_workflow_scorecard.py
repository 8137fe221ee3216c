"""Department scorecards from the workflow: report.gather's UnitRow carries tasks completed on time,
overdue, reports on time, late and returned, and the indicators a unit leads; ``planwatch report
scorecard`` and the dashboard's download show those numbers. The demo step (``planwatch workflow
demo``) seeds them once."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from planwatch.report.gather import gather
from planwatch.services.workflow import demo, views
from tests.web.conftest import Web
from tests.web.test_cli import run
from tests.web.workflow_support import person

TODAY = date(2026, 11, 27)


def test_gather_reads_the_workflow(web: Web) -> None:
    made = demo.seed(web.db, web.settings, TODAY)
    assert made.created and made.reports == 11 and made.milestones == 3
    assert not demo.seed(web.db, web.settings, TODAY).created  # once only
    units = {u.unit: u for u in gather(web.db, "星湖县", 2026, settings=web.settings, today=TODAY).units}
    ndrc = units["县发展改革局"]
    # leads 推动绿色低碳转型 (Q3 approved, Q2 missing) and 建设清洁能源基地 (Q3 returned), both past 2025-12-31,
    # and the supervised project 星湖湿地保护与修复工程 (Q3 approved): three reports on time, one missing, one return
    assert (ndrc.led, ndrc.completed, ndrc.overdue) == (2, 0, 2)
    assert (ndrc.reports_on_time, ndrc.reports_late, ndrc.reports_returned) == (3, 1, 1)
    culture = units["县文体旅游广电局"]  # two tasks completed before their deadlines
    assert (culture.completed, culture.completed_on_time, culture.overdue) == (2, 2, 0)
    assert units["县教育局"].completed == 1 and units["县教育局"].completed_on_time == 0  # finished late
    assert units["县林业和草原局"].indicators_by_status  # leads the supervised 森林覆盖率
    summary = views.summary(web.db, web.settings, "X00002", TODAY)
    assert summary.counts["completed"] == 5 and summary.awaiting_review == 1 and summary.overdue >= 3


def test_scorecard_command_and_dashboard_download(web: Web, tmp_path: Path) -> None:
    demo.seed(web.db, web.settings, TODAY)
    out = tmp_path / "scorecard.xlsx"
    run(web, "report", "scorecard", "--region", "星湖县", "--year", "2026", "--out", str(out))
    rows = {r[2]: r for r in load_workbook(out).worksheets[0].iter_rows(min_row=5, values_only=True)}
    assert rows["县文体旅游广电局"][5:8] == (2, 2, 0)  # 已完成, 按期完成, 逾期
    assert rows["县发展改革局"][10] == 1  # 退回
    r = person(web, "leader").client.get("/reports/X00002/scorecard?year=2026")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    downloaded = {
        row[2]: row
        for row in load_workbook(io.BytesIO(r.content)).worksheets[0].iter_rows(min_row=5, values_only=True)
    }
    assert downloaded["县文体旅游广电局"][5:8] == (2, 2, 0)
    assert "部门考核" in person(web, "leader").client.get("/dashboard?region=X00002").text


def test_demo_command_prints_the_accounts(web: Web) -> None:
    (web.settings.data_dir / "demo-users.txt").write_text("reporter\tR-pass\nreviewer\tV-pass\n", "utf-8")
    out = run(web, "workflow", "demo")
    assert (
        "星湖县: 11 reports, 3 milestones" in out
        and "reporter / R-pass" in out
        and "reviewer / V-pass" in out
    )
    assert "already has progress reports" in run(web, "workflow", "demo")
