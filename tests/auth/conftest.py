"""The auth suite runs on the store suite's real databases (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.store.conftest import Stack, pg_schema, sqlite_template, stack

__all__ = ["pg_schema", "sqlite_template", "stack"]


@pytest.fixture
def accounts(stack: Stack) -> Stack:
    """A fresh database without users, sessions, audit events or publications."""
    if stack.db.dialect == "postgresql":
        with stack.db.engine.begin() as conn:
            conn.execute(
                text("TRUNCATE sessions, user_units, audit_log, publications, users RESTART IDENTITY CASCADE")
            )
    return stack
