"""``文档``: the list, the viewer, and (admins) the upload."""

from __future__ import annotations

from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from planwatch.auth.policy import Action, require
from planwatch.services import library, upload
from planwatch.services.audit import Actor
from planwatch.services.document_view import FACT_LABELS, KIND_LABELS, Fact, document_view, segments
from planwatch.services.ingest import IngestResult
from planwatch.web.context import Ctx, page, portal
from planwatch.web.render import render, render_with

CHUNK = 1 << 16


def _hl(value: str | None, length: int) -> tuple[int, int] | None:
    """A ``start-end`` range within the text, or None."""
    try:
        start, end = (int(x) for x in (value or "").split("-", 1))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= length else None


def router(public: bool) -> APIRouter:
    """The document list and viewer (internal, or the portal's)."""
    dep = portal if public else page
    r = APIRouter(prefix="/public" if public else "", include_in_schema=False)

    @r.get("/documents")
    def documents_page(ctx: Ctx = Depends(dep), kind: str | None = None, offset: int = 0) -> Response:
        listing = library.list_documents(
            ctx.db, ctx.scope, kind=kind or None, limit=50, offset=max(offset, 0)
        )
        failures = [] if ctx.portal else library.failures(ctx.db)
        values = {
            "page": listing,
            "failures": failures,
            "kinds": KIND_LABELS,
            "kind": kind,
            "active": "documents",
        }
        return render_with(ctx, "documents.html", {**values, **_upload_context(ctx)})

    @r.get("/documents/{doc_id}")
    def document_page(doc_id: int, ctx: Ctx = Depends(dep), hl: str | None = None) -> Response:
        v = document_view(ctx.db, ctx.scope, doc_id)
        span = _hl(hl, v.length)
        if span is not None:  # cut the text at the highlighted range too (a search hit, an evidence span)
            marks = [*v.facts, Fact("HL", "hl", "", "", span[0], span[1], "")]
            text = "".join(s.text for s in v.segments)
            v.segments = segments(v.length, marks, text)
        counts: dict[str, int] = {}
        for f in v.facts:
            counts[f.type] = counts.get(f.type, 0) + 1
        return render(ctx, "document.html", v=v, fact_labels=FACT_LABELS, counts=counts, active="documents",
                      hl_start=span[0] if span else None)  # fmt: skip

    return r


def _upload_context(ctx: Ctx) -> dict[str, object]:
    s = ctx.settings
    return {"accept": ",".join("." + e for e in sorted(s.upload_extensions)), "max_mb": s.upload_max_mb,
            "result": None, "labels": FACT_LABELS}  # fmt: skip


def upload_router() -> APIRouter:
    """``POST /documents/upload`` (admins): store, ingest, show the outcome."""
    r = APIRouter(include_in_schema=False)

    @r.post("/documents/upload")
    async def upload_page(request: Request, file: UploadFile, ctx: Ctx = Depends(page)) -> Response:
        result = await receive(ctx, request, file)
        if request.headers.get("hx-request") == "true":
            return render(ctx, "_upload_result.html", result=result, labels=FACT_LABELS)
        listing = library.list_documents(ctx.db, ctx.scope, limit=50)
        values = {"page": listing, "failures": library.failures(ctx.db), "kinds": KIND_LABELS, "kind": None,
                  "active": "documents", **_upload_context(ctx), "result": result}  # fmt: skip
        return render_with(ctx, "documents.html", values)

    return r


async def receive(ctx: Ctx, request: Request, file: UploadFile) -> IngestResult:
    """Check the permission, save the upload within the limits, and ingest it (off the event loop)."""
    require(ctx.who, Action.UPLOAD_DOCUMENT)

    async def chunks() -> AsyncIterator[bytes]:
        while chunk := await file.read(CHUNK):
            yield chunk

    path = await upload.save(chunks(), file.filename, ctx.settings)
    actor = Actor.of(ctx.who, request.client.host if request.client else None)
    return await run_in_threadpool(upload.ingest_upload, ctx.db, ctx.settings, path, actor)
