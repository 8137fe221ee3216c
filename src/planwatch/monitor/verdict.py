"""Building verdicts: the tolerance bands, "meets the target", and judging a position on a path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.monitor.model import Assessment, Band, Direction, Reason, Status
from planwatch.monitor.paths import Scale

if TYPE_CHECKING:
    from planwatch.monitor.paths import Path
    from planwatch.monitor.rules import Rule

EPS = 1e-9  # float noise: 11.72 + 0.6 * 0.03 must count as on the path


def verdict(
    rule: Rule,
    year: int,
    reason: Reason,
    status: Status | None = None,
    actual_year: int | None = None,
    actual: float | None = None,
) -> Assessment:
    """An assessment without a path comparison; no_data or not_assessable unless a status is given."""
    if status is None:
        status = Status.NO_DATA if reason is Reason.NO_OBSERVATION else Status.NOT_ASSESSABLE
    return Assessment(rule, year, status, reason, actual_year, actual)


def band_status(band: Band, gap: float) -> Status:
    """on_track / at_risk / off_track from the gap g = progress - f and the row's band."""
    if gap >= band.on_track - EPS:
        return Status.ON_TRACK
    if gap >= band.at_risk - EPS:
        return Status.AT_RISK
    return Status.OFF_TRACK


def meets(direction: Direction, value: float, target: float, keep: float) -> bool:
    """Whether ``value`` is at the target or beyond it in the good direction (neutral: within ±keep)."""
    slack = EPS * max(1.0, abs(target))
    if direction is Direction.HIGHER_IS_BETTER:
        return value >= target - slack
    if direction is Direction.LOWER_IS_BETTER:
        return value <= target + slack
    return abs(value - target) <= keep * abs(target) + slack


def on_path(
    rule: Rule, path: Path, year: int, position: float, actual_year: int, missing: tuple[int, ...] = ()
) -> Assessment:
    """Judge a position on the rule's path: reached when progress >= 1, else by the gap."""
    progress = (position - path.start) / (path.end - path.start)
    expected = path.fraction(actual_year - rule.goal.baseline_year)
    actual = position if path.scale is Scale.LEVEL else path.display(position)
    if progress < 1.0 - EPS:
        status = band_status(rule.band, progress - expected)
        return Assessment(rule, year, status, Reason.PATH, actual_year, actual, progress, expected, missing)
    if rule.goal.direction is Direction.TARGET_IS_BEST and not meets(
        Direction.TARGET_IS_BEST, position, path.end, rule.tolerance.keep
    ):
        return Assessment(
            rule, year, Status.OFF_TRACK, Reason.OVERSHOT, actual_year, actual, progress, expected, missing
        )
    progress = max(progress, 1.0)  # snap float noise so that achieved always means progress >= 1
    return Assessment(
        rule, year, Status.ACHIEVED, Reason.REACHED, actual_year, actual, progress, expected, missing
    )


def met_at_baseline(rule: Rule, year: int, met: bool, actual_year: int, actual: float) -> Assessment:
    """The baseline already met the target (example 7): achieved while it still does, else off track."""
    if met:
        return verdict(rule, year, Reason.MET_AT_BASELINE, Status.ACHIEVED, actual_year, actual)
    return verdict(rule, year, Reason.LOST, Status.OFF_TRACK, actual_year, actual)
