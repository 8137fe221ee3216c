"""Writing observations entered by hand or imported from a file, and finding duplicates of them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.store.tables import ObservationRow

_SAME = ("indicator_id", "region_code", "year", "value", "growth", "text", "met")


def find_same(session: Session, values: dict[str, Any]) -> ObservationRow | None:
    """An entered observation equal to this one in every figure (so that importing twice adds nothing)."""
    query = select(ObservationRow).where(ObservationRow.document_id.is_(None))
    for name in _SAME:
        column = getattr(ObservationRow, name)
        value = values.get(name)
        query = query.where(column.is_(None) if value is None else column == value)
    return session.scalars(query.limit(1)).first()


def add(session: Session, values: dict[str, Any]) -> ObservationRow:
    """Insert an entered observation."""
    row = ObservationRow(**values)
    session.add(row)
    session.flush()
    return row


def entered(session: Session, region_code: str | None = None, limit: int = 200) -> list[ObservationRow]:
    """Imported and manual observations, newest first."""
    query = select(ObservationRow).where(ObservationRow.document_id.is_(None))
    if region_code:
        query = query.where(ObservationRow.region_code == region_code)
    return list(session.scalars(query.order_by(ObservationRow.id.desc()).limit(limit)))
