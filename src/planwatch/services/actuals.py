"""Gathering the observations a goal is judged on (pure; no database).

Observations of one indicator, region and year may come from several documents, imports and
manual entries. They are ranked (later document or entry first; within one document, the figure
mentioned first) and merged field by field: the best-ranked value, growth and text each win.
A rate indicator (地区生产总值增长率) also takes the ``growth`` reported with its level (地区生产总值
100.4 亿元, 增长3.2%); levels are converted to the goal's unit when the units are compatible.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any, NamedTuple

from planwatch.errors import ValidationError
from planwatch.monitor import Goal, Measure, Observation, TargetKind
from planwatch.normalize.units import convert


class Actual(NamedTuple):
    """One stored observation, reduced to what monitoring needs; the greater (``when``, ``source_id``,
    ``-ordinal``) wins: later documents and entries, and within a document the figure mentioned first."""

    indicator_id: int
    region_code: str
    year: int
    value: float | None
    unit: str | None
    growth: float | None = None
    text: str | None = None
    met: bool | None = None
    when: Any = None  # a date or timestamp (as the database returns it: comparable within one database)
    source_id: int = 0
    ordinal: int = 0


def _rank(a: Actual) -> tuple[Any, int, int]:
    return (a.when or "", a.source_id, -a.ordinal)


@lru_cache(maxsize=4096)
def factor(from_unit: str, to_unit: str) -> float | None:
    """The factor from one unit to another, or None when they cannot convert."""
    try:
        return convert(1.0, from_unit, to_unit)
    except ValidationError:
        return None


def _level(value: float | None, unit: str | None, goal_unit: str | None) -> float | None:
    if value is None or unit is None or goal_unit is None or unit == goal_unit:
        return value
    f = factor(unit, goal_unit)
    return None if f is None else value * f


def observations_for(
    goal: Goal, own: Sequence[Actual], levels: Sequence[Actual] = ()
) -> dict[int, Observation]:
    """One merged Observation per year for a goal: ``own`` of its indicator, ``levels`` of the level
    a rate indicator is the rate of (their ``growth`` is the rate). Runs once per goal in a national
    run, hence the plain loops."""
    rate = goal.measure is Measure.RATE
    if not rate and len({a[2] for a in own}) == len(own) and all(a[4] == goal.unit for a in own):
        # the usual case in a national run: one figure a year, in the goal's unit (fields by position:
        # the rows of a national run are database rows in Actual's column order)
        return {a[2]: Observation(a[2], a[3], a[5], a[6], a[7]) for a in own}
    rows = [*own, *(a for a in levels if a.growth is not None)] if rate and levels else list(own)
    if len({a.year for a in rows}) < len(rows):
        rows.sort(key=_rank)  # several figures for one year: the best-ranked comes last and wins
    merged: dict[int, list[Any]] = {}
    sign = -1.0 if goal.kind is TargetKind.REDUCTION else 1.0  # a reduction's rate is the fall
    unit = goal.unit
    for a in rows:
        if rate:
            if a.indicator_id == (own[0].indicator_id if own else -1):
                value, growth = (a.value if a.unit in (None, "%", "％") else None), None
            else:  # the level's growth is the rate
                value, growth = sign * a.growth if a.growth is not None else None, None
        else:
            value, growth = _level(a.value, a.unit, unit), a.growth
        fields = merged.get(a.year)
        if fields is None:
            merged[a.year] = [value, growth, a.text, a.met]
            continue
        for i, v in enumerate((value, growth, a.text, a.met)):
            if v is not None:
                fields[i] = v
    return {year: Observation(year, f[0], f[1], f[2], f[3]) for year, f in merged.items()}


def with_baseline(goal: Goal, observations: dict[int, Observation]) -> Goal:
    """A goal without a baseline takes the value observed in its baseline year; failing that, its
    first observed value (and that year) becomes the starting point of the path — a prose target such
    as 到2025年新能源装机突破150万千瓦 is then judged on its way there, not as a bound already broken."""
    if goal.baseline is not None or goal.measure is not Measure.LEVEL:
        return goal
    base = observations.get(goal.baseline_year)
    if base is not None and base.value is not None:
        return replace(goal, baseline=base.value)
    seen = sorted(
        y
        for y, o in observations.items()
        if o.value is not None and goal.baseline_year < y < goal.target_year
    )
    if not seen:
        return goal
    return replace(goal, baseline=observations[seen[0]].value, baseline_year=seen[0])
