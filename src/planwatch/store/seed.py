"""Seeded data kept in step with its sources: the gazetteer's regions and the indicator catalogue.

Each source's hash is kept in ``meta``; a sync runs only when the hash changed, inserts what is new
and updates what changed, and never touches custom regions, auto entries or user synonyms.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from planwatch.catalog import CatalogEntry, normalise
from planwatch.normalize.regions import Region
from planwatch.store.tables import CatalogIndicator, CatalogSynonym, Meta, RegionRow


def get_meta(session: Session, key: str) -> str | None:
    """A value of the meta table."""
    row = session.get(Meta, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    """Set a value of the meta table."""
    session.merge(Meta(key=key, value=value))


def regions_hash(regions: Sequence[Region]) -> str:
    """A hash of the gazetteer rows."""
    text = "\n".join(f"{r.code}\t{r.parent_code or ''}\t{r.level}\t{r.name}" for r in regions)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sync_regions(session: Session, regions: Sequence[Region]) -> int:
    """Insert new gazetteer regions and update changed ones; the number of rows written."""
    digest = regions_hash(regions)
    if get_meta(session, "gazetteer_hash") == digest:
        return 0
    existing = {r.code: r for r in session.scalars(select(RegionRow))}
    new = [r for r in sorted(regions, key=lambda r: r.code) if r.code not in existing]
    if new:
        session.execute(
            insert(RegionRow),
            [
                {
                    "code": r.code,
                    "name": r.name,
                    "short": r.short,
                    "level": r.level,
                    "parent_code": r.parent_code,
                }
                for r in new
            ],
        )
    changed = 0
    for r in regions:
        row = existing.get(r.code)
        if row is not None and (row.name, row.short, row.level, row.parent_code) != (
            r.name,
            r.short,
            r.level,
            r.parent_code,
        ):
            row.name, row.short, row.level, row.parent_code = r.name, r.short, r.level, r.parent_code
            changed += 1
    set_meta(session, "gazetteer_hash", digest)
    return len(new) + changed


def sync_catalogue(session: Session, entries: Sequence[CatalogEntry], digest: str) -> int:
    """Upsert the catalogue file's entries and their synonyms; the number of entries written."""
    if get_meta(session, "catalog_hash") == digest:
        return 0
    rows = {r.code: r for r in session.scalars(select(CatalogIndicator))}
    for e in entries:
        row = rows.get(e.code)
        if row is None:
            row = rows[e.code] = CatalogIndicator(code=e.code)
            session.add(row)
        row.name, row.unit, row.dimension, row.direction = e.name, e.unit, e.dimension, e.direction
        row.kind, row.category, row.source = e.kind, e.category, "file"
    session.flush()
    for e in entries:
        row = rows[e.code]
        row.rate_of_id = rows[e.rate_of].id if e.rate_of else None
        _replace_file_synonyms(session, row.id, e.names)
    set_meta(session, "catalog_hash", digest)
    return len(entries)


def _replace_file_synonyms(session: Session, indicator_id: int, names: Sequence[str]) -> None:
    """The entry's synonyms from the file, replaced; synonyms added by people are kept."""
    session.execute(
        delete(CatalogSynonym).where(
            CatalogSynonym.indicator_id == indicator_id, CatalogSynonym.source == "file"
        )
    )
    kept = set(
        session.scalars(select(CatalogSynonym.norm).where(CatalogSynonym.indicator_id == indicator_id))
    )
    values = []
    for name in names:
        norm = normalise(name)
        if norm not in kept:
            kept.add(norm)
            values.append({"indicator_id": indicator_id, "synonym": name, "norm": norm, "source": "file"})
    if values:
        session.execute(insert(CatalogSynonym), values)
