"""The numbers department scorecards read (report.gather's UnitRow), from the workflow: tasks each unit
leads and shares, completed (on time or late) and overdue as of the evaluated year's end (or today),
its reports of that year on time, late (or missing past their due date) and returned, and the statuses
of the indicators it was assigned to lead."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from sqlalchemy.orm import Session

from planwatch.report.model import UnitRow
from planwatch.services.workflow.board import Board
from planwatch.services.workflow.common import local_date
from planwatch.settings import Settings
from planwatch.store.tables import Assignment, WorkItem
from planwatch.workflow import periods
from planwatch.workflow.states import ITEM_STATUS_LABELS


def unit_rows(
    session: Session, settings: Settings, region_codes: list[str], year: int, today: date,
    indicator_status: Mapping[str, str] | None = None,
) -> tuple[UnitRow, ...]:  # fmt: skip
    """One row per unit answerable for items of these regions, most tasks led first."""
    as_of = min(today, date(year, 12, 31))
    board = Board.load(session, settings, as_of, region_codes)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_status: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for item in board.items:
        for a in board.assignments.get(item.id, []):
            c = counts[a.unit_id]
            if item.kind == "indicator":
                status = (indicator_status or {}).get(item.indicator_code or "")
                if status and a.role == "lead":
                    by_status[a.unit_id][status] += 1
                continue
            if item.kind != "task":
                continue
            c["led" if a.role == "lead" else "shared"] += 1
            if a.role != "lead":
                continue
            done = item.completed_on is not None and item.completed_on <= as_of
            if done:
                c["completed"] += 1
                if item.deadline is None or (item.completed_on and item.completed_on <= item.deadline):
                    c["on_time"] += 1
            elif item.deadline is not None and item.deadline < as_of:
                c["overdue"] += 1
        for a in board.lead(item):
            _report_counts(board, item, a, year, as_of, counts[a.unit_id])
    rows = [
        UnitRow(unit=board.units[u].name, led=c["led"], shared=c["shared"], completed=c["completed"],
                completed_on_time=c["on_time"], overdue=c["overdue"], reports_on_time=c["reports_on_time"],
                reports_late=c["reports_late"], reports_returned=c["reports_returned"],
                indicators_by_status=dict(by_status.get(u, {})))
        for u, c in counts.items() if u in board.units
    ]  # fmt: skip
    return tuple(sorted(rows, key=lambda r: (-r.led, -r.shared, r.unit)))


def _report_counts(
    board: Board, item: WorkItem, a: Assignment, year: int, as_of: date, c: dict[str, int]
) -> None:
    """Reports of one lead assignment for periods of ``year`` (those it owes, and any it made): on time,
    late or missing past their due date, and how often returned."""
    owed = dict(board.owed(item, a))
    for r in board.reports.get(item.id, []):
        if r.unit_id == a.unit_id:
            owed[r.period] = r
    for period, report in owed.items():
        if periods.bounds(period)[0].year != year:
            continue
        due = periods.due_date(period, board.grace)
        if report is None:
            c["reports_late"] += 1 if due < as_of else 0
            continue
        c["reports_returned"] += report.returns
        if local_date(report.first_submitted_at) <= due:
            c["reports_on_time"] += 1
        else:
            c["reports_late"] += 1


def project_status(
    session: Session, settings: Settings, region_codes: list[str], today: date
) -> dict[int, str]:
    """The reported status (推进中 …) of supervised key projects, by project row id."""
    board = Board.load(session, settings, today, region_codes)
    return {
        item.project_id: ITEM_STATUS_LABELS[board.status(item)]
        for item in board.items
        if item.kind == "project" and item.project_id is not None
    }
