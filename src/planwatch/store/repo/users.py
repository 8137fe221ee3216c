"""Queries on users, the units they report for, and their sessions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from planwatch.store.tables import GovUnit, SessionRow, UserRow, UserUnit


def by_name(session: Session, username: str) -> UserRow | None:
    """The user with this user name."""
    return session.scalars(select(UserRow).where(UserRow.username == username)).first()


def all_users(session: Session) -> list[UserRow]:
    """Every user, by user name."""
    return list(session.scalars(select(UserRow).order_by(UserRow.username)))


def unit_ids(session: Session, user_ids: list[int]) -> dict[int, list[int]]:
    """The units each user reports for."""
    out: dict[int, list[int]] = {i: [] for i in user_ids}
    if user_ids:
        query = select(UserUnit.user_id, UserUnit.unit_id).where(UserUnit.user_id.in_(user_ids))
        for user_id, unit_id in session.execute(query.order_by(UserUnit.unit_id)):
            out[user_id].append(unit_id)
    return out


def set_units(session: Session, user_id: int, units: list[int]) -> None:
    """Bind a user to exactly these units."""
    session.execute(delete(UserUnit).where(UserUnit.user_id == user_id))
    for unit_id in dict.fromkeys(units):
        session.add(UserUnit(user_id=user_id, unit_id=unit_id))


def units(session: Session, ids: list[int]) -> list[GovUnit]:
    """Units of government by id."""
    return list(session.scalars(select(GovUnit).where(GovUnit.id.in_(ids)))) if ids else []


def add_session(session: Session, row: SessionRow) -> None:
    """Store a new session."""
    session.add(row)


def live_session(session: Session, session_id: str, now: datetime) -> tuple[SessionRow, UserRow] | None:
    """The session with this id and its user, when neither expired, revoked nor disabled."""
    query = (
        select(SessionRow, UserRow)
        .join(UserRow, UserRow.id == SessionRow.user_id)
        .where(
            SessionRow.id == session_id,
            SessionRow.revoked_at.is_(None),
            SessionRow.expires_at > now,
            UserRow.disabled.is_(False),
        )
    )
    found = session.execute(query).first()
    return None if found is None else (found[0], found[1])


def touch_session(session: Session, session_id: str, now: datetime) -> None:
    """Note that a session was used."""
    session.execute(update(SessionRow).where(SessionRow.id == session_id).values(last_seen_at=now))


def revoke_sessions(session: Session, now: datetime, *, session_id: str | None = None,
                    user_id: int | None = None) -> int:  # fmt: skip
    """End one session, or every session of a user; the number ended."""
    query = update(SessionRow).where(SessionRow.revoked_at.is_(None))
    query = (
        query.where(SessionRow.id == session_id) if session_id else query.where(SessionRow.user_id == user_id)
    )
    return int(session.execute(query.values(revoked_at=now)).rowcount)  # type: ignore[attr-defined]
