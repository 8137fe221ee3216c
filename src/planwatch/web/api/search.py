"""``/search``: full-text search across documents."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from planwatch.services.search import Hit, search
from planwatch.web.api.schemas import HitOut, PageOut
from planwatch.web.context import ApiCtx

router = APIRouter(tags=["search 搜索"])


def _hit(h: Hit) -> HitOut:
    text, marks, at = "", [], 0
    for part, hit in h.snippet:
        if hit:
            marks.append([at, at + len(part)])
        text += part
        at += len(part)
    url = f"/documents/{h.document_id}" + (
        f"?hl={h.position}-{h.position + h.length}" if h.position >= 0 else ""
    )
    return HitOut(document_id=h.document_id, title=h.title, kind=h.kind, region=h.region, published=h.published,
                  snippet=text, highlights=marks, position=h.position, url=url)  # fmt: skip


@router.get("/search", response_model=PageOut[HitOut])
def search_documents(
    ctx: ApiCtx, q: Annotated[str, Query(min_length=1, max_length=200)],
    region: Annotated[str | None, Query(max_length=64)] = None, kind: Annotated[str | None, Query(max_length=32)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> PageOut[HitOut]:  # fmt: skip
    """Documents containing every term of ``q`` (space-separated), with the snippet's hits as
    ``[start, end]`` offsets into ``snippet``."""
    page = search(ctx.db, ctx.scope, q, region=region, kind=kind, limit=limit, offset=offset)
    return PageOut[HitOut].of(page, [_hit(h) for h in page.items])
