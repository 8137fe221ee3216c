"""``/docs``: the OpenAPI documentation, Swagger UI served from node_modules (no CDN, no inline script)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates


def router() -> APIRouter:
    """The API documentation page."""
    r = APIRouter(include_in_schema=False)

    @r.get("/docs")
    def docs(request: Request) -> Response:
        templates: Jinja2Templates = request.app.state.templates
        return templates.TemplateResponse(request, "docs.html", {})

    return r
