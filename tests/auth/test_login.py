"""Signing in: sessions, lockout after repeated failures, disabled users, the audit trail — on both
databases — and passwords that never reach a log, an audit event or the database in clear."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select, text

from planwatch.auth.errors import AccountLockedError, LoginFailedError
from planwatch.services import login, users
from planwatch.services.audit import Actor, events
from planwatch.store.base import utcnow
from planwatch.store.tables import UserRow
from tests.store.conftest import Stack

SECRET = "Sesame-open-2026"


@pytest.fixture
def alice(accounts: Stack) -> Stack:
    users.add_user(accounts.db, "alice", SECRET, "leader", Actor("test"), display_name="Alice")
    return accounts


def test_login_opens_a_session(alice: Stack) -> None:
    token, signed = login.login(alice.db, alice.settings, "alice", SECRET, ip="10.0.0.1")
    assert signed.principal.username == "alice" and signed.principal.role.value == "leader"
    found = login.resolve(alice.db, token)
    assert found is not None and found.principal.id == signed.principal.id
    assert found.csrf_token == signed.csrf_token
    assert login.resolve(alice.db, token + "x") is None
    with alice.db.session() as session:  # the table keeps a digest, never the token
        assert (
            session.execute(text("SELECT count(*) FROM sessions WHERE id = :t"), {"t": token}).scalar() == 0
        )


def test_logout_and_expiry_end_the_session(alice: Stack) -> None:
    token, signed = login.login(alice.db, alice.settings, "alice", SECRET)
    login.logout(alice.db, token, signed.principal)
    assert login.resolve(alice.db, token) is None
    short = replace(alice.settings, session_hours=-1.0)
    token, _ = login.login(alice.db, short, "alice", SECRET)
    assert login.resolve(alice.db, token) is None


def test_lockout_after_repeated_failures(alice: Stack) -> None:
    """GIVEN 3 allowed failures WHEN the third wrong password is given THEN the account locks, and even the
    right password is refused until the lock ends."""
    settings = replace(alice.settings, login_max_failures=3, login_lockout_minutes=10)
    for _ in range(2):
        with pytest.raises(LoginFailedError):
            login.login(alice.db, settings, "alice", "Wrong-pass-0001")
    with pytest.raises(AccountLockedError):
        login.login(alice.db, settings, "alice", "Wrong-pass-0001")
    with pytest.raises(AccountLockedError):
        login.login(alice.db, settings, "alice", SECRET)
    with alice.db.transaction() as session:  # the lock ends
        user = session.scalars(select(UserRow).where(UserRow.username == "alice")).one()
        assert user.locked_until is not None
        user.locked_until = utcnow() - timedelta(seconds=1)
    _token, signed = login.login(alice.db, settings, "alice", SECRET)
    assert signed.principal.username == "alice"
    actions = [e.action for e in events(alice.db, limit=20)[0]]
    assert actions == ["login", "login_refused_locked", "account_locked", "login_failed", "login_failed",
                       "login_failed", "user_add"]  # fmt: skip


def test_a_successful_login_resets_the_count(alice: Stack) -> None:
    settings = replace(alice.settings, login_max_failures=3)
    for _ in range(2):
        with pytest.raises(LoginFailedError):
            login.login(alice.db, settings, "alice", "Wrong-pass-0001")
    login.login(alice.db, settings, "alice", SECRET)
    for _ in range(2):
        with pytest.raises(LoginFailedError):
            login.login(alice.db, settings, "alice", "Wrong-pass-0001")
    login.login(alice.db, settings, "alice", SECRET)  # not locked: the count restarted


def test_unknown_and_disabled_users_cannot_sign_in(alice: Stack) -> None:
    with pytest.raises(LoginFailedError):
        login.login(alice.db, alice.settings, "nobody", SECRET)
    token, _ = login.login(alice.db, alice.settings, "alice", SECRET)
    users.set_disabled(alice.db, "alice", True, Actor("test"))
    assert login.resolve(alice.db, token) is None  # disabling ends the sessions
    with pytest.raises(LoginFailedError):
        login.login(alice.db, alice.settings, "alice", SECRET)


def test_set_password_unlocks_and_ends_sessions(alice: Stack) -> None:
    token, _ = login.login(alice.db, alice.settings, "alice", SECRET)
    users.set_password(alice.db, "alice", "Brand-new-pass-9", Actor("test"))
    assert login.resolve(alice.db, token) is None
    with pytest.raises(LoginFailedError):
        login.login(alice.db, alice.settings, "alice", SECRET)
    login.login(alice.db, alice.settings, "alice", "Brand-new-pass-9")


def test_password_never_in_logs_audit_or_database(alice: Stack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    alice.db.engine.echo = True  # SQL statements and their parameters go to the log too
    try:
        login.login(alice.db, alice.settings, "alice", SECRET)
        with pytest.raises(LoginFailedError):
            login.login(alice.db, alice.settings, "alice", "Wrong-pass-0001")
        users.set_password(alice.db, "alice", "Another-pass-77", Actor("test"))
    finally:
        alice.db.engine.echo = False
    assert caplog.records, "nothing was logged: the test would prove nothing"
    for secret in (SECRET, "Wrong-pass-0001", "Another-pass-77"):
        assert secret not in caplog.text
        assert secret not in repr(events(alice.db, limit=100)[0])
    with alice.db.session() as session:
        dump = repr(session.execute(text("SELECT * FROM users")).all())
    assert SECRET not in dump and "Another-pass-77" not in dump


def test_audit_log_is_append_only(alice: Stack) -> None:
    """GIVEN events in the log WHEN any code tries to change or delete one THEN the database refuses."""
    assert events(alice.db)[1] >= 1
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(Exception, match="append-only"), alice.db.transaction() as session:
            session.execute(text(statement))
    assert events(alice.db)[1] >= 1
