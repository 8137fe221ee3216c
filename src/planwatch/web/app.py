"""The app factory: ``create_app(settings)`` wires the database, templates, middleware, the one error
handler, the CSRF guard, the pages (internal and public portal), the REST API and the assets.

``uvicorn --factory planwatch.web.app:create_app`` (what ``planwatch serve`` runs) reads the settings
from the environment.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from planwatch.services.database import open_database
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.web import api, assets, errors, routes
from planwatch.web.limits import BodyLimit
from planwatch.web.render import make_templates
from planwatch.web.security import SecurityHeaders, csrf_guard

DESCRIPTION = """规划实施监测评估系统 PlanWatch 的 REST API:地区、文档、事实(主要指标、目标、任务、重点项目、实际值)、
指标库、监测状态和全文搜索。未登录时只返回已公开的内容;登录后(会话 Cookie)返回全部内容。
列表都分页(`limit`/`offset`,返回 `total`);错误统一为 `{"error": {"code", "message", "detail"}}`。"""


def create_app(settings: Settings | None = None, db: Database | None = None) -> FastAPI:
    """The PlanWatch web app on the configured database (migrated and seeded on start)."""
    settings = settings or Settings.from_env()
    db = db or open_database(settings)
    app = FastAPI(
        title="PlanWatch API", version="1", description=DESCRIPTION, docs_url=None, redoc_url=None,
        openapi_url="/openapi.json", dependencies=[Depends(csrf_guard)],
    )  # fmt: skip
    app.state.settings, app.state.db, app.state.templates = settings, db, make_templates()
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.upload_max_bytes)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    app.include_router(assets.router(settings))
    app.include_router(api.router(), prefix="/api/v1")
    for router in routes.routers():
        app.include_router(router)
    return app
