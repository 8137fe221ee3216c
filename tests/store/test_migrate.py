"""Migrations: the schema Alembic builds is the schema the models declare, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from planwatch.store import migrate
from planwatch.store.search_index import include_name
from planwatch.store.tables import Base
from tests.store.conftest import Stack


def test_database_is_at_head(stack: Stack) -> None:
    assert migrate.current_revision(stack.db) == migrate.head_revision()
    assert migrate.ensure_schema(stack.db) is False  # nothing to do at head


def test_migrations_match_the_models(stack: Stack) -> None:
    """GIVEN a database upgraded by the migrations WHEN compared with the models THEN nothing differs."""
    with stack.db.engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name}),
            Base.metadata,
        )
    assert diff == []


def test_every_table_exists(stack: Stack) -> None:
    tables = set(inspect(stack.db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_downgrade_to_base_and_up_again(stack: Stack) -> None:
    migrate.downgrade(stack.db, "base")
    assert migrate.current_revision(stack.db) is None
    assert not set(Base.metadata.tables) & set(inspect(stack.db.engine).get_table_names())
    migrate.upgrade(stack.db)
    assert migrate.current_revision(stack.db) == migrate.head_revision()
