"""``重点项目`` and ``任务`` (tasks by unit)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from planwatch.auth.policy import Action, allowed
from planwatch.services.projects_view import project_boxes
from planwatch.services.region_tree import region_tree
from planwatch.services.unit_tasks import tasks_by_unit
from planwatch.web.context import Ctx, page, portal
from planwatch.web.render import render


def region_choices(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the regions with visible documents, for the region filter."""
    out: list[tuple[str, str]] = []
    todo = region_tree(ctx.db, ctx.scope)
    while todo:
        node = todo.pop(0)
        if node.documents:
            out.append((node.region.code, node.region.name))
        todo = node.children + todo
    return out


def router(public: bool) -> APIRouter:
    """The projects and tasks pages (internal, or the portal's)."""
    dep = portal if public else page
    r = APIRouter(prefix="/public" if public else "", include_in_schema=False)

    @r.get("/projects")
    def projects_page(ctx: Ctx = Depends(dep), region: str | None = None) -> Response:
        boxes = project_boxes(ctx.db, ctx.scope, region or None)
        total = sum(len(b.projects) for b in boxes)
        return render(ctx, "projects.html", boxes=boxes, total=total, region=region, active="projects",
                      region_choices=region_choices(ctx),
                      can_manage=not ctx.portal and allowed(ctx.who, Action.MANAGE_WORKFLOW))  # fmt: skip

    @r.get("/tasks")
    def tasks_page(ctx: Ctx = Depends(dep), region: str | None = None, unit: int | None = None) -> Response:
        units = tasks_by_unit(ctx.db, ctx.scope, region or None, unit)
        return render(
            ctx, "tasks.html", units=units, region=region, active="tasks", region_choices=region_choices(ctx)
        )

    return r
