"""One item's page (事项详情): its units, milestones, every report with its versions and attachments,
what the viewer may do; and the reviewers' queue of reports awaiting review."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from planwatch.auth.policy import Action, Principal, allowed
from planwatch.errors import NotFoundError
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.board import Board
from planwatch.services.workflow.common import local_date
from planwatch.services.workflow.items import ROLES
from planwatch.services.workflow.milestones import MilestoneView, view
from planwatch.services.workflow.views import ItemRow, period_choices, row
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import govunits as unit_repo
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import Attachment, GovUnit, ProgressReport, ReportRevision, TaskRow
from planwatch.workflow import periods
from planwatch.workflow.states import Progress, ReportState

ACTION_LABELS = {"submit": "提交", "edit": "修改", "resubmit": "重新提交", "approve": "审核通过", "return": "退回",
                 "import": "台账导入"}  # fmt: skip


@dataclass(frozen=True)
class AttachmentView:
    """An attachment as listed."""

    id: int
    filename: str
    size: int
    sha256: str
    revision: int


@dataclass(frozen=True)
class RevisionView:
    """One version of a report."""

    number: int
    action: str
    action_label: str
    state_label: str
    progress_label: str
    percent: float
    narrative: str
    comment: str | None
    actor: str | None
    at: datetime
    attachments: int


@dataclass(frozen=True)
class ReportView:
    """A report with its history."""

    id: int
    item_id: int
    unit_id: int
    unit: str
    period: str
    period_label: str
    state: str
    state_label: str
    progress: str
    progress_label: str
    percent: float
    narrative: str
    submitted_at: datetime
    submitted_by: str | None
    due: date
    on_time: bool
    reviewed_at: datetime | None
    reviewed_by: str | None
    review_comment: str | None
    returns: int
    version: int
    attachments: tuple[AttachmentView, ...]
    revisions: tuple[RevisionView, ...]

    @property
    def editable(self) -> bool:
        """Not yet approved."""
        return ReportState(self.state).editable


def report_view(
    r: ProgressReport,
    unit: GovUnit | None,
    grace: int,
    files: list[Attachment],
    history: list[ReportRevision],
) -> ReportView:
    """The view of a stored report."""
    due = periods.due_date(r.period, grace)
    return ReportView(
        r.id, r.item_id, r.unit_id, unit.name if unit else str(r.unit_id), r.period, periods.label(r.period), r.state,
        ReportState(r.state).label, r.progress, Progress(r.progress).label, r.percent, r.narrative, r.submitted_at,
        r.submitted_by, due, local_date(r.first_submitted_at) <= due, r.reviewed_at, r.reviewed_by,
        r.review_comment, r.returns, r.version,
        tuple(AttachmentView(a.id, a.filename, a.size, a.sha256, a.revision) for a in files),
        tuple(RevisionView(h.number, h.action, ACTION_LABELS.get(h.action, h.action), ReportState(h.state).label,
                           Progress(h.progress).label, h.percent, h.narrative, h.comment, h.actor, h.at,
                           len(h.attachments or [])) for h in history),
    )  # fmt: skip


@dataclass(frozen=True)
class AssignmentView:
    """A unit answerable for the item."""

    id: int
    unit_id: int
    unit: str
    role: str
    role_label: str
    since: date
    source: str
    version: int


@dataclass(frozen=True)
class Owed:
    """A period a lead unit owes a report for."""

    unit: str
    period: str
    label: str
    due: date
    state: str | None


@dataclass
class ItemDetail:
    """Everything the item page shows."""

    row: ItemRow
    item_id: int
    version: int
    deadline_source: str
    document_id: int | None
    evidence: tuple[int, int] | None
    kind_label: str  # how often reports are due (季度)
    assignments: list[AssignmentView]
    milestones: list[MilestoneView]
    reports: list[ReportView]
    owed: list[Owed]
    report_units: list[tuple[int, str]]  # units the viewer may report for
    periods: list[tuple[str, str]]
    region_units: list[tuple[int, str]]
    today: date

    def report(self, report_id: int | None) -> ReportView | None:
        """One of the item's reports."""
        return next((r for r in self.reports if r.id == report_id), None)


def item_detail(
    db: Database, settings: Settings, who: Principal, item_id: int, today: date | None = None
) -> ItemDetail:
    """The page of one item for this viewer."""
    today = today or local_date()
    with db.session() as session:
        board = Board.load(session, settings, today, item_ids=[item_id])
        if not board.items:
            raise NotFoundError(
                f"督办事项 {item_id} 不存在 (no work item {item_id})", hint="see /supervision"
            )
        item = board.items[0]
        index = RegionIndex.load(session)
        reports = board.reports.get(item.id, [])
        views = _views(session, board, reports)
        task = session.get(TaskRow, item.task_id) if item.task_id else None
        rows = board.assignments.get(item.id, [])
        owed = [Owed(board.units[a.unit_id].name, p, periods.label(p), periods.due_date(p, board.grace),
                     r.state if r else None)
                for a in board.lead(item) for p, r in board.owed(item, a) if r is None or r.state == "returned"]  # fmt: skip
        region_units = [(u.id, u.name) for u in unit_repo.units_of(session, item.region_code)]
    kind = board.schedules.kind(item)
    return ItemDetail(
        row(board, item, index), item.id, item.version, item.deadline_source, item.document_id,
        (task.evidence_start, task.evidence_end) if task and task.evidence_start is not None and task.evidence_end is not None else None,
        kind.label,
        [AssignmentView(a.id, a.unit_id, board.units[a.unit_id].name, a.role, ROLES[a.role], a.since, a.source, a.version)
         for a in rows],
        [view(m) for m in board.milestones.get(item.id, [])],
        sorted(views, key=lambda v: (v.unit, v.period), reverse=True), owed,
        [(a.unit_id, board.units[a.unit_id].name) for a in {a.unit_id: a for a in rows}.values()
         if allowed(who, Action.REPORT_PROGRESS, a.unit_id)],
        period_choices(today, kind), region_units, today,
    )  # fmt: skip


def _views(session: Session, board: Board, reports: list[ProgressReport]) -> list[ReportView]:
    ids = [r.id for r in reports]
    files, history = repo.attachments(session, ids), repo.revisions(session, ids)
    units = board.units | repo.units(session, {r.unit_id for r in reports} - set(board.units))
    return [report_view(r, units.get(r.unit_id), board.grace, files[r.id], history[r.id]) for r in reports]


@dataclass(frozen=True)
class QueueLine:
    """A report awaiting review, with its item."""

    report: ReportView
    item_title: str
    item_number: str | None


def review_queue(db: Database, settings: Settings, today: date | None = None) -> list[QueueLine]:
    """Every report awaiting review, oldest submission first."""
    today = today or local_date()
    with db.session() as session:
        waiting = repo.reports(session, None, ReportState.SUBMITTED.value)
        board = Board.load(session, settings, today, item_ids={r.item_id for r in waiting})
        items = {i.id: i for i in board.items}
        views = _views(session, board, waiting)
    lines = [
        QueueLine(v, items[v.item_id].title, items[v.item_id].number) for v in views if v.item_id in items
    ]
    return sorted(lines, key=lambda q: q.report.submitted_at)
