"""``搜索``: full-text search across documents."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from planwatch.errors import ValidationError
from planwatch.services.document_view import KIND_LABELS
from planwatch.services.search import search
from planwatch.web.context import Ctx, page, portal
from planwatch.web.render import render


def router(public: bool) -> APIRouter:
    """The search page (internal, or the portal's)."""
    dep = portal if public else page
    r = APIRouter(prefix="/public" if public else "", include_in_schema=False)

    @r.get("/search")
    def search_page(ctx: Ctx = Depends(dep), q: str | None = None, offset: int = 0) -> Response:
        results, error = None, None
        if q and q.strip():
            try:
                results = search(ctx.db, ctx.scope, q, limit=20, offset=max(offset, 0))
            except ValidationError as exc:
                error = exc.message
        return render(ctx, "search.html", q=q, page=results, error=error, kinds=KIND_LABELS, active="search")

    return r
