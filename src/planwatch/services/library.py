"""``文档``: the list of documents (current versions) with their fact counts and publication state,
and the ingest failures with their errors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from planwatch.services.document_view import DocumentMeta, meta_of
from planwatch.services.paging import Page, check
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import browse
from planwatch.store.repo import publish as publish_repo


@dataclass(frozen=True)
class DocumentLine:
    """A document as listed."""

    meta: DocumentMeta
    counts: dict[str, int]


@dataclass(frozen=True)
class Failure:
    """A file that could not be ingested, and why."""

    id: int
    source_path: str
    error: str | None
    at: datetime


def region_codes(index: RegionIndex, region: str | None) -> list[str] | None:
    """A region and the regions below it (None: every region)."""
    if not region:
        return None
    chosen = index.require(region)
    return [chosen.code, *(r.code for r in index.descendants(chosen))]


def list_documents(
    db: Database, scope: Scope, *, region: str | None = None, kind: str | None = None, limit: int = 50,
    offset: int = 0,
) -> Page[DocumentLine]:  # fmt: skip
    """Current documents, newest first."""
    limit, offset = check(limit, offset)
    with db.session() as session:
        index = RegionIndex.load(session)
        rows, total = browse.documents(
            session, scope.public, region_codes(index, region), kind, limit, offset
        )
        keys = publish_repo.among(session, "document", [r.logical_key for r in rows])
        counts = browse.fact_counts(session, [r.id for r in rows])
        lines = [DocumentLine(meta_of(r, index, r.logical_key in keys), counts[r.id]) for r in rows]
    return Page(lines, total, limit, offset)


def failures(db: Database, limit: int = 50) -> list[Failure]:
    """Open ingest failures, newest first."""
    with db.session() as session:
        return [Failure(r.id, r.source_path, r.error, r.ingested_at) for r in browse.failed(session, limit)]
