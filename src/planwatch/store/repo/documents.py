"""Queries on documents: versions, current rows, failures."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from planwatch.store.tables import DocumentRow


def current_filter() -> ColumnElement[bool]:
    """The WHERE clause of current versions: ok and not superseded."""
    return (DocumentRow.status == "ok") & DocumentRow.superseded_by.is_(None)


def by_hash(session: Session, content_hash: str) -> DocumentRow | None:
    """The ok document with this content hash (any version), newest first."""
    query = (
        select(DocumentRow)
        .where(DocumentRow.content_hash == content_hash, DocumentRow.status == "ok")
        .order_by(DocumentRow.id.desc())
    )
    return session.scalars(query).first()


def failed_by_hash(session: Session, content_hash: str, source_path: str) -> DocumentRow | None:
    """An earlier failure of the same file (same bytes at the same path)."""
    query = select(DocumentRow).where(
        DocumentRow.content_hash == content_hash,
        DocumentRow.source_path == source_path,
        DocumentRow.status == "failed",
        DocumentRow.superseded_by.is_(None),
    )
    return session.scalars(query).first()


def previous_version(session: Session, logical_key: str, source_path: str) -> DocumentRow | None:
    """The current version this document replaces: same logical key, or same source path."""
    query = (
        select(DocumentRow)
        .where(
            current_filter(),
            or_(DocumentRow.logical_key == logical_key, DocumentRow.source_path == source_path),
        )
        .order_by(DocumentRow.id.desc())
    )
    return session.scalars(query).first()


def failures_at(session: Session, source_path: str) -> list[DocumentRow]:
    """Open failures recorded for a path (closed once the path ingests successfully)."""
    query = select(DocumentRow).where(
        DocumentRow.source_path == source_path,
        DocumentRow.status == "failed",
        DocumentRow.superseded_by.is_(None),
    )
    return list(session.scalars(query))


def counts(session: Session) -> dict[str, int]:
    """Documents by state: current, superseded, failed."""
    rows = session.execute(
        select(DocumentRow.status, DocumentRow.superseded_by.is_(None), func.count()).group_by(
            DocumentRow.status, DocumentRow.superseded_by.is_(None)
        )
    )
    out = {"current": 0, "superseded": 0, "failed": 0}
    for status, open_, n in rows:
        key = "failed" if status == "failed" else "current" if open_ else "superseded"
        out[key] += n
    return out


def list_documents(
    session: Session, *, region_codes: list[str] | None = None, all_versions: bool = False
) -> list[DocumentRow]:
    """Documents (current versions unless ``all_versions``), newest first, without their text."""
    query = select(DocumentRow).order_by(DocumentRow.id.desc())
    if not all_versions:
        query = query.where(current_filter())
    if region_codes is not None:
        query = query.where(DocumentRow.region_code.in_(region_codes))
    return list(session.scalars(query))


def table_counts(session: Session) -> dict[str, int]:
    """Rows per fact table, and regions, catalogue entries and entered observations."""
    from planwatch.store.tables import FACT_TABLES, CatalogIndicator, ObservationRow, RegionRow

    out = {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in FACT_TABLES.items()
    }
    out["entered observations"] = (
        session.scalar(
            select(func.count()).select_from(ObservationRow).where(ObservationRow.document_id.is_(None))
        )
        or 0
    )
    out["regions"] = session.scalar(select(func.count()).select_from(RegionRow)) or 0
    out["catalogue entries"] = session.scalar(select(func.count()).select_from(CatalogIndicator)) or 0
    return out
