"""Public comments (公众留言) from the portal: a published task's page with its approved comments and
the form, and the form's target for tasks and indicators. Anonymous senders use the login page's
double-submit CSRF cookie, which these pages set."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response

from planwatch.auth.policy import Action, require
from planwatch.auth.tokens import new_token
from planwatch.errors import NotFoundError, ValidationError
from planwatch.services.workflow import feedback, public_tasks
from planwatch.web.context import ANON_CSRF_COOKIE, Ctx, PathId, page, portal
from planwatch.web.render import render
from planwatch.web.security import set_cookie

TYPES = ("task", "indicator")


def with_form_token(ctx: Ctx) -> Ctx:
    """The context with a CSRF token for an anonymous visitor's form (a new one when they have none)."""
    return ctx if ctx.csrf else replace(ctx, csrf=new_token())


def keep_form_token(ctx: Ctx, response: Response) -> Response:
    """Set the anonymous visitor's CSRF cookie when the page gave them a new token."""
    if ctx.csrf and not ctx.who.authenticated and ctx.request.cookies.get(ANON_CSRF_COOKIE) != ctx.csrf:
        set_cookie(response, ctx.request, ctx.settings, ANON_CSRF_COOKIE, ctx.csrf)
    return response


def router() -> APIRouter:
    """``/public/tasks/{task_id}`` (and ``/tasks/{task_id}``, which opens the item), ``POST /public/feedback``."""
    r = APIRouter(include_in_schema=False)

    @r.get("/public/task/{task_id}")
    def public_task(task_id: PathId, ctx: Ctx = Depends(portal), sent: int = 0) -> Response:
        view = public_tasks.public_task(ctx.db, ctx.settings, task_id)
        ctx = with_form_token(ctx)
        comments = feedback.approved(ctx.db, "task", str(view.item_id))
        response = render(ctx, "public_task.html", t=view, comments=comments, sent=bool(sent), active="tasks",
                          object_type="task", object_key=str(view.item_id))  # fmt: skip
        return keep_form_token(ctx, response)

    @r.get("/task/{task_id}")
    def internal_task(task_id: PathId, ctx: Ctx = Depends(page)) -> Response:
        item_id = public_tasks.item_of_task(ctx.db, task_id)
        if item_id is None:
            raise NotFoundError(
                f"任务 {task_id} 没有对应的督办事项 (no work item)", hint="run `planwatch workflow sync`"
            )
        return RedirectResponse(f"/supervision/items/{item_id}", 303)

    @r.post("/public/feedback")
    def send_feedback(
        object_type: Annotated[str, Form(max_length=16)], object_key: Annotated[str, Form(max_length=128)],
        body: Annotated[str, Form(max_length=4000)], ctx: Ctx = Depends(portal),
        author: Annotated[str, Form(max_length=64)] = "", back: Annotated[str, Form(max_length=300)] = "",
    ) -> Response:  # fmt: skip
        require(ctx.who, Action.SEND_FEEDBACK)
        if object_type not in TYPES:
            raise ValidationError(f"unknown comment target {object_type!r}", hint="task or indicator")
        feedback.submit(ctx.db, ctx.settings, object_type, object_key, body, author, ctx.ip)
        target = (
            back
            if back.startswith("/public/") and "//" not in back and "\\" not in back
            else "/public/dashboard"
        )
        return RedirectResponse(target + ("&" if "?" in target else "?") + "sent=1#feedback", 303)

    return r
