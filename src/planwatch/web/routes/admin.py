"""Admin actions on pages: publish toggles, the audit log, the user list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from planwatch.auth.policy import Action, Role, require
from planwatch.services import audit, publish, users
from planwatch.services.audit import ACTION_LABELS, Actor
from planwatch.services.paging import Page, check
from planwatch.services.regions import RegionIndex
from planwatch.web.context import Ctx, page
from planwatch.web.render import render


def _actor(ctx: Ctx, request: Request) -> Actor:
    return Actor.of(ctx.who, request.client.host if request.client else None)


def router() -> APIRouter:
    """Admin routes (each checks its permission through the policy)."""
    r = APIRouter(include_in_schema=False)

    @r.post("/documents/{doc_id}/publish")
    def publish_document(
        doc_id: int, request: Request, on: Annotated[int, Form()], ctx: Ctx = Depends(page),
        with_indicators: Annotated[int, Form()] = 0,
    ) -> Response:  # fmt: skip
        require(ctx.who, Action.PUBLISH)
        publish.set_documents(
            ctx.db, [doc_id], bool(on), _actor(ctx, request), with_indicators=bool(with_indicators)
        )
        return RedirectResponse(f"/documents/{doc_id}", 303)

    @r.post("/indicators/{region}/{code}/publish")
    def publish_indicator(
        region: str, code: str, request: Request, on: Annotated[int, Form()], ctx: Ctx = Depends(page)
    ) -> Response:
        require(ctx.who, Action.PUBLISH)
        with ctx.db.session() as session:
            place = RegionIndex.load(session).require(region)
        publish.set_indicators(ctx.db, place.code, [code], bool(on), _actor(ctx, request))
        return RedirectResponse(f"/indicators/{place.code}/{code}", 303)

    @r.get("/admin/audit")
    def audit_page(ctx: Ctx = Depends(page), offset: int = 0) -> Response:
        require(ctx.who, Action.READ_AUDIT)
        limit, offset = check(100, max(offset, 0))
        events, total = audit.events(ctx.db, limit=limit, offset=offset)
        return render(
            ctx, "audit.html", page=Page(events, total, limit, offset), actions=ACTION_LABELS, active="admin"
        )

    @r.get("/admin/users")
    def users_page(ctx: Ctx = Depends(page)) -> Response:
        require(ctx.who, Action.MANAGE_USERS)
        roles = {role.value: role.label for role in Role}
        return render(ctx, "users.html", users=users.list_users(ctx.db), roles=roles, active="admin")

    return r
