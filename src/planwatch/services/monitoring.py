"""Monitoring a region's plan: goals from its plan rows (and linked prose targets), observations from
documents, imports and manual entries, and the monitor engine's verdict for a year.

``status`` is ``planwatch status``; ``timeline`` is ``planwatch timeline``. Both are thin: the goals
come from ``goals``, the observations from ``actuals``, the verdicts from ``planwatch.monitor``.
"""

from __future__ import annotations

import gc
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from planwatch.errors import NotFoundError
from planwatch.monitor import (
    DEFAULT_TOLERANCE,
    Assessment,
    Goal,
    Observation,
    Status,
    Tolerance,
    assess_prepared,
    prepare,
)
from planwatch.normalize.regions import Region
from planwatch.services.actuals import Actual, observations_for, with_baseline
from planwatch.services.planned import planned_goals
from planwatch.services.regions import RegionIndex
from planwatch.store.engine import Database
from planwatch.store.repo import monitoring as repo


@dataclass(slots=True)
class Monitored:
    """One monitored indicator of one region: its goal, where the goal comes from, and the verdict."""

    region: Region
    indicator_id: int
    code: str
    name: str
    category: str | None
    origin: str  # plan (a main-indicator row) or target (a prose target)
    fact_id: int
    goal: Goal
    assessment: Assessment
    observations: dict[int, Observation] = field(repr=False)


@dataclass(frozen=True)
class StatusReport:
    """Every monitored indicator of the selected regions, judged for one year."""

    year: int
    items: list[Monitored]

    def counts(self) -> dict[Status, int]:
        """How many indicators have each status (every status listed, zeros included)."""
        found = Counter(m.assessment.status for m in self.items)
        return {s: found.get(s, 0) for s in Status}

    def by_region(self) -> dict[str, dict[Status, int]]:
        """The counts per region (by name, in the order regions first appear)."""
        out: dict[str, dict[Status, int]] = {}
        for m in self.items:
            out.setdefault(m.region.name, dict.fromkeys(Status, 0))[m.assessment.status] += 1
        return out


Judged = tuple[Any, Goal, str, Assessment, dict[int, Observation]]


def judge(
    session: Session, codes: list[str] | None, year: int | None, plan_only: bool, tolerance: Tolerance
) -> tuple[int, Iterator[Judged]]:
    """(year, (row, goal, origin, verdict, observations) per goal) for the regions ``codes`` (None: all).

    The verdicts come lazily, so that a national run keeps only what it needs of each. Judging a
    nation makes millions of small objects and no reference cycles: the cyclic garbage collector,
    which would walk them again and again, is paused while they are made (it halves the time).
    """
    goals = [g for g in planned_goals(session, codes) if not plan_only or g[2] == "plan"]
    year = year or _default_year(repo.latest_year(session, codes) or 0, goals)
    wanted = {r.entry_rate_of or 0 for r, _g, _o in goals} | {r.indicator_id for r, _g, _o in goals}
    since = min((g.baseline_year for _r, g, _o in goals), default=None)
    if since is not None and any(g.baseline is None for _r, g, _o in goals):
        since -= 1  # the baseline year's figure may stand in for a missing baseline
    actuals: dict[tuple[str, int], list[Actual]] = defaultdict(list)
    for row in repo.observations(
        session, codes, wanted if codes is not None else None, since=since, until=year
    ):
        actuals[(row[1], row[0])].append(row)  # a row reads like an Actual (by name and position)
    return year, _verdicts(goals, actuals, year, tolerance)


def _verdicts(
    goals: list[tuple[Any, Goal, str]],
    actuals: dict[tuple[str, int], list[Actual]],
    year: int,
    tolerance: Tolerance,
) -> Iterator[Judged]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        for r, goal, origin in goals:
            code = r.region_code
            own, levels = actuals.get((code, r.indicator_id), ()), actuals.get((code, r.entry_rate_of), ())
            obs = observations_for(goal, own, levels)
            if goal.baseline is None:
                goal = with_baseline(goal, obs)
            yield r, goal, origin, assess_prepared(prepare(goal, tolerance), obs, year), obs
    finally:
        if enabled:
            gc.enable()


def selected(index: RegionIndex, region: str | None, subregions: bool) -> list[str] | None:
    """The region codes a command asks for (None: every region)."""
    if region is None:
        return None
    chosen = index.require(region)
    return [chosen.code] + ([r.code for r in index.descendants(chosen)] if subregions else [])


def status(
    db: Database, region: str | None = None, year: int | None = None, *, subregions: bool = False,
    plan_only: bool = False, tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> StatusReport:  # fmt: skip
    """Judge every monitored indicator of a region (with ``subregions``: and those below it), or of all;
    ``plan_only`` leaves out the goals that come from prose targets."""
    with db.session() as session:
        index = RegionIndex.load(session)
        year, judged = judge(session, selected(index, region, subregions), year, plan_only, tolerance)
    items = []
    for r, goal, origin, verdict, obs in judged:
        place = index.get(r.region_code)
        assert place is not None
        items.append(Monitored(place, r.indicator_id, r.entry_code, goal.name or r.entry_name, r.entry_category,
                               origin, r.id, goal, verdict, obs))  # fmt: skip
    return StatusReport(year, items)


def _default_year(latest: int, goals: list[tuple[Any, Goal, str]]) -> int:
    """The latest year with data, but at least the first plan year and at most this year."""
    first = min((g.baseline_year + 1 for _r, g, _o in goals), default=date.today().year - 1)
    return min(max(latest, first), date.today().year)


def find(report: StatusReport, indicator: str, candidates: Sequence[int]) -> Monitored:
    """The item of a one-region report for an indicator (by catalogue id, code or plan name)."""
    for m in report.items:
        if m.indicator_id in candidates or indicator in (m.code, m.name):
            return m
    raise NotFoundError(
        f"{indicator!r} is not a monitored indicator of this region", hint="see `planwatch status --region R`"
    )
