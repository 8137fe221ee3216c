"""``/documents``: the list, one document (optionally with its text), and the upload."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Query, Request, UploadFile

from planwatch.services import library
from planwatch.services.document_view import DocumentMeta, document_view
from planwatch.web.api.schemas import DocumentOut, PageOut, UploadOut
from planwatch.web.context import ApiCtx
from planwatch.web.routes.documents import receive

router = APIRouter(tags=["documents 文档"])


def _out(meta: DocumentMeta, counts: dict[str, int], text: str | None = None) -> DocumentOut:
    return DocumentOut(**{k: v for k, v in asdict(meta).items() if k in DocumentOut.model_fields},
                       counts=counts, text=text)  # fmt: skip


@router.get("/documents", response_model=PageOut[DocumentOut])
def list_documents(
    ctx: ApiCtx, region: Annotated[str | None, Query(max_length=64)] = None,
    kind: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> PageOut[DocumentOut]:  # fmt: skip
    """Current documents, newest first (the public sees published ones)."""
    page = library.list_documents(ctx.db, ctx.scope, region=region, kind=kind, limit=limit, offset=offset)
    return PageOut[DocumentOut].of(page, [_out(line.meta, line.counts) for line in page.items])


@router.get("/documents/{doc_id}", response_model=DocumentOut)
def get_document(doc_id: int, ctx: ApiCtx, text: bool = False) -> DocumentOut:
    """One document; ``text=true`` adds its clean text (evidence spans index into it)."""
    v = document_view(ctx.db, ctx.scope, doc_id)
    counts: dict[str, int] = {}
    for f in v.facts:
        counts[f.type] = counts.get(f.type, 0) + 1
    return _out(v.meta, counts, "".join(s.text for s in v.segments) if text else None)


@router.post("/documents", response_model=UploadOut, status_code=201)
async def upload_document(request: Request, file: UploadFile, ctx: ApiCtx) -> UploadOut:
    """Upload and ingest a file (administrators; send the session's CSRF token in ``X-CSRF-Token``)."""
    result = await receive(ctx, request, file)
    return UploadOut(file=result.path.rsplit("/", 1)[-1], outcome=result.outcome, document_id=result.document_id,
                     version=result.version, error=result.error, counts=dict(result.counts))  # fmt: skip
