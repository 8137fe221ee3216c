"""Report actions on pages: a unit submits (or edits) its report with attachments, a reviewer approves
or returns it, a permitted reader downloads an attachment. Each form carries the version it was
made from; a lost race is the 409 page (操作冲突), never a lost update."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, UploadFile
from fastapi.responses import FileResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from planwatch.auth.policy import Action, require
from planwatch.services.workflow import attachments, reports
from planwatch.services.workflow.attachments import Incoming
from planwatch.settings import Settings
from planwatch.web.context import Ctx, FormId, PathId, page

CHUNK = 1 << 16


async def receive_files(files: list[UploadFile], settings: Settings) -> list[Incoming]:
    """The uploaded attachments (empty file inputs skipped), checked and waiting on disk."""
    out: list[Incoming] = []
    try:
        for upload in files:
            if not upload.filename:
                continue

            async def chunks(u: UploadFile = upload) -> AsyncIterator[bytes]:
                while chunk := await u.read(CHUNK):
                    yield chunk

            out.append(await attachments.receive(chunks(), upload.filename, settings))
    except BaseException:
        for f in out:
            f.discard()
        raise
    return out


def router() -> APIRouter:
    """``POST /supervision/items/{id}/reports``, ``POST /supervision/reports/{id}/review``,
    ``GET /supervision/attachments/{id}``."""
    r = APIRouter(include_in_schema=False)

    @r.post("/supervision/items/{item_id}/reports")
    async def submit_report(
        item_id: PathId, unit_id: FormId, period: Annotated[str, Form(max_length=32)],
        progress: Annotated[str, Form(max_length=32)], percent: Annotated[str, Form(max_length=16)],
        narrative: Annotated[str, Form(max_length=20000)], ctx: Ctx = Depends(page),
        version: FormId = 0, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
    ) -> Response:  # fmt: skip
        require(ctx.who, Action.REPORT_PROGRESS, unit_id)  # before any file is written
        incoming = await receive_files(files, ctx.settings)
        data = reports.ReportInput(period, progress, percent, narrative)
        ref = await run_in_threadpool(reports.submit, ctx.db, ctx.settings, ctx.who, ctx.actor, item_id, unit_id,
                                      data, version, incoming)  # fmt: skip
        return RedirectResponse(f"/supervision/items/{item_id}?saved={ref.id}#report-{ref.id}", 303)

    @r.post("/supervision/reports/{report_id}/review")
    def review_report(
        report_id: PathId, decision: Annotated[str, Form(max_length=16)], version: FormId,
        ctx: Ctx = Depends(page), comment: Annotated[str, Form(max_length=2000)] = "",
        back: Annotated[str, Form(max_length=200)] = "",
    ) -> Response:  # fmt: skip
        reports.review(ctx.db, ctx.who, ctx.actor, report_id, decision, comment, version)
        target = back if back.startswith("/supervision") and "//" not in back else "/supervision/review"
        return RedirectResponse(target, 303)

    @r.get("/supervision/attachments/{attachment_id}")
    def download(attachment_id: PathId, ctx: Ctx = Depends(page)) -> Response:
        found = attachments.open_attachment(ctx.db, ctx.settings, ctx.who, attachment_id)
        headers = {"content-disposition": f"attachment; filename*=UTF-8''{quote(found.filename)}",
                   "cache-control": "private, no-store"}  # fmt: skip
        return FileResponse(found.path, media_type=found.media_type, headers=headers)

    return r
