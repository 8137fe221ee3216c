"""Gathering the observations a goal is judged on (pure; no database).

Observations of one indicator, region and year may come from several documents, imports and
manual entries. They are ranked (later document or entry first; within one document, the figure
mentioned first) and merged field by field: the best-ranked value, growth and text each win.
A rate indicator (地区生产总值增长率) also takes the ``growth`` reported with its level (地区生产总值
100.4 亿元, 增长3.2%); levels are converted to the goal's unit when the units are compatible.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from planwatch.errors import ValidationError
from planwatch.monitor import Goal, Measure, Observation
from planwatch.normalize.units import convert

Rank = tuple[float, int, int]


@dataclass(frozen=True, slots=True)
class Actual:
    """One stored observation, reduced to what monitoring needs; higher ``rank`` wins."""

    indicator_id: int
    region_code: str
    year: int
    value: float | None
    unit: str | None
    growth: float | None = None
    text: str | None = None
    met: bool | None = None
    rank: Rank = (0.0, 0, 0)


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
    goal: Goal, own: Iterable[Actual], levels: Iterable[Actual] = ()
) -> dict[int, Observation]:
    """One merged Observation per year for a goal: ``own`` of its indicator, ``levels`` of the level
    a rate indicator is the rate of (their ``growth`` is the rate)."""
    merged: dict[int, list[object]] = {}
    ranked: list[tuple[Rank, int, float | None, float | None, str | None, bool | None]] = []
    rate = goal.measure is Measure.RATE
    for a in own:
        if rate:
            value = a.value if a.unit in (None, "%", "％") else None
            ranked.append((a.rank, a.year, value, None, a.text, a.met))
        else:
            ranked.append((a.rank, a.year, _level(a.value, a.unit, goal.unit), a.growth, a.text, a.met))
    if rate:
        ranked.extend((a.rank, a.year, a.growth, None, None, None) for a in levels if a.growth is not None)
    for _rank, year, value, growth, text, met in sorted(ranked, key=lambda r: r[0]):
        fields = merged.setdefault(year, [None, None, None, None])
        for i, v in enumerate((value, growth, text, met)):
            if v is not None:
                fields[i] = v
    return {
        year: Observation(year, value=f[0], growth=f[1], text=f[2], met=f[3])  # type: ignore[arg-type]
        for year, f in merged.items()
    }
