"""Publishing (公开): what the public portal and the anonymous API show.

A document is published by its logical key, so later versions stay published; a monitored indicator
by region and catalogue code. Every change is in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.errors import NotFoundError
from planwatch.services.audit import Actor, record
from planwatch.services.scope import indicator_key
from planwatch.store.engine import Database
from planwatch.store.repo import publish as repo
from planwatch.store.repo.documents import current_filter
from planwatch.store.tables import CatalogIndicator, DocumentRow, IndicatorRow, TargetRow


@dataclass(frozen=True)
class Published:
    """The published keys: document logical keys and ``region|code`` of indicators."""

    documents: frozenset[str]
    indicators: frozenset[str]


def published(db: Database) -> Published:
    """Everything published now."""
    with db.session() as session:
        return Published(
            frozenset(repo.keys(session, "document")), frozenset(repo.keys(session, "indicator"))
        )


def published_among(db: Database, object_type: str, keys: Iterable[str]) -> set[str]:
    """Which of these document keys or indicator keys (``region|code``) are published."""
    with db.session() as session:
        return repo.among(session, object_type, keys)


def first_published_region(db: Database) -> str | None:
    """The code of the first region with a published indicator."""
    with db.session() as session:
        key = repo.first(session, "indicator")
    return key.split("|", 1)[0] if key else None


def documents_matching(
    db: Database, *, region_codes: list[str] | None = None, kind: str | None = None
) -> list[int]:
    """Ids of current documents of these regions and kind (for ``planwatch publish document --region``)."""
    query = select(DocumentRow.id).where(current_filter())
    if region_codes is not None:
        query = query.where(DocumentRow.region_code.in_(region_codes))
    if kind:
        query = query.where(DocumentRow.kind == kind)
    with db.session() as session:
        return list(session.scalars(query.order_by(DocumentRow.id)))


def set_documents(
    db: Database, ids: list[int], on: bool, actor: Actor, *, with_indicators: bool = False
) -> tuple[int, int]:
    """Publish (or withdraw) documents, and with ``with_indicators`` the indicators their plan rows and
    prose targets monitor; (documents changed, indicators changed)."""
    with db.transaction() as session:
        docs = list(session.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids))))
        missing = set(ids) - {d.id for d in docs}
        if missing:
            raise NotFoundError(
                f"no document {sorted(missing)}", hint="see /documents or `planwatch db status`"
            )
        keys = {d.logical_key: d for d in docs}
        changed = (
            repo.add(session, "document", keys, actor.name) if on else repo.remove(session, "document", keys)
        )
        for key in changed:
            record(session, actor, "publish" if on else "unpublish", "document", keys[key].id,
                   {"published": not on}, {"published": on, "title": keys[key].title})  # fmt: skip
        indicator_keys: list[str] = []
        if with_indicators:
            for table in (IndicatorRow, TargetRow):
                query = (
                    select(table.region_code, CatalogIndicator.code)
                    .join(CatalogIndicator, CatalogIndicator.id == table.indicator_id)
                    .where(table.document_id.in_(ids), table.region_code.is_not(None))
                )
                indicator_keys += [indicator_key(r, c) for r, c in session.execute(query) if r]
        changed_ind = _set_indicators(session, indicator_keys, on, actor)
    return len(changed), changed_ind


def set_indicators(db: Database, region_code: str, codes: list[str], on: bool, actor: Actor) -> int:
    """Publish (or withdraw) monitored indicators of one region; the number changed."""
    with db.transaction() as session:
        return _set_indicators(session, [indicator_key(region_code, c) for c in codes], on, actor)


def _set_indicators(session: Session, keys: list[str], on: bool, actor: Actor) -> int:
    changed = (
        repo.add(session, "indicator", keys, actor.name) if on else repo.remove(session, "indicator", keys)
    )
    for key in changed:
        record(session, actor, "publish" if on else "unpublish", "indicator", key,
               {"published": not on}, {"published": on})  # fmt: skip
    return len(changed)
