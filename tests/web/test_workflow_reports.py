"""Progress reports through the pages: a reporter submits with an attachment, a reviewer returns it, the
reporter edits and submits again, the reviewer approves, the period is locked; every version is kept,
every step audited; attachments are checked, kept by checksum and served only to those allowed."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient

from planwatch.auth.policy import Principal, Role
from planwatch.services.audit import Actor, events
from planwatch.services.workflow import reports, views
from planwatch.services.workflow.common import LOCAL, local_date
from planwatch.store.repo import workflow as repo
from planwatch.web.app import create_app
from planwatch.workflow import periods
from planwatch.workflow.periods import PeriodKind
from tests.web.conftest import Web
from tests.web.workflow_support import add_other_reporter, item_id, person, report_form, unit_id

PDF = b"%PDF-1.4\n% progress evidence\n" + b"x" * 2000


def current() -> str:
    return periods.period_of(PeriodKind.QUARTERLY, local_date())


def test_submit_return_resubmit_approve_and_lock(web: Web) -> None:
    """GIVEN the reporter of 县发展改革局 WHEN they report on a task they lead, the reviewer returns it,
    they fix it, and the reviewer approves THEN the report is approved with four versions and locked."""
    me, boss = person(web, "reporter"), person(web, "reviewer")
    unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    r = me.post(f"/supervision/items/{item}/reports", report_form(unit, current()),
                files=[("files", ("节能诊断报告.pdf", PDF, "application/pdf"))])  # fmt: skip
    assert r.status_code == 303, r.text  # type: ignore[attr-defined]
    (report,) = reports_of(web, item)
    assert (report.state, report.version, len(report.attachments)) == ("submitted", 1, 1)
    assert report.attachments[0].sha256 == hashlib.sha256(PDF).hexdigest()
    page = me.client.get(f"/supervision/items/{item}").text
    assert "节能诊断报告.pdf" in page and "待审核" in page

    r = boss.post(f"/supervision/reports/{report.id}/review", {"decision": "return", "version": 1})
    assert r.status_code == 422 and "审核意见" in r.text  # type: ignore[attr-defined]  # a return needs comments
    r = boss.post(f"/supervision/reports/{report.id}/review",
                  {"decision": "return", "version": 1, "comment": "请补充碳排放核算数据"})  # fmt: skip
    assert r.status_code == 303  # type: ignore[attr-defined]
    page = me.client.get(f"/supervision/items/{item}?edit={report.id}").text
    assert "请补充碳排放核算数据" in page and "修改报告" in page and 'name="version" value="2"' in page

    fixed = report_form(unit, current(), "补充:全县碳排放核算完成,下降4.1%", percent="60", version=2)
    assert me.post(f"/supervision/items/{item}/reports", fixed).status_code == 303  # type: ignore[attr-defined]
    assert (
        boss.post(
            f"/supervision/reports/{report.id}/review", {"decision": "approve", "version": 3}
        ).status_code
        == 303
    )  # type: ignore[attr-defined]
    (report,) = reports_of(web, item)
    assert (report.state, report.version, report.returns, report.percent) == ("approved", 4, 1, 60.0)
    assert [h.action for h in report.revisions] == ["submit", "return", "resubmit", "approve"]
    assert report.revisions[0].narrative == "完成年度目标的一半"  # the first version is kept as it was

    again = report_form(unit, current(), "改一下", version=4)
    r = me.post(f"/supervision/items/{item}/reports", again)
    assert r.status_code == 409 and "已审核通过并锁定" in r.text and "操作冲突" in r.text  # type: ignore[attr-defined]
    actions = [e.action for e in events(web.db, object_type="report", object_id=str(report.id))[0]]
    assert actions == ["report_approve", "report_resubmit", "report_return", "report_submit"]


def reports_of(web: Web, item: int) -> list[reports.ReportView]:
    with web.db.session() as session:
        ids = [r.id for r in repo.reports(session, [item])]
    return [reports.report_by_id(web.db, web.settings, i) for i in ids]


def test_attachments_are_served_only_to_those_allowed(web: Web) -> None:
    add_other_reporter(web.db)
    me = person(web, "reporter")
    unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    me.post(f"/supervision/items/{item}/reports", report_form(unit, current()),
            files=[("files", ("台账.xlsx", b"PK\x03\x04 sheet", "application/octet-stream"))])  # fmt: skip
    (report,) = reports_of(web, item)
    url = f"/supervision/attachments/{report.attachments[0].id}"
    got = me.client.get(url)
    assert got.status_code == 200 and got.content == b"PK\x03\x04 sheet"
    assert (
        "attachment;" in got.headers["content-disposition"]
        and got.headers["x-content-type-options"] == "nosniff"
    )
    assert person(web, "leader").client.get(url).status_code == 200
    assert person(web, "reporter2").client.get(url).status_code == 403  # another unit's reporter
    anonymous = person(web, None).client.get(url, follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    stored = (
        web.settings.data_dir
        / "attachments"
        / report.attachments[0].sha256[:2]
        / report.attachments[0].sha256
    )
    stored.write_bytes(b"tampered")
    assert me.client.get(url).status_code == 400  # the checksum no longer matches


@pytest.mark.parametrize(
    ("name", "content", "status", "text"),
    [
        ("tool.exe", b"MZ", 415, "附件类型"),
        ("empty.pdf", b"", 422, "空文件"),
        ("big.pdf", b"x" * 30_000, 413, "附件超过"),
    ],
)
def test_attachment_type_and_size_limits(web: Web, name: str, content: bytes, status: int, text: str) -> None:
    small = replace(web.settings, attachment_max_mb=0.02)  # 20 KB
    with TestClient(create_app(small, web.db)) as client:
        limited = Web(web.db, small, client)
        token = limited.login("reporter")
        unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
        r = client.post(f"/supervision/items/{item}/reports", data={**report_form(unit, current()), "csrf_token": token},
                        files=[("files", (name, content, "application/octet-stream"))])  # fmt: skip
    assert r.status_code == status and text in r.text
    assert reports_of(web, item) == [] and not list((web.settings.data_dir / "attachments").rglob("*.part"))


def test_an_approved_completion_changes_the_dashboard(web: Web) -> None:
    """GIVEN nothing completed WHEN a lead unit's 已完成 report is approved THEN the task counts as completed on
    the dashboard's 督办 card and on the 督办 page."""
    before = views.summary(web.db, web.settings, "X00002")
    me, boss = person(web, "reporter"), person(web, "reviewer")
    unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "清洁能源基地")
    me.post(f"/supervision/items/{item}/reports",
            report_form(unit, current(), "一期光伏并网发电", progress="completed", percent="100"))  # fmt: skip
    (report,) = reports_of(web, item)
    boss.post(f"/supervision/reports/{report.id}/review", {"decision": "approve", "version": report.version})
    after = views.summary(web.db, web.settings, "X00002")
    assert after.counts["completed"] == before.counts["completed"] + 1
    assert after.counts["no_report"] == before.counts["no_report"] - 1
    html = me.client.get("/dashboard?region=X00002").text
    assert (
        f'data-task-status="completed" href="/supervision?region=X00002&status=completed"><span class="count">{after.counts["completed"]}'
        in html
    )


def test_validation_names_the_field(web: Web) -> None:
    me = person(web, "reporter")
    unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    for form, text in ((report_form(unit, current(), percent="120"), "完成比例"),
                       (report_form(unit, current(), progress="差不多"), "状态"),
                       (report_form(unit, "2099Q1"), "尚未开始"),
                       (report_form(unit, current()[:4] + "M01"), "按季度报送"),
                       (report_form(unit, current(), text="   "), "进展情况"),
                       (report_form(unit, current(), progress="completed", percent="80"), "100")):  # fmt: skip
        r = me.post(f"/supervision/items/{item}/reports", form)
        assert r.status_code == 422 and text in r.text, (form, r.text[-600:])  # type: ignore[attr-defined]


def test_a_unit_reports_only_on_its_items(web: Web) -> None:
    me = person(web, "reporter")
    unit = unit_id(web.db, "县发展改革局")
    not_ours = item_id(web.db, "推进国土绿化")  # led by 县林业和草原局, 县发展改革局 not named
    r = me.post(f"/supervision/items/{not_ours}/reports", report_form(unit, current()))
    assert r.status_code == 422 and "没有承担" in r.text  # type: ignore[attr-defined]


def test_periods_owed_and_late_reports(web: Web) -> None:
    """A report submitted after its period's due date counts as late on the page and in the scorecard."""
    admin = Principal(Role.ADMIN, 1, "admin")
    unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    at = datetime(2026, 11, 1, 9, tzinfo=LOCAL)
    ref = reports.submit(web.db, web.settings, admin, Actor("admin"), item, unit,
                         reports.ReportInput("2026Q2", "in_progress", 40, "迟报的二季度进展"), 0, at=at)  # fmt: skip
    view = reports.report_by_id(web.db, web.settings, ref.id)
    assert view.due == date(2026, 7, 10) and not view.on_time
