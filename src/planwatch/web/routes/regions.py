"""``地区``: the region tree and the cross-region comparison of one indicator."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from planwatch.services.compare import Comparison, compare
from planwatch.services.region_tree import region_tree
from planwatch.web.context import Ctx, page, portal
from planwatch.web.render import render


def compare_chart(c: Comparison) -> dict[str, object]:
    """Data of the comparison chart: progress and the time-elapsed requirement per region."""
    rows = [r.item for r in c.rows]
    return {
        "regions": [m.region.name for m in rows],
        "progress": [
            None if m.assessment.progress is None else round(m.assessment.progress * 100, 1) for m in rows
        ],
        "elapsed": [
            None if m.assessment.elapsed is None else round(m.assessment.elapsed * 100, 1) for m in rows
        ],
        "status": [m.assessment.status.value for m in rows],
    }


def router(public: bool) -> APIRouter:
    """The regions and comparison pages (internal, or the portal's)."""
    dep = portal if public else page
    r = APIRouter(prefix="/public" if public else "", include_in_schema=False)

    @r.get("/regions")
    def regions_page(ctx: Ctx = Depends(dep)) -> Response:
        return render(ctx, "regions.html", roots=region_tree(ctx.db, ctx.scope), active="regions")

    @r.get("/compare")
    def compare_page(
        ctx: Ctx = Depends(dep),
        indicator: str | None = None,
        region: str | None = None,
        year: int | None = None,
    ) -> Response:
        c = compare(ctx.db, ctx.scope, indicator or None, region or None, year)
        return render(ctx, "compare.html", c=c, chart=compare_chart(c), active="regions")

    return r
