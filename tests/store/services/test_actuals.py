"""Gathering a goal's observations (pure): ranking, merging field by field, rates from levels, units."""

from __future__ import annotations

import pytest

from planwatch.monitor import Goal, Measure, TargetKind
from planwatch.services.actuals import Actual, observations_for, with_baseline

LEVEL_GOAL = Goal(TargetKind.LEVEL, 2020, 2025, baseline=54.1, target=72.0, unit="亿元")
RATE_GOAL = Goal(TargetKind.GROWTH, 2020, 2025, target=6.0, unit="%", measure=Measure.RATE)


def actual(year: int, value: float | None, unit: str | None = "亿元", growth: float | None = None, rank: float = 0.0,
           text: str | None = None) -> Actual:  # fmt: skip
    return Actual(1, "632223", year, value, unit, growth, text, None, (rank, 0, 0))


def test_the_better_ranked_figure_wins_field_by_field() -> None:
    """GIVEN a level from a report and a growth-only line from the bulletin WHEN merged THEN both are kept;
    a later revision replaces the level."""
    obs = observations_for(LEVEL_GOAL, [actual(2022, 98.7, rank=1), actual(2022, None, None, growth=2.6, rank=2),
                                        actual(2022, 98.9, rank=3)])  # fmt: skip
    assert (obs[2022].value, obs[2022].growth) == (98.9, 2.6)


def test_levels_are_converted_and_incompatible_units_dropped() -> None:
    obs = observations_for(LEVEL_GOAL, [actual(2021, 572000.0, "万元"), actual(2022, 59.0, "%")])
    assert obs[2021].value == pytest.approx(57.2)
    assert obs[2022].value is None


def test_a_rate_indicator_takes_the_growth_of_its_level() -> None:
    own = [Actual(2, "632223", 2021, 7.3, "%")]
    levels = [actual(2022, 98.7, growth=2.6), actual(2023, 106.2, growth=5.8)]
    obs = observations_for(RATE_GOAL, own, levels)
    assert {y: o.value for y, o in obs.items()} == {2021: 7.3, 2022: 2.6, 2023: 5.8}


def test_a_reduction_takes_the_fall() -> None:
    goal = Goal(TargetKind.REDUCTION, 2020, 2025, target=13.5, unit="%", measure=Measure.RATE)
    obs = observations_for(goal, [], [Actual(3, "x", 2022, None, None, -1.1)])
    assert obs[2022].value == pytest.approx(1.1)


def test_baseline_from_the_baseline_year() -> None:
    goal = Goal(TargetKind.LEVEL, 2020, 2025, target=95.0, unit="%")
    obs = observations_for(goal, [actual(2020, 91.5, "%"), actual(2023, 94.1, "%")])
    assert with_baseline(goal, obs).baseline == 91.5
    assert with_baseline(LEVEL_GOAL, obs).baseline == 54.1  # a row's own baseline is kept


def test_a_goal_without_baseline_starts_from_its_first_figure() -> None:
    """GIVEN 到2025年…突破150 with figures only for 2022 and 2023 WHEN judged for 2023 THEN the path runs
    from the 2022 figure, not a floor already broken (docs/monitoring.md R11)."""
    from planwatch.monitor import Goal, Observation, TargetKind, assess
    from planwatch.services.actuals import with_baseline

    goal = Goal(
        TargetKind.FLOOR, baseline_year=2020, target_year=2025, target=150.0, low=150.0, unit="万千瓦"
    )
    obs = {2022: Observation(2022, value=68.0), 2023: Observation(2023, value=96.0)}
    started = with_baseline(goal, obs)
    assert (started.baseline, started.baseline_year) == (68.0, 2022)
    verdict = assess(started, list(obs.values()), 2023)
    assert verdict.status.value == "on_track"
    assert round(verdict.progress or 0, 3) == 0.341
