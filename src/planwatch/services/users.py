"""User accounts (``planwatch user …`` and the admin pages): add, list, disable, set a password.

Passwords arrive here in plain text and leave only as Argon2 hashes; no message, log line or audit
event contains one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from planwatch.auth.passwords import hash_password
from planwatch.auth.policy import USER_ROLES, Principal, Role
from planwatch.errors import ConflictError, NotFoundError, ValidationError
from planwatch.services.audit import Actor, record
from planwatch.store.base import utcnow
from planwatch.store.engine import Database
from planwatch.store.repo import users as repo
from planwatch.store.tables import GovUnit, UserRow

_NAME = re.compile(r"^[A-Za-z0-9_.\-]{2,64}$")
_EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,}$")


@dataclass(frozen=True)
class UserView:
    """A user as listed (never with the hash)."""

    id: int
    username: str
    display_name: str | None
    role: str
    email: str | None
    disabled: bool
    locked_until: datetime | None
    units: tuple[str, ...]
    last_login_at: datetime | None


def parse_role(role: str) -> Role:
    """A role a user can have (not ``public``)."""
    try:
        parsed = Role(role)
    except ValueError:
        parsed = None
    if parsed not in USER_ROLES:
        raise ValidationError(
            f"unknown role {role!r}", hint="use one of " + ", ".join(r.value for r in USER_ROLES)
        )
    assert parsed is not None
    return parsed


def principal_of(user: UserRow, unit_ids: list[int]) -> Principal:
    """The principal a signed-in user acts as."""
    return Principal(Role(user.role), user.id, user.username, user.display_name, frozenset(unit_ids))


def _state(user: UserRow, unit_ids: list[int]) -> dict[str, object]:
    return {"username": user.username, "display_name": user.display_name, "role": user.role,
            "email": user.email, "disabled": user.disabled, "units": unit_ids}  # fmt: skip


def check_email(email: str | None) -> str | None:
    """An e-mail address for reminders (None: none)."""
    email = (email or "").strip()
    if not email:
        return None
    if not _EMAIL.match(email):
        raise ValidationError(f"e-mail address {email!r} is not valid", hint="write name@example.gov.cn")
    return email


def _resolve_units(session: Session, refs: list[str]) -> list[int]:
    """Unit ids from ids or exact names (an ambiguous name is an error)."""
    out = []
    for ref in refs:
        query = select(GovUnit.id).where(GovUnit.id == int(ref) if ref.isdigit() else GovUnit.name == ref)
        ids = list(session.scalars(query))
        if len(ids) != 1:
            raise ValidationError(
                f"unit {ref!r} {'is ambiguous' if ids else 'not found'}",
                hint="give the unit's id from `planwatch unit list --region R`",
            )
        out.append(ids[0])
    return out


def add_user(
    db: Database, username: str, password: str, role: str, actor: Actor, *, display_name: str | None = None,
    units: list[str] | None = None, email: str | None = None,
) -> UserView:  # fmt: skip
    """Create a user; a reporter must be bound to at least one unit."""
    parsed = parse_role(role)
    if not _NAME.match(username):
        raise ValidationError(
            f"user name {username!r} is not allowed", hint="use 2-64 letters, digits, _ . -"
        )
    with db.transaction() as session:
        if repo.by_name(session, username) is not None:
            raise ConflictError(f"user {username!r} exists", hint="choose another name, or set-password")
        unit_ids = _resolve_units(session, units or [])
        if parsed is Role.REPORTER and not unit_ids:
            raise ValidationError("a reporter needs a unit", hint="add --unit ID (see `planwatch unit list`)")
        user = UserRow(username=username, display_name=display_name, password_hash=hash_password(password),
                       role=parsed.value, email=check_email(email), password_changed_at=utcnow())  # fmt: skip
        session.add(user)
        session.flush()
        repo.set_units(session, user.id, unit_ids)
        record(session, actor, "user_add", "user", user.id, None, _state(user, unit_ids))
    return get_user(db, username)


def get_user(db: Database, username: str) -> UserView:
    """One user by name."""
    views = [u for u in list_users(db) if u.username == username]
    if not views:
        raise NotFoundError(f"no user {username!r}", hint="see `planwatch user list`")
    return views[0]


def list_users(db: Database) -> list[UserView]:
    """Every user, with the units they report for."""
    with db.session() as session:
        users = repo.all_users(session)
        unit_map = repo.unit_ids(session, [u.id for u in users])
        names = {
            u.id: u.name for u in repo.units(session, sorted({i for ids in unit_map.values() for i in ids}))
        }
        return [UserView(u.id, u.username, u.display_name, u.role, u.email, u.disabled, u.locked_until,
                         tuple(names.get(i, str(i)) for i in unit_map[u.id]), u.last_login_at)
                for u in users]  # fmt: skip


def _require(session: Session, username: str) -> UserRow:
    user = repo.by_name(session, username)
    if user is None:
        raise NotFoundError(f"no user {username!r}", hint="see `planwatch user list`")
    return user


def set_disabled(db: Database, username: str, disabled: bool, actor: Actor) -> UserView:
    """Disable (or enable again) a user; disabling ends every session of the user."""
    with db.transaction() as session:
        user = _require(session, username)
        before = user.disabled
        user.disabled = disabled
        if disabled:
            repo.revoke_sessions(session, utcnow(), user_id=user.id)
        action = "user_disable" if disabled else "user_enable"
        record(session, actor, action, "user", user.id, {"disabled": before}, {"disabled": disabled})
    return get_user(db, username)


def set_password(db: Database, username: str, password: str, actor: Actor) -> None:
    """Give a user a new password: it unlocks the account and ends every session of the user."""
    with db.transaction() as session:
        user = _require(session, username)
        user.password_hash = hash_password(password)
        user.password_changed_at, user.failed_logins, user.locked_until = utcnow(), 0, None
        repo.revoke_sessions(session, utcnow(), user_id=user.id)
        record(session, actor, "user_set_password", "user", user.id)


def set_email(db: Database, username: str, email: str | None, actor: Actor) -> UserView:
    """Set (or clear) the address a user's reminders go to."""
    with db.transaction() as session:
        user = _require(session, username)
        before = user.email
        user.email = check_email(email)
        record(session, actor, "user_set_email", "user", user.id, {"email": before}, {"email": user.email})
    return get_user(db, username)


def act_as(db: Database, username: str) -> tuple[Principal, Actor]:
    """The principal and audit actor of an existing, enabled user (commands acting on a user's behalf)."""
    with db.session() as session:
        user = _require(session, username)
        if user.disabled:
            raise ValidationError(f"user {username!r} is disabled", hint="`planwatch user enable NAME`")
        units = repo.unit_ids(session, [user.id])[user.id]
        return principal_of(user, units), Actor(user.username, user.id)
