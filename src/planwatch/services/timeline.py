"""``planwatch timeline``: one indicator of one region, year by year — the plan's path, the actual
figures and the verdict each year."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.monitor import DEFAULT_TOLERANCE, Status, Tolerance, assess_prepared, prepare
from planwatch.services.monitoring import Monitored, find, status
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo


@dataclass(frozen=True)
class Point:
    """One year of a timeline; ``status`` is None for the baseline year.

    ``expected`` and ``achieved`` are on the target's scale (a level, a cumulative increment, or for
    growth and reduction targets the cumulative % change since the baseline); ``actual``, ``growth``
    and ``text`` are the year's figures as reported.
    """

    year: int
    expected: float | None
    achieved: float | None
    actual: float | None
    growth: float | None
    text: str | None
    status: Status | None


def timeline(
    db: Database, indicator: str, region: str, tolerance: Tolerance = DEFAULT_TOLERANCE
) -> tuple[Monitored, list[Point]]:
    """The monitored indicator and its points from the baseline year to the target (or latest) year."""
    report = status(db, region, tolerance=tolerance)
    with db.session() as session:
        entry = catalog_repo.get(session, indicator)
    item = find(report, indicator, [entry.id] if entry else [])
    goal = item.goal
    rule = prepare(goal, tolerance)
    last = max([goal.target_year, *item.observations])
    base = goal.baseline_year
    points = [
        Point(base, rule.expected_value(base), rule.expected_value(base), goal.baseline, None, None, None)
    ]
    for year in range(base + 1, last + 1):
        obs = item.observations.get(year)
        verdict = assess_prepared(rule, item.observations, year)
        achieved = verdict.actual if verdict.actual_year == year else None
        values = (obs.value, obs.growth, obs.text) if obs else (None, None, None)
        points.append(Point(year, rule.expected_value(year), achieved, *values, verdict.status))
    return item, points
