"""Full-text search in Chinese on both databases: trigram index for 3+ characters, a scan for shorter
terms, kept in step with ingest (new versions found, superseded ones not)."""

from __future__ import annotations

from planwatch.services.ingest import ingest
from planwatch.services.scope import INTERNAL, PUBLIC
from planwatch.services.search import mark, search
from tests.web.conftest import Web


def test_long_and_short_terms(any_web: Web) -> None:
    db = any_web.db
    long = search(db, INTERNAL, "森林覆盖率")
    assert long.total >= 5 and all(
        any(hit and text == "森林覆盖率" for text, hit in h.snippet) for h in long.items
    )
    one = search(db, INTERNAL, "县")  # one character: the scan
    assert one.total >= long.total
    both = search(db, INTERNAL, "森林覆盖率 草原")
    assert 0 < both.total <= long.total
    assert search(db, INTERNAL, "没有这样的词语").total == 0


def test_scope_limits_results(any_web: Web) -> None:
    internal = {h.title for h in search(any_web.db, INTERNAL, "森林覆盖率", limit=50).items}
    public = {h.title for h in search(any_web.db, PUBLIC, "森林覆盖率", limit=50).items}
    assert public < internal and all("云岭县" not in t for t in public)


def test_hit_position_points_into_the_text(any_web: Web) -> None:
    any_web.login("admin")
    hits = any_web.client.get("/api/v1/search", params={"q": "森林覆盖率", "limit": 3}).json()["items"]
    for h in hits:
        doc = any_web.client.get(f"/api/v1/documents/{h['document_id']}", params={"text": "true"}).json()
        assert doc["text"][h["position"] : h["position"] + 5] == "森林覆盖率"
        start, end = h["highlights"][0]
        assert h["snippet"][start:end] == "森林覆盖率"


def test_index_follows_ingest(any_web: Web, tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    path = folder / "notice.txt"
    path.write_text("星湖县关于推进萤火虫栖息地保护的通知\n\n一、萤火虫栖息地面积达到120公顷。\n", "utf-8")
    ingest(any_web.db, any_web.settings, [path])
    assert search(any_web.db, INTERNAL, "萤火虫栖息地").total == 1
    path.write_text("星湖县关于推进萤火虫栖息地保护的通知\n\n一、湿地面积达到300公顷。\n", "utf-8")
    ingest(any_web.db, any_web.settings, [path])  # a new version supersedes the old one
    assert search(any_web.db, INTERNAL, "湿地面积").total >= 1
    assert search(any_web.db, INTERNAL, "萤火虫栖息地面积").total == 0


def test_mark_is_case_insensitive_and_prefers_longer_terms() -> None:
    assert mark("单位GDP能耗与gdp", ["gdp", "单位GDP"]) == [
        ("单位GDP", True),
        ("能耗与", False),
        ("gdp", True),
    ]
