"""Judge for bounds — ceiling, floor, range, keep: held every year, or a path when the baseline is outside.

A bound that the baseline already satisfies must hold each year: held is on track (achieved in the
target year), broken is off track whatever the earlier years were. A baseline outside the bound
(PM2.5 40 under a ceiling of 35; a positive floor on an average growth rate, since growth starts at
zero) is a path to the bound's near edge, judged by the gap like a level target until it holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwatch.monitor.model import Assessment, Observation, Reason, Status
from planwatch.monitor.observations import compound_index, latest_value
from planwatch.monitor.paths import Path, Scale
from planwatch.monitor.verdict import EPS, band_status, verdict

if TYPE_CHECKING:
    from planwatch.monitor.rules import Rule


def judge_bound(rule: Rule, obs: list[Observation], year: int) -> Assessment:
    """Held / breached for a bound the baseline satisfies; the path to it otherwise."""
    goal, low, high = rule.goal, rule.low, rule.high
    missing: tuple[int, ...] = ()
    if rule.annual:
        index = compound_index(goal, obs)
        if isinstance(index, Reason):
            return verdict(rule, year, index)
        n = index.year - goal.baseline_year
        position, actual_year, missing = index.value, index.year, index.missing
        # an average rate of at least `low` over n years is an index of at least (1 + low)^n
        low = None if low is None else (1.0 + low / 100.0) ** n
        high = None if high is None else (1.0 + high / 100.0) ** n
    else:
        latest = latest_value(obs)
        if latest is None or latest.value is None:
            return verdict(rule, year, Reason.NO_OBSERVATION)
        position, actual_year = latest.value, latest.year
    if rule.path is not None:
        far = low if rule.path.end < rule.path.start else high  # the edge on the other side of the band
        return _toward_bound(rule, rule.path, year, position, actual_year, missing, far)
    held = (low is None or position >= low - EPS * max(1.0, abs(low))) and (
        high is None or position <= high + EPS * max(1.0, abs(high))
    )
    shown = (position - 1.0) * 100.0 if rule.annual else position
    if not held:
        return verdict(rule, year, Reason.BREACHED, Status.OFF_TRACK, actual_year, shown)
    status = Status.ACHIEVED if actual_year >= goal.target_year else Status.ON_TRACK
    return Assessment(rule, year, status, Reason.HELD, actual_year, shown, None, None, missing)


def _toward_bound(
    rule: Rule,
    path: Path,
    year: int,
    position: float,
    actual_year: int,
    missing: tuple[int, ...],
    far: float | None,
) -> Assessment:
    """A bound the baseline is outside of: the gap to the path until the near edge holds."""
    progress = (position - path.start) / (path.end - path.start)
    expected = path.fraction(actual_year - rule.goal.baseline_year)
    actual = path.display(position)
    if far is not None and _beyond(position, far, path.end > path.start):
        return Assessment(
            rule, year, Status.OFF_TRACK, Reason.OVERSHOT, actual_year, actual, progress, expected, missing
        )
    # a level bound holds once reached; a rate bound holds when the index is where the bound's rate puts it
    near = 1.0 if path.scale is Scale.LEVEL else expected
    if progress < near - EPS:
        status = band_status(rule.band, progress - expected)
        return Assessment(rule, year, status, Reason.PATH, actual_year, actual, progress, expected, missing)
    if actual_year >= rule.goal.target_year:
        status, progress = Status.ACHIEVED, max(progress, 1.0)
    else:
        status = Status.ON_TRACK
    return Assessment(rule, year, status, Reason.HELD, actual_year, actual, progress, expected, missing)


def _beyond(position: float, edge: float, rising: bool) -> bool:
    """Whether a position moving up (``rising``) or down has passed ``edge``."""
    slack = EPS * max(1.0, abs(edge))
    return position > edge + slack if rising else position < edge - slack
