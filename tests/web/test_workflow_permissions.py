"""The supervision workflow's permission matrix over HTTP: every role × every action, on a fresh copy of
the demo for each role. A reporter acts only for their own unit (a reporter of 县发展改革局 changing a
task led by 县水利局 gets 403), reviewers review, administrators manage, and the public sees and comments
on published items only."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest

from planwatch.auth.policy import Principal, Role
from planwatch.services import publish
from planwatch.services.audit import Actor
from planwatch.services.workflow import reports
from planwatch.services.workflow.common import local_date
from planwatch.store.tables import WorkItem
from planwatch.workflow import periods
from planwatch.workflow.periods import PeriodKind
from tests.web.conftest import Web
from tests.web.workflow_support import Person, add_other_reporter, item_id, person, report_form, unit_id

ROLES = ("admin", "reviewer", "reporter", "reporter2", "leader", None)  # None: the public, not signed in
A, R, U, U2, L, P = ROLES
EVERYONE, SIGNED_IN = set(ROLES), {A, R, U, U2, L}
# action → who may (the others are refused: 403 signed in, 401 or the login page for the public)
MATRIX: dict[str, set[str | None]] = {
    "view overview": SIGNED_IN,
    "view item": SIGNED_IN,
    "report for 县发展改革局": {A, U},
    "report for 县水利局": {A, U2},
    "review": {A, R},
    "review queue": {A, R},
    "add milestone": {A},
    "add unit": {A},
    "set deadline": {A},
    "export ledger": SIGNED_IN,
    "import ledger": {A, U, U2},
    "moderate comments": {A, R},
    "export audit log": {A},
    "api items": SIGNED_IN,
    "public task page": EVERYONE,
    "comment on a published task": EVERYONE,
}


def previous() -> str:
    first = periods.bounds(periods.period_of(PeriodKind.QUARTERLY, local_date()))[0]
    return periods.period_of(PeriodKind.QUARTERLY, first - timedelta(days=1))


def current() -> str:
    return periods.period_of(PeriodKind.QUARTERLY, local_date())


def attempt(web: Web, who: Person, action: str, ids: dict[str, int]) -> int:
    """Do one action; its HTTP status."""
    ndrc, water = ids["ndrc"], ids["water"]
    calls = {
        "view overview": lambda: who.client.get("/supervision", follow_redirects=False),
        "view item": lambda: who.client.get(f"/supervision/items/{ids['green']}", follow_redirects=False),
        "report for 县发展改革局": lambda: who.post(f"/supervision/items/{ids['green']}/reports", report_form(ndrc, current())),
        "report for 县水利局": lambda: who.post(f"/supervision/items/{ids['water_item']}/reports", report_form(water, current())),
        "review": lambda: who.post(f"/supervision/reports/{ids['report']}/review", {"decision": "approve", "version": 1}),
        "review queue": lambda: who.client.get("/supervision/review", follow_redirects=False),
        "add milestone": lambda: who.post(f"/supervision/items/{ids['green']}/milestones", {"title": "完成节能诊断", "due": "2027-03-31"}),
        "add unit": lambda: who.post(f"/supervision/items/{ids['green']}/assignments", {"unit_id": water, "role": "responsible"}),
        "set deadline": lambda: who.post(f"/supervision/items/{ids['green']}/deadline", {"deadline": "2027-06-30", "version": 1}),
        "export ledger": lambda: who.client.get("/supervision/ledger?region=X00002", follow_redirects=False),
        "import ledger": lambda: who.post("/supervision/ledger", {}, files={"file": ("t.xlsx", io.BytesIO(b"not xlsx"), "application/octet-stream")}),
        "moderate comments": lambda: who.client.get("/admin/feedback", follow_redirects=False),
        "export audit log": lambda: who.client.get("/admin/audit/export?format=csv", follow_redirects=False),
        "api items": lambda: who.client.get("/api/v1/workflow/items"),
        "public task page": lambda: who.client.get(f"/public/task/{ids['task']}"),
        "comment on a published task": lambda: who.post("/public/feedback", {"object_type": "task", "object_key": str(ids["green"]), "body": "希望公开节能改造清单", "back": "/public/dashboard"}),
    }  # fmt: skip
    return int(calls[action]().status_code)  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", ROLES, ids=[r or "public" for r in ROLES])
def test_every_role_and_action(web: Web, role: str | None) -> None:
    add_other_reporter(web.db)
    ids = {"ndrc": unit_id(web.db, "县发展改革局"), "water": unit_id(web.db, "县水利局"),
           "green": item_id(web.db, "绿色低碳转型"), "water_item": item_id(web.db, "水安全保障")}  # fmt: skip
    admin = Principal(Role.ADMIN, 1, "admin")
    ids["report"] = reports.submit(web.db, web.settings, admin, Actor("admin"), item_id(web.db, "清洁能源"), ids["ndrc"],
                                   reports.ReportInput(previous(), "in_progress", 30, "已开工"), 0).id  # fmt: skip
    with web.db.session() as session:
        item = session.get(WorkItem, ids["green"])
        assert item is not None and item.task_id is not None
        ids["task"] = item.task_id
    who = person(web, role)
    outcome = {action: attempt(web, who, action, ids) for action in MATRIX}
    for action, allowed_roles in MATRIX.items():
        status = outcome[action]
        if role in allowed_roles:
            assert status in (200, 201, 303, 422), (role, action, status)  # 422: the bad ledger file, checked
        else:
            assert status in ((401, 303) if role is None else (403,)), (role, action, status)


def test_returned_reports_can_be_edited_approved_ones_cannot(web: Web) -> None:
    admin, reviewer = Principal(Role.ADMIN, 1, "admin"), Principal(Role.REVIEWER, 2, "reviewer")
    unit, item = unit_id(web.db, "县发展改革局"), item_id(web.db, "绿色低碳转型")
    data = reports.ReportInput(current(), "in_progress", 30, "第一稿")
    ref = reports.submit(web.db, web.settings, admin, Actor("admin"), item, unit, data, 0)
    me = person(web, "reporter")
    ref = reports.review(web.db, reviewer, Actor("reviewer"), ref.id, "return", "请补充数据", ref.version)
    assert me.post(f"/supervision/items/{item}/reports",
                   report_form(unit, current(), "第二稿", version=ref.version)).status_code == 303  # type: ignore[attr-defined]  # fmt: skip
    ref = reports.review(web.db, reviewer, Actor("reviewer"), ref.id, "approve", None, ref.version + 1)
    r = me.post(
        f"/supervision/items/{item}/reports", report_form(unit, current(), "第三稿", version=ref.version)
    )
    assert r.status_code == 409 and "锁定" in r.text  # type: ignore[attr-defined]
    api = me.client.put(f"/api/v1/workflow/reports/{ref.id}", json={"progress": "推进中", "percent": 50, "narrative": "第三稿"},
                        headers={"X-CSRF-Token": me.csrf, "If-Match": f'"{ref.version}"'})  # fmt: skip
    assert api.status_code == 409 and api.json()["error"]["code"] == "locked"


def test_the_public_sees_only_what_is_published(web: Web) -> None:
    public = person(web, None)
    task, item = item_task(web, "绿色低碳转型"), item_id(web.db, "绿色低碳转型")
    shown = public.client.get(f"/public/task/{task}").text
    assert "推动绿色低碳转型" in shown and "进展情况" not in shown  # the units' narratives stay internal
    with web.db.session() as session:
        found = session.get(WorkItem, item)
        assert found is not None and found.document_id is not None
        scheme = found.document_id
    publish.set_documents(web.db, [scheme], False, Actor("test"))  # the task-division scheme withdrawn
    assert public.client.get(f"/public/task/{task}").status_code == 404
    r = public.post(
        "/public/feedback", {"object_type": "task", "object_key": str(item), "body": "看不见的任务"}
    )
    assert r.status_code == 404  # type: ignore[attr-defined]
    r = public.post(
        "/public/feedback", {"object_type": "indicator", "object_key": "X00003|forest_coverage", "body": "x"}
    )
    assert r.status_code == 404  # type: ignore[attr-defined]  # 云岭县 is not published
    assert public.client.get("/api/v1/workflow/items").status_code == 401
    assert "督办" not in public.client.get("/public/dashboard").text


def item_task(web: Web, word: str) -> int:
    with web.db.session() as session:
        item = session.get(WorkItem, item_id(web.db, word))
        assert item is not None and item.task_id is not None
        return item.task_id
