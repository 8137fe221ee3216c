"""Page routes. Every read-only page module has ``router(public)``: the same handlers serve the internal
pages (signed-in readers) and, under ``/public``, the public portal (published items only)."""

from __future__ import annotations

from fastapi import APIRouter

from planwatch.web.routes import (
    admin,
    auth,
    browse,
    dashboard,
    docs,
    documents,
    feedback,
    regions,
    reporting,
    reports,
    search,
    supervision,
    workflow_admin,
)

PAGE_MODULES = (dashboard, documents, browse, regions, search)


def routers() -> list[APIRouter]:
    """Every page router: sign-in, admin actions, API docs, and the pages twice (internal, portal)."""
    out = [auth.router(), admin.router(), docs.router(), documents.upload_router(), reports.router(),
           supervision.router(), reporting.router(), workflow_admin.router(), feedback.router()]  # fmt: skip
    for public in (False, True):
        out += [m.router(public) for m in PAGE_MODULES]
    return out
