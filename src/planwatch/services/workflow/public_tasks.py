"""A task as the public portal shows it: what it is, who leads it, its time limit and its status as
last approved — never the units' narratives or attachments — and only when its document is published."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planwatch.errors import NotFoundError
from planwatch.services import publish
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.board import Board
from planwatch.services.workflow.common import local_date
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import DocumentRow, TaskRow
from planwatch.workflow.states import ITEM_STATUS_LABELS


@dataclass(frozen=True)
class PublicTask:
    """The portal's task page."""

    item_id: int
    task_id: int
    number: str | None
    title: str
    region: str | None
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    deadline: date | None
    deadline_text: str | None
    status: str
    status_label: str
    document_id: int
    document_title: str
    start: int | None
    end: int | None


def item_of_task(db: Database, task_id: int) -> int | None:
    """The work item of a task row."""
    with db.session() as session:
        item = repo.item_by_task(session, task_id)
        return item.id if item else None


def public_task(db: Database, settings: Settings, task_id: int, today: date | None = None) -> PublicTask:
    """A published task; NotFoundError when it is unknown or its document is not published."""
    missing = NotFoundError(
        f"任务 {task_id} 不存在或未公开 (no published task {task_id})", hint="see /public/tasks"
    )
    with db.session() as session:
        item = repo.item_by_task(session, task_id)
        task = session.get(TaskRow, task_id)
        doc = session.get(DocumentRow, task.document_id) if task else None
        if item is None or task is None or doc is None:
            raise missing
        board = Board.load(session, settings, today or local_date(), item_ids=[item.id])
        index = RegionIndex.load(session)
    if not publish.published_among(db, "document", [doc.logical_key]):
        raise missing
    rows = board.assignments.get(item.id, [])
    status = board.status(item)
    place = index.get(item.region_code)
    return PublicTask(item.id, task.id, item.number, item.title, place.name if place else None,
                      board.unit_names([a for a in rows if a.role == "lead"]),
                      board.unit_names([a for a in rows if a.role == "responsible"]), item.deadline, item.deadline_text,
                      status, ITEM_STATUS_LABELS[status], doc.id, doc.title or "", task.evidence_start,
                      task.evidence_end)  # fmt: skip
