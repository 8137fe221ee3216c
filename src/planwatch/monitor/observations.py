"""Choosing the observations an assessment rests on: latest revision, latest year, compounded rates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from planwatch.monitor.model import Goal, Measure, Observation, Reason, TargetKind


def latest_revisions(observations: Iterable[Observation]) -> dict[int, Observation]:
    """One observation per year: highest revision, then latest ``as_of``, then the last one given."""
    best: dict[int, Observation] = {}
    for obs in observations:
        current = best.get(obs.year)
        if current is None or _supersedes(obs, current):
            best[obs.year] = obs
    return best


def _supersedes(new: Observation, old: Observation) -> bool:
    """Whether ``new`` replaces ``old`` for the same year (a revision corrects, never the reverse)."""
    if new.revision != old.revision:
        return new.revision > old.revision
    if new.as_of is None or old.as_of is None:
        return old.as_of is None
    return new.as_of >= old.as_of


def latest_value(obs: list[Observation]) -> Observation | None:
    """The most recent observation carrying a number."""
    for o in reversed(obs):
        if o.value is not None:
            return o
    return None


class Index(NamedTuple):
    """The indicator relative to its baseline (1.0 = baseline) as of ``year``."""

    value: float
    year: int
    missing: tuple[int, ...] = ()


def _gaps(goal: Goal, years: list[int], last: int) -> tuple[int, ...]:
    """Years after the baseline up to ``last`` with no usable figure."""
    have = set(years)
    return tuple(y for y in range(goal.baseline_year + 1, last + 1) if y not in have)


def increment_sum(goal: Goal, obs: list[Observation]) -> Index | Reason:
    """Sum of yearly increments (当年新增) so far; ``value`` holds the sum, not an index."""
    years = [o.year for o in obs if o.value is not None]
    if not years:
        return Reason.NO_OBSERVATION
    total = sum(o.value for o in obs if o.value is not None)
    return Index(total, years[-1], _gaps(goal, years, years[-1]))


def compound_index(goal: Goal, obs: list[Observation]) -> Index | Reason:
    """The index a growth-type goal is judged on, from yearly rates or from levels.

    Reported yearly rates (comparable-price 同比增长) win when they cover every year, since
    年均增长 targets are set at comparable prices; otherwise the latest level over the baseline,
    over the years actually elapsed; otherwise the geometric mean of the rates there are.
    """
    rate_obs = goal.measure is Measure.RATE
    sign = -0.01 if goal.kind is TargetKind.REDUCTION and rate_obs else 0.01  # a 降低率 row reports falls
    product, count, last_rate = 1.0, 0, 0
    level: Observation | None = None
    for o in obs:  # one pass, oldest first: this runs for every region, indicator and year
        r = o.value if rate_obs else o.growth
        if r is not None:
            product *= 1.0 + sign * r
            count += 1
            last_rate = o.year
        if not rate_obs and o.value is not None:
            level = o
    if count and last_rate - goal.baseline_year == count and (level is None or last_rate >= level.year):
        return Index(product, last_rate)
    if level is not None and level.value is not None and goal.baseline is not None:
        base = goal.baseline
        if base == 0.0:
            return Reason.ZERO_BASELINE
        if base < 0.0:
            return Reason.NEGATIVE_BASELINE
        return Index(level.value / base, level.year)
    if count:
        return _mean_rate_index(goal, obs, product, count, last_rate)
    if level is not None:
        return _between_levels(goal, obs)
    return Reason.NO_OBSERVATION


def _mean_rate_index(
    goal: Goal, obs: list[Observation], product: float, count: int, last: int
) -> Index | Reason:
    """Rates with gaps: the geometric mean of the years reported, carried over the years elapsed."""
    if product <= 0.0:
        return Reason.NOT_COMPUTABLE
    rate_obs = goal.measure is Measure.RATE
    years = [o.year for o in obs if (o.value if rate_obs else o.growth) is not None]
    mean = float(product ** (1.0 / count))
    return Index(mean ** (last - goal.baseline_year), last, _gaps(goal, years, last))


def _between_levels(goal: Goal, obs: list[Observation]) -> Index | Reason:
    """No baseline: the average rate between the first and last observed levels, over their real span."""
    points = [(o.year, o.value) for o in obs if o.value is not None]
    (y0, v0), (y1, v1) = points[0], points[-1]
    if y1 == y0:
        return Reason.NO_BASELINE
    if v0 <= 0.0 or v1 <= 0.0:
        return Reason.ZERO_BASELINE if v0 == 0.0 else Reason.NOT_COMPUTABLE
    mean = float((v1 / v0) ** (1.0 / (y1 - y0)))
    return Index(mean ** (y1 - goal.baseline_year), y1, _gaps(goal, [y for y, _ in points], y1))
