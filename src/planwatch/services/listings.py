"""Paged lists for the REST API: regions, facts of one type, the indicator catalogue, observations.

Each returns plain records (dicts of JSON values), limited by the scope (the public sees facts of
published documents only)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from planwatch.errors import NotFoundError, ValidationError
from planwatch.services.document_view import PREFIX
from planwatch.services.library import region_codes
from planwatch.services.paging import Page, check
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import browse
from planwatch.store.repo import catalog as catalog_repo

FACT_TYPES = tuple(PREFIX)
_HIDDEN = {"fact_key"}


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date | datetime) else value


def columns(row: Any) -> dict[str, Any]:
    """A table row as a dict of JSON values (internal keys left out)."""
    return {c.key: _json(getattr(row, c.key)) for c in row.__table__.columns if c.key not in _HIDDEN}


def regions(
    db: Database, *, parent: str | None = None, level: str | None = None, q: str | None = None,
    limit: int = 100, offset: int = 0,
) -> Page[dict[str, Any]]:  # fmt: skip
    """Regions (gazetteer and custom) filtered by parent, level and a part of the name, by code."""
    limit, offset = check(limit, offset)
    with db.session() as session:
        index = RegionIndex.load(session)
        docs = browse.region_codes_with_documents(session, False)
    candidates = index.gazetteer.children(index.require(parent)) if parent else index.gazetteer.all()
    found = [r for r in candidates if (not level or r.level == level) and (not q or q in r.name)]
    found.sort(key=lambda r: r.code)
    items = [{"code": r.code, "name": r.name, "short": r.short, "level": r.level, "parent_code": r.parent_code,
              "documents": docs.get(r.code, 0)} for r in found[offset : offset + limit]]  # fmt: skip
    return Page(items, len(found), limit, offset)


def region(db: Database, ref: str) -> dict[str, Any]:
    """One region with its path and children."""
    with db.session() as session:
        index = RegionIndex.load(session)
    r = index.require(ref)
    return {"code": r.code, "name": r.name, "short": r.short, "level": r.level, "parent_code": r.parent_code,
            "path": index.path(r), "children": [c.code for c in index.gazetteer.children(r)]}  # fmt: skip


def facts(
    db: Database, scope: Scope, fact_type: str, *, region: str | None = None, document: int | None = None,
    limit: int = 100, offset: int = 0,
) -> Page[dict[str, Any]]:  # fmt: skip
    """Facts of one type, with their evidence and document."""
    limit, offset = check(limit, offset)
    if fact_type not in FACT_TYPES:
        raise ValidationError(f"unknown fact type {fact_type!r}", hint="use one of " + ", ".join(FACT_TYPES))
    with db.session() as session:
        codes = region_codes(RegionIndex.load(session), region)
        rows, total = browse.facts(session, fact_type, scope.public, codes, document, limit, offset)
        items = [{"ref": f"{PREFIX[fact_type]}{f.id}", "type": fact_type, "document_title": d.title, **columns(f)}
                 for f, d in rows]  # fmt: skip
    return Page(items, total, limit, offset)


def catalogue(
    db: Database, *, q: str | None = None, category: str | None = None, limit: int = 100, offset: int = 0
) -> Page[dict[str, Any]]:
    """Entries of the indicator catalogue."""
    limit, offset = check(limit, offset)
    with db.session() as session:
        rows, total = browse.catalogue(session, q, category, limit, offset)
        items = [{k: v for k, v in columns(r).items() if k != "note"} for r in rows]
    return Page(items, total, limit, offset)


def catalogue_entry(db: Database, ref: str) -> dict[str, Any]:
    """One catalogue entry by code, id or name, with its synonyms' count of plan rows."""
    with db.session() as session:
        entry = catalog_repo.get(session, ref)
        if entry is None:
            raise NotFoundError(f"no catalogue entry {ref!r}", hint="see /api/v1/indicators")
        return {k: v for k, v in columns(entry).items() if k != "note"}


def observations(
    db: Database, scope: Scope, *, region: str | None = None, indicator: str | None = None,
    year: int | None = None, limit: int = 100, offset: int = 0,
) -> Page[dict[str, Any]]:  # fmt: skip
    """Observations (actual values) with their evidence or provenance."""
    limit, offset = check(limit, offset)
    with db.session() as session:
        codes = region_codes(RegionIndex.load(session), region)
        entry_id = None
        if indicator:
            entry = catalog_repo.get(session, indicator)
            if entry is None:
                raise NotFoundError(f"no catalogue entry {indicator!r}", hint="see /api/v1/indicators")
            entry_id = entry.id
        rows, total = browse.observations(session, scope.public, codes, entry_id, year, limit, offset)
        items = [{"ref": f"O{o.id}", "indicator": code, "document_title": d.title if d else None, **columns(o)}
                 for o, d, code in rows]  # fmt: skip
    return Page(items, total, limit, offset)
