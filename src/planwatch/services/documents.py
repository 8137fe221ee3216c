"""Storing one extracted document as a version, with its facts linked to regions and the catalogue.

The versioning rule: identical bytes are the same document (``unchanged``); otherwise a current
document with the same logical key (see ``logical_key``) or the same source path is superseded by
the new version (``updated``) and kept, marked; anything else is ``new``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy.orm import Session

from planwatch.model.facts import DocumentInfo
from planwatch.services.extracted import Extracted
from planwatch.services.facts import write_facts
from planwatch.services.regions import RegionIndex
from planwatch.store.base import utcnow
from planwatch.store.repo import documents as repo
from planwatch.store.tables import DocumentRow

Outcome = Literal["new", "updated", "unchanged", "failed"]
_PUNCT = re.compile(r"[\s\"'“”‘’《》〈〉「」()（）\[\]【】,，、。:：;；·—\-]+")


@dataclass(frozen=True)
class Stored:
    """What happened to one document."""

    outcome: Outcome
    document_id: int
    version: int = 1
    counts: tuple[tuple[str, int], ...] = ()


def logical_key(info: DocumentInfo, source_path: str) -> str:
    """Which rows are versions of one document: kind|region|title|period (plans) or |year (others).

    The region is taken as written, so the key does not change when a region is added later. A work
    report or bulletin titled the same every year (某某自治州政府工作报告) is a new document each
    year, hence the publication year; without a title, the source path is the key.
    """
    if not info.title:
        return "path|" + source_path
    title = _PUNCT.sub("", unicodedata.normalize("NFKC", info.title))
    region = _PUNCT.sub("", unicodedata.normalize("NFKC", info.region or "")) or "-"
    if info.kind == "plan":
        when = f"{info.period[0]}-{info.period[1]}" if info.period else ""
    else:
        when = (info.published or "")[:4]
    return f"{info.kind}|{region}|{title}|{when}"


def _published(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def store_document(session: Session, index: RegionIndex, ex: Extracted, *, force: bool = False) -> Stored:
    """Store an extracted document (idempotent by content hash), superseding its previous version.

    ``force`` stores a new version even of identical bytes (after the extractor improved).
    """
    same = repo.by_hash(session, ex.content_hash)
    if same is not None and not force:
        return Stored("unchanged", same.id, same.version)
    info = ex.facts.document
    region = index.resolve(info.region)
    key = logical_key(info, ex.source_path)
    previous = repo.previous_version(session, key, ex.source_path)
    row = DocumentRow(
        logical_key=key, version=previous.version + 1 if previous else 1, source_path=ex.source_path,
        content_hash=ex.content_hash, size=ex.size, format=ex.format, kind=info.kind, title=info.title,
        region_text=info.region, region_code=region.code if region else None, issuer=info.issuer,
        doc_number=info.doc_number, published=_published(info.published),
        period_start=info.period[0] if info.period else None, period_end=info.period[1] if info.period else None,
        text=ex.text, status="ok", warnings=[*ex.warnings, *(w.model_dump() for w in ex.facts.warnings)] or None,
    )  # fmt: skip
    session.add(row)
    session.flush()
    for old in [previous, *repo.failures_at(session, ex.source_path)]:
        if old is not None:
            old.superseded_by = row.id
    counts = write_facts(session, index, row, region, ex.facts)
    return Stored("updated" if previous else "new", row.id, row.version, counts)


def record_failure(
    session: Session, source_path: str, content_hash: str, size: int | None, error: str
) -> Stored:
    """Record a document that could not be read, extracted or stored (the same failure twice: one row)."""
    row = repo.failed_by_hash(session, content_hash, source_path)
    if row is None:
        suffix = source_path.rsplit(".", 1)[-1].lower() if "." in source_path else None
        row = DocumentRow(
            logical_key="path|" + source_path, source_path=source_path, content_hash=content_hash, size=size,
            format=suffix, status="failed",
        )  # fmt: skip
        session.add(row)
    row.error, row.ingested_at = error, utcnow()
    session.flush()
    return Stored("failed", row.id, row.version)
