"""Public comments (公众留言) on published indicators and tasks: anyone may send one (a few per client
address within a window, from the settings), moderators approve or reject it, the portal shows the
approved ones. Client addresses are kept only as a hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from planwatch.auth.policy import Action, Principal, require
from planwatch.errors import NotFoundError, RateLimitedError, ValidationError
from planwatch.services import publish
from planwatch.services.audit import Actor, record
from planwatch.services.scope import indicator_key
from planwatch.services.workflow.common import now, write
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import DocumentRow, FeedbackRow, WorkItem

MAX_BODY = 1000
STATES = {"pending": "待审核", "approved": "已公开", "rejected": "未采纳"}


@dataclass(frozen=True)
class Comment:
    """A comment as shown."""

    id: int
    object_type: str
    object_key: str
    subject: str
    author: str
    body: str
    state: str
    created_at: datetime
    moderated_by: str | None


def _view(f: FeedbackRow) -> Comment:
    return Comment(f.id, f.object_type, f.object_key, f.subject, f.author or "匿名", f.body, f.state, f.created_at,
                   f.moderated_by)  # fmt: skip


def client_hash(address: str | None) -> str:
    """What is kept of a client address."""
    return hashlib.sha256(f"planwatch-feedback|{address or '-'}".encode()).hexdigest()


def subject_of(db: Database, object_type: str, object_key: str) -> str:
    """What a comment is about, when it is published; NotFoundError otherwise (the public may not
    comment on what it cannot see)."""
    with db.session() as session:
        if object_type == "indicator":
            region, _sep, code = object_key.partition("|")
            entry = catalog_repo.get(session, code)
            if entry is not None and publish.published_among(
                db, "indicator", [indicator_key(region, entry.code)]
            ):
                return entry.name
        elif object_type == "task" and object_key.isdigit():
            item = session.get(WorkItem, int(object_key))
            doc = session.get(DocumentRow, item.document_id) if item and item.document_id else None
            if (
                item is not None
                and doc is not None
                and publish.published_among(db, "document", [doc.logical_key])
            ):
                return item.title[:200]
    raise NotFoundError("该内容不存在或未公开,不能留言 (not published)", hint="comment on a published page")


def submit(
    db: Database, settings: Settings, object_type: str, object_key: str, body: str, author: str | None,
    address: str | None, at: datetime | None = None,
) -> int:  # fmt: skip
    """Store a comment for moderation; RateLimitedError past the per-address limit."""
    body, author = (body or "").strip(), (author or "").strip()[:32] or None
    if not body:
        raise ValidationError("请填写留言内容 (empty comment)")
    if len(body) > MAX_BODY:
        raise ValidationError(f"留言不超过 {MAX_BODY} 字 (comment too long)")
    subject = subject_of(db, object_type, object_key)
    at = at or now()
    client = client_hash(address)
    with write(db) as session:
        since = at - timedelta(minutes=settings.feedback_window_minutes)
        if repo.feedback_from(session, client, since) >= settings.feedback_max:
            error = RateLimitedError(
                f"留言过于频繁:每 {settings.feedback_window_minutes:g} 分钟最多 {settings.feedback_max} 条,请稍后再试",
                hint="try again later",
            )  # fmt: skip
            error.retry_after = int(settings.feedback_window_minutes * 60)
            raise error
        row = FeedbackRow(object_type=object_type, object_key=object_key, subject=subject, author=author, body=body,
                          client=client, state="pending", created_at=at)  # fmt: skip
        session.add(row)
        session.flush()
        record(session, Actor(None, None, address), "feedback_add", "feedback", row.id, None,
               {"on": f"{object_type}:{object_key}", "author": author, "body": body})  # fmt: skip
        return row.id


def approved(db: Database, object_type: str, object_key: str) -> list[Comment]:
    """The approved comments on one object, newest first."""
    with db.session() as session:
        return [_view(f) for f in repo.feedback(session, object_type=object_type, object_key=object_key,
                                                 state="approved")]  # fmt: skip


def queue(db: Database, state: str | None = "pending", limit: int = 200) -> list[Comment]:
    """Comments for the moderators (pending by default), newest first."""
    with db.session() as session:
        return [_view(f) for f in repo.feedback(session, state=state, limit=limit)]


def moderate(db: Database, who: Principal, actor: Actor, comment_id: int, approve: bool) -> Comment:
    """Approve (show on the portal) or reject a comment."""
    require(who, Action.MODERATE_FEEDBACK)
    with write(db) as session:
        row = session.get(FeedbackRow, comment_id)
        if row is None:
            raise NotFoundError(f"留言 {comment_id} 不存在 (no comment {comment_id})")
        before = {"state": row.state}
        row.state, row.moderated_by, row.moderated_at = (
            ("approved" if approve else "rejected"),
            actor.name,
            now(),
        )
        record(session, actor, "feedback_approve" if approve else "feedback_reject", "feedback", row.id, before,
               {"state": row.state})  # fmt: skip
        return _view(row)
