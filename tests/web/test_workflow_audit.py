"""The audit log extended to the workflow and exported: every create, update, approval and return is an
event with who, when, before and after; administrators download it as CSV and XLSX (cells a spreadsheet
would run as a formula are quoted); nobody else may."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from planwatch.auth.policy import Principal, Role
from planwatch.services.audit import Actor, events
from planwatch.services.workflow import milestones, reports
from tests.web.conftest import Web
from tests.web.workflow_support import item_id, person, unit_id

ADMIN = Principal(Role.ADMIN, 1, "admin")


def seed(web: Web) -> None:
    item, unit = item_id(web.db, "绿色低碳转型"), unit_id(web.db, "县发展改革局")
    ref = reports.submit(web.db, web.settings, ADMIN, Actor("reporter"), item, unit,
                         reports.ReportInput("2025Q3", "in_progress", 30, "=HYPERLINK(\"http://evil\")"), 0)  # fmt: skip
    reports.review(web.db, ADMIN, Actor("reviewer"), ref.id, "return", "=1+2 请补充", ref.version)
    milestones.add(web.db, ADMIN, Actor("admin"), item, "完成节能诊断", date(2026, 3, 31))


def test_workflow_changes_are_events_with_before_and_after(web: Web) -> None:
    seed(web)
    returned = events(web.db, action="report_return")[0][0]
    assert returned.actor == "reviewer" and returned.before and returned.after
    assert (returned.before["state"], returned.after["state"]) == (
        "submitted",
        "returned",
    ) and returned.note == "=1+2 请补充"
    assert events(web.db, action="milestone_add")[1] == 1 and events(web.db, action="report_submit")[1] == 1
    page = person(web, "admin").client.get("/admin/audit").text
    assert "退回报告" in page and "提交进展报告" in page and "新增节点" in page


def test_csv_and_xlsx_export(web: Web) -> None:
    seed(web)
    admin = person(web, "admin")
    r = admin.client.get("/admin/audit/export?format=csv")
    assert (
        r.status_code == 200
        and r.content.startswith("\ufeff".encode())
        and "attachment" in r.headers["content-disposition"]
    )
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:5] == ["序号", "时间(UTC)", "操作人", "操作", "操作代码"]
    submitted = next(row for row in rows if row[4] == "report_submit")
    assert submitted[3] == "提交进展报告" and submitted[2] == "reporter" and "HYPERLINK" in submitted[8]
    assert not any(cell.startswith("=") for row in rows for cell in row)  # formulas arrive as text
    assert next(row for row in rows if row[4] == "report_return")[10] == "'=1+2 请补充"
    x = admin.client.get("/admin/audit/export?format=xlsx")
    ws = load_workbook(io.BytesIO(x.content)).worksheets[0]
    assert ws["A1"].value == "审计日志" and ws.freeze_panes == "C4"
    assert any(c.value == "退回报告" for row in ws.iter_rows() for c in row)
    assert events(web.db, action="audit_export")[1] == 2  # the exports are events too
    for who in ("reviewer", "reporter", "leader"):
        assert person(web, who).client.get("/admin/audit/export?format=csv").status_code == 403


def test_the_log_stays_append_only(web: Web) -> None:
    seed(web)
    with pytest.raises(DatabaseError), web.db.transaction() as session:
        session.execute(text("UPDATE audit_log SET actor = 'someone' WHERE action = 'report_return'"))
