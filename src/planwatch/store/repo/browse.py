"""Read queries behind the web pages and the API: documents and their facts, projects, tasks by unit,
the observations and yearly targets of one indicator. ``public`` limits documents to published ones."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from planwatch.store.repo.documents import current_filter
from planwatch.store.repo.publish import published_subquery
from planwatch.store.tables import (
    FACT_TABLES,
    CatalogIndicator,
    DocumentRow,
    GovUnit,
    ObservationRow,
    ProjectRow,
    TaskRow,
    TaskUnit,
)

EVIDENCE_TYPES = ("indicators", "targets", "tasks", "projects", "observations")


def visible(public: bool) -> ColumnElement[bool]:
    """Current documents, and with ``public`` only published ones."""
    cond = current_filter()
    if public:
        cond = cond & DocumentRow.logical_key.in_(published_subquery("document"))  # type: ignore[arg-type]
    return cond


def count(session: Session, query: Select[Any] | Any) -> int:
    """How many rows a query returns."""
    return session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def documents(
    session: Session,
    public: bool,
    region_codes: Collection[str] | None,
    kind: str | None,
    limit: int,
    offset: int,
) -> tuple[list[DocumentRow], int]:
    """Current documents (newest first) and how many there are."""
    query = select(DocumentRow).where(visible(public))
    if region_codes is not None:
        query = query.where(DocumentRow.region_code.in_(list(region_codes)))
    if kind:
        query = query.where(DocumentRow.kind == kind)
    total = count(session, query)
    rows = session.scalars(
        query.order_by(DocumentRow.published.desc(), DocumentRow.id.desc()).limit(limit).offset(offset)
    )
    return list(rows), total


def failed(session: Session, limit: int) -> list[DocumentRow]:
    """Open ingest failures, newest first."""
    query = select(DocumentRow).where(DocumentRow.status == "failed", DocumentRow.superseded_by.is_(None))
    return list(session.scalars(query.order_by(DocumentRow.id.desc()).limit(limit)))


def document(session: Session, doc_id: int, public: bool) -> DocumentRow | None:
    """A document by id (any version; with ``public`` only a current, published one)."""
    query = select(DocumentRow).where(DocumentRow.id == doc_id)
    if public:
        query = query.where(visible(True))
    return session.scalars(query).first()


def fact_counts(session: Session, doc_ids: list[int]) -> dict[int, dict[str, int]]:
    """Facts per type per document."""
    out: dict[int, dict[str, int]] = {i: {} for i in doc_ids}
    if not doc_ids:
        return out
    for name in EVIDENCE_TYPES:
        table: Any = FACT_TABLES[name]
        query = select(table.document_id, func.count()).where(table.document_id.in_(doc_ids))
        for doc_id, n in session.execute(query.group_by(table.document_id)):
            out[doc_id][name] = n
    return out


def facts_of(session: Session, doc_id: int, name: str) -> list[Any]:
    """One fact table's rows of a document, in document order."""
    table: Any = FACT_TABLES[name]
    return list(session.scalars(select(table).where(table.document_id == doc_id).order_by(table.ordinal)))


def facts(
    session: Session, name: str, public: bool, region_codes: Collection[str] | None, document_id: int | None,
    limit: int, offset: int,
) -> tuple[list[tuple[Any, DocumentRow]], int]:  # fmt: skip
    """Facts of one type from visible documents, with their document, and how many there are."""
    table: Any = FACT_TABLES[name]
    query = (
        select(table, DocumentRow)
        .join(DocumentRow, DocumentRow.id == table.document_id)
        .where(visible(public))
    )
    if region_codes is not None:
        query = query.where(table.region_code.in_(list(region_codes)))
    if document_id is not None:
        query = query.where(table.document_id == document_id)
    total = count(session, query)
    rows = session.execute(query.order_by(table.document_id, table.ordinal).limit(limit).offset(offset))
    return [(f, d) for f, d in rows], total


def projects(
    session: Session, public: bool, region_codes: Collection[str] | None
) -> list[tuple[ProjectRow, DocumentRow]]:
    """Key projects of visible documents, by document and position."""
    query = select(ProjectRow, DocumentRow).join(DocumentRow, DocumentRow.id == ProjectRow.document_id)
    query = query.where(visible(public))
    if region_codes is not None:
        query = query.where(ProjectRow.region_code.in_(list(region_codes)))
    return [(p, d) for p, d in session.execute(query.order_by(DocumentRow.id, ProjectRow.ordinal))]


def unit_tasks(
    session: Session, public: bool, region_codes: Collection[str] | None
) -> list[tuple[GovUnit, str, TaskRow, DocumentRow]]:
    """(unit, role, task, document) for every task assignment in visible documents."""
    query = (
        select(GovUnit, TaskUnit.role, TaskRow, DocumentRow)
        .join(TaskUnit, TaskUnit.unit_id == GovUnit.id)
        .join(TaskRow, TaskRow.id == TaskUnit.task_id)
        .join(DocumentRow, DocumentRow.id == TaskRow.document_id)
        .where(visible(public))
    )
    if region_codes is not None:
        query = query.where(TaskRow.region_code.in_(list(region_codes)))
    order = (GovUnit.name, TaskUnit.role, TaskRow.document_id, TaskRow.ordinal)
    return [(u, r, t, d) for u, r, t, d in session.execute(query.order_by(*order))]


def catalogue(
    session: Session, search: str | None, category: str | None, limit: int, offset: int
) -> tuple[list[CatalogIndicator], int]:
    """Catalogue entries (curated first, then by code) and how many match."""
    query = select(CatalogIndicator)
    if search:
        like = f"%{search}%"
        query = query.where(or_(CatalogIndicator.name.like(like), CatalogIndicator.code.like(like)))
    if category:
        query = query.where(CatalogIndicator.category == category)
    total = count(session, query)
    order = (CatalogIndicator.source != "file", CatalogIndicator.code)
    return list(session.scalars(query.order_by(*order).limit(limit).offset(offset))), total


def observations(
    session: Session, public: bool, region_codes: Collection[str] | None, indicator_id: int | None,
    year: int | None, limit: int, offset: int,
) -> tuple[list[tuple[ObservationRow, DocumentRow | None, str | None]], int]:  # fmt: skip
    """Observations (with document and catalogue code), from visible documents or entered."""
    query = (
        select(ObservationRow, DocumentRow, CatalogIndicator.code)
        .outerjoin(DocumentRow, DocumentRow.id == ObservationRow.document_id)
        .outerjoin(CatalogIndicator, CatalogIndicator.id == ObservationRow.indicator_id)
        .where(or_(ObservationRow.document_id.is_(None), visible(public)))
    )
    if public:  # entered figures are public only through a published indicator's page
        query = query.where(ObservationRow.document_id.is_not(None))
    if region_codes is not None:
        query = query.where(ObservationRow.region_code.in_(list(region_codes)))
    if indicator_id is not None:
        query = query.where(ObservationRow.indicator_id == indicator_id)
    if year is not None:
        query = query.where(ObservationRow.year == year)
    total = count(session, query)
    rows = session.execute(query.order_by(ObservationRow.id).limit(limit).offset(offset))
    return [(o, d, c) for o, d, c in rows], total


def region_codes_with_documents(session: Session, public: bool) -> dict[str, int]:
    """Region code → number of visible documents."""
    query = select(DocumentRow.region_code, func.count()).where(
        visible(public), DocumentRow.region_code.is_not(None)
    )
    return {code: n for code, n in session.execute(query.group_by(DocumentRow.region_code)) if code}
