"""Administrators' workflow actions on pages: an item's deadline, units and milestones; the audit log's
export; moderation of public comments. Each change names the version it was made from."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Form
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from planwatch.auth.policy import Action, require
from planwatch.errors import ValidationError
from planwatch.normalize.dates import parse_date
from planwatch.services import audit
from planwatch.services.audit import ACTION_LABELS
from planwatch.services.audit_export import audit_csv, audit_xlsx
from planwatch.services.workflow import feedback, items, milestones
from planwatch.services.workflow.common import write
from planwatch.web.context import Ctx, FormId, PathId, page
from planwatch.web.render import render

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _day(text: str, what: str) -> date:
    day = parse_date(text) if text else None
    if day is None:
        raise ValidationError(f"{what}“{text}”不是日期 (not a date)", hint="选择或填写 YYYY-MM-DD")
    return day


def _item(item_id: int) -> RedirectResponse:
    return RedirectResponse(f"/supervision/items/{item_id}", 303)


def router() -> APIRouter:
    """The routes (each checks its permission through the policy)."""
    r = APIRouter(include_in_schema=False)

    @r.post("/supervision/items/{item_id}/deadline")
    def set_deadline(
        item_id: PathId, version: FormId, ctx: Ctx = Depends(page),
        deadline: Annotated[str, Form(max_length=32)] = "",
    ) -> Response:  # fmt: skip
        day = _day(deadline, "完成时限") if deadline else None
        items.set_deadline(ctx.db, ctx.who, ctx.actor, item_id, day, version)
        return _item(item_id)

    @r.post("/supervision/items/{item_id}/assignments")
    def add_assignment(
        item_id: PathId, unit_id: FormId, role: Annotated[str, Form(max_length=16)],
        ctx: Ctx = Depends(page),
    ) -> Response:  # fmt: skip
        items.assign(ctx.db, ctx.who, ctx.actor, item_id, unit_id, role)
        return _item(item_id)

    @r.post("/supervision/assignments/{assignment_id}/remove")
    def remove_assignment(
        assignment_id: PathId,
        item_id: FormId,
        version: FormId,
        ctx: Ctx = Depends(page),
    ) -> Response:
        items.unassign(ctx.db, ctx.who, ctx.actor, assignment_id, version)
        return _item(item_id)

    @r.post("/supervision/items/{item_id}/milestones")
    def add_milestone(
        item_id: PathId, title: Annotated[str, Form(max_length=500)], due: Annotated[str, Form(max_length=32)],
        ctx: Ctx = Depends(page),
    ) -> Response:  # fmt: skip
        milestones.add(ctx.db, ctx.who, ctx.actor, item_id, title, _day(due, "节点时限"))
        return _item(item_id)

    @r.post("/supervision/milestones/{milestone_id}")
    def change_milestone(
        milestone_id: PathId, item_id: FormId, version: FormId,
        ctx: Ctx = Depends(page), done: Annotated[str, Form(max_length=32)] = "",
        due: Annotated[str, Form(max_length=32)] = "", reopen: Annotated[int, Form()] = 0,
    ) -> Response:  # fmt: skip
        milestones.update(ctx.db, ctx.who, ctx.actor, milestone_id, version,
                          done_on=_day(done, "完成日期") if done else None,
                          due=_day(due, "节点时限") if due else None, reopen=bool(reopen))  # fmt: skip
        return _item(item_id)

    @r.post("/supervision/indicators/{region}/{code}")
    def supervise_indicator(region: str, code: str, unit_id: FormId, ctx: Ctx = Depends(page)) -> Response:
        item = items.supervise_indicator(ctx.db, ctx.who, ctx.actor, region, code, [unit_id])
        return _item(item)

    @r.get("/supervision/projects/{project_id}")
    def project_form(project_id: PathId, ctx: Ctx = Depends(page)) -> Response:
        require(ctx.who, Action.MANAGE_WORKFLOW)
        choice = items.project_choice(ctx.db, project_id)
        if choice.item_id is not None:
            return _item(choice.item_id)
        return render(ctx, "supervise_project.html", p=choice, active="supervision")

    @r.post("/supervision/projects/{project_id}")
    def supervise_project(
        project_id: PathId, unit_id: FormId, ctx: Ctx = Depends(page),
        deadline: Annotated[str, Form(max_length=32)] = "",
    ) -> Response:  # fmt: skip
        day = _day(deadline, "完成时限") if deadline else None
        return _item(items.supervise_project(ctx.db, ctx.who, ctx.actor, project_id, [unit_id], day))

    @r.get("/admin/audit/export")
    async def export_audit(ctx: Ctx = Depends(page), format: Literal["csv", "xlsx"] = "csv") -> Response:
        require(ctx.who, Action.READ_AUDIT)
        maker = audit_csv if format == "csv" else audit_xlsx
        content = await run_in_threadpool(maker, ctx.db, ACTION_LABELS)
        with write(ctx.db) as session:
            audit.record(session, ctx.actor, "audit_export", "audit_log", None, None, {"format": format})
        media = "text/csv; charset=utf-8" if format == "csv" else XLSX
        headers = {"content-disposition": f"attachment; filename=planwatch-audit.{format}"}
        return Response(content, media_type=media, headers=headers)

    @r.get("/admin/feedback")
    def feedback_page(ctx: Ctx = Depends(page), state: str = "pending") -> Response:
        require(ctx.who, Action.MODERATE_FEEDBACK)
        chosen = state if state in feedback.STATES else None
        return render(ctx, "feedback_admin.html", comments=feedback.queue(ctx.db, chosen), state=state,
                      states=feedback.STATES, active="supervision")  # fmt: skip

    @r.post("/admin/feedback/{comment_id}")
    def moderate(comment_id: PathId, approve: Annotated[int, Form()], ctx: Ctx = Depends(page)) -> Response:
        feedback.moderate(ctx.db, ctx.who, ctx.actor, comment_id, bool(approve))
        return RedirectResponse("/admin/feedback", 303)

    return r
