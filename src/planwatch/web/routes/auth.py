"""Signing in and out (``/login``, ``/logout``) and the front door (``/`` and ``/public``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch.auth.errors import AccountLockedError, LoginFailedError
from planwatch.auth.tokens import new_token
from planwatch.errors import RateLimitedError
from planwatch.services import login as login_service
from planwatch.services.scope import PUBLIC
from planwatch.web.context import ANON_CSRF_COOKIE, SESSION_COOKIE, _ctx, principal, signed_in
from planwatch.web.render import render
from planwatch.web.security import set_cookie


def _next(target: str | None) -> str:
    """A local path to go to after signing in (never another site)."""
    return (
        target
        if target and target.startswith("/") and not target.startswith("//") and "\\" not in target
        else "/dashboard"
    )


def router() -> APIRouter:
    """The sign-in routes."""
    r = APIRouter(include_in_schema=False)

    @r.get("/")
    def home(request: Request) -> RedirectResponse:
        return RedirectResponse(
            "/dashboard" if principal(request).authenticated else "/public/dashboard", 303
        )

    @r.get("/public")
    def portal_home() -> RedirectResponse:
        return RedirectResponse("/public/dashboard", 303)

    @r.get("/login")
    def login_form(request: Request, next: str | None = None) -> Response:
        return _login_page(request, next, None, None, 200)

    @r.post("/login")
    def login(
        request: Request, username: Annotated[str, Form(max_length=64)], password: Annotated[str, Form(max_length=256)],
        next: Annotated[str | None, Form()] = None,
    ) -> Response:  # fmt: skip
        settings, db = request.app.state.settings, request.app.state.db
        ip = request.client.host if request.client else None
        try:
            token, _session = login_service.login(db, settings, username, password, ip=ip,
                                                 user_agent=request.headers.get("user-agent"))  # fmt: skip
        except (LoginFailedError, AccountLockedError, RateLimitedError) as exc:
            status = {AccountLockedError: 423, RateLimitedError: 429}.get(type(exc), 401)
            page = _login_page(request, next, exc.message, username, status)
            if isinstance(exc, RateLimitedError):
                page.headers.update(exc.headers)
            return page
        response = RedirectResponse(_next(next), 303)
        set_cookie(response, request, settings, SESSION_COOKIE, token, int(settings.session_hours * 3600))
        response.delete_cookie(ANON_CSRF_COOKIE, path="/")
        return response

    @r.post("/logout")
    def logout(request: Request) -> RedirectResponse:
        found = signed_in(request)
        if found is not None:
            ip = request.client.host if request.client else None
            login_service.logout(
                request.app.state.db, request.cookies.get(SESSION_COOKIE), found.principal, ip
            )
        response = RedirectResponse("/public/dashboard", 303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    return r


def _login_page(
    request: Request, next: str | None, error: str | None, username: str | None, status: int
) -> Response:
    """The login form, with a CSRF token of its own (double submit: cookie and hidden field)."""
    found = signed_in(request)
    token = found.csrf_token if found else request.cookies.get(ANON_CSRF_COOKIE) or new_token()
    ctx = replace(_ctx(request, PUBLIC, ""), csrf=token)
    response = render(ctx, "login.html", status, next=_next(next), error=error, username=username, nav=None)
    if found is None:
        set_cookie(response, request, request.app.state.settings, ANON_CSRF_COOKIE, token)
    return response
