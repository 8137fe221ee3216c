"""The app in a real browser: Debian's Chromium driven by Playwright (never a downloaded browser),
against a live server on a free port with the demo loaded. With PLANWATCH_SCREENSHOTS=DIR set, the
main pages are also saved there as web-*.png (how docs/screenshots/ is made)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from planwatch.store.engine import Database
from planwatch.web.app import create_app
from tests.web.conftest import PASSWORDS, XINGHU, app_settings

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip
SHOTS = os.environ.get("PLANWATCH_SCREENSHOTS")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by uvicorn in a thread; its base URL."""
    folder = tmp_path_factory.mktemp("browser")
    shutil.copy(demo_template, folder / "planwatch.db")
    cfg = app_settings(folder, f"sqlite:///{folder / 'planwatch.db'}")
    db = Database(cfg.database_url)
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (make test installs it: scripts/ensure-system-deps.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (no cookies) with a page that records console errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="zh-CN")
    p = context.new_page()
    p.errors = []  # type: ignore[attr-defined]
    p.on("console", lambda m: p.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    p.on("pageerror", lambda e: p.errors.append(str(e)))  # type: ignore[attr-defined]
    yield p
    context.close()


def login(page: Any, server: str, user: str = "admin") -> None:
    page.goto(f"{server}/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", PASSWORDS[user])
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/dashboard.*"))


def shot(page: Any, name: str) -> None:
    if SHOTS:
        page.wait_for_timeout(1500)  # let the charts' opening animation finish
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"web-{name}.png"))


def wait_until(page: Any, script: str, timeout: float = 10.0) -> None:
    """Poll a JavaScript function until it returns true (``wait_for_function`` would need 'unsafe-eval',
    which the pages' CSP rightly refuses)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        page.wait_for_timeout(50)


def charts_drawn(page: Any) -> int:
    """How many chart areas hold a drawn canvas."""
    wait_until(page, "() => document.querySelectorAll('[data-chart]').length === "
                     "document.querySelectorAll('[data-chart] canvas').length")  # fmt: skip
    return int(page.locator("[data-chart] canvas").count())


PAGES = ["/dashboard", f"/indicators/{XINGHU}/forest_coverage?year=2023", "/documents", "/documents/3", "/projects",
         "/tasks", "/regions", "/compare?indicator=forest_coverage&year=2023", "/search?q=森林覆盖率"]  # fmt: skip


def test_every_page_renders_without_errors(page: Any, server: str) -> None:
    login(page, server, "leader")
    for base in ("", "/public"):
        for path in PAGES:
            response = page.goto(server + base + path)
            assert response.status == 200, path
            assert page.locator("header .brand-name").inner_text() == "规划实施监测评估系统"
            if page.locator("[data-chart]").count():
                assert charts_drawn(page) >= 1, path
    assert page.errors == [], page.errors  # no CSP violation, no script error


def test_dashboard_to_indicator_to_evidence_to_document(page: Any, server: str) -> None:
    login(page, server)
    page.goto(f"{server}/dashboard?region={XINGHU}&year=2023")
    shot(page, "dashboard")
    page.select_option("select[name=status]", "on_track")  # htmx swaps the table
    wait_until(page, "() => !document.querySelector('#indicator-table tr.row-off-track')")
    assert (
        page.locator("#indicator-table tbody tr").count()
        == page.locator("#indicator-table tr.row-on-track").count()
    )
    page.click("a.indicator-link:text-is('森林覆盖率')")
    page.wait_for_url(re.compile(r".*/indicators/.*forest_coverage.*"))
    assert charts_drawn(page) == 1
    shot(page, "indicator")
    page.click("a.evidence-link:has-text('19.75')")
    page.wait_for_url(re.compile(r".*/documents/\d+\?hl=.*"))
    mark = page.locator("mark#hl")
    assert "19.75" in mark.inner_text()
    assert mark.is_visible() and _in_viewport(page, "mark#hl")
    shot(page, "document")


def _in_viewport(page: Any, selector: str) -> bool:
    return bool(page.evaluate(
        """s => { const r = document.querySelector(s).getBoundingClientRect();
                  const box = document.getElementById('doc-text').getBoundingClientRect();
                  return r.top >= box.top && r.bottom <= box.bottom && r.top >= 0 && r.bottom <= innerHeight; }""",
        selector))  # fmt: skip


def test_fact_list_scrolls_to_its_sentence(page: Any, server: str) -> None:
    login(page, server)
    page.goto(f"{server}/documents/3")
    items = page.locator(".fact-item a[data-ref]")
    last = items.nth(items.count() - 1)
    ref = last.get_attribute("data-ref")
    last.click()
    marked = page.locator(f"mark.active[data-refs~='{ref}']").first
    assert marked.is_visible()
    wait_until(
        page,
        f"() => {{ const m = document.querySelector(\"mark.active[data-refs~='{ref}']\").getBoundingClientRect();"
        " return m.top >= 0 && m.bottom <= innerHeight; }",
    )  # fmt: skip (smooth scrolling takes a moment)


def test_search_to_document(page: Any, server: str) -> None:
    page.goto(f"{server}/public/search")
    page.fill("input[name=q]", "森林覆盖率")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".results li")
    assert page.locator(".results .snippet mark").first.inner_text() == "森林覆盖率"
    shot(page, "search")
    page.locator(".result-title").first.click()
    page.wait_for_selector("mark#hl")
    assert page.locator("mark#hl").inner_text().startswith("森林覆盖率")


def test_admin_uploads_a_file_and_sees_it_ingested(page: Any, server: str, tmp_path: Path) -> None:
    file = tmp_path / "星湖县萤火虫保护通知.txt"
    file.write_text("星湖县关于加强萤火虫栖息地保护的通知\n\n星湖县人民政府办公室\n"
                    "一、到2025年,萤火虫栖息地面积达到120公顷。\n", "utf-8")  # fmt: skip
    login(page, server)
    page.goto(f"{server}/documents")
    page.set_input_files("input[type=file]", str(file))
    page.click("form.upload button[type=submit], section.upload button[type=submit]")
    page.wait_for_selector("#upload-result .alert")
    assert "已入库" in page.locator("#upload-result").inner_text()
    page.click("#upload-result a.upload-open")
    page.wait_for_selector("#doc-text")
    assert "萤火虫栖息地面积达到120公顷" in page.locator("#doc-text").inner_text()
    page.goto(f"{server}/search?q=萤火虫")
    assert page.locator(".results li").count() == 1


def test_public_portal_hides_unpublished_items(page: Any, server: str) -> None:
    page.goto(f"{server}/public/dashboard")
    charts_drawn(page)
    shot(page, "portal")
    page.goto(f"{server}/public/documents")
    titles = page.locator("table.data tbody td:first-child a").all_inner_texts()
    assert titles and all("云岭县" not in t for t in titles)
    page.goto(f"{server}/public/dashboard?region=X00003")
    assert page.locator("a.indicator-link").count() == 0
    response = page.goto(f"{server}/public/indicators/X00003/forest_coverage")
    assert response.status == 404 and "页面不存在" in page.inner_text("h1")
    page.goto(f"{server}/dashboard")
    page.wait_for_url(re.compile(r".*/login\?next=.*"))


def test_region_comparison_and_api_docs(page: Any, server: str) -> None:
    login(page, server)
    page.goto(f"{server}/compare?indicator=forest_coverage&year=2023")
    assert charts_drawn(page) == 1
    assert page.locator("table.data tbody tr").count() == 2
    shot(page, "compare")
    page.goto(f"{server}/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=15000)
    assert page.locator(".swagger-ui .opblock").count() >= 12
    shot(page, "api-docs")
