"""Department scorecards (部门考核): a weighted score per unit of government, and a rank.

Pure functions over UnitRow. The weights are data (``Weights``, defaults documented in
docs/reports.md) because every office sets its own 考核办法; a part with nothing to judge (a unit
that owns no indicator) is left out and the other weights are rescaled, so no unit gains or loses
points for work it was never given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from planwatch.errors import ValidationError
from planwatch.report.model import UnitRow

DEFAULT_CREDIT = MappingProxyType(
    {"achieved": 1.0, "on_track": 1.0, "at_risk": 0.5, "off_track": 0.0, "no_data": 0.0}
)


@dataclass(frozen=True)
class Weights:
    """How a unit's score is made (points out of 100, then deductions)."""

    tasks: float = 50.0  # 重点任务按期完成率: completed on time / tasks due (completed + overdue)
    reports: float = 20.0  # 进展报送及时率: reports on time / reports due (on time + late)
    indicators: float = 30.0  # 牵头指标进展: mean credit of the unit's indicators by status
    overdue_penalty: float = 1.0  # points off per overdue task
    returned_penalty: float = 0.5  # points off per progress report sent back for rework
    credit: Mapping[str, float] = field(
        default_factory=lambda: DEFAULT_CREDIT
    )  # per status; absent: not counted

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Weights:
        """Weights from settings or a TOML table; unknown keys and negative numbers are errors."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValidationError(
                f"unknown scorecard weight {', '.join(unknown)}", hint=f"use {sorted(known)}"
            )
        weights = cls(**values)  # type: ignore[arg-type]
        numbers = [weights.tasks, weights.reports, weights.indicators, weights.overdue_penalty,
                   weights.returned_penalty, *weights.credit.values()]  # fmt: skip
        if any(not isinstance(x, int | float) or x < 0 for x in numbers):
            raise ValidationError("scorecard weights must be numbers ≥ 0", where=str(dict(values)))
        return weights


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True)
class Score:
    """A unit's score with its parts (rates 0–1, None when the unit had nothing of that kind)."""

    unit: UnitRow  # with score and rank filled in
    tasks: float | None
    reports: float | None
    indicators: float | None
    penalty: float


def _rate(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def task_rate(unit: UnitRow) -> float | None:
    """按期完成率: tasks completed on time among the tasks that were due."""
    return _rate(unit.completed_on_time, unit.completed + unit.overdue)


def report_rate(unit: UnitRow) -> float | None:
    """报送及时率: progress reports sent on time among those due."""
    return _rate(unit.reports_on_time, unit.reports_on_time + unit.reports_late)


def indicator_rate(unit: UnitRow, credit: Mapping[str, float]) -> float | None:
    """Mean credit of the indicators the unit leads (statuses missing from ``credit`` not counted)."""
    counted = {s: n for s, n in unit.indicators_by_status.items() if s in credit}
    return _rate(sum(credit[s] * n for s, n in counted.items()), sum(counted.values()))


def score(unit: UnitRow, weights: Weights = DEFAULT_WEIGHTS) -> Score:
    """The unit's score (rounded to 0.1, never below 0; None when nothing could be judged)."""
    parts = {
        "tasks": task_rate(unit),
        "reports": report_rate(unit),
        "indicators": indicator_rate(unit, weights.credit),
    }
    weighted = [(getattr(weights, name), rate) for name, rate in parts.items() if rate is not None]
    total_weight = sum(w for w, _ in weighted)
    penalty = unit.overdue * weights.overdue_penalty + unit.reports_returned * weights.returned_penalty
    value = None
    if total_weight:
        value = round(max(100.0 * sum(w * r for w, r in weighted) / total_weight - penalty, 0.0), 1)
    return Score(dataclasses.replace(unit, score=value, rank=None), **parts, penalty=penalty)


def rank(units: Iterable[UnitRow], weights: Weights = DEFAULT_WEIGHTS) -> list[Score]:
    """Scores, best first, ranked 1, 2, 2, 4 on the rounded score people see; unscored units last."""
    scored = [score(u, weights) for u in units]
    order = sorted(scored, key=lambda s: (s.unit.score is None, -(s.unit.score or 0.0)))
    out: list[Score] = []
    for position, s in enumerate(order, start=1):
        same = out and out[-1].unit.score == s.unit.score
        place = None if s.unit.score is None else (out[-1].unit.rank if same else position)
        out.append(dataclasses.replace(s, unit=dataclasses.replace(s.unit, rank=place)))
    return out
