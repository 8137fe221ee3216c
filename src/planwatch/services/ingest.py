"""``planwatch ingest``: read, extract and store many files; each document in its own transaction.

The steps: expand the paths → hash each file (identical bytes already stored: ``unchanged``, no
extraction) → extract the rest, on ``jobs`` processes → store each result in its own transaction.
A read, extraction or database failure becomes a ``failed`` documents row and the batch goes on.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from planwatch import batch
from planwatch.services.documents import Outcome, Stored, record_failure, store_document
from planwatch.services.extracted import Extracted, extract_file, file_hash
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.items import sync as sync_items
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import documents as repo


@dataclass(frozen=True)
class IngestResult:
    """The outcome for one file."""

    path: str
    outcome: Outcome
    document_id: int | None = None
    version: int | None = None
    error: str | None = None
    counts: tuple[tuple[str, int], ...] = ()


def summary(results: Sequence[IngestResult]) -> dict[str, int]:
    """How many files were new, updated, unchanged, failed."""
    counts = Counter(r.outcome for r in results)
    return {k: counts.get(k, 0) for k in ("new", "updated", "unchanged", "failed")}


def ingest(
    db: Database, settings: Settings, paths: Sequence[Path], jobs: int = 1,
    progress: Callable[[IngestResult], None] | None = None, *, force: bool = False,
) -> list[IngestResult]:  # fmt: skip
    """Ingest files and directories; one result per file, in order (``force``: extract and store
    identical files again, as new versions)."""
    files = batch.expand(paths)
    results: dict[str, IngestResult] = {}
    hashes: dict[str, tuple[str, int | None]] = {}
    todo: list[Path] = []
    with db.session() as session:
        index = RegionIndex.load(session)
        for path in files:
            try:
                hashes[str(path)] = file_hash(path)
            except OSError as exc:
                hashes[str(path)] = (hashlib.sha256(f"unreadable:{path}".encode()).hexdigest(), None)
                results[str(path)] = _fail(
                    db, str(path), hashes[str(path)], f"cannot read the file ({exc.strerror or exc})"
                )
                continue
            same = None if force else repo.by_hash(session, hashes[str(path)][0])
            if same is None:
                todo.append(path)
            else:
                results[str(path)] = IngestResult(str(path), "unchanged", same.id, same.version)
    for path in files:
        if str(path) in results and progress:
            progress(results[str(path)])
    for outcome in batch.run(partial(extract_file, settings=settings), todo, jobs):
        key = str(outcome.path)
        if outcome.value is None:
            results[key] = _fail(db, key, hashes[key], str(outcome.error))
        else:
            results[key] = store_extracted(db, index, outcome.value, force=force)
        if progress:
            progress(results[key])
    return [results[str(p)] for p in files]


def store_extracted(db: Database, index: RegionIndex, ex: Extracted, *, force: bool = False) -> IngestResult:
    """Store one document in its own transaction; a failure is recorded in another."""
    try:
        with db.transaction() as session:
            stored: Stored = store_document(session, index, ex, force=force)
            if stored.outcome == "updated" or dict(stored.counts).get("tasks"):
                sync_items(session, [stored.document_id])  # its tasks become supervised items
    except Exception as exc:  # a database or storage error must not stop the batch
        message = f"storing failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"
        return _fail(db, ex.source_path, (ex.content_hash, ex.size), message)
    return IngestResult(
        ex.source_path, stored.outcome, stored.document_id, stored.version, None, stored.counts
    )


def _fail(db: Database, path: str, digest: tuple[str, int | None], error: str) -> IngestResult:
    """Record a failed file as a documents row."""
    with db.transaction() as session:
        stored = record_failure(session, path, digest[0], digest[1], error)
    return IngestResult(path, "failed", stored.document_id, None, error)
