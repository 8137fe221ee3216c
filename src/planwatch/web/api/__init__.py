"""The REST API ``/api/v1``: thin handlers over the services, paged lists with totals, one error shape."""

from __future__ import annotations

from fastapi import APIRouter

from planwatch.web.api import documents, facts, monitoring, regions, search, workflow
from planwatch.web.api.schemas import ERROR_RESPONSES


def router() -> APIRouter:
    """Every API route (mounted at /api/v1)."""
    r = APIRouter(responses=ERROR_RESPONSES)
    for module in (regions, documents, facts, monitoring, search, workflow):
        r.include_router(module.router)
    return r
