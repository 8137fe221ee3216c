"""The REST API: pages with totals, filters, the public/internal scope, and one error shape."""

from __future__ import annotations

import pytest

from planwatch.services.monitoring import status
from tests.web.conftest import XINGHU, Web

ERROR_KEYS = {"code", "message", "detail"}


def error_of(r: object) -> dict[str, object]:
    body = r.json()  # type: ignore[attr-defined]
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS, body
    return body["error"]  # type: ignore[no-any-return]


def test_status_of_one_region(any_web: Web) -> None:
    any_web.login("leader")
    r = any_web.client.get("/api/v1/status", params={"region": "星湖县", "year": 2023, "limit": 5})
    assert r.status_code == 200
    body = r.json()
    report = status(any_web.db, "星湖县", 2023)
    assert body["region_code"] == XINGHU and body["year"] == 2023
    assert body["summary"] == {s.value: n for s, n in report.counts().items()}
    assert body["indicators"]["total"] == len(report.items) and len(body["indicators"]["items"]) == 5
    forest = any_web.client.get("/api/v1/status", params={"region": "星湖县", "year": 2023, "category": "绿色生态",
                                                          "limit": 100}).json()  # fmt: skip
    row = next(i for i in forest["indicators"]["items"] if i["code"] == "forest_coverage")
    assert (row["actual"], row["progress"], row["status"]) == (19.75, 0.6324, "on_track")


def test_pagination_walks_the_whole_list(web: Web) -> None:
    seen, offset, total = [], 0, None
    while offset is not None:
        page = web.client.get(
            "/api/v1/facts", params={"type": "projects", "limit": 7, "offset": offset}
        ).json()
        total = page["total"]
        seen += [f["ref"] for f in page["items"]]
        offset = page["next_offset"]
    assert total and len(seen) == total == len(set(seen))


def test_public_api_sees_only_published(web: Web) -> None:
    public = web.client.get("/api/v1/documents", params={"limit": 100}).json()
    assert public["total"] == 6 and {d["region"] for d in public["items"]} == {"星湖县"}
    web.login("reviewer")
    internal = web.client.get("/api/v1/documents", params={"limit": 100}).json()
    assert internal["total"] > public["total"]
    assert "云岭县" in {d["region"] for d in internal["items"]}


def test_public_status_hides_unpublished_indicators(web: Web) -> None:
    yunling = web.client.get("/api/v1/status", params={"region": "云岭县"}).json()
    assert yunling["indicators"]["total"] == 0 and sum(yunling["summary"].values()) == 0
    xinghu = web.client.get("/api/v1/status", params={"region": "星湖县"}).json()
    assert xinghu["indicators"]["total"] > 20


def test_document_with_text_and_facts(web: Web) -> None:
    doc = web.client.get("/api/v1/documents/3", params={"text": "true"}).json()
    facts = web.client.get("/api/v1/facts", params={"type": "indicators", "document": 3, "limit": 500}).json()
    assert facts["total"] == doc["counts"]["indicators"] > 0
    for f in facts["items"]:  # evidence spans index the document text
        assert doc["text"][f["evidence_start"] : f["evidence_end"]] == f["evidence_quote"]


def test_catalogue_and_observations(web: Web) -> None:
    entry = web.client.get("/api/v1/indicators/forest_coverage").json()
    assert entry["name"] == "森林覆盖率" and entry["unit"] == "%"
    web.login("admin")
    obs = web.client.get("/api/v1/observations", params={"region": "星湖县", "indicator": "forest_coverage",
                                                         "year": 2023}).json()  # fmt: skip
    assert 19.75 in {o["value"] for o in obs["items"]}


def test_regions(web: Web) -> None:
    page = web.client.get("/api/v1/regions", params={"parent": "白鹭市"}).json()
    assert {r["name"] for r in page["items"]} >= {"星湖县", "云岭县"}
    one = web.client.get(f"/api/v1/regions/{XINGHU}").json()
    assert one["path"].endswith("白鹭市 › 星湖县")


@pytest.mark.parametrize(
    ("path", "params", "status", "code"),
    [
        ("/api/v1/documents/99999", {}, 404, "not_found"),
        ("/api/v1/nothing-here", {}, 404, "not_found"),
        ("/api/v1/status", {}, 422, "validation_error"),
        ("/api/v1/status", {"region": "火星县"}, 404, "not_found"),
        ("/api/v1/documents", {"limit": 0}, 422, "validation_error"),
        ("/api/v1/facts", {"type": "rumours"}, 422, "validation_error"),
        ("/api/v1/search", {"q": " "}, 422, "validation_error"),
        ("/api/v1/indicators/no_such_entry", {}, 404, "not_found"),
    ],
)
def test_errors_have_one_shape(
    web: Web, path: str, params: dict[str, object], status: int, code: str
) -> None:
    r = web.client.get(path, params=params)
    assert r.status_code == status
    assert error_of(r)["code"] == code


def test_state_changing_calls_need_login_permission_and_csrf(web: Web) -> None:
    body = {"document_id": 7, "on": True}
    assert error_of(web.client.post("/api/v1/publications", json=body))["code"] == "csrf_failed"
    token = web.login("leader")
    r = web.client.post("/api/v1/publications", json=body, headers={"X-CSRF-Token": token})
    assert r.status_code == 403 and error_of(r)["code"] == "permission_denied"
    web.client.cookies.clear()
    token = web.login("admin")
    r = web.client.post("/api/v1/publications", json=body)
    assert r.status_code == 403 and error_of(r)["code"] == "csrf_failed"
    r = web.client.post("/api/v1/publications", json=body, headers={"X-CSRF-Token": token})
    assert r.status_code == 200 and r.json()["documents"] == 1


def test_anonymous_write_is_refused_even_with_a_token(web: Web) -> None:
    page = web.client.get("/login")
    from tests.web.conftest import csrf_of

    token = csrf_of(page.text)
    r = web.client.post("/api/v1/publications", json={"document_id": 7}, headers={"X-CSRF-Token": token})
    assert r.status_code == 401 and error_of(r)["code"] == "not_authenticated"


def test_openapi_document(web: Web) -> None:
    spec = web.client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/v1/regions", "/api/v1/documents", "/api/v1/facts", "/api/v1/indicators", "/api/v1/observations",
            "/api/v1/status", "/api/v1/search"} <= paths  # fmt: skip
    assert not any(p.startswith(("/dashboard", "/public", "/login")) for p in paths)
    docs = web.client.get("/docs")
    assert (
        docs.status_code == 200
        and "/vendor/swagger-ui-bundle.js" in docs.text
        and "<script>" not in docs.text
    )
