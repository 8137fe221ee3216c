"""Typed values of the monitoring engine: what a plan asks for, what was observed, what we conclude.

Everything here is a frozen dataclass or an enum; the engine never touches a database, so the
store layer builds :class:`Goal` and :class:`Observation` values and keeps the :class:`Assessment`.
Derived numbers (gap, expected value, pace, explanation) are properties, computed on access, so
that assessing a whole nation stays cheap when only the status is needed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planwatch.monitor.rules import Rule


class Direction(StrEnum):
    """Which way the indicator should move."""

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    TARGET_IS_BEST = "target_is_best"  # neutral: the way from the baseline to the target is the good way


class Attribute(StrEnum):
    """指标属性: binding rows get a zero tolerance, expected rows a band."""

    BINDING = "binding"
    EXPECTED = "expected"

    @property
    def label(self) -> str:
        """Chinese label (约束性 / 预期性)."""
        return "约束性" if self is Attribute.BINDING else "预期性"


class TargetKind(StrEnum):
    """What kind of promise a plan's target value is."""

    LEVEL = "level"  # 达到65%
    GROWTH = "growth"  # 年均增长4.5%左右
    CUMULATIVE = "cumulative"  # [4.9] five-year increment, 累计新增
    CEILING = "ceiling"  # 控制在…以内, 不超过
    FLOOR = "floor"  # 不低于, …以上
    REDUCTION = "reduction"  # 降低13.5% relative to the baseline
    RANGE = "range"  # 年均增长5%-8%
    KEEP = "keep"  # 保持, 稳定在
    QUALITATIVE = "qualitative"  # 达到市要求, Ⅱ类以上


class Measure(StrEnum):
    """What an observed value of the indicator is."""

    LEVEL = "level"  # a level: GDP in 亿元, 森林覆盖率 in %
    # that year's growth rate in % (地区生产总值年均增长率); for a REDUCTION goal, that year's fall in %
    RATE = "rate"
    INCREMENT = "increment"  # that year's new amount (当年新增), summed by CUMULATIVE targets


class Status(StrEnum):
    """The verdict for one indicator, region and year."""

    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def label(self) -> str:
        """Chinese label shown on pages and reports."""
        return _STATUS_LABELS[self]

    @property
    def rank(self) -> int:
        """Order of goodness (achieved 4 … off_track 1); 0 for no_data and not_assessable."""
        return _STATUS_RANKS[self]


_STATUS_LABELS = {
    Status.ACHIEVED: "已实现",
    Status.ON_TRACK: "正常推进",
    Status.AT_RISK: "存在风险",
    Status.OFF_TRACK: "严重滞后",
    Status.NO_DATA: "暂无数据",
    Status.NOT_ASSESSABLE: "无法评估",
}
_STATUS_RANKS = {
    Status.ACHIEVED: 4,
    Status.ON_TRACK: 3,
    Status.AT_RISK: 2,
    Status.OFF_TRACK: 1,
    Status.NO_DATA: 0,
    Status.NOT_ASSESSABLE: 0,
}


class Reason(StrEnum):
    """Machine-readable code for how the status was reached (docs/monitoring.md lists each)."""

    REACHED = "reached"  # progress >= 1: the final target is already reached
    PATH = "path"  # status from the gap g = progress - f against the expected path
    HELD = "held"  # a bound (ceiling, floor, range, keep) holds
    BREACHED = "breached"  # a bound that held at the baseline is broken
    OVERSHOT = "overshot"  # moved past the far end of a two-sided band
    MET_AT_BASELINE = "met_at_baseline"  # the baseline already met the target and it still does
    LOST = "lost"  # the baseline met the target but the actual no longer does
    QUALITATIVE_MET = "qualitative_met"
    QUALITATIVE_NOT_MET = "qualitative_not_met"
    QUALITATIVE_UNKNOWN = "qualitative_unknown"  # neither a class nor a met/not-met judgement
    NO_OBSERVATION = "no_observation"  # nothing observed after the baseline year up to this year
    NO_BASELINE = "no_baseline"
    ZERO_BASELINE = "zero_baseline"  # a relative change from zero is not computable
    NEGATIVE_BASELINE = "negative_baseline"  # a relative change from a negative base is meaningless
    NOT_COMPUTABLE = "not_computable"  # observed rates compound to a non-positive index
    NO_TARGET = "no_target"
    BAD_PERIOD = "bad_period"  # target year not after the baseline year
    UNSUPPORTED = "unsupported"  # kind and measure do not fit together


@dataclass(frozen=True, slots=True)
class Goal:
    """What a plan says about one indicator (one row of a 主要指标表, or one prose target).

    ``target`` holds the number as the kind reads it: a level (LEVEL, CEILING, FLOOR, KEEP), an
    average annual rate in % (GROWTH), the increment over the period (CUMULATIVE: 4.9 for [4.9],
    never the level 5.8), or the fall in % of the baseline (REDUCTION). RANGE uses ``low``/``high``.
    """

    kind: TargetKind
    baseline_year: int
    target_year: int
    baseline: float | None = None
    target: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    attribute: Attribute | None = None
    qualifier: str | None = None  # as in facts.json (exact, about, at_least, …); informational
    measure: Measure = Measure.LEVEL
    annual: bool = False  # bound numbers (RANGE, FLOOR, CEILING, KEEP) are average annual growth rates
    text: str | None = None  # the target as written; read by QUALITATIVE (Ⅱ类以上, 达到市要求)
    name: str | None = None  # indicator name, for explanations

    @property
    def is_rate(self) -> bool:
        """Whether the indicator itself is a rate whose observations are yearly growth rates."""
        return self.measure is Measure.RATE


@dataclass(frozen=True, slots=True)
class Observation:
    """One reported actual figure; a later revision of the same year supersedes an earlier one."""

    year: int
    value: float | None = None
    growth: float | None = None  # 同比增长 in %, for level indicators (comparable-price growth)
    text: str | None = None  # qualitative observation, e.g. "Ⅲ类"
    met: bool | None = None  # a reporter's met / not-met judgement for 达到市要求-style targets
    revision: int = 0
    as_of: datetime | None = None


@dataclass(frozen=True, slots=True)
class Band:
    """Gap thresholds: g >= on_track is on track, g >= at_risk is at risk, below is off track."""

    on_track: float
    at_risk: float

    def __post_init__(self) -> None:
        if self.at_risk > self.on_track:
            raise ValueError(f"at_risk threshold {self.at_risk} above on_track threshold {self.on_track}")


@dataclass(frozen=True, slots=True)
class Tolerance:
    """Configurable tolerance bands (defaults from DESIGN.md); attribute None uses ``expected``."""

    expected: Band = Band(on_track=-0.10, at_risk=-0.25)
    binding: Band = Band(on_track=0.0, at_risk=-0.10)
    keep: float = 0.02  # relative band around the value for a neutral 保持/稳定在 target

    def band(self, attribute: Attribute | None) -> Band:
        """The band that applies to a row with this attribute."""
        return self.binding if attribute is Attribute.BINDING else self.expected


DEFAULT_TOLERANCE = Tolerance()


@dataclass(frozen=True, slots=True)
class Pace:
    """The pace view: achieved versus target and required average annual change.

    ``compound`` paces are % per year (growth; for reductions the fall in % per year); linear ones
    are the indicator's unit per year. ``ratio`` = achieved / required, None when nothing more is
    required or no years remain.
    """

    achieved: float
    target: float
    required: float | None
    ratio: float | None
    years_elapsed: int
    years_remaining: int
    compound: bool


@dataclass(frozen=True, slots=True)
class Assessment:
    """The verdict for one goal and year, with the numbers behind it.

    ``progress`` is the fraction of the way from the baseline to the target (None for bounds that
    held from the start, qualitative goals, and missing data); ``expected`` is the fraction the plan's
    path expects by ``actual_year`` (the year of the data used). ``actual`` is on the scale of the
    target: a level, a cumulative increment, or for growth and reduction targets the cumulative %
    change since the baseline. ``missing_years`` lists years the figure had to be estimated over.
    """

    rule: Rule = field(repr=False, compare=False)
    year: int
    status: Status
    reason: Reason
    actual_year: int | None = None
    actual: float | None = None
    progress: float | None = None
    expected: float | None = None
    missing_years: tuple[int, ...] = ()

    @property
    def goal(self) -> Goal:
        """The goal that was assessed."""
        return self.rule.goal

    @property
    def tolerance(self) -> Tolerance:
        """The tolerance the status was judged with."""
        return self.rule.tolerance

    @property
    def gap(self) -> float | None:
        """g = progress - expected fraction; the number the tolerance bands judge."""
        if self.progress is None or self.expected is None:
            return None
        return self.progress - self.expected

    @property
    def elapsed(self) -> float | None:
        """Time-elapsed fraction (进度要求) of the data year: year 3 of 5 is 0.6."""
        if self.actual_year is None:
            return None
        goal = self.rule.goal
        span = goal.target_year - goal.baseline_year
        return min(max(self.actual_year - goal.baseline_year, 0), span) / span if span > 0 else None

    @property
    def expected_value(self) -> float | None:
        """The plan's value for the data year, on the same scale as ``actual``."""
        return None if self.actual_year is None else self.rule.expected_value(self.actual_year)

    @property
    def pace(self) -> Pace | None:
        """Achieved versus required average annual change (None where the kind has no path)."""
        if self.actual_year is None or self.progress is None:
            return None
        return self.rule.pace(self.progress, self.actual_year)

    @property
    def met(self) -> bool | None:
        """Whether the target (or bound) is met now; None while judged on the path, and without data."""
        return _MET.get(self.reason)

    @property
    def label(self) -> str:
        """Chinese status label."""
        return self.status.label

    @property
    def explanation(self) -> str:
        """A Chinese sentence saying what was compared with what, for pages and reports."""
        from planwatch.monitor.explain import explain

        return explain(self)


_MET = {
    Reason.REACHED: True,
    Reason.HELD: True,
    Reason.MET_AT_BASELINE: True,
    Reason.QUALITATIVE_MET: True,
    Reason.BREACHED: False,
    Reason.OVERSHOT: False,
    Reason.LOST: False,
    Reason.QUALITATIVE_NOT_MET: False,
}
