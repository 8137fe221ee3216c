"""Public comments: anonymous visitors comment on published indicators and tasks (CSRF double submit),
a per-address limit holds, comments wait for moderation and appear once approved."""

from __future__ import annotations

from dataclasses import replace

from fastapi.testclient import TestClient

from planwatch.services.audit import events
from planwatch.services.workflow import feedback
from planwatch.store.repo import workflow as repo
from planwatch.web.app import create_app
from tests.web.conftest import Web
from tests.web.workflow_support import Person, person

FOREST = "/public/indicators/X00002/forest_coverage"


def comment(visitor: Person, body: str, key: str = "X00002|forest_coverage") -> int:
    r = visitor.post("/public/feedback", {"object_type": "indicator", "object_key": key, "body": body,
                                          "author": "星湖居民", "back": FOREST})  # fmt: skip
    return int(r.status_code)  # type: ignore[attr-defined]


def test_comment_moderate_and_show(web: Web) -> None:
    visitor = person(web, None)
    page = TestClient(web.client.app).get(FOREST)  # a first visit gets the form's CSRF cookie
    assert page.status_code == 200 and 'action="/public/feedback"' in page.text
    assert page.headers["set-cookie"].startswith("pw_csrf=") and "HttpOnly" in page.headers["set-cookie"]
    assert comment(visitor, "建议公布各乡镇造林面积") == 303
    assert "建议公布各乡镇造林面积" not in visitor.client.get(FOREST).text  # held for moderation
    (pending,) = feedback.queue(web.db)
    reviewer = person(web, "reviewer")
    assert "建议公布各乡镇造林面积" in reviewer.client.get("/admin/feedback").text
    assert reviewer.post(f"/admin/feedback/{pending.id}", {"approve": 1}).status_code == 303  # type: ignore[attr-defined]
    shown = visitor.client.get(FOREST).text
    assert "建议公布各乡镇造林面积" in shown and "星湖居民" in shown
    assert [e.action for e in events(web.db, object_type="feedback")[0]] == [
        "feedback_approve",
        "feedback_add",
    ]
    assert person(web, "reporter").post(f"/admin/feedback/{pending.id}", {"approve": 0}).status_code == 403  # type: ignore[attr-defined]


def test_without_the_form_token_a_comment_is_refused(web: Web) -> None:
    r = TestClient(web.client.app).post("/public/feedback", data={"object_type": "indicator",
                                                                  "object_key": "X00002|forest_coverage", "body": "x"})  # fmt: skip
    assert r.status_code == 403 and "CSRF" in r.text


def test_the_per_address_limit(web: Web) -> None:
    limited = replace(web.settings, feedback_max=2, feedback_window_minutes=10)
    with TestClient(create_app(limited, web.db)) as client:
        visitor = person(Web(web.db, limited, client), None)
        assert [comment(visitor, f"第{n}条留言") for n in range(3)] == [303, 303, 429]
    r = visitor.client.post("/public/feedback", data={"csrf_token": visitor.csrf, "object_type": "indicator",
                                                      "object_key": "X00002|forest_coverage", "body": "再来"})  # fmt: skip
    assert r.status_code == 429 and "留言过于频繁" in r.text and r.headers["retry-after"] == "600"
    assert len(feedback.queue(web.db)) == 2


def test_comments_on_tasks_and_what_is_checked(web: Web) -> None:
    visitor = person(web, None)
    with web.db.session() as session:
        item = next(i for i in repo.items(session, kind="task") if "绿色低碳转型" in i.title)
    page = visitor.client.get(f"/public/task/{item.task_id}")
    assert page.status_code == 200 and "公众留言" in page.text
    r = visitor.post("/public/feedback", {"object_type": "task", "object_key": str(item.id), "body": "进展如何?",
                                          "back": f"/public/task/{item.task_id}"})  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == f"/public/task/{item.task_id}?sent=1#feedback"  # type: ignore[attr-defined]
    assert "留言已收到" in visitor.client.get(f"/public/task/{item.task_id}?sent=1").text
    for data, status in (({"body": ""}, 422), ({"body": "长" * 1001}, 422), ({"object_type": "project"}, 422),
                         ({"back": "//evil.example/"}, 303)):  # fmt: skip
        r = visitor.post(
            "/public/feedback", {"object_type": "task", "object_key": str(item.id), "body": "好", **data}
        )
        assert r.status_code == status, data  # type: ignore[attr-defined]
        if status == 303:
            assert r.headers["location"].startswith("/public/dashboard")  # type: ignore[attr-defined]
    assert "<script>" not in visitor.client.get(f"/public/task/{item.task_id}").text
