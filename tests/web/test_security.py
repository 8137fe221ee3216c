"""Safety: CSRF, cookie flags, security headers, escaping of document text, upload limits and types,
lockout through the login form."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from planwatch.services.audit import events
from planwatch.web.app import create_app
from tests.web.conftest import PASSWORDS, Web, csrf_of

EVIL = (
    "星湖县关于<script>alert('x')</script>的通知\n\n"
    "星湖县人民政府办公室\n"
    "一、森林覆盖率达到19.9%,<img src=x onerror=alert(1)>同比增长5%。\n"
    "二、地区生产总值完成108.6亿元。\n"
)


def upload(web: Web, name: str, content: bytes, token: str | None) -> object:
    data = {"csrf_token": token} if token else {}
    return web.client.post("/documents/upload", data=data, files={"file": (name, content, "text/plain")},
                           headers={"HX-Request": "true"})  # fmt: skip


def test_forms_without_the_csrf_token_are_refused(web: Web) -> None:
    web.login("admin")
    r = web.client.post("/documents/7/publish", data={"on": "1"})
    assert r.status_code == 403 and "CSRF" in r.text
    r = web.client.post("/documents/7/publish", data={"on": "1", "csrf_token": "forged"})
    assert r.status_code == 403
    r = web.client.post("/logout")
    assert r.status_code == 403


def test_login_form_needs_its_own_token(web: Web) -> None:
    r = web.client.post(
        "/login", data={"username": "admin", "password": PASSWORDS["admin"]}, follow_redirects=False
    )
    assert r.status_code == 403
    token = csrf_of(web.client.get("/login").text)
    r = web.client.post("/login", data={"username": "admin", "password": PASSWORDS["admin"], "csrf_token": token},
                        follow_redirects=False)  # fmt: skip
    assert r.status_code == 303 and r.headers["location"] == "/dashboard"


def test_login_redirects_only_to_local_pages(web: Web) -> None:
    token = csrf_of(web.client.get("/login").text)
    r = web.client.post("/login", data={"username": "admin", "password": PASSWORDS["admin"], "csrf_token": token,
                                        "next": "//evil.example/"}, follow_redirects=False)  # fmt: skip
    assert r.headers["location"] == "/dashboard"


def test_cookie_flags_over_http_and_https(web: Web) -> None:
    r = web.client.get("/login")
    anon = r.headers["set-cookie"]
    assert "HttpOnly" in anon and "SameSite=lax" in anon and "Secure" not in anon
    token = csrf_of(r.text)
    r = web.client.post("/login", data={"username": "admin", "password": PASSWORDS["admin"], "csrf_token": token},
                        follow_redirects=False)  # fmt: skip
    session = next(c for c in r.headers.get_list("set-cookie") if c.startswith("pw_session="))
    assert (
        "HttpOnly" in session
        and "SameSite=lax" in session
        and "Path=/" in session
        and "Secure" not in session
    )
    with TestClient(web.client.app, base_url="https://planwatch.example") as https:
        r = https.get("/login")
        assert "Secure" in r.headers["set-cookie"]
        token = csrf_of(r.text)
        r = https.post("/login", data={"username": "admin", "password": PASSWORDS["admin"], "csrf_token": token},
                       follow_redirects=False)  # fmt: skip
        session = next(c for c in r.headers.get_list("set-cookie") if c.startswith("pw_session="))
        assert "Secure" in session and "HttpOnly" in session
        assert "max-age" in r.headers["strict-transport-security"]


def test_security_headers(web: Web) -> None:
    for path in ("/public/dashboard", "/api/v1/regions", "/no-such-page"):
        h = web.client.get(path).headers
        assert (
            "script-src 'self'" in h["content-security-policy"]
            and "unsafe-inline" not in h["content-security-policy"]
        )
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "same-origin"


def test_document_text_is_escaped(web: Web, tmp_path: Path) -> None:
    """GIVEN a document containing <script> and onerror= WHEN it is shown THEN both are text, not markup."""
    token = web.login("admin")
    r = upload(web, "evil.txt", EVIL.encode("utf-8"), token)
    assert r.status_code == 200 and "已入库" in r.text  # type: ignore[attr-defined]
    doc_id = int(re.search(r"/documents/(\d+)", r.text).group(1))  # type: ignore[attr-defined, union-attr]
    pages = [web.client.get(f"/documents/{doc_id}").text, web.client.get("/documents").text,
             web.client.get("/search?q=onerror").text, web.client.get("/search?q=script").text]  # fmt: skip
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in pages[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in pages[0]
    api = web.client.get(f"/api/v1/documents/{doc_id}", params={"text": "true"}).json()
    assert "<script>alert('x')</script>" in api["text"]  # JSON carries the text as it is


def test_upload_size_and_type_limits(web: Web) -> None:
    small = replace(web.settings, upload_max_mb=0.01)  # 10 KB
    with TestClient(create_app(small, web.db)) as client:
        limited = Web(web.db, small, client)
        token = limited.login("admin")
        r = upload(limited, "big.txt", ("一" * 6000).encode("utf-8"), token)  # 18 KB
        assert r.status_code == 413 and "文件超过" in r.text  # type: ignore[attr-defined]
        r = client.post("/documents/upload", data={"csrf_token": token},
                        files={"file": ("huge.txt", b"x" * 200_000, "text/plain")})  # fmt: skip
        assert r.status_code == 413  # refused by Content-Length, before the form is read
        r = upload(limited, "tool.exe", b"MZ\x90\x00", token)
        assert r.status_code == 415 and "不支持的文件类型" in r.text  # type: ignore[attr-defined]
        r = client.post("/api/v1/documents", files={"file": ("a.exe", b"MZ", "application/octet-stream")},
                        headers={"X-CSRF-Token": token})  # fmt: skip
        assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"
    assert not list(web.settings.uploads_dir.glob("big.txt*"))


def test_upload_needs_an_admin(web: Web) -> None:
    token = web.login("reviewer")
    r = upload(web, "a.txt", "星湖县通知\n内容".encode(), token)
    assert r.status_code == 403  # type: ignore[attr-defined]


def test_upload_of_a_broken_file_shows_the_error(web: Web) -> None:
    token = web.login("admin")
    r = upload(web, "broken.pdf", b"%PDF-1.4 this is not a real pdf", token)
    assert r.status_code == 200 and "入库失败" in r.text  # type: ignore[attr-defined]
    listing = web.client.get("/documents").text
    assert "入库失败" in listing and "broken.pdf" in listing
    upload_events = events(web.db, action="upload")[0]
    assert upload_events[0].after and upload_events[0].after["outcome"] == "failed"


@pytest.mark.parametrize("wrong", ["wrong-password-1"])
def test_lockout_through_the_login_form(web: Web, wrong: str) -> None:
    for attempt in range(web.settings.login_max_failures):
        token = csrf_of(web.client.get("/login").text)
        r = web.client.post("/login", data={"username": "leader", "password": wrong, "csrf_token": token})
        expected = 423 if attempt == web.settings.login_max_failures - 1 else 401
        assert r.status_code == expected
    assert "账户已锁定" in r.text
    token = csrf_of(web.client.get("/login").text)
    r = web.client.post(
        "/login", data={"username": "leader", "password": PASSWORDS["leader"], "csrf_token": token}
    )
    assert r.status_code == 423
