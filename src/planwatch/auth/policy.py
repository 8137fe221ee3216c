"""Who may do what: one policy function over role × action × object.

Every permission check in the web app, the API and the services asks ``allowed`` (or ``require``);
the table below is the whole policy. Object-level rules: a unit reporter acts only for the units
of government they are bound to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from planwatch.auth.errors import NotAuthenticatedError
from planwatch.errors import PermissionDeniedError


class Role(StrEnum):
    """What a person is in the system."""

    ADMIN = "admin"  # 规划办 (planning office): everything
    REVIEWER = "reviewer"  # 审核人: reads everything, reviews unit reports
    REPORTER = "reporter"  # 责任单位填报人: reads everything, reports for their own units
    LEADER = "leader"  # 领导: reads everything
    PUBLIC = "public"  # anonymous visitor: only what is published

    @property
    def label(self) -> str:
        """Chinese label."""
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.ADMIN: "管理员(规划办)",
    Role.REVIEWER: "审核人",
    Role.REPORTER: "单位填报人",
    Role.LEADER: "领导",
    Role.PUBLIC: "公众",
}
USER_ROLES = (Role.ADMIN, Role.REVIEWER, Role.REPORTER, Role.LEADER)


class Action(StrEnum):
    """Everything that is checked."""

    READ_PUBLISHED = "read_published"  # the public portal and the anonymous API
    READ_INTERNAL = "read_internal"  # every page and API answer, published or not
    UPLOAD_DOCUMENT = "upload_document"
    PUBLISH = "publish"  # toggle what the public portal shows
    MANAGE_USERS = "manage_users"
    READ_AUDIT = "read_audit"
    REPORT_PROGRESS = "report_progress"  # object: the unit reported for (workflow)
    REVIEW_REPORT = "review_report"  # approve or return a unit's progress report
    MANAGE_WORKFLOW = "manage_workflow"  # assignments, milestones, deadlines, schedules, sync
    IMPORT_LEDGER = "import_ledger"  # each row is also checked as report_progress for its unit
    READ_ATTACHMENT = "read_attachment"  # object: the unit whose report it belongs to
    MODERATE_FEEDBACK = "moderate_feedback"  # approve or reject public comments
    SEND_FEEDBACK = "send_feedback"  # comment on a published indicator or task


_READERS = frozenset(USER_ROLES)
POLICY: dict[Action, frozenset[Role]] = {
    Action.READ_PUBLISHED: frozenset(Role),
    Action.READ_INTERNAL: _READERS,
    Action.UPLOAD_DOCUMENT: frozenset({Role.ADMIN}),
    Action.PUBLISH: frozenset({Role.ADMIN}),
    Action.MANAGE_USERS: frozenset({Role.ADMIN}),
    Action.READ_AUDIT: frozenset({Role.ADMIN}),
    Action.REPORT_PROGRESS: frozenset({Role.ADMIN, Role.REPORTER}),
    Action.REVIEW_REPORT: frozenset({Role.ADMIN, Role.REVIEWER}),
    Action.MANAGE_WORKFLOW: frozenset({Role.ADMIN}),
    Action.IMPORT_LEDGER: frozenset({Role.ADMIN, Role.REPORTER}),
    Action.READ_ATTACHMENT: frozenset({Role.ADMIN, Role.REVIEWER, Role.REPORTER, Role.LEADER}),
    Action.MODERATE_FEEDBACK: frozenset({Role.ADMIN, Role.REVIEWER}),
    Action.SEND_FEEDBACK: frozenset(Role),
}
_UNIT_BOUND = frozenset({Action.REPORT_PROGRESS, Action.READ_ATTACHMENT})  # reporters: own units only


@dataclass(frozen=True)
class Principal:
    """Who makes a request: a signed-in user, or the anonymous public."""

    role: Role = Role.PUBLIC
    id: int | None = None
    username: str | None = None
    display_name: str | None = None
    unit_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def authenticated(self) -> bool:
        """Whether this is a signed-in user."""
        return self.id is not None

    @property
    def name(self) -> str:
        """How pages and the audit log name this person."""
        return self.display_name or self.username or "公众"


ANONYMOUS = Principal()


def allowed(who: Principal, action: Action, obj: object | None = None) -> bool:
    """Whether ``who`` may do ``action`` (on ``obj``: for REPORT_PROGRESS and READ_ATTACHMENT, a unit id)."""
    if who.role not in POLICY[action] or (who.role is not Role.PUBLIC and not who.authenticated):
        return False
    if action in _UNIT_BOUND and who.role is Role.REPORTER:
        return isinstance(obj, int) and obj in who.unit_ids
    return True


def require(who: Principal, action: Action, obj: object | None = None) -> None:
    """Raise PermissionDeniedError (NotAuthenticatedError for the anonymous) unless allowed."""
    if allowed(who, action, obj):
        return
    if not who.authenticated:
        raise NotAuthenticatedError("请先登录 (sign in first)", hint="/login")
    raise PermissionDeniedError(f"无权执行此操作 ({action.value})", hint="ask an administrator")
