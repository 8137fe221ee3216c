"""Safety of the workflow: every state-changing call needs the CSRF token; the session cookie is HttpOnly
and SameSite; a client address that fails to log in too often is refused (429) whatever account it
tries; the SMTP password never reaches a log, an error or the settings' repr."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date

import pytest
from fastapi.testclient import TestClient

from planwatch.auth.errors import LoginFailedError
from planwatch.errors import PlanWatchError, RateLimitedError
from planwatch.services import login, users
from planwatch.services.audit import Actor, events
from planwatch.services.workflow import remind
from planwatch.store.repo import workflow as repo
from planwatch.web.app import create_app
from planwatch.workflow.mail import Reminder, SmtpConfig, send
from tests.web.conftest import PASSWORDS, Web, csrf_of
from tests.web.workflow_support import item_id, person, unit_id


def test_state_changes_without_the_csrf_token_are_refused(web: Web) -> None:
    me = person(web, "admin")
    item, unit = item_id(web.db, "绿色低碳转型"), unit_id(web.db, "县发展改革局")
    posts = [
        (f"/supervision/items/{item}/reports", {"unit_id": unit, "period": "2025Q3", "progress": "in_progress",
                                                 "percent": "10", "narrative": "x"}),
        (f"/supervision/items/{item}/milestones", {"title": "节点", "due": "2027-01-01"}),
        (f"/supervision/items/{item}/deadline", {"deadline": "2027-01-01", "version": 1}),
        ("/supervision/reports/1/review", {"decision": "approve", "version": 1}),
        ("/admin/feedback/1", {"approve": 1}),
        ("/public/feedback", {"object_type": "task", "object_key": str(item), "body": "x"}),
    ]  # fmt: skip
    for path, data in posts:
        for token in (None, "forged-token"):
            r = me.client.post(
                path, data={**data, **({"csrf_token": token} if token else {})}, follow_redirects=False
            )
            assert r.status_code == 403 and "CSRF" in r.text, (path, token)
    r = me.client.post(f"/api/v1/workflow/items/{item}/reports", json={"unit_id": unit, "period": "2025Q3",
                       "progress": "推进中", "percent": 10, "narrative": "x"})  # fmt: skip
    assert r.status_code == 403 and r.json()["error"]["code"] == "csrf_failed"
    with web.db.session() as session:
        assert repo.reports(session) == [] and repo.milestones(session, [item])[item] == []


def test_session_cookie_is_httponly_and_samesite(web: Web) -> None:
    client = TestClient(web.client.app)
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"username": "reporter", "password": PASSWORDS["reporter"], "csrf_token": token},
                    follow_redirects=False)  # fmt: skip
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("pw_session="))
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie


def test_login_rate_limit_per_address(web: Web) -> None:
    """GIVEN at most 3 failed logins per address WHEN one address fails with three different names THEN even
    the right password is refused from it (429, Retry-After), while another address signs in."""
    strict = replace(web.settings, login_ip_max_failures=3, login_ip_window_minutes=10)
    app = create_app(strict, web.db)
    attacker = TestClient(app, client=("198.51.100.7", 40000))
    for name in ("admin", "reviewer", "nobody"):
        token = csrf_of(attacker.get("/login").text)
        r = attacker.post(
            "/login", data={"username": name, "password": "Wrong-pass-2026", "csrf_token": token}
        )
        assert r.status_code == 401
    token = csrf_of(attacker.get("/login").text)
    r = attacker.post(
        "/login", data={"username": "leader", "password": PASSWORDS["leader"], "csrf_token": token}
    )
    assert r.status_code == 429 and "登录失败次数过多" in r.text and r.headers["retry-after"] == "600"
    assert events(web.db, action="login_rate_limited")[1] == 1
    other = TestClient(app, client=("203.0.113.20", 40000))
    token = csrf_of(other.get("/login").text)
    r = other.post("/login", data={"username": "leader", "password": PASSWORDS["leader"], "csrf_token": token},
                   follow_redirects=False)  # fmt: skip
    assert r.status_code == 303  # the account itself is not locked


def test_login_rate_limit_on_both_databases(any_web: Web) -> None:
    strict = replace(any_web.settings, login_ip_max_failures=2)
    for _ in range(2):
        with pytest.raises(LoginFailedError):
            login.login(any_web.db, strict, "admin", "Wrong-pass-2026", ip="192.0.2.1")
    with pytest.raises(RateLimitedError):
        login.login(any_web.db, strict, "admin", PASSWORDS["admin"], ip="192.0.2.1")
    _token, signed = login.login(any_web.db, strict, "admin", PASSWORDS["admin"], ip="192.0.2.2")
    assert signed.principal.username == "admin"


def test_the_smtp_password_stays_secret(web: Web, caplog: pytest.LogCaptureFixture) -> None:
    secret = "Smtp-secret-2026"
    cfg = replace(web.settings, smtp_host="127.0.0.1", smtp_port=9, smtp_from="pw@example.gov.cn",
                  smtp_user="pw", smtp_password=secret)  # fmt: skip
    assert secret not in repr(cfg)
    users.set_email(web.db, "reporter", "ndrc@example.gov.cn", Actor("test"))
    caplog.set_level(logging.DEBUG)
    with pytest.raises(PlanWatchError) as info:  # nothing listens on port 9
        remind.remind(web.db, cfg, Actor("cli:test"), today=date(2025, 12, 20))
    assert secret not in str(info.value) and secret not in caplog.text
    with pytest.raises(PlanWatchError):
        send(
            [Reminder("a@example.gov.cn", "a", "县", ())],
            SmtpConfig("127.0.0.1", 9, "pw@example.gov.cn", "bogus"),
        )
    for e in events(web.db, limit=200)[0]:
        assert secret not in str(e.after) and secret not in str(e.before)
