"""Loading many rows at once (a national corpus, a benchmark): batched multi-row INSERTs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import insert

from planwatch.store.engine import Database


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while batch := list(islice(it, size)):
        yield batch


def load_rows(db: Database, table: type[Any], rows: Iterable[dict[str, Any]], batch: int = 5000) -> int:
    """Insert rows into a table in batches, one transaction per batch; the number of rows."""
    count = 0
    for chunk in _batches(rows, batch):
        with db.engine.begin() as conn:
            conn.execute(insert(table), chunk)
        count += len(chunk)
    with db.engine.connect() as conn:
        if db.dialect == "sqlite":
            # fold the write-ahead log into the file, so that readers need not wade through it
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql(f'ANALYZE "{table.__tablename__}"')  # statistics for the query planner
            conn.commit()
        elif db.dialect == "postgresql":
            # fresh statistics, or the planner takes 700,000 new rows for a handful and picks bad plans
            conn.exec_driver_sql(f'ANALYZE "{table.__tablename__}"')
            conn.commit()
    return count
