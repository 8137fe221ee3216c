"""The supervision loop in a real browser (Debian's Chromium through Playwright, the suite's harness): a
reporter signs in and submits a report with an attachment, a reviewer approves it, the dashboard's task
status changes, and the audit log shows every step. With PLANWATCH_SCREENSHOTS=DIR the new pages are
saved there as workflow-*.png."""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from planwatch.services.workflow import demo
from planwatch.store.engine import Database
from planwatch.web.app import create_app
from tests.web.conftest import XINGHU, app_settings
from tests.web.test_browser import SHOTS, browser, free_port, login, page, wait_until
from tests.web.test_workflow_ledger import fill

__all__ = ["browser", "page"]  # the harness's fixtures, used here too
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a copy of the demo with the supervision demo seeded, served by uvicorn in a thread."""
    folder = tmp_path_factory.mktemp("workflow-browser")
    shutil.copy(demo_template, folder / "planwatch.db")
    cfg = app_settings(folder, f"sqlite:///{folder / 'planwatch.db'}")
    db = Database(cfg.database_url)
    assert demo.seed(db, cfg).created
    port = free_port()
    srv = uvicorn.Server(
        uvicorn.Config(create_app(cfg, db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)
    db.dispose()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        page.wait_for_timeout(800)
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=str(Path(SHOTS) / f"workflow-{name}.png"), full_page=name not in ("dashboard", "audit")
        )


def completed_count(page: Any, server: str) -> int:
    page.goto(f"{server}/dashboard?region={XINGHU}")
    return int(page.locator("#supervision-summary [data-task-status=completed] .count").inner_text())


def test_report_review_dashboard_and_audit(browser: Any, server: str, tmp_path: Path) -> None:
    def new_page() -> Any:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
        p = context.new_page()
        p.errors = []
        p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)
        p.on("pageerror", lambda e: p.errors.append(str(e)))
        return p

    admin = new_page()
    login(admin, server, "admin")
    before = completed_count(admin, server)
    shot(admin, "dashboard")

    reporter = new_page()
    login(reporter, server, "reporter")
    reporter.goto(f"{server}/supervision")
    assert "县发展改革局" in reporter.locator("#items").inner_text()
    shot(reporter, "supervision")
    reporter.click("#items a.item-link:has-text('推动绿色低碳转型')")
    reporter.wait_for_url(re.compile(r".*/supervision/items/\d+"))
    evidence = tmp_path / "碳排放核算报告.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% carbon accounting\n" + b"0" * 4000)
    form = reporter.locator("#report-form form")
    form.locator("select[name=progress]").select_option("completed")
    form.locator("input[name=percent]").fill("100")
    form.locator("textarea[name=narrative]").fill("全县碳排放统计核算体系建成,重点用能单位节能改造全部完成。")
    form.locator("input[name=files]").set_input_files(str(evidence))
    form.locator("button[type=submit]").click()
    reporter.wait_for_url(re.compile(r".*saved=\d+.*"))
    mine = reporter.locator("article.report[data-state=submitted]").first
    assert "碳排放核算报告.pdf" in mine.inner_text() and "待审核" in mine.inner_text()
    shot(reporter, "item")

    reviewer = new_page()
    login(reviewer, server, "reviewer")
    reviewer.goto(f"{server}/supervision/review")
    card = reviewer.locator("section.report:has-text('推动绿色低碳转型')")
    assert "碳排放核算报告.pdf" in card.inner_text()
    shot(reviewer, "review")
    card.locator("input[name=comment]").fill("数据完整,同意。")
    card.locator("button[value=approve]").click()
    reviewer.wait_for_url(re.compile(r".*/supervision/review$"))
    assert reviewer.locator("section.report:has-text('推动绿色低碳转型')").count() == 0

    assert completed_count(admin, server) == before + 1  # the dashboard's task status changed
    admin.goto(f"{server}/admin/audit")
    log = admin.locator("table.data tbody").inner_text()
    for who, what in (
        ("reporter", "登录"),
        ("reporter", "提交进展报告"),
        ("reviewer", "登录"),
        ("reviewer", "审核通过"),
    ):
        assert re.search(rf"{who}\s+{what}", log), (who, what)
    shot(admin, "audit")
    for p in (admin, reporter, reviewer):
        assert p.errors == [], p.errors


def test_other_workflow_pages(browser: Any, server: str, page: Any, tmp_path: Path) -> None:
    login(page, server, "admin")
    ledger = page.request.get(f"{server}/supervision/ledger?region={XINGHU}")
    assert ledger.ok
    bad = tmp_path / "星湖县台账(填报).xlsx"
    bad.write_bytes(fill(ledger.body(), {
        "绿色低碳转型": {"进展情况": "节能改造完成", "完成比例(%)": 120, "状态": "推进中"},
        "水安全保障": {"进展情况": "水库除险加固完工", "完成比例(%)": 80, "状态": "快完成了"},
        "row:7": {"任务编号": "T9999"},
    }))  # fmt: skip
    page.goto(f"{server}/supervision?region={XINGHU}")
    page.set_input_files("form.ledger-import input[type=file]", str(bad))
    page.click("form.ledger-import button")
    page.wait_for_selector("#ledger-result")
    assert page.locator("table.ledger-errors tbody tr").count() == 3 and "全部或全不" in page.inner_text(
        "#ledger-result"
    )
    shot(page, "ledger-import")
    page.goto(f"{server}/admin/feedback?state=approved")
    assert "希望公布各乡镇植树造林的具体面积" in page.inner_text("#feedback")
    shot(page, "feedback")
    page.goto(f"{server}/supervision?region={XINGHU}&status=overdue")
    assert page.locator("#items tbody tr").count() >= 3
    page.goto(f"{server}/tasks")
    page.locator("a.task-link:has-text('建设清洁能源基地')").first.click()
    page.wait_for_url(re.compile(r".*/supervision/items/\d+"))
    assert "已退回" in page.inner_text("#reports") and "请补充光伏装机容量" in page.inner_text("#reports")
    public = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN").new_page()
    public.goto(f"{server}/public/tasks")
    public.locator("a.task-link:has-text('推动绿色低碳转型')").first.click()
    wait_until(public, "() => !!document.querySelector('form.feedback-form')")
    public.fill("form.feedback-form textarea[name=body]", "希望公布节能改造企业名单。")
    public.click("form.feedback-form button")
    public.wait_for_url(re.compile(r".*sent=1.*"))
    assert "留言已收到" in public.inner_text("#feedback")
    shot(public, "public-task")
    # the ledger's result page answers 422 (nothing was imported), which the browser logs as a failed load
    assert [e for e in page.errors if "status of 422" not in e] == []
