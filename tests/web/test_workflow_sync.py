"""Items from the task-division scheme: made on ingest with their lead and responsible units and the time
limits read as dates; kept across a new version of the scheme (same items, reports still attached, a
dropped task retired); ``planwatch workflow sync`` changes nothing when nothing changed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from planwatch.auth.policy import Principal, Role
from planwatch.services.audit import Actor
from planwatch.services.extracted import extract_file
from planwatch.services.ingest import store_extracted
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow import items, reports
from planwatch.store.repo import workflow as repo
from tests.conftest import DEMO
from tests.web.conftest import Web
from tests.web.test_cli import run
from tests.web.workflow_support import item_id, person, unit_id

ADMIN = Principal(Role.ADMIN, 1, "admin")


def task_items(web: Web) -> dict[str, object]:
    with web.db.session() as session:
        return {i.title: i for i in repo.items(session, ["X00002"], kind="task")}


def test_the_scheme_becomes_items_on_ingest(web: Web) -> None:
    found = task_items(web)
    assert len(found) == 26
    with web.db.session() as session:
        by_title = {i.title: i for i in repo.items(session, kind="task")}
        lake = by_title["推动星湖湿地景区创建国家5A级旅游景区"]
        jobs = next(i for t, i in by_title.items() if t.startswith("实施就业优先政策"))
        wetland = by_title["实施星湖湿地保护与修复工程"]
        units = repo.units(session, [a.unit_id for a in repo.assignments(session, [lake.id])[lake.id]])
        roles = [(a.role, units[a.unit_id].name) for a in repo.assignments(session, [lake.id])[lake.id]]
    assert (lake.deadline, lake.deadline_source, lake.deadline_text) == (
        date(2024, 12, 31),
        "written",
        "2024年底前",
    )
    assert (jobs.deadline, jobs.deadline_source) == (None, "ongoing")
    assert (wetland.deadline, wetland.deadline_source) == (date(2025, 12, 31), "plan_end")  # “十四五” scheme
    assert (
        roles[0] == ("lead", "县文体旅游广电局")
        and ("responsible", "县发展改革局") in roles
        and len(roles) == 5
    )


def test_a_new_version_keeps_items_and_reports(web: Web, tmp_path: Path) -> None:
    green = item_id(web.db, "绿色低碳转型")
    ref = reports.submit(web.db, web.settings, ADMIN, Actor("admin"), green, unit_id(web.db, "县发展改革局"),
                         reports.ReportInput("2025Q3", "in_progress", 30, "三季度进展"), 0)  # fmt: skip
    items.set_deadline(web.db, ADMIN, Actor("admin"), green, date(2026, 6, 30), None)
    html = (DEMO / "xinghu_tasks.html").read_text("utf-8")
    assert "推动绿色低碳转型" in html and "提升基层治理效能" in html
    revised = tmp_path / "xinghu_tasks.html"
    revised.write_text(html.replace("提升基层治理效能", "提升基层社会治理效能"), "utf-8")
    with web.db.session() as session:
        index = RegionIndex.load(session)
    assert store_extracted(web.db, index, extract_file(revised)).outcome == "updated"
    with web.db.session() as session:
        item = next(i for i in repo.items(session, kind="task") if i.id == green)
        titles = {i.title for i in repo.items(session, kind="task")}
        assert item.task_id is not None and item.deadline == date(2026, 6, 30)  # the manual deadline stays
        assert [r.id for r in repo.reports(session, [green])] == [ref.id]
    assert "提升基层社会治理效能" in titles and "提升基层治理效能" not in titles and len(titles) == 26
    assert "items: 0 new, 0 updated, 0 retired" in run(web, "workflow", "sync")


def test_indicators_and_projects_can_be_supervised(web: Web) -> None:
    forestry = unit_id(web.db, "县林业和草原局")
    item = items.supervise_indicator(web.db, ADMIN, Actor("admin"), "星湖县", "forest_coverage", [forestry])
    assert (
        items.supervise_indicator(web.db, ADMIN, Actor("admin"), "星湖县", "forest_coverage", [forestry])
        == item
    )
    out = run(web, "workflow", "items", "--region", "星湖县", "--unit", "县林业和草原局")
    assert "森林覆盖率" in out and "推进国土绿化和草原保护修复" in out
    out = run(
        web, "workflow", "milestone", "add", str(item), "--title", "完成年度造林", "--due", "2026-10-31"
    )
    assert "milestone 1" in out and "完成年度造林" in run(web, "workflow", "milestone", "list", str(item))
    assert "done on" in run(web, "workflow", "milestone", "done", "1", "--version", "1")
    assert "季度报送" in run(web, "workflow", "period", "季度", "--region", "星湖县")
    assert "deadline 2027-06-30" in run(web, "workflow", "deadline", str(item), "2027-06-30")


def test_supervising_from_the_pages(web: Web) -> None:
    admin = person(web, "admin")
    page = admin.client.get("/indicators/X00002/forest_coverage").text
    assert 'action="/supervision/indicators/X00002/forest_coverage"' in page and "列入督办" in page
    forestry = unit_id(web.db, "县林业和草原局")
    r = admin.post("/supervision/indicators/X00002/forest_coverage", {"unit_id": forestry})
    assert r.status_code == 303 and r.headers["location"].startswith("/supervision/items/")  # type: ignore[attr-defined]
    assert "该指标已列入督办" in admin.client.get("/indicators/X00002/forest_coverage").text
    projects = admin.client.get("/projects").text
    project = int(re.search(r'href="/supervision/projects/(\d+)"', projects).group(1))  # type: ignore[union-attr]
    form = admin.client.get(f"/supervision/projects/{project}").text
    assert "列入督办" in form and "县发展改革局" in form
    r = admin.post(
        f"/supervision/projects/{project}",
        {"unit_id": unit_id(web.db, "县发展改革局"), "deadline": "2026-12-31"},
    )
    item = r.headers["location"]  # type: ignore[attr-defined]
    assert (
        "项目" in admin.client.get(item).text
        and admin.client.get(f"/supervision/projects/{project}", follow_redirects=False).headers["location"]
        == item
    )
    assert "supervise-link" not in person(web, "leader").client.get("/projects").text
    assert "列入督办" not in person(web, "reviewer").client.get("/indicators/X00002/forest_coverage").text
    assert (
        person(web, "reviewer")
        .post("/supervision/indicators/X00002/forest_coverage", {"unit_id": forestry})
        .status_code
        == 403
    )  # type: ignore[attr-defined]
