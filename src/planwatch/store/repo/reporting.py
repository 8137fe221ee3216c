"""Queries behind the evaluation reports: plan rows with their documents, the sources of the figures
a report shows, and a region's tasks and projects from its current documents."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.store.repo.documents import current_filter
from planwatch.store.tables import DocumentRow, IndicatorRow, ObservationRow, ProjectRow, TaskRow


def plan_rows(session: Session, fact_ids: Collection[int]) -> dict[int, tuple[IndicatorRow, DocumentRow]]:
    """Main-indicator rows by id, with the plan document each comes from."""
    if not fact_ids:
        return {}
    query = select(IndicatorRow, DocumentRow).join(DocumentRow, DocumentRow.id == IndicatorRow.document_id)
    return {
        row.id: (row, doc) for row, doc in session.execute(query.where(IndicatorRow.id.in_(list(fact_ids))))
    }


def observation_sources(
    session: Session, region_code: str, indicator_ids: Collection[int], years: Collection[int]
) -> list[tuple[ObservationRow, DocumentRow | None]]:
    """Every stored figure of these indicators in this region for these years, with its document."""
    if not indicator_ids or not years:
        return []
    o = ObservationRow
    query = (
        select(o, DocumentRow)
        .outerjoin(DocumentRow, DocumentRow.id == o.document_id)
        .where(o.region_code == region_code, o.indicator_id.in_(list(indicator_ids)), o.year.in_(list(years)))
        .where((o.document_id.is_(None)) | current_filter())
        .order_by(o.year, o.id)
    )
    return [(row, doc) for row, doc in session.execute(query)]


def region_facts(session: Session, region_code: str, table: type[Any]) -> list[tuple[Any, DocumentRow]]:
    """Tasks or projects of a region's current documents, in document order."""
    query = (
        select(table, DocumentRow)
        .join(DocumentRow, DocumentRow.id == table.document_id)
        .where(DocumentRow.region_code == region_code, current_filter())
        .order_by(DocumentRow.id, table.ordinal)
    )
    return [(row, doc) for row, doc in session.execute(query)]


def tasks(session: Session, region_code: str) -> list[tuple[TaskRow, DocumentRow]]:
    """The region's tasks (of its task-division schemes and plans)."""
    return region_facts(session, region_code, TaskRow)


def projects(session: Session, region_code: str) -> list[tuple[ProjectRow, DocumentRow]]:
    """The region's key projects (专栏)."""
    return region_facts(session, region_code, ProjectRow)
