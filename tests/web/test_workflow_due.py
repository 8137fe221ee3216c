"""Deadlines and reminders: overdue and due-soon lists per unit and overall (page, API, command), and
reminder e-mails through a local SMTP sink the test starts (and ``--dry-run``, which sends nothing)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from email.message import EmailMessage

from planwatch.auth.policy import Principal, Role
from planwatch.cli import app
from planwatch.services import users
from planwatch.services.audit import Actor, events
from planwatch.services.workflow import items, milestones, remind, reports, views
from planwatch.store.repo import workflow as repo
from tests.web.conftest import Web
from tests.web.test_cli import run, runner
from tests.web.workflow_support import item_id, person, unit_id
from tests.workflow.smtp_sink import smtp_sink

TODAY = date(2025, 12, 20)  # the plan's last weeks: most deadlines (2025-12-31) are due soon
ADMIN = Principal(Role.ADMIN, 1, "admin")


def test_due_lists_per_unit_and_overall(web: Web) -> None:
    ndrc = unit_id(web.db, "县发展改革局")
    green = item_id(web.db, "绿色低碳转型")
    milestones.add(web.db, ADMIN, Actor("admin"), green, "完成重点用能单位节能诊断", date(2025, 11, 30))
    everything = views.overview(web.db, web.settings, "星湖县", days=14, today=TODAY)
    overdue_titles = {(e.kind, e.title) for e in everything.overdue}
    assert ("task", "推进学前教育普及普惠和义务教育优质均衡发展,新建县城第三幼儿园") in {
        (k, t[:31]) for k, t in overdue_titles} or any(k == "task" and "学前教育" in t for k, t in overdue_titles)  # fmt: skip
    assert ("milestone", "推动绿色低碳转型") in overdue_titles
    soon = {e.title for e in everything.soon if e.kind == "task"}
    assert "推动绿色低碳转型" in soon and all(e.due <= date(2026, 1, 3) for e in everything.soon)
    mine = views.overview(web.db, web.settings, "星湖县", ndrc, days=14, today=TODAY)
    assert mine.overdue and all("县发展改革局" in e.units or e.kind == "task" for e in mine.overdue)
    assert len(mine.soon) < len(everything.soon) and {e.item_id for e in mine.soon} <= {
        r.id for r in mine.rows
    }
    for e in mine.soon:
        assert e.days == (TODAY - e.due).days < 0


def test_reports_owed_become_overdue(web: Web) -> None:
    """GIVEN 县发展改革局 owes quarterly reports from 2025-04-01 WHEN only 2025Q2 is reported THEN 2025Q3 (due
    2025-10-10) is overdue and 2025Q4 (due 2026-01-10) is due within 30 days."""
    ndrc, green = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    with web.db.transaction() as session:
        for a in repo.assignments(session, [green])[green]:
            a.since = date(2025, 4, 1)
    reports.submit(web.db, web.settings, ADMIN, Actor("admin"), green, ndrc,
                   reports.ReportInput("2025Q2", "in_progress", 20, "二季度进展"), 0)  # fmt: skip
    v = views.overview(web.db, web.settings, None, ndrc, days=30, today=TODAY)
    owed = [(e.detail, e.overdue) for e in [*v.overdue, *v.soon] if e.kind == "report" and e.item_id == green]
    assert owed == [("2025年第三季度", True), ("2025年第四季度", False)]


def test_page_api_and_command(web: Web) -> None:
    page = person(web, "leader").client.get("/supervision?region=X00002").text
    assert "逾期" in page and 'id="overdue"' in page and "督办事项" in page
    api = person(web, "reviewer").client.get("/api/v1/workflow/due?region=X00002&days=14").json()
    assert {"today", "days", "overdue", "due_soon"} <= set(api) and api["days"] == 14
    data = json.loads(
        run(web, "workflow", "due", "--region", "星湖县", "--today", "2025-12-20", "--format", "json")
    )
    assert data["today"] == "2025-12-20" and any(e["title"] == "推动绿色低碳转型" for e in data["due_soon"])
    text = run(
        web,
        "workflow",
        "due",
        "--unit",
        "县发展改革局",
        "--region",
        "星湖县",
        "--days",
        "14",
        "--today",
        "2025-12-20",
    )
    assert (
        "due soon" in text and "推动绿色低碳转型" in text and "推进国土绿化" not in text
    )  # not 县发展改革局's


def test_reminders_through_a_local_smtp_server(web: Web) -> None:
    users.set_email(web.db, "reporter", "ndrc@xinghu.example.gov.cn", Actor("test"))
    plan = remind.plan(web.db, web.settings, TODAY, 14)
    assert [r.to for r in plan.reminders] == ["ndrc@xinghu.example.gov.cn"] and "县水利局" in plan.unreachable
    with smtp_sink() as sink:
        cfg = replace(web.settings, smtp_host="127.0.0.1", smtp_port=sink.port, smtp_from="planwatch@xinghu.example.gov.cn",
                      smtp_password="Smtp-secret-2026")  # fmt: skip
        dry = remind.remind(web.db, cfg, Actor("cli:test"), dry_run=True, today=TODAY)
        assert dry.sent == 0 and sink.messages == []
        done = remind.remind(web.db, cfg, Actor("cli:test"), today=TODAY)
    assert done.sent == 1 and len(sink.messages) == 1
    got = sink.messages[0]
    assert (
        got.recipients == ["ndrc@xinghu.example.gov.cn"] and got.sender == "planwatch@xinghu.example.gov.cn"
    )
    assert str(got.message["Subject"]).startswith("【督办提醒】县发展改革局")
    assert isinstance(got.message, EmailMessage)
    body = got.message.get_content()
    assert "推动绿色低碳转型" in body and "天后到期" in body and "Smtp-secret-2026" not in body
    logged = events(web.db, action="reminder_sent")[0][0]
    assert logged.after == {"sent": 1, "to": ["ndrc@xinghu.example.gov.cn"]}


def test_remind_command_dry_run_and_missing_server(web: Web) -> None:
    users.set_email(web.db, "reporter", "ndrc@xinghu.example.gov.cn", Actor("test"))
    out = run(web, "workflow", "remind", "--dry-run", "--today", "2025-12-20")
    assert "would send to ndrc@xinghu.example.gov.cn" in out and "督办提醒" in out and "0 sent" in out
    env = {
        "PLANWATCH_DATA_DIR": str(web.settings.data_dir),
        "PLANWATCH_DATABASE_URL": web.settings.database_url,
    }
    result = runner.invoke(app, ["workflow", "remind", "--today", "2025-12-20"], env=env)
    assert result.exit_code == 1 and "未配置邮件服务器" in str(result.exception)


def test_a_completed_task_is_no_longer_due(web: Web) -> None:
    ndrc, green = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    ref = reports.submit(web.db, web.settings, ADMIN, Actor("admin"), green, ndrc,
                         reports.ReportInput("2025Q4", "completed", 100, "全面完成"), 0)  # fmt: skip
    reports.review(web.db, ADMIN, Actor("admin"), ref.id, "approve", None, ref.version)
    v = views.overview(web.db, web.settings, "星湖县", days=30, today=TODAY)
    assert green not in {e.item_id for e in [*v.overdue, *v.soon]}
    assert items.unit_id_of(web.db, "县发展改革局", "星湖县") == ndrc
