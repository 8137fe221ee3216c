"""Front-end packages, served from node_modules (installed by ``npm ci`` from package-lock.json; never a
CDN). Only the files listed here are served."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from planwatch.errors import NotFoundError
from planwatch.settings import Settings

VENDOR = {
    "echarts.min.js": "echarts/dist/echarts.min.js",
    "htmx.min.js": "htmx.org/dist/htmx.min.js",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}
CACHE = "public, max-age=86400"


def packages_dir(settings: Settings) -> Path:
    """The node_modules folder: the setting, else the nearest one above this package (the repository's)."""
    if settings.static_packages_dir:
        return settings.static_packages_dir
    for parent in Path(__file__).resolve().parents:
        if (parent / "node_modules").is_dir():
            return parent / "node_modules"
    return Path.cwd() / "node_modules"


def missing(settings: Settings) -> list[str]:
    """Vendor files that are not installed (run `npm ci`)."""
    root = packages_dir(settings)
    return [name for name, rel in VENDOR.items() if not (root / rel).is_file()]


def router(settings: Settings) -> APIRouter:
    """``/vendor/{name}``: one of the listed files."""
    root = packages_dir(settings)
    r = APIRouter(include_in_schema=False)

    @r.get("/vendor/{name}")
    def vendor(name: str) -> FileResponse:
        rel = VENDOR.get(name)
        if rel is None or not (root / rel).is_file():
            raise NotFoundError(f"no vendor file {name!r}", hint="run `npm ci` in the repository")
        return FileResponse(root / rel, headers={"cache-control": CACHE})

    return r
