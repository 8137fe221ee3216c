"""Every page, internal and public, on the demo: real figures, filters, order, evidence links."""

from __future__ import annotations

import re

import pytest

from planwatch.services.monitoring import status
from tests.web.conftest import XINGHU, Web

PAGES = ["/dashboard", f"/dashboard?region={XINGHU}&year=2023", f"/indicators/{XINGHU}/forest_coverage?year=2023",
         "/documents", "/documents/3", "/projects", "/tasks", "/regions", "/compare?indicator=forest_coverage",
         "/search?q=森林覆盖率", "/search?q=县"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_every_internal_page_opens(web: Web, path: str) -> None:
    web.login("leader")
    r = web.client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "规划实施监测评估系统" in r.text


@pytest.mark.parametrize("path", PAGES)
def test_every_portal_page_opens_without_login(web: Web, path: str) -> None:
    r = web.client.get("/public" + path)
    assert r.status_code == 200, r.text[:500]
    assert "公众门户" in r.text


def test_internal_pages_need_a_login(web: Web) -> None:
    r = web.client.get("/dashboard?region=X00002", follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/login?next=/dashboard?region=X00002"


def test_dashboard_counts_and_table_agree_with_the_monitor(web: Web) -> None:
    web.login("admin")
    html = web.client.get(f"/dashboard?region={XINGHU}&year=2023").text
    report = status(web.db, XINGHU, 2023, subregions=True)
    for s, n in report.counts().items():
        assert re.search(
            rf'status-card-{s.value.replace("_", "-")}".*?<span class="count">{n}</span>', html, re.S
        )
    assert html.count('class="indicator-link"') == len(report.items)
    # 森林覆盖率 2023: 19.75 % against 18.46 → 20.5, 63 % of the way at 60 % of the time
    row = re.search(r"森林覆盖率</a>.*?</tr>", html, re.S)
    assert row and "19.75 (2023)" in row.group(0) and "63%" in row.group(0) and "60%" in row.group(0)


def test_lagging_indicators_come_first(web: Web) -> None:
    web.login("admin")
    html = web.client.get(f"/dashboard?region={XINGHU}&year=2023").text
    rows = re.findall(r'<tr class="row-([a-z-]+)">', html)
    rank = {"off-track": 0, "at-risk": 1}
    ranks = [rank.get(r, 2) for r in rows]
    assert ranks == sorted(ranks) and ranks[0] == 0


def test_filters(web: Web) -> None:
    web.login("admin")
    base = f"/dashboard?region={XINGHU}&year=2023"
    binding = web.client.get(base + "&attribute=binding").text
    assert "森林覆盖率" in binding and "旅游总收入" not in binding
    risky = web.client.get(base + "&status=at_risk").text
    assert set(re.findall(r'<tr class="row-([a-z-]+)">', risky)) == {"at-risk"}
    green = web.client.get(base + "&category=绿色生态").text
    assert "森林覆盖率" in green and "地区生产总值增长率" not in green


def test_htmx_filter_returns_the_table(web: Web) -> None:
    web.login("admin")
    r = web.client.get(
        f"/dashboard?region={XINGHU}&year=2023&status=off_track", headers={"HX-Request": "true"}
    )
    assert r.status_code == 200 and 'id="indicator-table"' in r.text


def test_indicator_page_has_both_views_chart_and_evidence(web: Web) -> None:
    web.login("admin")
    html = web.client.get(f"/indicators/{XINGHU}/forest_coverage?year=2023").text
    assert "时序进度" in html and "速度(年均)" in html
    assert 'data-chart="path"' in html and '"years": [2020, 2021, 2022, 2023, 2024, 2025]' in html
    links = re.findall(r'href="(/documents/\d+\?hl=\d+-\d+)" class="evidence-link">([^<]*)<', html)
    assert any("19.75" in text for _href, text in links), links
    href = next(h for h, t in links if "19.75" in t)
    viewer = web.client.get(href.split("#")[0]).text
    assert re.search(r'<mark class="fact hl"[^>]*id="hl">[^<]*19\.75', viewer)


def test_document_viewer_marks_every_fact(web: Web) -> None:
    web.login("admin")
    html = web.client.get("/documents/3").text
    items = re.findall(r'<li class="fact-item type-(\w+)" data-ref="(\w+)"', html)
    assert len(items) > 50
    for _type, ref in items[:20]:
        assert re.search(rf'data-refs="[^"]*\b{ref}\b', html)


def test_unknown_things_give_chinese_404_pages(web: Web) -> None:
    web.login("admin")
    for path in (
        "/documents/99999",
        "/no-such-page",
        f"/indicators/{XINGHU}/no_such_code",
        "/dashboard?region=火星县",
    ):
        r = web.client.get(path)
        assert r.status_code == 404, path
        assert "页面不存在" in r.text and "<html" in r.text


def test_tasks_by_unit_and_projects(web: Web) -> None:
    web.login("admin")
    tasks = web.client.get("/tasks").text
    assert "牵头任务" in tasks and "县发展改革局" in tasks
    projects = web.client.get("/projects").text
    assert "专栏" in projects


def test_region_tree_and_comparison(web: Web) -> None:
    web.login("admin")
    tree = web.client.get("/regions").text
    assert tree.index("白鹭市") < tree.index("星湖县") and "云岭县" in tree
    compare = web.client.get("/compare?indicator=forest_coverage&year=2023").text
    assert "星湖县" in compare and "云岭县" in compare and 'data-chart="compare"' in compare


def test_report_download(web: Web) -> None:
    web.login("admin")
    r = web.client.get(f"/reports/{XINGHU}?year=2023&format=html")
    assert r.status_code == 200 and "星湖县" in r.text
    docx = web.client.get(f"/reports/{XINGHU}?year=2023&format=docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert "attachment" in docx.headers["content-disposition"]
