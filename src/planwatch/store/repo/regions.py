"""Queries on regions: all rows, aliases, custom regions, documents whose region is still unknown."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from planwatch.store.tables import DocumentRow, RegionAlias, RegionRow


def all_regions(session: Session) -> list[RegionRow]:
    """Every region, gazetteer and custom, ordered by code."""
    return list(session.scalars(select(RegionRow).order_by(RegionRow.code)))


def custom_regions(session: Session) -> list[RegionRow]:
    """The regions people added, ordered by code."""
    return list(session.scalars(select(RegionRow).where(RegionRow.custom).order_by(RegionRow.code)))


def aliases(session: Session) -> dict[str, str]:
    """alias → region code."""
    return {a.alias: a.region_code for a in session.scalars(select(RegionAlias))}


def next_custom_code(session: Session) -> str:
    """A code for a new custom region: X00001, X00002, … (NBS codes are all digits, so never clash)."""
    codes = session.scalars(select(RegionRow.code).where(RegionRow.code.like("X%")))
    numbers = [int(c[1:]) for c in codes if c[1:].isdigit()]
    return f"X{max(numbers, default=0) + 1:05d}"


def add_region(
    session: Session,
    code: str,
    name: str,
    short: str,
    level: str,
    parent_code: str | None,
    names: Iterable[str],
) -> RegionRow:
    """Insert a custom region and its aliases."""
    row = RegionRow(code=code, name=name, short=short, level=level, parent_code=parent_code, custom=True)
    session.add(row)
    session.flush()
    for alias in dict.fromkeys(names):
        if alias and alias not in (name, short) and session.get(RegionAlias, alias) is None:
            session.add(RegionAlias(alias=alias, region_code=code))
    return row


def documents_without_region(session: Session) -> list[DocumentRow]:
    """Documents that name a region the database did not know when they were ingested."""
    query = select(DocumentRow).where(DocumentRow.region_code.is_(None), DocumentRow.region_text.is_not(None))
    return list(session.scalars(query))


def set_document_region(session: Session, document_id: int, code: str, tables: Iterable[type]) -> None:
    """Give a document and its facts in ``tables`` (those without a region yet) a region code."""
    session.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(region_code=code))
    for table in tables:
        column, doc = table.region_code, table.document_id  # type: ignore[attr-defined]
        session.execute(update(table).where(doc == document_id, column.is_(None)).values(region_code=code))
