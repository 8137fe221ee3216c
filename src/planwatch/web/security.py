"""Security around every request: response headers (CSP and friends), cookie flags, and the CSRF
check — one dependency on the whole app, so no state-changing route can forget it."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planwatch.auth.errors import CsrfError
from planwatch.auth.tokens import same
from planwatch.settings import Settings
from planwatch.web.context import ANON_CSRF_COOKIE, signed_in

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Pure ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _v in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in names]
                if https:
                    extra.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def secure(request: Request, settings: Settings) -> bool:
    """Whether cookies get the Secure flag: served over https, or configured so."""
    return settings.secure_cookies or request.url.scheme == "https"


def set_cookie(response: Response, request: Request, settings: Settings, name: str, value: str,
               max_age: int | None = None) -> None:  # fmt: skip
    """Set a cookie the way every PlanWatch cookie is set: HttpOnly, SameSite=Lax, Secure over https."""
    response.set_cookie(name, value, max_age=max_age, path="/", httponly=True, samesite="lax",
                        secure=secure(request, settings))  # fmt: skip


async def csrf_guard(request: Request) -> None:
    """Refuse a state-changing request without the right CSRF token (header or form field).

    Signed in: the session's token. Not signed in (the login form): the token of the ``pw_csrf``
    cookie (double submit), which the login page sets.
    """
    if request.method in SAFE_METHODS:
        return
    sent: Any = request.headers.get(CSRF_HEADER)
    if not sent and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        sent = form.get(CSRF_FIELD)
    found = signed_in(request)
    expected = found.csrf_token if found else request.cookies.get(ANON_CSRF_COOKIE)
    if not isinstance(sent, str) or not same(sent, expected):
        raise CsrfError("请求缺少有效的 CSRF 令牌,请刷新页面后重试 (CSRF token missing or wrong)",
                        hint="reload the page and submit again")  # fmt: skip
