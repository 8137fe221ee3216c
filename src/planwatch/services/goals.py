"""From stored plan rows and prose targets to monitor Goals (pure; no database).

How a row of a main-indicator table reads as a goal (docs/data-model.md has the table):
- no target number, a 年均增长/累计 column: growth (``[x]``: cumulative) from that column; 保持: keep;
- 控制在/以内/不超过 (or qualifier at_most): ceiling; 以上/不低于 (at_least): floor; 5%-8%: range;
- a growth target (年均增长6%): growth; 降低13.5%: reduction; 达到省定目标: qualitative;
- a number: level (linear from the baseline; ``[4.4]`` is the same path, base + increment).
The catalogue entry says what an observation is (``kind`` rate → measure rate) and which way is better.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from planwatch.monitor import Attribute, Direction, Goal, Measure, TargetKind

_CEILING = re.compile(r"控制在|以内|以下|不超过|不高于|(?<!不)低于")
_FLOOR = re.compile(r"以上|不低于|不少于|(?<!不)超过|突破")
_KEEP = re.compile(r"保持|稳定在|维持")
_SPAN = re.compile(r"累计|五年|十四五|“十四五”")
_DASH = re.compile(r"^[\s\-—–－/／_]*$")
_DIRECTIONS = {"higher": Direction.HIGHER_IS_BETTER, "lower": Direction.LOWER_IS_BETTER}
_ATTRIBUTES = {"binding": Attribute.BINDING, "expected": Attribute.EXPECTED}


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


Shape = tuple[TargetKind, float | None, float | None, float | None, bool]  # kind, target, low, high, annual


def goal_from_row(row: Any, entry: EntryInfo, start: int | None = None, end: int | None = None) -> Goal:
    """The goal of one main-indicator row (an IndicatorRow or any object with its columns)."""
    base_year, target_year = _period(row.baseline_year, row.target_year, start, end)
    text = (row.target_text or "").strip()
    growth_text = row.growth_text
    if growth_text and _DASH.match(text) and not _DASH.match(growth_text):
        text = (
            growth_text if row.growth_cumulative else f"年均增长{growth_text}"
        )  # the goal is in that column
    measure = Measure.RATE if entry.kind == "rate" else Measure.LEVEL
    if row.target_value is None and row.target_low is None and row.target_high is None:
        shape = _from_growth_column(row)
    else:
        shape = _shape(row.target_qualifier, row.target_kind, text, row.target_value, row.target_low,
                       row.target_high, measure)  # fmt: skip
    kind, target, low, high, annual = shape
    return Goal(
        kind, base_year, target_year, row.baseline_value, target, low, high, row.unit,
        _DIRECTIONS.get(entry.direction, Direction.TARGET_IS_BEST), _ATTRIBUTES.get(row.attribute),
        row.target_qualifier, measure, annual, text or None, row.name,
    )  # fmt: skip


def _from_growth_column(row: Any) -> Shape:
    """A row whose target cell has no number: the 年均增长/累计 column, 保持, a qualitative text, or nothing."""
    extra = json.loads(row.extra) if isinstance(row.extra, str) else row.extra  # raw JSON from a bulk query
    growth_q = ((extra.get("growth") or {}).get("qualifier")) if extra else None
    if growth_q == "keep" or _KEEP.search(row.growth_text or ""):
        return TargetKind.KEEP, None, None, None, False
    if row.growth_value is not None:
        kind = TargetKind.CUMULATIVE if row.growth_cumulative else TargetKind.GROWTH
        return kind, row.growth_value, None, None, False
    if not _DASH.match(row.target_text or ""):
        return TargetKind.QUALITATIVE, None, None, None, False
    return TargetKind.LEVEL, None, None, None, False  # no target: the engine says not assessable


def goal_from_target(
    target: Any, entry: EntryInfo, start: int | None, end: int | None, baseline: float | None
) -> Goal:
    """The goal of a prose target (到2025年…达到65%) linked to a catalogue entry."""
    base_year, target_year = _period(None, target.year, start, end)
    measure = Measure.RATE if entry.kind == "rate" else Measure.LEVEL
    quote = target.evidence_quote or ""
    if target.value is not None and "新增" in target.subject + quote and _SPAN.search(quote):
        # 五年城镇新增就业1.2万人 / 累计新增: the sum of the yearly increments over the period
        shape: Shape = (TargetKind.CUMULATIVE, target.value, None, None, False)
        measure = Measure.INCREMENT
    else:
        shape = _shape(target.qualifier, target.kind, "", target.value, target.low, target.high, measure)
    kind, value, low, high, annual = shape
    return Goal(
        kind, base_year, target_year, baseline, value, low, high, target.unit,
        _DIRECTIONS.get(entry.direction, Direction.TARGET_IS_BEST), None, target.qualifier, measure, annual,
        quote or None, target.subject,
    )  # fmt: skip


@functools.lru_cache(maxsize=8192)
def _bound_words(text: str) -> tuple[bool, bool]:
    """(floor words, ceiling words) in a target's text — cached: a nation's plans repeat their wording."""
    return bool(_FLOOR.search(text)), bool(_CEILING.search(text))


def _shape(
    qualifier: str | None, kind: str | None, text: str, value: float | None, low: float | None,
    high: float | None, measure: Measure,
) -> Shape:  # fmt: skip
    """The kind a target number has, from its qualifier, its words and its kind."""
    annual = kind == "growth" and measure is Measure.LEVEL
    if qualifier == "range" or (low is not None and high is not None):
        return TargetKind.RANGE, value, low, high, annual
    floor, ceiling = _bound_words(text)
    # floors first: 不低于 contains 低于
    if qualifier == "at_least" or (qualifier != "at_most" and floor):
        return TargetKind.FLOOR, value, None, None, annual
    if qualifier == "at_most" or ceiling:
        return TargetKind.CEILING, value, None, None, annual
    if qualifier == "keep":
        return TargetKind.KEEP, value, None, None, False
    if qualifier == "qualitative" or value is None:
        return TargetKind.QUALITATIVE, None, None, None, False
    if kind == "growth":
        return TargetKind.GROWTH, value, None, None, False
    if kind == "reduction":
        return TargetKind.REDUCTION, value, None, None, False
    return TargetKind.LEVEL, value, None, None, False
