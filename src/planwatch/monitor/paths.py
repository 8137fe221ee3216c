"""Expected trajectories: where a goal's indicator should be in year t of the plan.

Every path runs from ``start`` (the baseline, t = 0) to ``end`` (the target year, t = N).
Level and cumulative targets move linearly; growth and reduction targets move by a constant annual
rate, so they live in index space (baseline = 1): growth ends at (1 + g)^N, a reduction of r ends at
1 - r and is at (1 - r)^(t/N) in year t. Bounds get a path only when the baseline is outside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from planwatch.monitor.model import Direction, Goal, Measure, Pace, TargetKind


class Scale(Enum):
    """How a path's numbers read: a level, or an index shown as % growth or % fall."""

    LEVEL = "level"
    GROWTH = "growth"
    FALL = "fall"


@dataclass(frozen=True, slots=True)
class Path:
    """A straight (LEVEL) or constant-rate (GROWTH, FALL; index space) path over ``years`` years."""

    start: float
    end: float
    years: int
    scale: Scale

    def fraction(self, t: float) -> float:
        """f: the share of the way from start to end the path has covered after t years."""
        years = self.years
        share = 0.0 if t <= 0 else 1.0 if t >= years else t / years
        end = self.end
        if self.scale is Scale.LEVEL or end == 1.0 or end <= 0.0:
            return share
        return float(end**share - 1.0) / (end - 1.0)

    def value(self, t: float) -> float:
        """The path's value after t years."""
        return self.start + self.fraction(t) * (self.end - self.start)

    def display(self, x: float) -> float:
        """A path-space number as shown to people: a level, or the % change of an index."""
        if self.scale is Scale.GROWTH:
            return (x - 1.0) * 100.0
        if self.scale is Scale.FALL:
            return (1.0 - x) * 100.0
        return x


BOUND_KINDS = frozenset({TargetKind.CEILING, TargetKind.FLOOR, TargetKind.RANGE, TargetKind.KEEP})


def is_annual(goal: Goal) -> bool:
    """Whether a bound's numbers are average annual growth rates rather than levels."""
    return goal.annual or goal.measure is Measure.RATE


def bound_edges(goal: Goal, keep: float) -> tuple[float | None, float | None]:
    """(low, high) a bound goal must stay within, direction-aware; None means open on that side."""
    kind, direction = goal.kind, goal.direction
    if kind is TargetKind.CEILING:
        return None, goal.target
    if kind is TargetKind.FLOOR:
        return goal.target, None
    if kind is TargetKind.RANGE:
        low = goal.low if goal.low is not None else goal.target
        high = goal.high if goal.high is not None else goal.target
        if direction is Direction.HIGHER_IS_BETTER:
            return low, None  # exceeding the band's top is never bad news for a higher-is-better row
        if direction is Direction.LOWER_IS_BETTER:
            return None, high
        return low, high
    # KEEP: hold the number given, or else the baseline
    value = goal.target if goal.target is not None else goal.baseline
    if value is None:
        return None, None
    if direction is Direction.HIGHER_IS_BETTER:
        return value, None
    if direction is Direction.LOWER_IS_BETTER:
        return None, value
    return value - keep * abs(value), value + keep * abs(value)


def _heading(direction: Direction, delta: float) -> bool:
    """Whether a move of ``delta`` from the baseline is the way the indicator should go."""
    if direction is Direction.HIGHER_IS_BETTER:
        return delta > 0
    if direction is Direction.LOWER_IS_BETTER:
        return delta < 0
    return delta != 0


def goal_path(goal: Goal, keep: float) -> Path | None:
    """The path the plan expects, or None (bound held from the start, target met at baseline, no data)."""
    n = goal.target_year - goal.baseline_year
    if n <= 0:
        return None
    kind, target, base = goal.kind, goal.target, goal.baseline
    if kind is TargetKind.GROWTH or (kind is TargetKind.LEVEL and goal.measure is Measure.RATE):
        if target is None or target <= -100.0 or not _heading(goal.direction, target):
            return None
        return Path(1.0, (1.0 + target / 100.0) ** n, n, Scale.GROWTH)
    if kind is TargetKind.REDUCTION:
        if target is None or not 0.0 < target <= 100.0:
            return None
        return Path(1.0, 1.0 - target / 100.0, n, Scale.FALL)
    if kind is TargetKind.LEVEL:
        if target is None or base is None or not _heading(goal.direction, target - base):
            return None
        return Path(base, target, n, Scale.LEVEL)
    if kind is TargetKind.CUMULATIVE:
        if target is None or not _heading(goal.direction, target):
            return None
        if goal.measure is Measure.INCREMENT:
            return Path(0.0, target, n, Scale.LEVEL)
        return None if base is None else Path(base, base + target, n, Scale.LEVEL)
    if kind in BOUND_KINDS:
        return _bound_path(goal, keep, n)
    return None


def _bound_path(goal: Goal, keep: float, n: int) -> Path | None:
    """A bound's path: from a baseline outside it to its near edge; rate bounds in index space."""
    low, high = bound_edges(goal, keep)
    if is_annual(goal):
        # zero growth is the baseline of any rate: a positive floor (or a negative ceiling) must be climbed to
        if low is not None and low > 0.0:
            return Path(1.0, (1.0 + low / 100.0) ** n, n, Scale.GROWTH)
        if high is not None and -100.0 < high < 0.0:
            return Path(1.0, (1.0 + high / 100.0) ** n, n, Scale.GROWTH)
        return None
    base = goal.baseline
    if base is None:
        return None
    if low is not None and base < low:
        return Path(base, low, n, Scale.LEVEL)
    if high is not None and base > high:
        return Path(base, high, n, Scale.LEVEL)
    return None


def path_pace(path: Path, progress: float, n: int) -> Pace | None:
    """The pace view on a path after n years: achieved, target and required average annual change."""
    big_n = path.years
    if n <= 0:
        return None
    n = min(n, big_n)
    left = big_n - n
    if path.scale is Scale.LEVEL:
        span = path.end - path.start
        achieved, target = progress * span / n, span / big_n
        required = (1.0 - progress) * span / left if left else None
        return Pace(achieved, target, required, _ratio(achieved, required, span), n, left, False)
    index = 1.0 + progress * (path.end - 1.0)
    if index <= 0.0 or path.end <= 0.0:
        return None
    sign = -100.0 if path.scale is Scale.FALL else 100.0  # falls are shown as positive % a year
    achieved = sign * (float(index ** (1.0 / n)) - 1.0)
    target = sign * (float(path.end ** (1.0 / big_n)) - 1.0)
    required = sign * (float((path.end / index) ** (1.0 / left)) - 1.0) if left else None
    return Pace(achieved, target, required, _ratio(achieved, required, target), n, left, True)


def _ratio(achieved: float, required: float | None, heading: float) -> float | None:
    """achieved / required, when something is still required in the plan's direction."""
    if required is None or required * heading <= 0.0:
        return None
    return achieved / required
