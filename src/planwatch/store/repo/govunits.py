"""Queries on units of government: the registry of a region, aliases, task assignments."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from planwatch.store.tables import GovUnit, GovUnitAlias, TaskUnit


def units_of(session: Session, region_code: str | None) -> list[GovUnit]:
    """The units of one region's government (region None: units of no known region)."""
    column = GovUnit.region_code
    query = select(GovUnit).where(column.is_(None) if region_code is None else column == region_code)
    return list(session.scalars(query.order_by(GovUnit.id)))


def aliases_of(session: Session, unit_ids: list[int]) -> dict[int, list[str]]:
    """The written forms of units."""
    out: dict[int, list[str]] = {i: [] for i in unit_ids}
    if unit_ids:
        query = select(GovUnitAlias).where(GovUnitAlias.unit_id.in_(unit_ids)).order_by(GovUnitAlias.id)
        for alias in session.scalars(query):
            out[alias.unit_id].append(alias.alias)
    return out


def add_alias(session: Session, unit_id: int, alias: str) -> bool:
    """Record a written form of a unit; False when it was known."""
    query = select(GovUnitAlias).where(GovUnitAlias.unit_id == unit_id, GovUnitAlias.alias == alias)
    if session.scalars(query).first() is not None:
        return False
    session.add(GovUnitAlias(unit_id=unit_id, alias=alias))
    return True


def task_counts(session: Session, unit_ids: list[int]) -> dict[int, int]:
    """How many task assignments each unit has."""
    if not unit_ids:
        return {}
    query = (
        select(TaskUnit.unit_id, func.count())
        .where(TaskUnit.unit_id.in_(unit_ids))
        .group_by(TaskUnit.unit_id)
    )
    return dict(session.execute(query).all())


def merge(session: Session, keep: GovUnit, other: GovUnit) -> None:
    """Fold ``other`` into ``keep``: its aliases and task assignments move, then it is deleted."""
    keep_aliases = set(aliases_of(session, [keep.id])[keep.id])
    for alias in aliases_of(session, [other.id])[other.id]:
        if alias not in keep_aliases:
            session.add(GovUnitAlias(unit_id=keep.id, alias=alias))
    session.execute(update(TaskUnit).where(TaskUnit.unit_id == other.id).values(unit_id=keep.id))
    session.delete(other)
