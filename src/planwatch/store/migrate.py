"""Schema migrations with Alembic, run from code: ``upgrade(db)`` is ``planwatch db upgrade``.

``ensure_schema`` is what the CLI and the app call on start: upgrade to head when behind, then
sync the seeded data (gazetteer regions, indicator catalogue) when their sources changed.
"""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from planwatch.store.engine import Database

SCRIPT_LOCATION = "planwatch.store:migrations"


def alembic_config() -> Config:
    """An Alembic configuration pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def head_revision() -> str:
    """The newest migration's revision id."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def current_revision(db: Database) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, revision: str = "head") -> None:
    """Apply migrations up to ``revision`` (creating the PostgreSQL schema first if one is set)."""
    config = alembic_config()
    with db.engine.begin() as conn:
        if db.schema and db.dialect == "postgresql":
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{db.schema}"'))
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def downgrade(db: Database, revision: str) -> None:
    """Revert migrations down to ``revision`` ("base" empties the database)."""
    config = alembic_config()
    with db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def ensure_schema(db: Database) -> bool:
    """Upgrade when behind head; returns True when migrations ran."""
    if current_revision(db) == head_revision():
        return False
    upgrade(db)
    return True
