"""From stored plan rows and prose targets to monitor Goals (pure; no database).

How a row of a main-indicator table reads as a goal (docs/data-model.md has the table):
- no target number, a 年均增长/累计 column: growth (``[x]``: cumulative) from that column; 保持: keep;
- 控制在/以内/不超过 (or qualifier at_most): ceiling; 以上/不低于 (at_least): floor; 5%-8%: range;
- a growth target (年均增长6%): growth; 降低13.5%: reduction; 达到省定目标: qualitative;
- a number: level (linear from the baseline; ``[4.4]`` is the same path, base + increment).
The catalogue entry says what an observation is (``kind`` rate → measure rate) and which way is better.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from planwatch.monitor import Attribute, Direction, Goal, Measure, TargetKind

_CEILING = re.compile(r"控制在|以内|以下|不超过|不高于|低于")
_FLOOR = re.compile(r"以上|不低于|不少于|超过|突破")
_KEEP = re.compile(r"保持|稳定在|维持")
_DASH = re.compile(r"^[\s\-—–－/／_]*$")
_DIRECTIONS = {"higher": Direction.HIGHER_IS_BETTER, "lower": Direction.LOWER_IS_BETTER}


@dataclass(frozen=True, slots=True)
class EntryInfo:
    """What the goal needs of the catalogue entry a row is linked to."""

    direction: str = "higher"
    kind: str = "level"


def _period(base: int | None, target: int | None, start: int | None, end: int | None) -> tuple[int, int]:
    """(baseline year, target year), from the row, else the plan's period, else a five-year span."""
    target = target or end or ((base + 5) if base else None) or 2025
    base = base or ((start - 1) if start else None) or target - 5
    return base, target


def goal_from_row(row: Any, entry: EntryInfo, start: int | None = None, end: int | None = None) -> Goal:
    """The goal of one main-indicator row (an IndicatorRow or any object with its columns)."""
    base_year, target_year = _period(row.baseline_year, row.target_year, start, end)
    text = (row.target_text or "").strip()
    growth_q = ((row.extra or {}).get("growth") or {}).get("qualifier")
    common: dict[str, Any] = dict(
        baseline_year=base_year, target_year=target_year, baseline=row.baseline_value, unit=row.unit,
        direction=_DIRECTIONS.get(entry.direction, Direction.TARGET_IS_BEST),
        attribute=Attribute(row.attribute) if row.attribute in ("binding", "expected") else None,
        measure=Measure.RATE if entry.kind == "rate" else Measure.LEVEL, name=row.name,
        qualifier=row.target_qualifier, text=text or None,
    )  # fmt: skip
    if row.target_value is None and row.target_low is None and row.target_high is None:
        if growth_q == "keep" or _KEEP.search(row.growth_text or ""):
            return Goal(TargetKind.KEEP, **common)
        if row.growth_value is not None:
            kind = TargetKind.CUMULATIVE if row.growth_cumulative else TargetKind.GROWTH
            return Goal(kind, target=row.growth_value, **common)
        if text and not _DASH.match(text):
            return Goal(TargetKind.QUALITATIVE, **common)
        return Goal(TargetKind.LEVEL, **common)  # no target: the engine says not assessable
    return _goal(
        row.target_qualifier, row.target_kind, text, row.target_value, row.target_low, row.target_high, common
    )


def goal_from_target(
    target: Any, entry: EntryInfo, start: int | None, end: int | None, baseline: float | None
) -> Goal:
    """The goal of a prose target (到2025年…达到65%) linked to a catalogue entry."""
    base_year, target_year = _period(None, target.year, start, end)
    common: dict[str, Any] = dict(
        baseline_year=base_year, target_year=target_year, baseline=baseline, unit=target.unit,
        direction=_DIRECTIONS.get(entry.direction, Direction.TARGET_IS_BEST),
        measure=Measure.RATE if entry.kind == "rate" else Measure.LEVEL, name=target.subject,
        qualifier=target.qualifier, text=(target.evidence_quote or None),
    )  # fmt: skip
    return _goal(target.qualifier, target.kind, "", target.value, target.low, target.high, common)


def _goal(
    qualifier: str | None, kind: str | None, text: str, value: float | None, low: float | None,
    high: float | None, common: dict[str, Any],
) -> Goal:  # fmt: skip
    """The kind a target number has, from its qualifier, its words and its kind."""
    annual = kind == "growth" and common["measure"] is Measure.LEVEL
    if qualifier == "range" or (low is not None and high is not None):
        return Goal(TargetKind.RANGE, target=value, low=low, high=high, annual=annual, **common)
    if qualifier == "at_most" or _CEILING.search(text):
        return Goal(TargetKind.CEILING, target=value, annual=annual, **common)
    if qualifier == "at_least" or _FLOOR.search(text):
        return Goal(TargetKind.FLOOR, target=value, annual=annual, **common)
    if qualifier == "keep":
        return Goal(TargetKind.KEEP, target=value, **common)
    if qualifier == "qualitative" or value is None:
        return Goal(TargetKind.QUALITATIVE, **common)
    if kind == "growth":
        return Goal(TargetKind.GROWTH, target=value, **common)
    if kind == "reduction":
        return Goal(TargetKind.REDUCTION, target=value, **common)
    return Goal(TargetKind.LEVEL, target=value, **common)
