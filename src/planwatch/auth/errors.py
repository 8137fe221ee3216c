"""Errors of signing in and of permissions, in PlanWatch's one hierarchy (``planwatch.errors``)."""

from __future__ import annotations

from planwatch.errors import PermissionDeniedError, PlanWatchError


class NotAuthenticatedError(PlanWatchError):
    """The request needs a signed-in user and has none (or the session expired)."""


class LoginFailedError(PlanWatchError):
    """Wrong user name or password (never says which)."""


class AccountLockedError(PlanWatchError):
    """Too many failed logins: the account is locked for a while."""


class CsrfError(PermissionDeniedError):
    """A form or state-changing call without the session's CSRF token."""
