"""The bulk queries behind monitoring: plan rows and prose targets of current plans, and observations.

They select plain columns (no ORM objects), because a national run reads every region's rows.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import Row, Select, or_, select
from sqlalchemy.orm import Session

from planwatch.store.repo.documents import current_filter
from planwatch.store.tables import CatalogIndicator, DocumentRow, IndicatorRow, ObservationRow, TargetRow

_ENTRY = (
    CatalogIndicator.code.label("entry_code"),
    CatalogIndicator.name.label("entry_name"),
    CatalogIndicator.direction.label("entry_direction"),
    CatalogIndicator.kind.label("entry_kind"),
    CatalogIndicator.rate_of_id.label("entry_rate_of"),
    CatalogIndicator.category.label("entry_category"),
)
_DOC = (
    DocumentRow.period_start,
    DocumentRow.period_end,
    DocumentRow.published,
    DocumentRow.title.label("doc_title"),
)


def _in_regions(query: Select[Any], column: Any, region_codes: Collection[str] | None) -> Select[Any]:
    return query if region_codes is None else query.where(column.in_(list(region_codes)))


def plan_rows(session: Session, region_codes: Collection[str] | None = None) -> Sequence[Row[Any]]:
    """Main-indicator rows of current plans, with their plan's period and their catalogue entry."""
    query = (
        select(IndicatorRow, *_DOC, *_ENTRY)
        .join(DocumentRow, DocumentRow.id == IndicatorRow.document_id)
        .join(CatalogIndicator, CatalogIndicator.id == IndicatorRow.indicator_id)
        .where(current_filter(), DocumentRow.kind == "plan", IndicatorRow.region_code.is_not(None))
        .order_by(
            IndicatorRow.region_code,
            DocumentRow.published.desc(),
            IndicatorRow.document_id,
            IndicatorRow.ordinal,
        )
    )
    return session.execute(_in_regions(query, IndicatorRow.region_code, region_codes)).all()


def plan_targets(session: Session, region_codes: Collection[str] | None = None) -> Sequence[Row[Any]]:
    """Prose targets of current plans that are linked to a catalogue entry."""
    query = (
        select(TargetRow, *_DOC, *_ENTRY)
        .join(DocumentRow, DocumentRow.id == TargetRow.document_id)
        .join(CatalogIndicator, CatalogIndicator.id == TargetRow.indicator_id)
        .where(current_filter(), DocumentRow.kind == "plan", TargetRow.region_code.is_not(None))
        .order_by(
            TargetRow.region_code, DocumentRow.published.desc(), TargetRow.document_id, TargetRow.ordinal
        )
    )
    return session.execute(_in_regions(query, TargetRow.region_code, region_codes)).all()


def observations(
    session: Session,
    region_codes: Collection[str] | None = None,
    indicator_ids: Collection[int] | None = None,
) -> Sequence[Row[Any]]:
    """Annual observations linked to an indicator and a region, from current documents or entered."""
    o = ObservationRow
    query = (
        select(
            o.indicator_id,
            o.region_code,
            o.year,
            o.value,
            o.unit,
            o.growth,
            o.text,
            o.met,
            o.source,
            o.entered_at,
            o.document_id,
            o.ordinal,
            o.id,
            DocumentRow.published,
            DocumentRow.ingested_at,
        )  # fmt: skip
        .outerjoin(DocumentRow, DocumentRow.id == o.document_id)
        .where(o.year.is_not(None), o.indicator_id.is_not(None), o.region_code.is_not(None))
        .where(or_(o.document_id.is_(None), current_filter()))
    )
    if indicator_ids is not None:
        query = query.where(o.indicator_id.in_(list(indicator_ids)))
    return session.execute(_in_regions(query, o.region_code, region_codes)).all()
