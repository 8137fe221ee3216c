"""Property-based API testing with schemathesis on the app's own OpenAPI schema, in-process (ASGI):
generated calls, as the public and as a signed-in administrator (with the CSRF token, so that the
state-changing calls run too), must never meet a server error."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from planwatch.store.engine import Database
from planwatch.web.app import create_app
from tests.web.conftest import Web, app_settings


@pytest.fixture(scope="module")
def api_app(
    demo_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[FastAPI, dict[str, str]]]:
    """The app on a copy of the demo, and the headers of a signed-in administrator."""
    folder = tmp_path_factory.mktemp("schemathesis")
    shutil.copy(demo_template, folder / "planwatch.db")
    cfg = app_settings(folder, f"sqlite:///{folder / 'planwatch.db'}")
    db = Database(cfg.database_url)
    app = create_app(cfg, db)
    with TestClient(app) as client:
        token = Web(db, cfg, client).login("admin")
        headers = {"Cookie": f"pw_session={client.cookies['pw_session']}", "X-CSRF-Token": token}
    yield app, headers
    db.dispose()


@pytest.fixture(scope="module")
def api_schema(api_app: tuple[FastAPI, dict[str, str]]) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", api_app[0])


SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def run_all(schema: Any, headers: dict[str, str] | None) -> list[str]:
    """Generate and send calls for every operation; the operations checked."""
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @SETTINGS
        def check(case: Any) -> None:
            case.call_and_validate(headers=headers, checks=[not_a_server_error])

        check()
        checked.append(f"{operation.method.upper()} {operation.path}")
    return checked


def test_no_server_error_as_the_public(api_schema: Any) -> None:
    checked = run_all(api_schema, None)
    assert len(checked) >= 12 and "GET /api/v1/status" in checked


def test_no_server_error_as_an_admin(api_schema: Any, api_app: tuple[FastAPI, dict[str, str]]) -> None:
    checked = run_all(api_schema, api_app[1])
    assert "POST /api/v1/documents" in checked and "POST /api/v1/publications" in checked
