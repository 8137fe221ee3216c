"""Full-text search over current documents' titles and texts.

SQLite: the FTS5 trigram index (``documents_fts``, see store/search_index.py) answers terms of three
characters or more, ranked by bm25; one- and two-character terms, which a trigram index cannot hold,
are matched by a scan (``instr``). PostgreSQL: ``ILIKE`` on every term, served by the pg_trgm GIN
indexes. Snippets come back with the hits between ``HIT_START`` and ``HIT_END``, or unmarked (the
service marks them).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, column, func, literal_column, or_, select, table
from sqlalchemy.orm import Session

from planwatch.store.repo.browse import count, visible
from planwatch.store.tables import DocumentRow

HIT_START, HIT_END = "\ue000", "\ue001"  # private-use characters: never in a document's text
SNIPPET = 40  # characters of context on each side of the first hit (scan)
_FTS: Any = literal_column("documents_fts")  # the FTS5 table as a value (MATCH, snippet, bm25)
_FTS_TABLE = table("documents_fts", column("rowid"))


@dataclass(frozen=True)
class Row:
    """One matching document: id, title, kind, region, published date, snippet and first hit position."""

    id: int
    title: str | None
    kind: str
    region_code: str | None
    published: Any
    snippet: str
    marked: bool  # the snippet already has the hit markers
    position: int  # 0-based character offset of the first hit in the text, -1 when only the title hit


def _position(column: Any, term: str, dialect: str) -> Any:
    fn = func.instr if dialect == "sqlite" else func.strpos
    return fn(func.lower(column), term.lower())


def _contains(term: str, dialect: str) -> ColumnElement[bool]:
    return or_(
        _position(DocumentRow.text, term, dialect) > 0, _position(DocumentRow.title, term, dialect) > 0
    )


def _scan_snippet(term: str, dialect: str) -> Any:
    start = func.max if dialect == "sqlite" else func.greatest
    pos = _position(DocumentRow.text, term, dialect)
    return func.substr(DocumentRow.text, start(pos - SNIPPET, 1), 2 * SNIPPET + len(term))


def search(
    session: Session, terms: list[str], public: bool, region_codes: Collection[str] | None, kind: str | None,
    limit: int, offset: int,
) -> tuple[list[Row], int]:  # fmt: skip
    """Documents containing every term, best first, and how many there are."""
    dialect = session.get_bind().dialect.name
    long_terms = [t for t in terms if len(t) >= 3] if dialect == "sqlite" else []
    scanned = [t for t in terms if t not in long_terms]
    first = terms[0]
    where = [visible(public), *(_contains(t, dialect) for t in scanned)]
    if region_codes is not None:
        where.append(DocumentRow.region_code.in_(list(region_codes)))
    if kind:
        where.append(DocumentRow.kind == kind)
    columns = (
        DocumentRow.id,
        DocumentRow.title,
        DocumentRow.kind,
        DocumentRow.region_code,
        DocumentRow.published,
    )
    position = _position(DocumentRow.text, first, dialect) - 1
    if long_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        snippet = func.snippet(_FTS, -1, HIT_START, HIT_END, "…", 40)
        query = (
            select(*columns, snippet, position)
            .select_from(DocumentRow)
            .join(_FTS_TABLE, _FTS_TABLE.c.rowid == DocumentRow.id)
            .where(_FTS.op("MATCH")(match), *where)
        )
        order: list[Any] = [func.bm25(_FTS)]
    else:
        query = select(*columns, _scan_snippet(first, dialect), position).where(and_(*where))
        order = [(_position(DocumentRow.title, first, dialect) > 0).desc()]
    total = count(session, query)
    rows = session.execute(query.order_by(*order, DocumentRow.published.desc(), DocumentRow.id.desc())
                           .limit(limit).offset(offset))  # fmt: skip
    return [Row(r[0], r[1], r[2], r[3], r[4], r[5] or "", bool(long_terms), int(r[6] if r[6] is not None else -1))
            for r in rows], total  # fmt: skip
