"""Signing in and out, and the server-side sessions behind the cookie.

The cookie holds a random token; the ``sessions`` table holds its sha256, the user, the expiry and
the session's CSRF token. ``settings.login_max_failures`` failed logins in a row lock an account for
``settings.login_lockout_minutes``; every attempt is in the audit log (never with the password).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from planwatch.auth.errors import AccountLockedError, LoginFailedError
from planwatch.auth.passwords import needs_rehash, rehash, verify
from planwatch.auth.policy import Principal
from planwatch.auth.tokens import digest, new_token
from planwatch.errors import RateLimitedError
from planwatch.services.audit import Actor, record
from planwatch.services.users import principal_of
from planwatch.settings import Settings
from planwatch.store.base import utcnow
from planwatch.store.engine import Database
from planwatch.store.repo import audit as audit_repo
from planwatch.store.repo import users as repo
from planwatch.store.tables import SessionRow, UserRow

TOUCH_EVERY = timedelta(minutes=5)  # last_seen_at is refreshed at most this often (reads stay reads)
FAILURES = ("login_failed", "login_refused_locked", "login_rate_limited")


@dataclass(frozen=True)
class SignedIn:
    """A live session: who, the session's CSRF token, and when it ends."""

    principal: Principal
    csrf_token: str
    expires_at: datetime


def _aware(value: datetime | None) -> datetime | None:
    return None if value is None else (value if value.tzinfo else value.replace(tzinfo=UTC))


def login(
    db: Database, settings: Settings, username: str, password: str, *, ip: str | None = None,
    user_agent: str | None = None,
) -> tuple[str, SignedIn]:  # fmt: skip
    """Check the password and open a session: (cookie token, session). LoginFailedError for a wrong
    name or password, AccountLockedError while locked, RateLimitedError when this address failed too
    often lately (whatever the account); all are audited (the failure is committed before the error
    is raised)."""
    with db.transaction() as session:
        outcome = _limited(session, settings, username.strip()[:64], ip) or _attempt(
            session, settings, username.strip()[:64], password, ip, user_agent
        )
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _limited(session: Session, settings: Settings, username: str, ip: str | None) -> Exception | None:
    """The per-address limit: too many failed logins from one client within the window (any account),
    refused before the password is even checked."""
    if not ip:
        return None
    window = timedelta(minutes=settings.login_ip_window_minutes)
    if audit_repo.count_from(session, ip, utcnow() - window, FAILURES) < settings.login_ip_max_failures:
        return None
    record(session, Actor(username or None, None, ip), "login_rate_limited", "user", None)
    error = RateLimitedError(
        f"该地址登录失败次数过多,请 {settings.login_ip_window_minutes:g} 分钟后再试 (too many failed logins from this address)",
        hint="wait, or ask an administrator",
    )
    error.retry_after = int(window.total_seconds())
    return error


def _attempt(
    session: Session, settings: Settings, username: str, password: str, ip: str | None, user_agent: str | None
) -> tuple[str, SignedIn] | Exception:
    now = utcnow()
    user = repo.by_name(session, username)
    ok = verify(user.password_hash if user else None, password)
    if user is not None and (locked := _aware(user.locked_until)) is not None and locked > now:
        record(session, Actor(username, user.id, ip), "login_refused_locked", "user", user.id)
        return _locked(locked)
    if user is None or user.disabled or not ok:
        failure = _fail(session, user, settings, now, Actor(username or None, None, ip))
        return failure or LoginFailedError("用户名或密码错误 (wrong user name or password)")
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    if needs_rehash(user.password_hash):
        user.password_hash = rehash(password)
    units = repo.unit_ids(session, [user.id])[user.id]
    token, csrf = new_token(), new_token()
    expires = now + timedelta(hours=settings.session_hours)
    repo.add_session(session, SessionRow(id=digest(token), user_id=user.id, csrf_token=csrf, expires_at=expires,
                                         ip=ip, user_agent=(user_agent or "")[:256] or None))  # fmt: skip
    record(session, Actor(user.username, user.id, ip), "login", "user", user.id)
    return token, SignedIn(principal_of(user, units), csrf, expires)


def _locked(until: datetime) -> AccountLockedError:
    return AccountLockedError(
        f"登录失败次数过多,账户已锁定至 {until.astimezone(UTC):%Y-%m-%d %H:%M} UTC (account locked)",
        hint="wait, or ask an administrator to set a new password",
    )


def _fail(
    session: Session, user: UserRow | None, settings: Settings, now: datetime, actor: Actor
) -> Exception | None:
    """Count a failed login; the lock error when this failure locks the account."""
    record(session, actor, "login_failed", "user", user.id if user else None)
    if user is None:
        return None
    user.failed_logins += 1
    if user.failed_logins < settings.login_max_failures:
        return None
    user.failed_logins, user.locked_until = 0, now + timedelta(minutes=settings.login_lockout_minutes)
    record(session, Actor(user.username, user.id, actor.ip), "account_locked", "user", user.id,
           after={"locked_until": user.locked_until.isoformat()})  # fmt: skip
    return _locked(user.locked_until)


def resolve(db: Database, token: str | None) -> SignedIn | None:
    """The live session a cookie token belongs to (None: no, expired, revoked or disabled)."""
    if not token or len(token) > 128:
        return None
    now = utcnow()
    with db.session() as session:
        found = repo.live_session(session, digest(token), now)
        if found is None:
            return None
        row, user = found
        units = repo.unit_ids(session, [user.id])[user.id]
        signed = SignedIn(principal_of(user, units), row.csrf_token, _aware(row.expires_at) or now)
        seen = _aware(row.last_seen_at)
        if seen is None or now - seen > TOUCH_EVERY:
            repo.touch_session(session, row.id, now)
            session.commit()
        return signed


def logout(db: Database, token: str | None, who: Principal, ip: str | None = None) -> None:
    """End the session of this token."""
    if not token:
        return
    with db.transaction() as session:
        if repo.revoke_sessions(session, utcnow(), session_id=digest(token)):
            record(session, Actor.of(who, ip), "logout", "user", who.id)
