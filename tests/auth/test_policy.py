"""The permission policy: the whole role × action matrix, and the object rule for reporters."""

from __future__ import annotations

import pytest

from planwatch.auth.errors import NotAuthenticatedError
from planwatch.auth.policy import ANONYMOUS, Action, Principal, Role, allowed, require
from planwatch.errors import PermissionDeniedError

A, R, U, L, P = Role.ADMIN, Role.REVIEWER, Role.REPORTER, Role.LEADER, Role.PUBLIC
# action → roles allowed (reporters for their own unit; see the object test)
MATRIX = {
    Action.READ_PUBLISHED: {A, R, U, L, P},
    Action.READ_INTERNAL: {A, R, U, L},
    Action.UPLOAD_DOCUMENT: {A},
    Action.PUBLISH: {A},
    Action.MANAGE_USERS: {A},
    Action.READ_AUDIT: {A},
    Action.REPORT_PROGRESS: {A, U},
    Action.REVIEW_REPORT: {A, R},
    Action.MANAGE_WORKFLOW: {A},
    Action.IMPORT_LEDGER: {A, U},
    Action.READ_ATTACHMENT: {A, R, U, L},
    Action.MODERATE_FEEDBACK: {A, R},
    Action.SEND_FEEDBACK: {A, R, U, L, P},
}


def person(role: Role) -> Principal:
    return ANONYMOUS if role is P else Principal(role, 7, role.value, None, frozenset({3}))


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", list(Role))
def test_matrix(role: Role, action: Action) -> None:
    assert allowed(person(role), action, 3) == (role in MATRIX[action])


def test_every_action_is_in_the_matrix() -> None:
    assert set(MATRIX) == set(Action)


def test_reporter_acts_only_for_own_units() -> None:
    reporter = person(Role.REPORTER)
    assert allowed(reporter, Action.REPORT_PROGRESS, 3)
    assert not allowed(reporter, Action.REPORT_PROGRESS, 4)
    assert not allowed(reporter, Action.REPORT_PROGRESS, None)
    assert allowed(person(Role.ADMIN), Action.REPORT_PROGRESS, 4)
    assert allowed(reporter, Action.READ_ATTACHMENT, 3)
    assert not allowed(reporter, Action.READ_ATTACHMENT, 4)
    assert allowed(person(Role.LEADER), Action.READ_ATTACHMENT, 4)


def test_a_role_without_a_user_is_not_trusted() -> None:
    """GIVEN a principal claiming admin without a user id THEN nothing beyond the public is allowed."""
    forged = Principal(Role.ADMIN)
    assert not allowed(forged, Action.READ_INTERNAL)
    assert allowed(forged, Action.READ_PUBLISHED) is False  # admin role, but not signed in


def test_require_raises_the_right_error() -> None:
    with pytest.raises(NotAuthenticatedError):
        require(ANONYMOUS, Action.READ_INTERNAL)
    with pytest.raises(PermissionDeniedError):
        require(person(Role.LEADER), Action.UPLOAD_DOCUMENT)
    require(person(Role.ADMIN), Action.UPLOAD_DOCUMENT)
