"""Public entry points: judge a goal in a year, in several years, or at mid-term.

Pure functions, no I/O. The order of checks: the goal can be assessed at all (period, target,
kind and measure) → there is data after the baseline year up to the assessed year → the kind's
rule. docs/monitoring.md states every rule with a worked example.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from planwatch.monitor.model import DEFAULT_TOLERANCE, Assessment, Goal, Observation, Tolerance
from planwatch.monitor.observations import latest_revisions
from planwatch.monitor.rules import Rule, prepare


def assess(
    goal: Goal, observations: Iterable[Observation], year: int, tolerance: Tolerance = DEFAULT_TOLERANCE
) -> Assessment:
    """Judge one goal in one year, so every page, report and API shows the same verdict."""
    return assess_prepared(_prepare_cached(goal, tolerance), latest_revisions(observations), year)


# a Rule depends only on (goal, tolerance), both frozen: callers that assess one goal year by year
# (or many goals for one year, with the same tolerance) prepare each goal once
_prepare_cached = lru_cache(maxsize=4096)(prepare)


def series(
    goal: Goal,
    observations: Iterable[Observation],
    years: Iterable[int],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> list[Assessment]:
    """Judge one goal in several years, preparing it and resolving revisions once (bulk runs, charts)."""
    rule = prepare(goal, tolerance)
    ordered, years_seen = _ordered(rule, latest_revisions(observations))
    last, judge = goal.target_year, rule.judge
    return [
        judge(rule, ordered[: bisect_right(years_seen, year if year < last else last)], year)
        for year in years
    ]


def midterm(
    goal: Goal,
    observations: Iterable[Observation],
    plan_start: int,
    plan_end: int,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> Assessment:
    """The 中期评估 view: the goal judged at the plan's middle year (2023 for 2021–2025)."""
    if plan_end < plan_start:
        raise ValueError(f"plan period {plan_start}–{plan_end} ends before it starts")
    return assess(goal, observations, plan_start + (plan_end - plan_start) // 2, tolerance)


def assess_prepared(rule: Rule, by_year: dict[int, Observation], year: int) -> Assessment:
    """Judge a prepared goal on observations already reduced to one per year (``latest_revisions``)."""
    ordered, years_seen = _ordered(rule, by_year)
    # after the target year the final verdict stands: later observations are not the plan's
    return rule.judge(rule, ordered[: bisect_right(years_seen, min(year, rule.goal.target_year))], year)


def _ordered(rule: Rule, by_year: dict[int, Observation]) -> tuple[list[Observation], list[int]]:
    """Observations after the baseline year, oldest first, and their years."""
    base = rule.goal.baseline_year
    years = sorted(y for y in by_year if y > base)
    return [by_year[y] for y in years], years
