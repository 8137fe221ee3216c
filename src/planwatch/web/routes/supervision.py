"""``督办`` pages: the overview (what is overdue or due soon, every item with its status), one item
(units, milestones, reports with their history, the report form, review buttons), the reviewers'
queue, and the Excel ledger (download, and import with a per-row report)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from planwatch.auth.policy import Action, Role, allowed, require
from planwatch.errors import FileTooLargeError
from planwatch.services.workflow import detail, feedback, ledger, views
from planwatch.services.workflow.board import ENTRY_KINDS
from planwatch.web.context import MAX_ID, Ctx, PathId, page
from planwatch.web.render import render
from planwatch.web.routes.browse import region_choices
from planwatch.workflow.states import Progress

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_LEDGER = 10 * 1024 * 1024


def _unit_choices(ctx: Ctx) -> list[int]:
    return sorted(ctx.who.unit_ids)


def router() -> APIRouter:
    """The 督办 pages (signed-in readers; actions check their permission)."""
    r = APIRouter(include_in_schema=False)

    @r.get("/supervision")
    def overview_page(
        ctx: Ctx = Depends(page), region: str | None = None,
        unit: Annotated[int | None, Query(ge=0, le=MAX_ID)] = None, status: str | None = None,
        days: Annotated[int | None, Query(ge=0, le=366)] = None,
    ) -> Response:  # fmt: skip
        if unit is None and ctx.who.role is Role.REPORTER and ctx.who.unit_ids:
            unit = _unit_choices(ctx)[0]  # a reporter starts with their own unit (unit=0: every unit)
        unit = unit or None
        v = views.overview(ctx.db, ctx.settings, region or None, unit, status or None, days)
        return render(ctx, "supervision.html", v=v, region=region, unit=unit, status=status, kinds=ENTRY_KINDS,
                      region_choices=region_choices(ctx), active="supervision",
                      can_review=allowed(ctx.who, Action.REVIEW_REPORT),
                      can_import=allowed(ctx.who, Action.IMPORT_LEDGER),
                      can_moderate=allowed(ctx.who, Action.MODERATE_FEEDBACK))  # fmt: skip

    @r.get("/supervision/items/{item_id}")
    def item_page(item_id: PathId, ctx: Ctx = Depends(page), edit: int | None = None) -> Response:
        d = detail.item_detail(ctx.db, ctx.settings, ctx.who, item_id)
        editing = d.report(edit)
        if editing is not None and not (
            editing.editable and allowed(ctx.who, Action.REPORT_PROGRESS, editing.unit_id)
        ):
            editing = None
        return render(ctx, "item.html", d=d, editing=editing, progress=list(Progress), active="supervision",
                      can_review=allowed(ctx.who, Action.REVIEW_REPORT),
                      can_manage=allowed(ctx.who, Action.MANAGE_WORKFLOW),
                      comments=feedback.approved(ctx.db, "task", str(item_id)),
                      max_mb=ctx.settings.attachment_max_mb,
                      accept=",".join("." + e for e in sorted(ctx.settings.attachment_extensions)))  # fmt: skip

    @r.get("/supervision/review")
    def review_page(ctx: Ctx = Depends(page)) -> Response:
        require(ctx.who, Action.REVIEW_REPORT)
        return render(
            ctx, "review.html", lines=detail.review_queue(ctx.db, ctx.settings), active="supervision"
        )

    @r.get("/supervision/ledger")
    async def ledger_download(
        ctx: Ctx = Depends(page), region: str = "", period: str | None = None
    ) -> Response:
        name, content = await run_in_threadpool(ledger.export, ctx.db, ctx.settings, region, period or None)
        headers = {"content-disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
        return Response(content, media_type=XLSX, headers=headers)

    @r.post("/supervision/ledger")
    async def ledger_upload(
        file: UploadFile, ctx: Ctx = Depends(page), region: Annotated[str, Form()] = ""
    ) -> Response:
        require(ctx.who, Action.IMPORT_LEDGER)
        content = await file.read(MAX_LEDGER + 1)
        if len(content) > MAX_LEDGER:
            raise FileTooLargeError("台账文件超过 10 MB (ledger too large)", where=file.filename)
        result = await run_in_threadpool(ledger.import_ledger, ctx.db, ctx.settings, ctx.who, ctx.actor, content,
                                         file.filename or "ledger.xlsx")  # fmt: skip
        return render(ctx, "ledger_result.html", 200 if result.ok else 422, result=result, region=region,
                      active="supervision")  # fmt: skip

    return r
