"""What the 督办 pages and the dashboard show: the item table with statuses, the overdue and due-soon
lists, counts per status, for a region (and below) and optionally one unit."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from planwatch.services.library import region_codes
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.board import Board, Entry
from planwatch.services.workflow.common import local_date
from planwatch.services.workflow.items import KINDS
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import ProgressReport, WorkItem
from planwatch.workflow import periods
from planwatch.workflow.states import ITEM_STATUS_LABELS, NO_REPORT, ReportState

STATUS_ORDER = (NO_REPORT, "not_started", "in_progress", "lagging", "completed")


@dataclass(frozen=True)
class ItemRow:
    """One item in the 督办 table."""

    id: int
    kind: str
    kind_label: str
    number: str | None
    title: str
    region: str | None
    lead: tuple[str, ...]
    responsible: tuple[str, ...]
    deadline: date | None
    deadline_text: str | None
    status: str
    status_label: str
    overdue: bool
    latest_period: str | None
    latest_state: str | None
    percent: float | None
    completed_on: date | None


@dataclass
class Overview:
    """The 督办 page: counts, lists and the table."""

    today: date
    days: int
    rows: list[ItemRow]
    overdue: list[Entry]
    soon: list[Entry]
    counts: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=lambda: dict(ITEM_STATUS_LABELS))

    @property
    def overdue_tasks(self) -> int:
        """Items past their deadline, not completed."""
        return sum(1 for r in self.rows if r.overdue)


def _latest_any(board: Board, item: WorkItem) -> ProgressReport | None:
    found = board.reports.get(item.id, [])
    return max(found, key=lambda r: (r.period, r.submitted_at), default=None)


def row(board: Board, item: WorkItem, index: RegionIndex) -> ItemRow:
    """The table row of one item."""
    rows = board.assignments.get(item.id, [])
    status = board.status(item)
    latest = _latest_any(board, item)
    place = index.get(item.region_code)
    return ItemRow(
        item.id, item.kind, KINDS[item.kind], item.number, item.title, place.name if place else None,
        board.unit_names([a for a in rows if a.role == "lead"]),
        board.unit_names([a for a in rows if a.role == "responsible"]), item.deadline, item.deadline_text,
        status, ITEM_STATUS_LABELS[status], board.overdue_task(item),
        latest.period if latest else None, latest.state if latest else None,
        latest.percent if latest else None, item.completed_on,
    )  # fmt: skip


def overview(
    db: Database, settings: Settings, region: str | None = None, unit_id: int | None = None,
    status: str | None = None, days: int | None = None, today: date | None = None,
) -> Overview:  # fmt: skip
    """The items of a region (and below; None: all) and unit, with what is overdue or due soon."""
    today = today or local_date()
    days = settings.due_soon_days if days is None else days
    with db.session() as session:
        index = RegionIndex.load(session)
        board = Board.load(session, settings, today, region_codes(index, region), unit_id)
    rows = [row(board, item, index) for item in board.items]
    counts = Counter(r.status for r in rows)
    overdue, soon = board.entries(days, unit_id)
    if status == "overdue":
        rows = [r for r in rows if r.overdue]
    elif status:
        rows = [r for r in rows if r.status == status]
    return Overview(today, days, rows, overdue, soon, {s: counts.get(s, 0) for s in STATUS_ORDER})


@dataclass(frozen=True)
class Summary:
    """The dashboard's 督办 card: items per status, overdue and due-soon counts."""

    total: int
    counts: dict[str, int]
    labels: dict[str, str]
    overdue_tasks: int
    overdue: int
    soon: int
    awaiting_review: int


def summary(db: Database, settings: Settings, region: str | None, today: date | None = None) -> Summary:
    """Counts for the dashboard's badge and card."""
    view = overview(db, settings, region, today=today)
    with db.session() as session:
        waiting = len(repo.reports(session, [r.id for r in view.rows], ReportState.SUBMITTED.value))
    return Summary(len(view.rows), view.counts, view.labels, view.overdue_tasks, len(view.overdue), len(view.soon),
                   waiting)  # fmt: skip


def period_choices(today: date, kind: periods.PeriodKind, back: int = 4) -> list[tuple[str, str]]:
    """(code, label) of the current period and a few before it, newest first."""
    codes = [periods.period_of(kind, today)]
    for _ in range(back):
        codes.append(periods.period_of(kind, periods.bounds(codes[-1])[0] - timedelta(days=1)))
    return [(c, periods.label(c)) for c in codes]
