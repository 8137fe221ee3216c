"""The database handle: SQLite pragmas, PostgreSQL schemas, transactions that roll back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from planwatch.store.engine import Database
from planwatch.store.tables import Meta
from tests.store.conftest import Stack


def test_sqlite_has_foreign_keys_and_wal(tmp_path: object) -> None:
    db = Database(f"sqlite:///{tmp_path}/x/planwatch.db")  # the parent folder is created
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.dispose()


def test_postgres_uses_the_schema(stack: Stack) -> None:
    if stack.db.dialect != "postgresql":
        pytest.skip("PostgreSQL only")
    with stack.db.engine.connect() as conn:
        assert conn.execute(text("SELECT current_schema()")).scalar() == stack.settings.database_schema


def _add_then_fail(stack: Stack) -> None:
    with stack.db.transaction() as session:
        session.add(Meta(key="probe", value="1"))
        session.flush()
        raise RuntimeError("boom")


def test_a_failed_transaction_writes_nothing(stack: Stack) -> None:
    with pytest.raises(RuntimeError, match="boom"):
        _add_then_fail(stack)
    with stack.db.session() as session:
        assert session.scalar(select(func.count()).select_from(Meta).where(Meta.key == "probe")) == 0


def test_repr_hides_the_password() -> None:
    db = Database("postgresql+psycopg://user:secret@127.0.0.1:5432/x")
    assert "secret" not in repr(db)
    db.dispose()
