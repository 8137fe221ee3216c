"""Read queries behind the indicator page: the observations and yearly targets of one indicator in one
region, and the evidence of one fact. ``public`` limits documents to published ones."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import or_, select, true
from sqlalchemy.orm import Session

from planwatch.store.repo.browse import visible
from planwatch.store.tables import FACT_TABLES, DocumentRow, ObservationRow, TargetRow


def indicator_observations(
    session: Session, public: bool, region_code: str, indicator_ids: Collection[int]
) -> list[tuple[ObservationRow, DocumentRow | None]]:
    """Every observation of these indicators in one region: from visible documents, or entered
    (imported or manual: shown to the public only with a published indicator, as the caller checks)."""
    query = (
        select(ObservationRow, DocumentRow)
        .outerjoin(DocumentRow, DocumentRow.id == ObservationRow.document_id)
        .where(
            ObservationRow.region_code == region_code,
            ObservationRow.indicator_id.in_(list(indicator_ids)),
            or_(ObservationRow.document_id.is_(None), visible(public)),
        )
    )
    order = (ObservationRow.year, ObservationRow.document_id.is_(None), ObservationRow.id)
    return [(o, d) for o, d in session.execute(query.order_by(*order))]


def indicator_targets(
    session: Session, public: bool, region_code: str, indicator_ids: Collection[int]
) -> list[tuple[TargetRow, DocumentRow]]:
    """Prose targets (yearly targets of work reports, the plan's goals) of these indicators."""
    query = (
        select(TargetRow, DocumentRow)
        .join(DocumentRow, DocumentRow.id == TargetRow.document_id)
        .where(
            TargetRow.region_code == region_code,
            TargetRow.indicator_id.in_(list(indicator_ids)),
            visible(public),
        )
    )
    return [
        (t, d) for t, d in session.execute(query.order_by(TargetRow.year, DocumentRow.id, TargetRow.ordinal))
    ]


def fact_evidence(session: Session, name: str, fact_id: int, public: bool) -> tuple[Any, DocumentRow] | None:
    """One fact and its document, when the document is visible."""
    table: Any = FACT_TABLES[name]
    query = select(table, DocumentRow).join(DocumentRow, DocumentRow.id == table.document_id)
    found = session.execute(query.where(table.id == fact_id, visible(public) if public else true())).first()
    return None if found is None else (found[0], found[1])
