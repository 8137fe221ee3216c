"""Queries on publications: what the public portal may show."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from planwatch.store.tables import Publication


def keys(session: Session, object_type: str) -> set[str]:
    """Every published key of one type."""
    query = select(Publication.object_key).where(Publication.object_type == object_type)
    return set(session.scalars(query))


def among(session: Session, object_type: str, object_keys: Iterable[str]) -> set[str]:
    """Which of these keys are published (one indexed look-up, however many are published)."""
    wanted = list(dict.fromkeys(object_keys))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        query = select(Publication.object_key).where(
            Publication.object_type == object_type, Publication.object_key.in_(wanted[start : start + 500])
        )
        found.update(session.scalars(query))
    return found


def first(session: Session, object_type: str) -> str | None:
    """The smallest published key of one type."""
    query = select(Publication.object_key).where(Publication.object_type == object_type)
    return session.scalars(query.order_by(Publication.object_key).limit(1)).first()


def published_subquery(object_type: str) -> object:
    """SELECT object_key of one type, for ``IN`` conditions."""
    return select(Publication.object_key).where(Publication.object_type == object_type)


def add(session: Session, object_type: str, object_keys: Iterable[str], by: str | None) -> list[str]:
    """Publish keys not published yet; the keys that were new."""
    have = keys(session, object_type)
    new = [k for k in dict.fromkeys(object_keys) if k not in have]
    for key in new:
        session.add(Publication(object_type=object_type, object_key=key, published_by=by))
    return new


def remove(session: Session, object_type: str, object_keys: Iterable[str]) -> list[str]:
    """Withdraw published keys; the keys that were published."""
    wanted = list(dict.fromkeys(object_keys))
    have = keys(session, object_type) & set(wanted)
    if have:
        session.execute(
            delete(Publication).where(
                Publication.object_type == object_type, Publication.object_key.in_(have)
            )
        )
    return [k for k in wanted if k in have]


def listing(session: Session) -> list[Publication]:
    """Every publication, newest first."""
    return list(session.scalars(select(Publication).order_by(Publication.id.desc())))
