"""One place that turns every exception into a response: JSON of one shape for the API
(``{"error": {"code", "message", "detail"}}``), a Chinese error page for the pages, a redirect to the
login page when a page needs a signed-in user. Handlers just raise PlanWatchError subclasses."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from planwatch.auth.errors import AccountLockedError, CsrfError, LoginFailedError, NotAuthenticatedError
from planwatch.errors import (
    ConflictError,
    FileTooLargeError,
    LockedError,
    NotFoundError,
    PermissionDeniedError,
    PlanWatchError,
    PreconditionRequiredError,
    RateLimitedError,
    ReadError,
    UnsupportedFormatError,
    ValidationError,
)

log = logging.getLogger("planwatch.web")

# (status, code) per error class; the most specific class wins (the table is searched along the MRO)
ERRORS: dict[type[Exception], tuple[int, str]] = {
    NotAuthenticatedError: (401, "not_authenticated"),
    LoginFailedError: (401, "login_failed"),
    AccountLockedError: (423, "account_locked"),
    CsrfError: (403, "csrf_failed"),
    PermissionDeniedError: (403, "permission_denied"),
    NotFoundError: (404, "not_found"),
    LockedError: (409, "locked"),
    ConflictError: (409, "conflict"),
    PreconditionRequiredError: (428, "precondition_required"),
    RateLimitedError: (429, "too_many_requests"),
    FileTooLargeError: (413, "payload_too_large"),
    UnsupportedFormatError: (415, "unsupported_media_type"),
    ReadError: (422, "unreadable_file"),
    ValidationError: (422, "validation_error"),
    PlanWatchError: (400, "bad_request"),
}
HTTP_CODES = {400: "bad_request", 401: "not_authenticated", 403: "permission_denied", 404: "not_found",
              405: "method_not_allowed", 406: "not_acceptable", 413: "payload_too_large",
              415: "unsupported_media_type", 422: "validation_error", 429: "too_many_requests"}  # fmt: skip
TITLES = {400: "请求有误", 401: "需要登录", 403: "无权访问", 404: "页面不存在", 405: "不支持的请求方法",
          409: "操作冲突", 413: "文件过大", 415: "不支持的文件类型", 422: "输入有误", 423: "账户已锁定",
          428: "缺少版本号", 429: "请求过于频繁", 500: "服务器内部错误"}  # fmt: skip


def classify(exc: Exception) -> tuple[int, str, str, Any]:
    """(HTTP status, error code, message, detail) of an exception."""
    if isinstance(exc, PlanWatchError):
        status, code = next(ERRORS[c] for c in type(exc).__mro__ if c in ERRORS)
        where = {k: v for k, v in (("where", exc.where), ("hint", exc.hint)) if v} or None
        return status, code, exc.message, where
    if isinstance(exc, RequestValidationError):
        detail = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
                  for e in exc.errors()]  # fmt: skip
        return 422, "validation_error", "请求参数有误 (invalid request parameters)", detail
    if isinstance(exc, HTTPException):
        title = TITLES.get(exc.status_code, "请求未能完成")
        message = f"{title} ({exc.detail})" if isinstance(exc.detail, str) and exc.detail else title
        return exc.status_code, HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}"), message, None
    return 500, "internal_error", "服务器内部错误,请稍后重试 (internal error)", None


def wants_json(request: Request) -> bool:
    """API paths and clients that ask for JSON get JSON; browsers get pages."""
    path = request.url.path
    return (
        path.startswith("/api/")
        or path == "/openapi.json"
        or (
            "application/json" in request.headers.get("accept", "")
            and "text/html" not in request.headers.get("accept", "")
        )
    )


def error_response(request: Request, exc: Exception) -> Response:
    """The response for an exception (the one place errors are rendered)."""
    status, code, message, detail = classify(exc)
    if status >= 500:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    headers = dict(getattr(exc, "headers", None) or {})
    if wants_json(request):
        return JSONResponse(
            {"error": {"code": code, "message": message, "detail": detail}}, status, headers=headers
        )
    if status == 401 and code == "not_authenticated" and request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", 303)
    templates: Jinja2Templates = request.app.state.templates
    context = {"status": status, "title": TITLES.get(status, "出错了"), "message": message, "detail": detail,
               "code": code, "who": None, "base": "/public" if request.url.path.startswith("/public") else "",
               "csrf": None, "nav": None, "back": _back(request)}  # fmt: skip
    return templates.TemplateResponse(request, "error.html", context, status_code=status, headers=headers)


def _back(request: Request) -> str | None:
    """The page the user came from on this site (the error page links back to it)."""
    parts = urlsplit(request.headers.get("referer", ""))
    if (
        not parts.path.startswith("/")
        or parts.path.startswith("//")
        or (parts.netloc and parts.netloc != request.url.netloc)
    ):
        return None
    return _quote(parts.path + (f"?{parts.query}" if parts.query else ""))


def _quote(path: str) -> str:
    return quote(path, safe="/?=&")


def install(app: FastAPI) -> None:
    """Route every exception through ``error_response``."""

    async def handler(request: Request, exc: Exception) -> Response:
        return error_response(request, exc)

    for exc_type in (PlanWatchError, RequestValidationError, HTTPException, Exception):
        app.add_exception_handler(exc_type, handler)
