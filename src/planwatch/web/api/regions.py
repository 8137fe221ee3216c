"""``/regions``: the gazetteer and custom regions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from planwatch.services import listings
from planwatch.web.api.schemas import PageOut
from planwatch.web.context import ApiCtx

router = APIRouter(tags=["regions 地区"])
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10**9)]


@router.get("/regions", response_model=PageOut[dict[str, Any]])
def list_regions(
    ctx: ApiCtx, parent: str | None = None, level: Annotated[str | None, Query(pattern="^(province|prefecture|county)$")] = None,
    q: Annotated[str | None, Query(max_length=64)] = None, limit: Limit = 100, offset: Offset = 0,
) -> PageOut[Any]:  # fmt: skip
    """Regions by code; filter by parent (name or code), level and a part of the name."""
    return PageOut.of(listings.regions(ctx.db, parent=parent, level=level, q=q, limit=limit, offset=offset))


@router.get("/regions/{code}", response_model=dict[str, Any])
def get_region(code: str, ctx: ApiCtx) -> dict[str, Any]:
    """One region (by code or name) with its path and children."""
    return listings.region(ctx.db, code)
