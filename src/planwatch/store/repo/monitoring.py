"""The bulk queries behind monitoring: plan rows and prose targets of current plans, and observations.

They select plain columns (no ORM objects), because a national run reads every region's rows.
"""

from __future__ import annotations

import collections
import functools
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, true, type_coerce
from sqlalchemy.orm import Session
from sqlalchemy.types import NullType

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
_DOC = (DocumentRow.period_start, DocumentRow.period_end)


@functools.lru_cache(maxsize=32)
def _record(fields: tuple[str, ...]) -> Any:
    """A named-tuple class for rows with these columns (its attributes read much faster than a Row's)."""
    return collections.namedtuple("Record", fields, rename=True)


def _tuples(session: Session, query: Any) -> list[Any]:
    """The rows of a Core query as named tuples (a national run reads each field of each row)."""
    result = session.connection().execute(query)
    make = _record(tuple(result.keys()))._make
    return [make(row) for row in result.all()]  # one fetchall, not a fetch per row


def _in_regions(column: Any, region_codes: Collection[str] | None) -> ColumnElement[bool]:
    """``column IN (codes)``, or no condition for every region."""
    return true() if region_codes is None else column.in_(list(region_codes))


_ROW = (
    *(
        getattr(IndicatorRow, c)
        for c in (
            "id",
            "region_code",
            "indicator_id",
            "name",
            "unit",
            "attribute",
            "baseline_year",
            "baseline_value",
            "target_year",
            "target_text",
            "target_value",
            "target_low",
            "target_high",
            "target_qualifier",
            "target_kind",
            "growth_text",
            "growth_value",
            "growth_cumulative",
        )
    ),
    type_coerce(IndicatorRow.extra, NullType()).label("extra"),  # JSON text (SQLite) or a dict (PostgreSQL)
)
_TARGET = tuple(
    getattr(TargetRow, c)
    for c in (
        "id", "region_code", "indicator_id", "subject", "value", "low", "high", "unit", "qualifier", "kind",
        "year", "evidence_quote",
    )
)  # fmt: skip


def plan_rows(session: Session, region_codes: Collection[str] | None = None) -> Sequence[Any]:
    """Main-indicator rows of current plans, with their plan's period and their catalogue entry."""
    query = (
        select(*_ROW, *_DOC, *_ENTRY)
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
    regions = (
        _in_regions(IndicatorRow.region_code, region_codes),
        _in_regions(DocumentRow.region_code, region_codes),
    )
    return _tuples(session, query.where(*regions))


def plan_targets(session: Session, region_codes: Collection[str] | None = None) -> Sequence[Any]:
    """Prose targets of current plans that are linked to a catalogue entry."""
    query = (
        select(*_TARGET, *_DOC, *_ENTRY)
        .join(DocumentRow, DocumentRow.id == TargetRow.document_id)
        .join(CatalogIndicator, CatalogIndicator.id == TargetRow.indicator_id)
        .where(current_filter(), DocumentRow.kind == "plan", TargetRow.region_code.is_not(None))
        .order_by(
            TargetRow.region_code, DocumentRow.published.desc(), TargetRow.document_id, TargetRow.ordinal
        )
    )
    return _tuples(
        session,
        query.where(
            _in_regions(TargetRow.region_code, region_codes),
            _in_regions(DocumentRow.region_code, region_codes),
        ),
    )


def observations(
    session: Session,
    region_codes: Collection[str] | None = None,
    indicator_ids: Collection[int] | None = None,
    since: int | None = None,
    until: int | None = None,
) -> Sequence[Any]:
    """Annual observations linked to an indicator and a region, from current documents or entered.

    Columns in the order of ``planwatch.services.actuals.Actual``; ``when`` is the entry time, else
    the document's publication date, else its ingest time, as the database returns it (untyped:
    a national run reads every row, and only compares these values with each other).
    """
    o = ObservationRow
    when = func.coalesce(o.entered_at, DocumentRow.published, DocumentRow.ingested_at, type_=NullType())
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
            when.label("when"),
            func.coalesce(o.document_id, o.id).label("source_id"),
            o.ordinal,
        )
        .outerjoin(DocumentRow, DocumentRow.id == o.document_id)
        .where(o.year.is_not(None), o.indicator_id.is_not(None), o.region_code.is_not(None))
        .where(or_(o.document_id.is_(None), current_filter()), _in_regions(o.region_code, region_codes))
    )
    if indicator_ids is not None:
        query = query.where(o.indicator_id.in_(list(indicator_ids)))
    if since is not None:
        query = query.where(o.year > since)
    if until is not None:
        query = query.where(o.year <= until)
    return session.connection().execute(query).all()  # rows in Actual's column order


def latest_year(session: Session, region_codes: Collection[str] | None = None) -> int | None:
    """The latest year any linked observation of these regions is for."""
    o = ObservationRow
    query = select(func.max(o.year)).where(
        o.indicator_id.is_not(None), _in_regions(o.region_code, region_codes)
    )
    return session.scalar(query)


def planned_regions(session: Session) -> list[str]:
    """Codes of the regions that have a current plan with main-indicator rows, sorted."""
    query = (
        select(IndicatorRow.region_code)
        .join(DocumentRow, DocumentRow.id == IndicatorRow.document_id)
        .where(current_filter(), DocumentRow.kind == "plan", IndicatorRow.region_code.is_not(None))
        .distinct()
        .order_by(IndicatorRow.region_code)
    )
    return [code for code in session.scalars(query) if code]
