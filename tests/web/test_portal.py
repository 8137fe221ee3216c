"""The public portal shows what is published, and only that; publishing is an admin action, audited."""

from __future__ import annotations

import re

from planwatch.services.audit import events
from tests.web.conftest import XINGHU, Web

YUNLING = "X00003"


def test_portal_hides_unpublished_regions_documents_and_indicators(web: Web) -> None:
    docs = web.client.get("/public/documents").text
    assert "星湖县国民经济和社会发展第十四个五年规划" in docs and "云岭县国民经济" not in docs
    assert web.client.get(f"/public/dashboard?region={YUNLING}").text.count('class="indicator-link"') == 0
    assert web.client.get(f"/public/indicators/{YUNLING}/forest_coverage").status_code == 404
    yunling_doc = int(re.search(r'/documents/(\d+)">云岭县', _internal_docs(web)).group(1))  # type: ignore[union-attr]
    web.client.cookies.clear()
    assert web.client.get(f"/public/documents/{yunling_doc}").status_code == 404
    assert "云岭县" not in web.client.get("/public/search?q=森林覆盖率").text
    compare = web.client.get("/public/compare?indicator=forest_coverage&year=2023").text
    assert "星湖县" in compare and "云岭县" not in compare


def _internal_docs(web: Web) -> str:
    web.login("admin")
    return web.client.get("/documents").text


def test_signed_in_users_see_the_portal_as_the_public_does(web: Web) -> None:
    web.login("admin")
    assert "云岭县国民经济" not in web.client.get("/public/documents").text
    assert "云岭县国民经济" in web.client.get("/documents").text


def test_admin_publishes_and_withdraws_with_an_audit_trail(web: Web) -> None:
    token = web.login("admin")
    html = web.client.get("/documents").text
    doc_id = int(re.search(r'/documents/(\d+)">云岭县国民经济', html).group(1))  # type: ignore[union-attr]
    r = web.client.post(f"/documents/{doc_id}/publish", data={"on": "1", "with_indicators": "1", "csrf_token": token},
                        follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    web.client.cookies.clear()
    assert web.client.get(f"/public/documents/{doc_id}").status_code == 200
    assert web.client.get(f"/public/dashboard?region={YUNLING}").text.count('class="indicator-link"') > 10
    token = web.login("admin")
    r = web.client.post(
        f"/indicators/{YUNLING}/forest_coverage/publish", data={"on": "0", "csrf_token": token}
    )
    assert r.status_code == 200
    web.client.cookies.clear()
    assert web.client.get(f"/public/indicators/{YUNLING}/forest_coverage").status_code == 404
    logged = events(web.db, object_type="indicator", object_id=f"{YUNLING}|forest_coverage")[0]
    assert [e.action for e in logged] == ["unpublish", "publish"]
    assert logged[0].actor == "admin" and logged[0].before == {"published": True}


def test_reviewers_cannot_publish(web: Web) -> None:
    token = web.login("reviewer")
    r = web.client.post(
        f"/indicators/{XINGHU}/forest_coverage/publish", data={"on": "0", "csrf_token": token}
    )
    assert r.status_code == 403 and "无权" in r.text


def test_audit_page_is_for_admins(web: Web) -> None:
    web.login("leader")
    assert web.client.get("/admin/audit").status_code == 403
    web.client.cookies.clear()
    web.login("admin")
    page = web.client.get("/admin/audit").text
    assert "登录" in page and "公开" in page
    assert web.client.get("/admin/users").status_code == 200
