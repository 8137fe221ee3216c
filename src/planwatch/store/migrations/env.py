"""Alembic environment: migrations run on the connection PlanWatch passes in (see store/migrate.py)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from planwatch.store.search_index import include_name
from planwatch.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    """Run migrations online: on the given connection, or on ``sqlalchemy.url`` from the config."""
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("run migrations with `planwatch db upgrade` (no connection given)")
        with create_engine(url).begin() as conn:
            _migrate(conn)
        return
    _migrate(connection)


def _migrate(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only ALTER through table copies
        compare_type=True,
        include_name=include_name,  # the search index is made by hand (store/search_index.py)
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (--sql) migrations are not supported; run `planwatch db upgrade`")
run()
