"""``/facts``, ``/indicators`` (the catalogue) and ``/observations``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from planwatch.services import listings
from planwatch.web.api.schemas import PageOut
from planwatch.web.context import ApiCtx

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10**9)]
Text = Annotated[str | None, Query(max_length=64)]
FactType = Literal["indicators", "targets", "tasks", "projects", "observations"]


@router.get("/facts", response_model=PageOut[dict[str, Any]], tags=["facts 事实"])
def list_facts(
    ctx: ApiCtx, type: FactType = "indicators", region: Text = None,
    document: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None, limit: Limit = 100, offset: Offset = 0,
) -> PageOut[Any]:  # fmt: skip
    """Extracted facts of one type with their evidence (``evidence_start``/``end`` index the document text)."""
    return PageOut.of(listings.facts(ctx.db, ctx.scope, type, region=region, document=document, limit=limit,
                                     offset=offset))  # fmt: skip


@router.get("/indicators", response_model=PageOut[dict[str, Any]], tags=["indicators 指标"])
def list_indicators(
    ctx: ApiCtx, q: Text = None, category: Text = None, limit: Limit = 100, offset: Offset = 0
) -> PageOut[Any]:
    """The indicator catalogue (指标库): code, name, unit, direction, kind."""
    return PageOut.of(listings.catalogue(ctx.db, q=q, category=category, limit=limit, offset=offset))


@router.get("/indicators/{code}", response_model=dict[str, Any], tags=["indicators 指标"])
def get_indicator(code: str, ctx: ApiCtx) -> dict[str, Any]:
    """One catalogue entry by code (or id, or name)."""
    return listings.catalogue_entry(ctx.db, code)


@router.get("/observations", response_model=PageOut[dict[str, Any]], tags=["observations 实际值"])
def list_observations(
    ctx: ApiCtx, region: Text = None, indicator: Text = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None, limit: Limit = 100, offset: Offset = 0,
) -> PageOut[Any]:  # fmt: skip
    """Actual values: from documents (with evidence) or entered (with provenance; signed-in users only)."""
    return PageOut.of(listings.observations(ctx.db, ctx.scope, region=region, indicator=indicator, year=year,
                                            limit=limit, offset=offset))  # fmt: skip
