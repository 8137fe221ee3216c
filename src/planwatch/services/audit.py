"""The audit log (审计日志): every login, upload, publication change … as an append-only event with
who, when, what and the object's state before and after. Callers pass their own session, so that an
event commits with the change it records (or not at all)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from planwatch.auth.policy import Principal
from planwatch.store.engine import Database
from planwatch.store.repo import audit as repo

# what the pages and exports call each action
ACTION_LABELS = {
    "login": "登录", "logout": "退出", "login_failed": "登录失败", "account_locked": "账户锁定",
    "login_refused_locked": "锁定期间尝试登录", "login_rate_limited": "登录过于频繁被拒",
    "upload": "上传文档", "publish": "公开", "unpublish": "取消公开", "user_add": "新增用户",
    "user_disable": "停用用户", "user_enable": "启用用户", "user_set_password": "重设密码",
    "user_set_email": "设置邮箱", "workflow_sync": "同步督办事项", "item_add": "新增督办事项",
    "item_update": "修改督办事项", "assignment_add": "新增分工", "assignment_remove": "取消分工",
    "milestone_add": "新增节点", "milestone_update": "修改节点", "milestone_done": "节点完成",
    "schedule_set": "设置报送周期", "report_submit": "提交进展报告", "report_edit": "修改进展报告",
    "report_resubmit": "重新提交进展报告", "report_approve": "审核通过", "report_return": "退回报告",
    "ledger_import": "导入台账", "reminder_sent": "发送督办提醒", "feedback_add": "公众留言",
    "feedback_approve": "留言公开", "feedback_reject": "留言不予公开", "audit_export": "导出审计日志",
}  # fmt: skip
# never written to the log, whatever a caller passes
_SECRET_KEYS = frozenset({"password", "password_hash", "token", "session", "csrf_token", "secret"})


@dataclass(frozen=True)
class Actor:
    """Who did it: a signed-in user, or a command-line user (``cli:root``)."""

    name: str | None
    id: int | None = None
    ip: str | None = None

    @classmethod
    def of(cls, who: Principal, ip: str | None = None) -> Actor:
        """The actor of a web request."""
        return cls(who.username, who.id, ip)


@dataclass(frozen=True)
class Event:
    """One logged event, as pages and the API show it."""

    id: int
    at: datetime
    actor: str | None
    action: str
    object_type: str | None
    object_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    ip: str | None
    note: str | None


def scrub(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """A state without secrets (passwords, hashes, tokens), at any depth."""
    if state is None:
        return None
    return {
        k: scrub(v) if isinstance(v, dict) else v for k, v in state.items() if k.lower() not in _SECRET_KEYS
    }


def record(
    session: Session, actor: Actor, action: str, object_type: str | None = None, object_id: object = None,
    before: dict[str, Any] | None = None, after: dict[str, Any] | None = None, note: str | None = None,
) -> None:  # fmt: skip
    """Append one event in the caller's transaction."""
    repo.append(session, {
        "actor": (actor.name or "")[:128] or None, "actor_id": actor.id, "action": action,
        "object_type": object_type, "object_id": None if object_id is None else str(object_id)[:128],
        "before": scrub(before), "after": scrub(after), "ip": actor.ip, "note": note,
    })  # fmt: skip


def events(
    db: Database, *, action: str | None = None, object_type: str | None = None, object_id: str | None = None,
    limit: int = 50, offset: int = 0,
) -> tuple[list[Event], int]:  # fmt: skip
    """Events, newest first, and how many match."""
    with db.session() as session:
        rows, total = repo.page(session, action=action, object_type=object_type, object_id=object_id,
                                limit=limit, offset=offset)  # fmt: skip
        return [Event(r.id, r.at, r.actor, r.action, r.object_type, r.object_id, r.before, r.after, r.ip,
                      r.note) for r in rows], total  # fmt: skip


def every_event(db: Database, batch: int = 1000) -> list[Event]:
    """The whole log, oldest first (for exports)."""
    out: list[Event] = []
    offset = 0
    while True:
        page, total = events(db, limit=batch, offset=offset)
        out.extend(page)
        offset += batch
        if offset >= total:
            return out[::-1]
