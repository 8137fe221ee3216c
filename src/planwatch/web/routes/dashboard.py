"""``总览`` (a region's dashboard) and the indicator detail page."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from planwatch.auth.policy import Action, allowed
from planwatch.monitor import Status
from planwatch.services.dashboard import ATTRIBUTE_LABELS, Filters, dashboard, default_region
from planwatch.services.indicator_view import IndicatorDetail, indicator_detail
from planwatch.services.publish import published_among
from planwatch.services.scope import indicator_key
from planwatch.services.views import target_text
from planwatch.services.workflow import feedback
from planwatch.services.workflow import items as workflow_items
from planwatch.services.workflow.views import summary as supervision_summary
from planwatch.web.context import Ctx, page, portal
from planwatch.web.render import render
from planwatch.web.routes.feedback import keep_form_token, with_form_token

KIND_LABELS = {"level": "水平值目标", "growth": "年均增长目标", "cumulative": "累计增量目标", "ceiling": "上限约束",
               "floor": "下限约束", "reduction": "降低目标", "range": "区间目标", "keep": "保持目标",
               "qualitative": "定性目标"}  # fmt: skip


def status_chart(counts: dict[Status, int]) -> dict[str, object]:
    """Data of the status chart."""
    return {"items": [{"key": s.value, "label": s.label, "value": n} for s, n in counts.items()]}


def path_chart(v: IndicatorDetail) -> dict[str, object]:
    """Data of the path chart: the plan's path and the actual figures on the target's scale."""
    g = v.item.goal
    targets = [{"year": t.year, "value": f"{t.year}年目标 {t.text}"} for t in v.targets if t.year]
    return {
        "unit": g.unit or "", "years": [p.year for p in v.points], "expected": [p.expected for p in v.points],
        "achieved": [p.achieved for p in v.points], "baseline_year": g.baseline_year,
        "scale": "累计变化 %" if g.kind.value in ("growth", "reduction") else (g.unit or ""),
        "current": v.assessment.actual_year, "targets": targets,
    }  # fmt: skip


def _supervision(ctx: Ctx, region_code: str, code: str) -> dict[str, object]:
    """For administrators on internal pages: the indicator's 督办 item, or the units to assign it to."""
    if ctx.portal or not allowed(ctx.who, Action.MANAGE_WORKFLOW):
        return {"can_supervise": False}
    item = workflow_items.item_of_key(ctx.db, workflow_items.indicator_key(region_code, code))
    units = [] if item else workflow_items.region_units(ctx.db, region_code)
    return {"can_supervise": True, "supervised_item": item, "region_units": units}


def router(public: bool) -> APIRouter:
    """The dashboard and indicator pages (internal, or the portal's)."""
    dep = portal if public else page
    r = APIRouter(prefix="/public" if public else "", include_in_schema=False)

    @r.get("/dashboard")
    def dashboard_page(
        ctx: Ctx = Depends(dep), region: str | None = None, year: int | None = None, category: str | None = None,
        attribute: str | None = None, status: str | None = None,
    ) -> Response:  # fmt: skip
        chosen = region or default_region(ctx.db, ctx.settings.default_region, ctx.scope)
        if chosen is None:
            return render(ctx, "empty.html", active="dashboard", message="还没有规划数据:请先上传规划文件。")
        d = dashboard(
            ctx.db, ctx.scope, chosen, year, Filters(category or None, attribute or None, status or None)
        )
        multi = len({line.item.region.code for line in d.lines}) > 1
        sup = None if ctx.portal else supervision_summary(ctx.db, ctx.settings, d.region.code)
        return render(
            ctx, "dashboard.html", d=d, chart=status_chart(d.counts), active="dashboard", multi=multi, sup=sup
        )

    @r.get("/indicators/{region}/{code}")
    def indicator_page(region: str, code: str, ctx: Ctx = Depends(dep), year: int | None = None) -> Response:
        v = indicator_detail(ctx.db, ctx.scope, region, code, year)
        item = v.item
        pace = v.assessment.pace
        ctx = with_form_token(ctx) if ctx.portal else ctx  # the portal's comment form
        response = render(
            ctx, "indicator.html", v=v, chart=path_chart(v), active="dashboard", target=target_text(item) or "—",
            attribute_label=ATTRIBUTE_LABELS.get(item.goal.attribute.value if item.goal.attribute else "", "属性未标明"),
            kind_label=KIND_LABELS.get(item.goal.kind.value, item.goal.kind.value), pace=pace,
            pace_unit="%" if pace is not None and pace.compound else (item.goal.unit or ""),
            published=bool(published_among(ctx.db, "indicator", [indicator_key(item.region.code, item.code)])),
            comments=feedback.approved(ctx.db, "indicator", indicator_key(item.region.code, item.code)),
            supervision=_supervision(ctx, item.region.code, item.code),
            object_type="indicator", object_key=indicator_key(item.region.code, item.code),
        )  # fmt: skip
        return keep_form_token(ctx, response) if ctx.portal else response

    return r
