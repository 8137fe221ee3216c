"""A goal prepared for assessment: its judge, path, bounds and tolerance band, worked out once.

Preparing is per goal; judging is per year. A nation-wide run prepares each (region, indicator)
goal once and judges it for every year (see :func:`planwatch.monitor.series`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planwatch.monitor.bounds import judge_bound
from planwatch.monitor.kinds import judge_compound, judge_cumulative, judge_level
from planwatch.monitor.model import (
    DEFAULT_TOLERANCE,
    Assessment,
    Band,
    Goal,
    Measure,
    Observation,
    Pace,
    Reason,
    TargetKind,
    Tolerance,
)
from planwatch.monitor.paths import BOUND_KINDS, Path, bound_edges, goal_path, is_annual, path_pace
from planwatch.monitor.qualitative import class_requirement, judge_qualitative
from planwatch.monitor.verdict import verdict

Judge = Callable[["Rule", list[Observation], int], Assessment]


@dataclass(frozen=True, slots=True)
class Rule:
    """How one goal is judged: the judge for its kind and everything that does not depend on data."""

    goal: Goal
    tolerance: Tolerance
    band: Band
    judge: Judge
    path: Path | None = None
    low: float | None = None  # bound edges: levels, or average annual rates in % when ``annual``
    high: float | None = None
    annual: bool = False
    requirement: tuple[int, int] | None = None  # qualitative class requirement
    fixed: Reason | None = None  # why the goal cannot be assessed at all

    def expected_value(self, year: int) -> float | None:
        """The plan's value for ``year`` on the scale of Assessment.actual (the bound, for bounds)."""
        goal, t = self.goal, year - self.goal.baseline_year
        if self.path is not None:
            return self.path.display(self.path.value(t))
        if goal.kind in BOUND_KINDS:
            edge = self.low if self.high is None else self.high if self.low is None else None
            if edge is None or not self.annual:
                return edge
            return (float((1.0 + edge / 100.0) ** max(t, 0)) - 1.0) * 100.0
        if goal.kind is TargetKind.LEVEL and goal.measure is Measure.LEVEL:
            return goal.target  # met at baseline: the target is a floor (or ceiling) to stay beyond
        return None

    def pace(self, progress: float, actual_year: int) -> Pace | None:
        """The pace view for a progress reached by ``actual_year``."""
        if self.path is None:
            return None
        return path_pace(self.path, progress, actual_year - self.goal.baseline_year)


def _judge_fixed(rule: Rule, obs: list[Observation], year: int) -> Assessment:
    """A goal that cannot be assessed whatever the data (no target, bad period, unsupported)."""
    return verdict(rule, year, rule.fixed or Reason.UNSUPPORTED)


def prepare(goal: Goal, tolerance: Tolerance = DEFAULT_TOLERANCE) -> Rule:
    """Work out once per goal what every year's assessment needs, so bulk runs stay cheap."""
    band = tolerance.band(goal.attribute)
    fixed = _unassessable(goal, tolerance)
    if fixed is not None:
        return Rule(goal, tolerance, band, _judge_fixed, fixed=fixed)
    kind = goal.kind
    if kind is TargetKind.QUALITATIVE:
        return Rule(goal, tolerance, band, judge_qualitative, requirement=class_requirement(goal.text))
    path = goal_path(goal, tolerance.keep)
    if kind in BOUND_KINDS:
        low, high = bound_edges(goal, tolerance.keep)
        return Rule(goal, tolerance, band, judge_bound, path, low, high, is_annual(goal))
    if kind is TargetKind.CUMULATIVE:
        return Rule(goal, tolerance, band, judge_cumulative, path)
    if kind is TargetKind.LEVEL and goal.measure is Measure.LEVEL:
        return Rule(goal, tolerance, band, judge_level, path)
    return Rule(goal, tolerance, band, judge_compound, path)


def _unassessable(goal: Goal, tolerance: Tolerance) -> Reason | None:
    """Why a goal can never be assessed, whatever is observed; None when it can."""
    if goal.target_year <= goal.baseline_year:
        return Reason.BAD_PERIOD
    kind, measure, target = goal.kind, goal.measure, goal.target
    if kind is TargetKind.QUALITATIVE:
        return None
    if kind in BOUND_KINDS:
        low, high = bound_edges(goal, tolerance.keep)
        if low is None and high is None:
            return Reason.NO_TARGET
        return Reason.UNSUPPORTED if measure is Measure.INCREMENT else None
    if target is None:
        return Reason.NO_TARGET
    if kind is TargetKind.CUMULATIVE:
        return Reason.UNSUPPORTED if measure is Measure.RATE else None
    if measure is Measure.INCREMENT:
        return Reason.UNSUPPORTED
    if kind is TargetKind.REDUCTION:
        return Reason.NO_TARGET if target > 100.0 else None  # nothing falls by more than all of it
    if kind is TargetKind.GROWTH or measure is Measure.RATE:
        return Reason.NO_TARGET if target <= -100.0 else None  # nor shrinks by 100 % a year or more
    return None


def expected_value(goal: Goal, year: int, tolerance: Tolerance = DEFAULT_TOLERANCE) -> float | None:
    """The plan's value for a goal in a year (for charts of the planned trajectory)."""
    return prepare(goal, tolerance).expected_value(year)
