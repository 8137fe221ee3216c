"""The state of supervision over a set of items, computed in memory from one load: each item's status
(the latest approved report of a lead unit, or 已完成 once one reported completion), and what is
overdue or due soon — task deadlines, milestones, and the reports lead units owe for each period."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from planwatch.services.workflow.schedule import Schedules
from planwatch.settings import Settings
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import Assignment, GovUnit, Milestone, ProgressReport, WorkItem
from planwatch.workflow import periods
from planwatch.workflow.states import NO_REPORT, Progress, ReportState

ENTRY_KINDS = {"task": "任务", "milestone": "节点", "report": "报送"}


@dataclass(frozen=True)
class Entry:
    """Something with a date that is overdue (``days`` > 0 days late) or due soon (in ``-days`` days)."""

    kind: str  # task | milestone | report
    item_id: int
    number: str | None
    title: str
    detail: str  # the milestone, the period, or 完成时限
    region_code: str | None
    unit_ids: tuple[int, ...]
    units: tuple[str, ...]
    due: date
    days: int

    @property
    def overdue(self) -> bool:
        """Past its date."""
        return self.days > 0

    @property
    def kind_label(self) -> str:
        """任务 / 节点 / 报送."""
        return ENTRY_KINDS[self.kind]


@dataclass
class Board:
    """Items with their assignments, units, milestones and reports, and the rules to judge them."""

    today: date
    grace: int
    schedules: Schedules
    items: list[WorkItem]
    assignments: dict[int, list[Assignment]]
    units: dict[int, GovUnit]
    milestones: dict[int, list[Milestone]]
    reports: dict[int, list[ProgressReport]] = field(default_factory=dict)

    @classmethod
    def load(
        cls, session: Session, settings: Settings, today: date, region_codes: Collection[str] | None = None,
        unit_id: int | None = None, item_ids: Collection[int] | None = None,
    ) -> Board:  # fmt: skip
        """Everything about the items of these regions (and this unit), or these items."""
        found = repo.items(session, region_codes, unit_id, ids=item_ids)
        ids = [i.id for i in found]
        assignments = repo.assignments(session, ids)
        units = repo.units(session, {a.unit_id for rows in assignments.values() for a in rows})
        by_item: dict[int, list[ProgressReport]] = defaultdict(list)
        for r in repo.reports(session, ids):
            by_item[r.item_id].append(r)
        return cls(today, settings.report_grace_days, Schedules.load(session, settings), found, assignments, units,
                   repo.milestones(session, ids), by_item)  # fmt: skip

    def lead(self, item: WorkItem) -> list[Assignment]:
        """The item's lead assignments (牵头)."""
        return [a for a in self.assignments.get(item.id, []) if a.role == "lead"]

    def unit_names(self, rows: list[Assignment]) -> tuple[str, ...]:
        """Names of the assignments' units."""
        return tuple(self.units[a.unit_id].name for a in rows if a.unit_id in self.units)

    def latest(self, item: WorkItem) -> ProgressReport | None:
        """The latest approved report of a lead unit (by period, then review time)."""
        leads = {a.unit_id for a in self.lead(item)}
        approved = [r for r in self.reports.get(item.id, []) if r.state == ReportState.APPROVED.value
                    and (r.unit_id in leads or not leads)]  # fmt: skip
        return max(
            approved,
            key=lambda r: (periods.bounds(r.period)[1], r.reviewed_at or r.submitted_at),
            default=None,
        )

    def status(self, item: WorkItem) -> str:
        """已完成 once completed; else the latest approved status; 未报送 without one."""
        if item.completed_on is not None:
            return Progress.COMPLETED.value
        latest = self.latest(item)
        return latest.progress if latest else NO_REPORT

    def overdue_task(self, item: WorkItem) -> bool:
        """Past its deadline and not completed."""
        return item.completed_on is None and item.deadline is not None and item.deadline < self.today

    def owed(self, item: WorkItem, assignment: Assignment) -> list[tuple[str, ProgressReport | None]]:
        """(period, its report or None) for every period this lead assignment owes, from ``since`` up to
        the current period (and no later than the item's completion)."""
        kind = self.schedules.kind(item)
        last = min(self.today, item.completed_on) if item.completed_on else self.today
        mine = {r.period: r for r in self.reports.get(item.id, []) if r.unit_id == assignment.unit_id}
        return [(p, mine.get(p)) for p in periods.periods_between(kind, assignment.since, last)]

    def entries(self, days: int, unit_id: int | None = None) -> tuple[list[Entry], list[Entry]]:
        """(overdue, due within ``days``), most overdue first, then soonest."""
        horizon = self.today + timedelta(days=days)
        out: list[Entry] = []
        for item in self.items:
            if item.completed_on is not None:
                continue
            everyone = self.assignments.get(item.id, [])
            if unit_id is not None and all(a.unit_id != unit_id for a in everyone):
                continue
            leads = self.lead(item) or everyone
            if item.deadline is not None and item.deadline <= horizon:
                out.append(self._entry("task", item, "完成时限", leads, item.deadline))
            for m in self.milestones.get(item.id, []):
                if m.done_on is None and m.due <= horizon:
                    out.append(self._entry("milestone", item, m.title, leads, m.due))
            for a in self.lead(item):
                if unit_id is not None and a.unit_id != unit_id:
                    continue
                for period, report in self.owed(item, a):
                    due = periods.due_date(period, self.grace)
                    if due <= horizon and (report is None or report.state == ReportState.RETURNED.value):
                        detail = periods.label(period) + ("(已退回待重报)" if report is not None else "")
                        out.append(self._entry("report", item, detail, [a], due))
        overdue = sorted((e for e in out if e.overdue), key=lambda e: (-e.days, e.title))
        soon = sorted((e for e in out if not e.overdue), key=lambda e: (e.due, e.title))
        return overdue, soon

    def _entry(self, kind: str, item: WorkItem, detail: str, rows: list[Assignment], due: date) -> Entry:
        return Entry(kind, item.id, item.number, item.title, detail, item.region_code,
                     tuple(a.unit_id for a in rows), self.unit_names(rows), due, (self.today - due).days)  # fmt: skip
