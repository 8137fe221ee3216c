"""Templates: the Jinja2 environment (autoescaping everything), the number filters, and ``render``,
which hands every page the common context (who, CSRF token, navigation, portal or internal)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from planwatch.auth.policy import Action, allowed
from planwatch.monitor import Status
from planwatch.web.context import Ctx

TEMPLATES = Path(__file__).parent / "templates"
NAV = (("dashboard", "总览"), ("documents", "文档"), ("projects", "重点项目"), ("tasks", "任务"),
       ("regions", "地区"), ("search", "搜索"))  # fmt: skip
STATUS_CSS = {s: s.value.replace("_", "-") for s in Status}


def num(x: float | None, places: int = 2) -> str:
    """A number as people read it (12.5, 1200, —)."""
    if x is None:
        return "—"
    return f"{round(x, places):g}" if abs(x) < 1e6 else f"{x:,.0f}"


def pct(x: float | None, places: int = 0) -> str:
    """A fraction as a percentage (0.632 → 63%)."""
    return "—" if x is None else f"{x * 100:.{places}f}%"


def when(x: date | datetime | None) -> str:
    """A date or time (UTC) as YYYY-MM-DD [HH:MM]."""
    if x is None:
        return "—"
    return f"{x:%Y-%m-%d %H:%M}" if isinstance(x, datetime) else f"{x:%Y-%m-%d}"


def local(x: datetime | None) -> str:
    """A moment as Beijing time (the supervision pages: dates people report against)."""
    if x is None:
        return "—"
    return f"{x.astimezone(timezone(timedelta(hours=8))):%Y-%m-%d %H:%M}"


def json_text(x: object) -> str:
    """A value as JSON people can read (Chinese as Chinese; the template escapes it)."""
    return json.dumps(x, ensure_ascii=False, sort_keys=True, default=str)


def make_templates() -> Jinja2Templates:
    """The template set with PlanWatch's filters (autoescape on for every template)."""
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.autoescape = True
    env.filters.update(num=num, pct=pct, when=when, local=local, json_text=json_text)
    env.globals.update(status_css=STATUS_CSS, statuses=list(Status))
    return templates


def render(ctx: Ctx, name: str, status_code: int = 200, **values: object) -> Response:
    """A page with the common context."""
    return render_with(ctx, name, values, status_code)


def render_with(ctx: Ctx, name: str, values: dict[str, object], status_code: int = 200) -> Response:
    """A page with the common context and these values."""
    templates: Jinja2Templates = ctx.request.app.state.templates
    common = {
        "who": ctx.who, "csrf": ctx.csrf, "base": ctx.base, "portal": ctx.portal, "nav": NAV,
        "can_upload": not ctx.portal and allowed(ctx.who, Action.UPLOAD_DOCUMENT),
        "can_publish": not ctx.portal and allowed(ctx.who, Action.PUBLISH),
        "can_audit": not ctx.portal and allowed(ctx.who, Action.READ_AUDIT),
        "htmx": ctx.request.headers.get("hx-request") == "true",
    }  # fmt: skip
    return templates.TemplateResponse(ctx.request, name, {**common, **values}, status_code=status_code)
