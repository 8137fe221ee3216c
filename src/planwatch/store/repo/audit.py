"""The audit log: inserts and reads only. There is no update or delete here, and the database refuses
both (triggers from migration 0002)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from planwatch.store.tables import AuditRow


def append(session: Session, values: dict[str, Any]) -> None:
    """Add one event."""
    session.execute(insert(AuditRow).values(**values))


def page(
    session: Session, *, action: str | None = None, object_type: str | None = None,
    object_id: str | None = None, limit: int = 50, offset: int = 0,
) -> tuple[list[AuditRow], int]:  # fmt: skip
    """Events, newest first, and how many match."""
    query = select(AuditRow)
    if action:
        query = query.where(AuditRow.action == action)
    if object_type:
        query = query.where(AuditRow.object_type == object_type)
    if object_id:
        query = query.where(AuditRow.object_id == object_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(query.order_by(AuditRow.id.desc()).limit(limit).offset(offset))
    return list(rows), total


def count_from(session: Session, ip: str, since: datetime, actions: Collection[str]) -> int:
    """How many events of these kinds came from one address since a time (the per-address login limit)."""
    query = select(func.count()).where(
        AuditRow.ip == ip, AuditRow.at >= since, AuditRow.action.in_(list(actions))
    )
    return session.scalar(query) or 0
