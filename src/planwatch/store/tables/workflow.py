"""Task supervision (督办): what is supervised, who answers for it, its milestones, the units' progress
reports with every version and attachment, reporting schedules, and public comments.

Rows people edit carry a ``version`` (SQLAlchemy's version counter): an UPDATE names the version it
read, so of two concurrent edits exactly one succeeds and the other is told (409), never lost.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base, utcnow


class WorkItem(Base):
    """A supervised item (督办事项): a task of a task-division scheme or plan (``key`` is stable across
    document versions), or an indicator or key project an administrator assigned."""

    __tablename__ = "work_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # task | indicator | project
    key: Mapped[str] = mapped_column(String(64), unique=True)
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    document_key: Mapped[str | None] = mapped_column(String(512))  # the source document's logical key
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    task_id: Mapped[int | None] = mapped_column(ForeignKey("tasks.id", ondelete="SET NULL"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("projects.id", ondelete="SET NULL"))
    indicator_code: Mapped[str | None] = mapped_column(String(64))
    number: Mapped[str | None] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None]
    deadline_text: Mapped[str | None] = mapped_column(String(64))
    deadline_source: Mapped[str] = mapped_column(
        String(16), default="none"
    )  # written|plan_end|ongoing|manual|none
    completed_on: Mapped[date | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy reads this class attribute


class Assignment(Base):
    """A unit answerable for an item, as lead (牵头) or responsible (责任); reports are owed from ``since``."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("item_id", "unit_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("work_items.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("gov_units.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # lead | responsible
    source: Mapped[str] = mapped_column(String(16), default="extracted")  # extracted | manual
    active: Mapped[bool] = mapped_column(default=True)
    since: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(128))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Milestone(Base):
    """A step of an item with its own deadline (节点), set by an administrator."""

    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("work_items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(Text)
    due: Mapped[date]
    done_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(128))
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ProgressReport(Base):
    """One unit's progress report on one item for one period: its current content and review state."""

    __tablename__ = "progress_reports"
    __table_args__ = (UniqueConstraint("item_id", "unit_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("work_items.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("gov_units.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(16))
    state: Mapped[str] = mapped_column(String(16))  # submitted | approved | returned
    progress: Mapped[str] = mapped_column(String(16))  # not_started | in_progress | completed | lagging
    percent: Mapped[float]
    narrative: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(16), default="web")  # web | api | ledger | demo
    first_submitted_at: Mapped[datetime]
    submitted_at: Mapped[datetime]
    submitted_by: Mapped[str | None] = mapped_column(String(128))
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(128))
    review_comment: Mapped[str | None] = mapped_column(Text)
    returns: Mapped[int] = mapped_column(default=0)
    revision: Mapped[int] = mapped_column(default=1)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ReportRevision(Base):
    """Every version of a report (submitted, edited, approved, returned, imported), never changed."""

    __tablename__ = "report_revisions"
    __table_args__ = (UniqueConstraint("report_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("progress_reports.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    action: Mapped[str] = mapped_column(String(16))  # submit | edit | resubmit | approve | return | import
    state: Mapped[str] = mapped_column(String(16))
    progress: Mapped[str] = mapped_column(String(16))
    percent: Mapped[float]
    narrative: Mapped[str] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)
    attachments: Mapped[list[Any]]
    actor: Mapped[str | None] = mapped_column(String(128))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(default=utcnow)


class Attachment(Base):
    """A file attached to a report, kept under the data directory by its sha256."""

    __tablename__ = "report_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("progress_reports.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int]
    filename: Mapped[str] = mapped_column(String(256))
    media_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(String(512))  # relative to the data directory
    uploaded_by: Mapped[str | None] = mapped_column(String(128))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReportSchedule(Base):
    """How often a region's or a plan's units report (overrides the setting's default)."""

    __tablename__ = "report_schedules"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(16))  # region | plan
    key: Mapped[str] = mapped_column(String(512))  # region code, or a document's logical key
    kind: Mapped[str] = mapped_column(String(16))
    set_by: Mapped[str | None] = mapped_column(String(128))
    set_at: Mapped[datetime] = mapped_column(default=utcnow)


class FeedbackRow(Base):
    """A public comment on a published indicator or task, shown once a moderator approves it."""

    __tablename__ = "feedback"
    __table_args__ = (
        Index("ix_feedback_client_created_at", "client", "created_at"),
        Index("ix_feedback_object", "object_type", "object_key", "state"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(String(16))  # indicator | task
    object_key: Mapped[str] = mapped_column(String(128))  # <region>|<code>, or the work item id
    subject: Mapped[str] = mapped_column(String(256))  # what it is about, for the moderators
    author: Mapped[str | None] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    client: Mapped[str] = mapped_column(String(64))  # sha256 of the client address
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending | approved | rejected
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    moderated_by: Mapped[str | None] = mapped_column(String(128))
    moderated_at: Mapped[datetime | None]
