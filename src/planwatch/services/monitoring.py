"""Monitoring a region's plan: goals from its plan rows (and linked prose targets), observations from
documents, imports and manual entries, and the monitor engine's verdict for a year.

``status`` is ``planwatch status``; ``timeline`` is ``planwatch timeline``. Both are thin: the goals
come from ``goals``, the observations from ``actuals``, the verdicts from ``planwatch.monitor``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
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
from planwatch.services.actuals import Actual, observations_for
from planwatch.services.goals import EntryInfo, goal_from_row, goal_from_target
from planwatch.services.regions import RegionIndex
from planwatch.store.engine import Database
from planwatch.store.repo import monitoring as repo

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
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


def _rank(row: Any) -> tuple[float, int, int]:
    """Later documents and entries win; within a document, the figure mentioned first."""
    when = row.entered_at or (
        datetime.combine(row.published, datetime.min.time(), UTC) if row.published else row.ingested_at
    )
    return ((when - _EPOCH).total_seconds() if when else 0.0, row.document_id or row.id, -(row.ordinal or 0))


def _goals(session: Session, codes: list[str] | None) -> list[tuple[Any, Goal, str]]:
    """(row, goal, origin) per region and indicator: plan rows first, then prose targets for the rest."""
    seen: set[tuple[str, int]] = set()
    out: list[tuple[Any, Goal, str]] = []
    for r in repo.plan_rows(session, codes):
        row = r.IndicatorRow
        if (row.region_code, row.indicator_id) not in seen:
            seen.add((row.region_code, row.indicator_id))
            entry = EntryInfo(r.entry_direction, r.entry_kind)
            out.append((r, goal_from_row(row, entry, r.period_start, r.period_end), "plan"))
    for r in repo.plan_targets(session, codes):
        t = r.TargetRow
        if (t.region_code, t.indicator_id) in seen or (t.year and r.period_end and t.year != r.period_end):
            continue
        seen.add((t.region_code, t.indicator_id))
        goal = goal_from_target(
            t, EntryInfo(r.entry_direction, r.entry_kind), r.period_start, r.period_end, None
        )
        out.append((r, goal, "target"))
    return out


def status(
    db: Database, region: str | None = None, year: int | None = None, *, subregions: bool = False,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> StatusReport:  # fmt: skip
    """Judge every monitored indicator of a region (with ``subregions``: and those below it), or of all."""
    with db.session() as session:
        index = RegionIndex.load(session)
        codes = None
        if region is not None:
            place = index.require(region)
            codes = [place.code] + ([r.code for r in index.descendants(place)] if subregions else [])
        goals = _goals(session, codes)
        wanted = {r.entry_rate_of or 0 for r, _g, _o in goals} | {_indicator(r) for r, _g, _o in goals}
        actuals: dict[tuple[str, int], list[Actual]] = defaultdict(list)
        latest = 0
        for o in repo.observations(session, codes, wanted if codes is not None else None):
            actuals[(o.region_code, o.indicator_id)].append(
                Actual(
                    o.indicator_id, o.region_code, o.year, o.value, o.unit, o.growth, o.text, o.met, _rank(o)
                )
            )
            latest = max(latest, o.year)
    year = year or _default_year(latest, goals)
    items = []
    for r, goal, origin in goals:
        code, indicator_id = _region(r), _indicator(r)
        obs = observations_for(
            goal, actuals.get((code, indicator_id), ()), actuals.get((code, r.entry_rate_of or 0), ())
        )
        verdict = assess_prepared(prepare(goal, tolerance), obs, year)
        place = index.get(code)
        assert place is not None
        items.append(Monitored(place, indicator_id, r.entry_code, goal.name or r.entry_name, r.entry_category,
                               origin, _fact(r).id, goal, verdict, obs))  # fmt: skip
    return StatusReport(year, items)


def _default_year(latest: int, goals: list[tuple[Any, Goal, str]]) -> int:
    """The latest year with data, but at least the first plan year and at most this year."""
    first = min((g.baseline_year + 1 for _r, g, _o in goals), default=date.today().year - 1)
    return min(max(latest, first), date.today().year)


def _fact(r: Any) -> Any:
    return r.IndicatorRow if "IndicatorRow" in r._fields else r.TargetRow


def _region(r: Any) -> str:
    return str(_fact(r).region_code)


def _indicator(r: Any) -> int:
    return int(_fact(r).indicator_id)


def find(report: StatusReport, indicator: str, candidates: Sequence[int]) -> Monitored:
    """The item of a one-region report for an indicator (by catalogue id, code or plan name)."""
    for m in report.items:
        if m.indicator_id in candidates or indicator in (m.code, m.name):
            return m
    raise NotFoundError(
        f"{indicator!r} is not a monitored indicator of this region", hint="see `planwatch status --region R`"
    )
