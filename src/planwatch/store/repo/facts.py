"""Writing fact rows, and the manual links that survive re-ingest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from planwatch.store.repo.documents import current_filter
from planwatch.store.tables import DocumentRow, ManualLink, ObservationRow, TargetRow

Linkable = type[ObservationRow] | type[TargetRow]
LINKABLE: dict[str, Linkable] = {"observations": ObservationRow, "targets": TargetRow}


def insert_rows(session: Session, table: type[Any], rows: Sequence[dict[str, Any]]) -> None:
    """Insert rows with one executemany (batched by the driver)."""
    if rows:  # Core executemany: the ORM's bulk path would run one statement per row on SQLite
        session.connection().execute(insert(table.__table__), list(rows))


def insert_rows_returning(session: Session, table: type[Any], rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert rows and return their ids, in order (slower: only where the ids are needed)."""
    if not rows:
        return []
    result = session.scalars(insert(table).returning(table.id, sort_by_parameter_order=True), list(rows))
    return list(result)


def manual_links(session: Session, keys: Iterable[str]) -> dict[str, ManualLink]:
    """The manual links stored for these fact keys."""
    wanted = list(set(keys))
    found: dict[str, ManualLink] = {}
    for start in range(0, len(wanted), 500):
        query = select(ManualLink).where(ManualLink.fact_key.in_(wanted[start : start + 500]))
        found.update({link.fact_key: link for link in session.scalars(query)})
    return found


def save_manual_link(
    session: Session, fact_key: str, fact_type: str, label: str, indicator_id: int | None, user: str | None
) -> ManualLink:
    """Create or replace the manual link of a fact key."""
    link = session.scalars(select(ManualLink).where(ManualLink.fact_key == fact_key)).first()
    if link is None:
        link = ManualLink(fact_key=fact_key, fact_type=fact_type)
        session.add(link)
    link.label, link.indicator_id, link.ignored, link.created_by = (
        label,
        indicator_id,
        indicator_id is None,
        user,
    )
    return link


def set_link(session: Session, table: type[Any], fact_key: str, indicator_id: int | None, method: str) -> int:
    """Link every row with this fact key (all versions of the document); the number of rows."""
    result = session.execute(
        update(table).where(table.fact_key == fact_key).values(indicator_id=indicator_id, link_method=method)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def unmatched(session: Session, table: Linkable, limit: int = 1000) -> list[tuple[Any, DocumentRow]]:
    """Facts of current documents linked to no indicator and not set aside by a person."""
    ignored = select(ManualLink.fact_key).where(ManualLink.ignored)
    query = (
        select(table, DocumentRow)
        .join(DocumentRow, DocumentRow.id == table.document_id)
        .where(current_filter(), table.indicator_id.is_(None), table.fact_key.not_in(ignored))
        .order_by(table.id)
        .limit(limit)
    )
    return [(fact, doc) for fact, doc in session.execute(query)]


def relinkable(session: Session, table: type[Any]) -> list[Any]:
    """Facts of current documents whose link came from matching (not from a person)."""
    query = (
        select(table)
        .join(DocumentRow, DocumentRow.id == table.document_id)
        .where(current_filter(), (table.link_method.is_(None)) | (table.link_method != "manual"))
    )
    return list(session.scalars(query))
