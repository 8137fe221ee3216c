"""Queries of the supervision workflow: items and their units, milestones, reports with revisions and
attachments, schedules, reminder recipients, public feedback."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planwatch.store.repo.documents import current_filter
from planwatch.store.tables import (
    Assignment,
    Attachment,
    DocumentRow,
    FeedbackRow,
    GovUnit,
    GovUnitAlias,
    Milestone,
    ProgressReport,
    ReportRevision,
    ReportSchedule,
    TaskRow,
    TaskUnit,
    UserRow,
    UserUnit,
    WorkItem,
)


def current_tasks(
    session: Session, document_ids: Collection[int] | None = None
) -> list[tuple[TaskRow, DocumentRow]]:
    """Tasks of current documents (or of these documents), in document order."""
    query = select(TaskRow, DocumentRow).join(DocumentRow, DocumentRow.id == TaskRow.document_id)
    query = query.where(current_filter())
    if document_ids is not None:
        query = query.where(DocumentRow.id.in_(list(document_ids)))
    return [(t, d) for t, d in session.execute(query.order_by(DocumentRow.id, TaskRow.ordinal))]


def logical_keys(session: Session, document_ids: Collection[int]) -> set[str]:
    """The logical keys of these documents."""
    query = select(DocumentRow.logical_key).where(DocumentRow.id.in_(list(document_ids)))
    return set(session.scalars(query))


def task_units(session: Session, task_ids: Collection[int]) -> dict[int, list[tuple[str, int]]]:
    """(role, unit id) of each task, in the order written."""
    out: dict[int, list[tuple[str, int]]] = defaultdict(list)
    ids = list(task_ids)
    for start in range(0, len(ids), 500):
        query = select(TaskUnit).where(TaskUnit.task_id.in_(ids[start : start + 500]))
        for row in session.scalars(query.order_by(TaskUnit.task_id, TaskUnit.role, TaskUnit.position)):
            out[row.task_id].append((row.role, row.unit_id))
    return out


def items_by_key(session: Session, keys: Collection[str]) -> dict[str, WorkItem]:
    """Work items by their stable key."""
    out: dict[str, WorkItem] = {}
    wanted = list(keys)
    for start in range(0, len(wanted), 500):
        query = select(WorkItem).where(WorkItem.key.in_(wanted[start : start + 500]))
        out.update({i.key: i for i in session.scalars(query)})
    return out


def item_by_task(session: Session, task_id: int) -> WorkItem | None:
    """The work item a task row is the current version of."""
    return session.scalars(select(WorkItem).where(WorkItem.task_id == task_id)).first()


def items_of_documents(session: Session, document_keys: Collection[str]) -> list[WorkItem]:
    """Task items that came from documents with these logical keys."""
    if not document_keys:
        return []
    query = select(WorkItem).where(WorkItem.kind == "task", WorkItem.document_key.in_(list(document_keys)))
    return list(session.scalars(query))


def items(
    session: Session, region_codes: Collection[str] | None = None, unit_id: int | None = None,
    active: bool = True, kind: str | None = None, ids: Collection[int] | None = None,
) -> list[WorkItem]:  # fmt: skip
    """Work items, by region (None: all), unit (None: any) or id, in region and plan order."""
    query = select(WorkItem)
    if ids is not None:
        query = query.where(WorkItem.id.in_(list(ids)))
    if active:
        query = query.where(WorkItem.active.is_(True))
    if region_codes is not None:
        query = query.where(WorkItem.region_code.in_(list(region_codes)))
    if kind:
        query = query.where(WorkItem.kind == kind)
    if unit_id is not None:
        mine = select(Assignment.item_id).where(Assignment.unit_id == unit_id, Assignment.active.is_(True))
        query = query.where(WorkItem.id.in_(mine))
    return list(session.scalars(query.order_by(WorkItem.region_code, WorkItem.document_id, WorkItem.id)))


def assignments(
    session: Session, item_ids: Collection[int], active_only: bool = True
) -> dict[int, list[Assignment]]:
    """Assignments per item (lead first, then in the order made)."""
    out: dict[int, list[Assignment]] = defaultdict(list)
    ids = list(item_ids)
    for start in range(0, len(ids), 500):
        query = select(Assignment).where(Assignment.item_id.in_(ids[start : start + 500]))
        if active_only:
            query = query.where(Assignment.active.is_(True))
        for a in session.scalars(query.order_by(Assignment.item_id, Assignment.role, Assignment.id)):
            out[a.item_id].append(a)
    return out


def units(session: Session, unit_ids: Collection[int]) -> dict[int, GovUnit]:
    """Units of government by id."""
    ids = list(unit_ids)
    out: dict[int, GovUnit] = {}
    for start in range(0, len(ids), 500):
        out.update(
            {
                u.id: u
                for u in session.scalars(select(GovUnit).where(GovUnit.id.in_(ids[start : start + 500])))
            }
        )
    return out


def units_by_name(session: Session, name: str) -> list[GovUnit]:
    """Units whose name or one of whose spellings is ``name``."""
    spelled = select(GovUnitAlias.unit_id).where(GovUnitAlias.alias == name)
    query = select(GovUnit).where((GovUnit.name == name) | GovUnit.id.in_(spelled))
    return list(session.scalars(query.order_by(GovUnit.id)))


def milestones(session: Session, item_ids: Collection[int]) -> dict[int, list[Milestone]]:
    """Milestones per item, by due date."""
    out: dict[int, list[Milestone]] = defaultdict(list)
    if item_ids:
        query = select(Milestone).where(Milestone.item_id.in_(list(item_ids)))
        for m in session.scalars(
            query.order_by(Milestone.item_id, Milestone.due, Milestone.position, Milestone.id)
        ):
            out[m.item_id].append(m)
    return out


def reports(
    session: Session, item_ids: Collection[int] | None = None, state: str | None = None
) -> list[ProgressReport]:
    """Progress reports (of these items; in this state), newest period first."""
    query = select(ProgressReport)
    if item_ids is not None:
        query = query.where(ProgressReport.item_id.in_(list(item_ids)))
    if state:
        query = query.where(ProgressReport.state == state)
    return list(session.scalars(query.order_by(ProgressReport.period.desc(), ProgressReport.id.desc())))


def report_for(session: Session, item_id: int, unit_id: int, period: str) -> ProgressReport | None:
    """The report of one unit on one item for one period."""
    query = select(ProgressReport).where(
        ProgressReport.item_id == item_id, ProgressReport.unit_id == unit_id, ProgressReport.period == period
    )
    return session.scalars(query).first()


def revisions(session: Session, report_ids: Collection[int]) -> dict[int, list[ReportRevision]]:
    """Every version of these reports, oldest first."""
    out: dict[int, list[ReportRevision]] = defaultdict(list)
    if report_ids:
        query = select(ReportRevision).where(ReportRevision.report_id.in_(list(report_ids)))
        for r in session.scalars(query.order_by(ReportRevision.report_id, ReportRevision.number)):
            out[r.report_id].append(r)
    return out


def attachments(session: Session, report_ids: Collection[int]) -> dict[int, list[Attachment]]:
    """Attachments of these reports, in upload order."""
    out: dict[int, list[Attachment]] = defaultdict(list)
    if report_ids:
        query = select(Attachment).where(Attachment.report_id.in_(list(report_ids)))
        for a in session.scalars(query.order_by(Attachment.report_id, Attachment.id)):
            out[a.report_id].append(a)
    return out


def schedules(session: Session) -> list[ReportSchedule]:
    """Every reporting schedule."""
    return list(session.scalars(select(ReportSchedule)))


def schedule(session: Session, scope: str, key: str) -> ReportSchedule | None:
    """The schedule of one region or plan."""
    query = select(ReportSchedule).where(ReportSchedule.scope == scope, ReportSchedule.key == key)
    return session.scalars(query).first()


def recipients(session: Session, unit_ids: Collection[int]) -> dict[int, list[UserRow]]:
    """Active reporters with an e-mail address, per unit they report for."""
    out: dict[int, list[UserRow]] = defaultdict(list)
    if unit_ids:
        query = (
            select(UserUnit.unit_id, UserRow)
            .join(UserRow, UserRow.id == UserUnit.user_id)
            .where(
                UserUnit.unit_id.in_(list(unit_ids)), UserRow.disabled.is_(False), UserRow.email.is_not(None)
            )
            .order_by(UserRow.username)
        )
        for unit_id, user in session.execute(query):
            out[unit_id].append(user)
    return out


def feedback_from(session: Session, client: str, since: datetime) -> int:
    """How many comments one client sent since a time."""
    query = select(func.count()).where(FeedbackRow.client == client, FeedbackRow.created_at >= since)
    return session.scalar(query) or 0


def feedback(
    session: Session, *, object_type: str | None = None, object_key: str | None = None, state: str | None = None,
    limit: int = 200,
) -> list[FeedbackRow]:  # fmt: skip
    """Comments, newest first."""
    query = select(FeedbackRow)
    if object_type:
        query = query.where(FeedbackRow.object_type == object_type)
    if object_key:
        query = query.where(FeedbackRow.object_key == object_key)
    if state:
        query = query.where(FeedbackRow.state == state)
    return list(session.scalars(query.order_by(FeedbackRow.id.desc()).limit(limit)))
