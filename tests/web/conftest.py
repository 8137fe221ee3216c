"""Fixtures of the web suite: the demo loaded into a real database, the app on it, signed-in clients.

``demo_template`` loads the demo once per session into a SQLite file (regions, the seven demo
documents, the imported actuals, four users, 星湖县's documents and indicators published); ``web``
copies it for each test. ``any_web`` is parametrised over SQLite and PostgreSQL and loads the demo
into the store suite's fresh database (slower: for the tests that must hold on both).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from planwatch.services import observe, publish, region_edit, users
from planwatch.services.audit import Actor
from planwatch.services.regions import RegionIndex
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.web.app import create_app
from tests.conftest import DEMO
from tests.store.conftest import (
    DEMO_ACTUALS,
    DEMO_REGIONS,
    Stack,
    extracted,
    pg_schema,
    sqlite_template,
    stack,
)

__all__ = ["pg_schema", "sqlite_template", "stack"]  # the store suite's fixtures, used here too

PASSWORDS = {"admin": "Admin-pass-2026", "reviewer": "Review-pass-2026", "reporter": "Report-pass-2026",
             "leader": "Leader-pass-2026"}  # fmt: skip
XINGHU = "X00002"  # the demo's 星湖县 (custom region codes follow demo/regions.csv)
WEB_TABLES = ("sessions", "user_units", "audit_log", "publications", "users")


def load_demo(db: Database) -> None:
    """Regions, documents, actuals, users and publications of the demo."""
    region_edit.import_regions(db, DEMO_REGIONS)
    with db.session() as session:
        index = RegionIndex.load(session)
    from planwatch.services.ingest import store_extracted

    for path in sorted(DEMO.iterdir()):
        assert store_extracted(db, index, extracted(path)).outcome == "new"
    assert observe.import_observations(db, DEMO_ACTUALS, "demo").errors == []
    actor = Actor("test")
    unit = next(u for u in _units(db) if "发展改革" in u)
    for name, password in PASSWORDS.items():
        units = [unit] if name == "reporter" else []
        users.add_user(db, name, password, name, actor, display_name=name.title(), units=units)
    ids = publish.documents_matching(db, region_codes=[XINGHU])
    publish.set_documents(db, ids, True, actor, with_indicators=True)


def _units(db: Database) -> list[str]:
    from planwatch.services.govunits import list_units

    return [u.name for u in list_units(db, "星湖县")]


@dataclass
class Web:
    """The app on a database, with a client; ``login`` signs the client in."""

    db: Database
    settings: Settings
    client: TestClient

    def login(self, username: str, password: str | None = None) -> str:
        """Sign in through the form; returns the session's CSRF token."""
        page = self.client.get("/login")
        token = csrf_of(page.text)
        r = self.client.post("/login", data={"username": username, "password": password or PASSWORDS[username],
                                             "csrf_token": token}, follow_redirects=False)  # fmt: skip
        assert r.status_code == 303, r.text
        return csrf_of(self.client.get("/dashboard").text)


def csrf_of(html: str) -> str:
    """The CSRF token a page carries in its forms."""
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token on the page"
    return m.group(1)


@pytest.fixture(scope="session")
def demo_template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the demo loaded (made once per test session)."""
    path = tmp_path_factory.mktemp("webdemo") / "planwatch.db"
    shutil.copy(sqlite_template, path)
    db = Database(f"sqlite:///{path}")
    load_demo(db)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


def app_settings(data: Path, url: str, schema: str = "", **extra: object) -> Settings:
    """Settings for a test app (uploads in ``data``)."""
    return Settings(data_dir=data, database_url=url, database_schema=schema, **extra)  # type: ignore[arg-type]


@pytest.fixture
def web(demo_template: Path, tmp_path: Path) -> Iterator[Web]:
    """The app on a copy of the demo database (SQLite)."""
    path = tmp_path / "planwatch.db"
    shutil.copy(demo_template, path)
    settings = app_settings(tmp_path, f"sqlite:///{path}")
    db = Database(settings.database_url)
    with TestClient(create_app(settings, db), base_url="http://testserver") as client:
        yield Web(db, settings, client)
    db.dispose()


@pytest.fixture
def any_web(stack: Stack) -> Iterator[Web]:
    """The app on the demo in a fresh database of each kind (SQLite and PostgreSQL)."""
    if stack.db.dialect == "postgresql":
        with stack.db.engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {', '.join(WEB_TABLES)} RESTART IDENTITY CASCADE"))
    load_demo(stack.db)
    with TestClient(create_app(stack.settings, stack.db), base_url="http://testserver") as client:
        yield Web(stack.db, stack.settings, client)
