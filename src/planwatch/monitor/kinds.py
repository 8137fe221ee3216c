"""Judges for the kinds with a path from the baseline: level, cumulative, growth and reduction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.monitor.model import Assessment, Direction, Measure, Observation, Reason, Status, TargetKind
from planwatch.monitor.observations import Index, compound_index, increment_sum, latest_value
from planwatch.monitor.verdict import meets, met_at_baseline, on_path, verdict

if TYPE_CHECKING:
    from planwatch.monitor.rules import Rule


def judge_level(rule: Rule, obs: list[Observation], year: int) -> Assessment:
    """达到X: a straight path from the baseline to the target."""
    goal = rule.goal
    latest = latest_value(obs)
    if latest is None or latest.value is None or goal.target is None:
        return verdict(rule, year, Reason.NO_OBSERVATION)
    value = latest.value
    if goal.baseline is None:
        # without a baseline only "the target is reached" can be said
        if goal.direction is not Direction.TARGET_IS_BEST and meets(goal.direction, value, goal.target, 0.0):
            return verdict(rule, year, Reason.REACHED, Status.ACHIEVED, latest.year, value)
        return verdict(rule, year, Reason.NO_BASELINE, None, latest.year, value)
    if rule.path is None:
        met = meets(goal.direction, value, goal.target, rule.tolerance.keep)
        return met_at_baseline(rule, year, met, latest.year, value)
    return on_path(rule, rule.path, year, value, latest.year)


def judge_cumulative(rule: Rule, obs: list[Observation], year: int) -> Assessment:
    """[4.9] / 累计新增: the increment so far against the period's increment, never added twice."""
    goal = rule.goal
    if goal.measure is Measure.INCREMENT:
        total = increment_sum(goal, obs)
        if isinstance(total, Reason):
            return verdict(rule, year, total)
        start, position, actual_year, missing = 0.0, total.value, total.year, total.missing
    else:
        latest = latest_value(obs)
        if latest is None or latest.value is None:
            return verdict(rule, year, Reason.NO_OBSERVATION)
        if goal.baseline is None:
            return verdict(rule, year, Reason.NO_BASELINE, None, latest.year, latest.value)
        start, position, actual_year, missing = goal.baseline, latest.value, latest.year, ()
    if rule.path is None:  # a zero or wrong-way increment: the baseline already satisfies it
        met = meets(goal.direction, position, start + (goal.target or 0.0), rule.tolerance.keep)
        return met_at_baseline(rule, year, met, actual_year, position)
    return on_path(rule, rule.path, year, position, actual_year, missing)


def judge_compound(rule: Rule, obs: list[Observation], year: int) -> Assessment:
    """年均增长 and 降低 targets: a constant-rate path in index space (baseline = 1)."""
    index = compound_index(rule.goal, obs)
    if isinstance(index, Reason):
        return verdict(rule, year, index)
    if rule.path is not None:
        return on_path(rule, rule.path, year, index.value, index.year, index.missing)
    return _compound_met_at_baseline(rule, year, index)


def _compound_met_at_baseline(rule: Rule, year: int, index: Index) -> Assessment:
    """A growth target <= 0 % on a higher-is-better row, or a reduction <= 0 %: a floor on the rate."""
    goal = rule.goal
    n = index.year - goal.baseline_year
    target = goal.target or 0.0
    if goal.kind is TargetKind.REDUCTION:
        share = n / (goal.target_year - goal.baseline_year)
        allowed, direction, shown = float((1.0 - target / 100.0) ** share), Direction.LOWER_IS_BETTER, -100.0
    else:
        allowed, direction, shown = (1.0 + target / 100.0) ** n, goal.direction, 100.0
    met = meets(direction, index.value, allowed, rule.tolerance.keep)
    return met_at_baseline(rule, year, met, index.year, shown * (index.value - 1.0))
