"""``/status`` (verdicts of a region), ``/status/timeline`` and ``/publications``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request

from planwatch.auth.policy import Action, require
from planwatch.errors import ValidationError
from planwatch.services import publish
from planwatch.services.audit import Actor
from planwatch.services.dashboard import Filters, lagging_first, visible_items
from planwatch.services.indicator_view import indicator_detail
from planwatch.services.monitoring import StatusReport, status
from planwatch.services.paging import Page
from planwatch.services.regions import RegionIndex
from planwatch.services.views import status_row, timeline_document
from planwatch.web.api.schemas import PageOut, PublicationIn, PublicationOut, StatusOut
from planwatch.web.context import ApiCtx

router = APIRouter(tags=["status 监测"])
StatusName = Literal["achieved", "on_track", "at_risk", "off_track", "no_data", "not_assessable"]
Region = Annotated[str, Query(min_length=1, max_length=64, description="region name or code")]


@router.get("/status", response_model=StatusOut)
def get_status(
    ctx: ApiCtx, region: Region, year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    subregions: bool = False, status_: Annotated[StatusName | None, Query(alias="status")] = None,
    category: Annotated[str | None, Query(max_length=64)] = None,
    attribute: Literal["binding", "expected"] | None = None, lagging_first_: Annotated[bool, Query(alias="lagging_first")] = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> StatusOut:  # fmt: skip
    """Status of every monitored indicator of a region for a year (default: the latest with data)."""
    report = status(ctx.db, region, year, subregions=subregions)
    items, _keys = visible_items(ctx.db, ctx.scope, report)
    summary = {s.value: n for s, n in StatusReport(report.year, items).counts().items()}
    chosen = [m for m in items if Filters(category, attribute, status_).keep(m)]
    if lagging_first_:
        chosen = lagging_first(chosen)
    rows = [status_row(m) for m in chosen[offset : offset + limit]]
    with ctx.db.session() as session:
        place = RegionIndex.load(session).require(region)
    page: PageOut[Any] = PageOut.of(Page(rows, len(chosen), limit, offset))
    return StatusOut(
        region=place.name, region_code=place.code, year=report.year, summary=summary, indicators=page
    )


@router.get("/status/timeline", response_model=dict[str, Any])
def get_timeline(
    ctx: ApiCtx, region: Region, indicator: Annotated[str, Query(min_length=1, max_length=64)]
) -> dict[str, Any]:
    """One indicator of one region year by year: the plan's path, the figures, the verdicts."""
    detail = indicator_detail(ctx.db, ctx.scope, region, indicator)
    return timeline_document(detail.item, detail.points)


@router.post("/publications", response_model=PublicationOut, tags=["publications 公开"])
def set_publication(body: PublicationIn, request: Request, ctx: ApiCtx) -> PublicationOut:
    """Publish or withdraw a document or an indicator (administrators; ``X-CSRF-Token`` required)."""
    require(ctx.who, Action.PUBLISH)
    actor = Actor.of(ctx.who, request.client.host if request.client else None)
    if body.document_id is not None:
        docs, inds = publish.set_documents(
            ctx.db, [body.document_id], body.on, actor, with_indicators=body.with_indicators
        )
        return PublicationOut(documents=docs, indicators=inds)
    if not body.region or not body.code:
        raise ValidationError(
            "give document_id, or region and code", hint='{"region": "星湖县", "code": "gdp"}'
        )
    with ctx.db.session() as session:
        place = RegionIndex.load(session).require(body.region)
    return PublicationOut(
        documents=0, indicators=publish.set_indicators(ctx.db, place.code, [body.code], body.on, actor)
    )
