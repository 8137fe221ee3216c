"""Fixtures of the store suite: a real database per test, on SQLite and on PostgreSQL.

``stack`` is parametrised over both back ends. SQLite: a file copied from a template migrated and
seeded once per session. PostgreSQL: one schema per test session (created, used through
``search_path``, dropped at the end), emptied of everything but the seeded rows before each test;
skipped with a message when no server answers. Extraction is pure, so documents are extracted once
per session and stored by each test (``extracted``).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text

from planwatch.services.database import prepare
from planwatch.services.extracted import Extracted, extract_file
from planwatch.services.ingest import IngestResult, store_extracted
from planwatch.services.regions import RegionIndex
from planwatch.settings import Settings
from planwatch.store.engine import Database
from tests.conftest import DEMO, seed_files

PG_URL = os.environ.get("PLANWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
DYNAMIC_TABLES = (
    "feedback", "report_schedules", "report_attachments", "report_revisions", "progress_reports", "milestones",
    "assignments", "work_items", "task_units", "gov_unit_aliases", "gov_units", "manual_links", "headings", "observations", "projects",
    "tasks", "targets", "indicators", "documents", "region_aliases",
)  # fmt: skip


@dataclass
class Stack:
    """A database and the settings that point at it (what a command would get from the environment)."""

    db: Database
    settings: Settings
    env: dict[str, str]

    def store(self, ex: Extracted) -> IngestResult:
        """Store one extracted document in its own transaction, as ingest does."""
        with self.db.session() as session:
            index = RegionIndex.load(session)
        return store_extracted(self.db, index, ex)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated and seeded SQLite file, copied by each test."""
    path = tmp_path_factory.mktemp("template") / "planwatch.db"
    db = Database(f"sqlite:///{path}")
    prepare(db, Settings(data_dir=path.parent, database_url=db.url))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[str]:
    """A schema of its own for this test session on the PostgreSQL server, dropped at the end."""
    try:
        import psycopg

        with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), connect_timeout=3):
            pass
    except Exception as exc:
        pytest.skip(
            f"PostgreSQL not reachable at {PG_URL} ({type(exc).__name__}); start it or set PLANWATCH_TEST_POSTGRES_URL"
        )
    schema = f"pw_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    db = Database(PG_URL, schema=schema)
    prepare(db, Settings(database_url=PG_URL, database_schema=schema))
    db.dispose()
    yield schema
    admin = Database(PG_URL)
    with admin.engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _reset_postgres(db: Database, settings: Settings) -> None:
    """Empty every table but the seeded ones, and put the seeded ones back as seeded."""
    with db.engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(DYNAMIC_TABLES)} RESTART IDENTITY CASCADE"))
        conn.execute(text("DELETE FROM regions WHERE custom"))
        conn.execute(text("DELETE FROM catalog_synonyms WHERE source <> 'file'"))
        conn.execute(text("DELETE FROM catalog_indicators WHERE source <> 'file'"))
        conn.execute(text("DELETE FROM meta WHERE key = 'catalog_hash'"))
    prepare(db, settings)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def stack(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A fresh, migrated and seeded database for one test (its files outside the test's tmp_path)."""
    data = tmp_path_factory.mktemp("data")
    if request.param == "sqlite":
        path = data / "planwatch.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        settings = Settings(data_dir=path.parent, database_url=f"sqlite:///{path}")
        env = {"PLANWATCH_DATA_DIR": str(path.parent), "PLANWATCH_DATABASE_URL": settings.database_url}
    else:
        schema = request.getfixturevalue("pg_schema")
        settings = Settings(data_dir=data, database_url=PG_URL, database_schema=schema)
        env = {
            "PLANWATCH_DATA_DIR": str(data),
            "PLANWATCH_DATABASE_URL": PG_URL,
            "PLANWATCH_DATABASE_SCHEMA": schema,
        }
    db = Database(settings.effective_database_url, schema=settings.database_schema or None)
    if request.param == "postgres":
        _reset_postgres(db, settings)
    yield Stack(db, settings, env)
    db.dispose()


_CACHE: dict[Path, Extracted] = {}


def extracted(path: Path) -> Extracted:
    """A file's extraction, computed once per session (extraction is pure)."""
    if path not in _CACHE:
        _CACHE[path] = extract_file(path)
    return _CACHE[path]


DEMO_REGIONS = DEMO.parent / "regions.csv"
DEMO_ACTUALS = DEMO.parent / "actuals.csv"


@pytest.fixture
def seeds_extracted() -> list[Extracted]:
    """The seed documents, extracted; skipped when ../shared/seeds is absent."""
    files = seed_files()
    if not files:
        pytest.skip("seed documents not found at ../shared/seeds (they are not part of this repository)")
    return [extracted(f) for f in files]
