"""The catalogue as people edit it: list entries (with usage), add a synonym (then match again)."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.errors import NotFoundError
from planwatch.services.relink import relink_catalogue
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as repo


@dataclass(frozen=True)
class EntryView:
    """A catalogue entry as listed."""

    id: int
    code: str
    name: str
    unit: str | None
    dimension: str | None
    direction: str
    kind: str
    rate_of: str | None
    category: str | None
    source: str
    plan_rows: int


def entries(db: Database, *, auto_only: bool = False, search: str | None = None) -> list[EntryView]:
    """Catalogue entries, curated first; ``auto_only`` for the entries made for unmatched plan rows."""
    with db.session() as session:
        rows = repo.entries(session)
        usage = repo.usage(session)
        codes = {r.id: r.code for r in rows}
        out = [
            EntryView(
                r.id,
                r.code,
                r.name,
                r.unit,
                r.dimension,
                r.direction,
                r.kind,
                codes.get(r.rate_of_id) if r.rate_of_id else None,
                r.category,
                r.source,
                usage.get(r.id, 0),
            )
            for r in rows
        ]
    if auto_only:
        out = [e for e in out if e.source == "auto"]
    if search:
        out = [e for e in out if search in e.name or search in e.code]
    return out


def add_synonym(db: Database, ref: str, synonym: str) -> tuple[str, bool, int]:
    """Give an entry another name; (entry name, whether new, facts linked anew)."""
    with db.transaction() as session:
        entry = repo.get(session, ref)
        if entry is None:
            raise NotFoundError(f"no catalogue entry {ref!r}", hint="see `planwatch catalog list`")
        added = repo.add_synonyms(session, entry.id, [synonym], "user") > 0
        name = entry.name
    return name, added, relink_catalogue(db) if added else 0
