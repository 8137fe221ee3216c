"""Queries on the indicator catalogue: candidates for matching, lookups, auto entries, synonyms."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planwatch.catalog import Candidate, normalise
from planwatch.store.tables import CatalogIndicator, CatalogSynonym, IndicatorRow


def candidates(session: Session) -> list[Candidate]:
    """Every entry with its names, as the matcher wants them."""
    names: dict[int, list[str]] = defaultdict(list)
    for indicator_id, synonym in session.execute(select(CatalogSynonym.indicator_id, CatalogSynonym.synonym)):
        names[indicator_id].append(synonym)
    return [
        Candidate(row.id, row.unit, row.kind == "rate", (row.name, *names[row.id]), row.source == "auto")
        for row in session.scalars(select(CatalogIndicator))
    ]


def entries(session: Session) -> list[CatalogIndicator]:
    """Every entry, curated ones first, then by code."""
    return list(
        session.scalars(
            select(CatalogIndicator).order_by(CatalogIndicator.source != "file", CatalogIndicator.code)
        )
    )


def get(session: Session, ref: str | int) -> CatalogIndicator | None:
    """An entry by id, code, or exact name or synonym."""
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        return session.get(CatalogIndicator, int(ref))
    row = session.scalars(select(CatalogIndicator).where(CatalogIndicator.code == ref)).first()
    if row is not None:
        return row
    query = select(CatalogIndicator).join(CatalogSynonym).where(CatalogSynonym.norm == normalise(ref))
    return session.scalars(query.order_by(CatalogIndicator.source != "file", CatalogIndicator.id)).first()


def add_entry(session: Session, entry: CatalogIndicator, names: list[str], source: str) -> CatalogIndicator:
    """Insert an entry with its names as synonyms."""
    session.add(entry)
    session.flush()
    add_synonyms(session, entry.id, names, source)
    return entry


def add_synonyms(session: Session, indicator_id: int, names: list[str], source: str) -> int:
    """Add names an entry does not have yet; the number added."""
    have = set(
        session.scalars(select(CatalogSynonym.norm).where(CatalogSynonym.indicator_id == indicator_id))
    )
    added = 0
    for name in names:
        norm = normalise(name)
        if norm not in have:
            have.add(norm)
            session.add(CatalogSynonym(indicator_id=indicator_id, synonym=name, norm=norm, source=source))
            added += 1
    return added


def usage(session: Session) -> dict[int, int]:
    """How many plan rows each entry is linked to."""
    query = select(IndicatorRow.indicator_id, func.count()).group_by(IndicatorRow.indicator_id)
    return {i: n for i, n in session.execute(query) if i is not None}
