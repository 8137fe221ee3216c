"""Unit tests per target kind and for the edges: revisions, missing data, baselines, bounds, tolerance."""

from __future__ import annotations

from datetime import datetime

import pytest

from planwatch.monitor import (
    Attribute,
    Band,
    Direction,
    Goal,
    Measure,
    Observation,
    Reason,
    Status,
    TargetKind,
    Tolerance,
    assess,
    assess_prepared,
    expected_value,
    latest_revisions,
    midterm,
    prepare,
    series,
)
from planwatch.monitor.qualitative import class_met, class_name, class_requirement, water_class

Obs = Observation
E, B = Attribute.EXPECTED, Attribute.BINDING
HIGHER, LOWER, NEUTRAL = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.TARGET_IS_BEST


def goal(kind: TargetKind, baseline: float | None, target: float | None, **kw: object) -> Goal:
    return Goal(kind, 2020, 2025, baseline, target, **kw)  # type: ignore[arg-type]


# --- which observation counts -------------------------------------------------------------------


def test_higher_revision_wins_even_when_given_first() -> None:
    obs = [Obs(2022, 2.3, revision=2), Obs(2022, 2.5, revision=1)]
    assert latest_revisions(obs)[2022].value == 2.3


def test_as_of_breaks_revision_ties() -> None:
    early, late = datetime(2023, 1, 5), datetime(2023, 3, 1)
    obs = [Obs(2022, 2.4, as_of=late), Obs(2022, 2.5, as_of=early), Obs(2022, 2.6)]
    assert latest_revisions(obs)[2022].value == 2.4


def test_last_given_wins_when_nothing_else_differs() -> None:
    assert latest_revisions([Obs(2022, 1.0), Obs(2022, 2.0)])[2022].value == 2.0


def test_stale_data_is_judged_at_its_own_year_and_said() -> None:
    g = goal(TargetKind.LEVEL, 10, 20, attribute=E)
    a = assess(g, [Obs(2022, 14)], 2024)
    assert a.actual_year == 2022
    assert a.expected == pytest.approx(0.4)
    assert a.elapsed == pytest.approx(0.4)
    assert "2024年暂无数据" in a.explanation


def test_year_at_or_before_baseline_is_no_data() -> None:
    g = goal(TargetKind.LEVEL, 10, 20)
    assert assess(g, [Obs(2020, 10)], 2020).status is Status.NO_DATA
    assert assess(g, [Obs(2020, 10), Obs(2021, 12)], 2019).status is Status.NO_DATA


def test_after_target_year_the_final_verdict_stands() -> None:
    g = goal(TargetKind.LEVEL, 10, 20)
    assert assess(g, [Obs(2025, 19), Obs(2027, 25)], 2027).actual_year == 2025


# --- level ------------------------------------------------------------------------------------------


def test_level_lower_is_better() -> None:
    """万元GDP用水量 50 → 40: 2023 at 46 is 40 % of the way against 60 % expected."""
    g = goal(TargetKind.LEVEL, 50, 40, direction=LOWER, attribute=E)
    a = assess(g, [Obs(2023, 46)], 2023)
    assert a.progress == pytest.approx(0.4)
    assert a.gap == pytest.approx(-0.2)
    assert a.status is Status.AT_RISK


def test_shortfall_in_the_target_year_is_judged_by_the_band() -> None:
    """5 % short in 2025: within the expected band (on track), outside the binding one (at risk)."""
    expected = goal(TargetKind.LEVEL, 0, 100, attribute=E)
    binding = goal(TargetKind.LEVEL, 0, 100, attribute=B)
    assert assess(expected, [Obs(2025, 95)], 2025).status is Status.ON_TRACK
    assert assess(binding, [Obs(2025, 95)], 2025).status is Status.AT_RISK


def test_level_reached_early_is_achieved() -> None:
    a = assess(goal(TargetKind.LEVEL, 10, 20), [Obs(2022, 21)], 2022)
    assert (a.status, a.reason) == (Status.ACHIEVED, Reason.REACHED)
    assert a.progress == pytest.approx(1.1)
    assert a.met is True


def test_level_without_baseline() -> None:
    g = goal(TargetKind.LEVEL, None, 65, unit="%")
    assert assess(g, [Obs(2023, 66)], 2023).status is Status.ACHIEVED
    a = assess(g, [Obs(2023, 60)], 2023)
    assert (a.status, a.reason) == (Status.NOT_ASSESSABLE, Reason.NO_BASELINE)


def test_neutral_level_overshoot_is_off_track() -> None:
    g = goal(TargetKind.LEVEL, 58.8, 62, direction=NEUTRAL)
    assert assess(g, [Obs(2025, 62.5)], 2025).status is Status.ACHIEVED  # within the 2 % keep band
    a = assess(g, [Obs(2025, 66)], 2025)
    assert (a.status, a.reason) == (Status.OFF_TRACK, Reason.OVERSHOT)


def test_level_target_equal_to_baseline_is_met_at_baseline() -> None:
    g = goal(TargetKind.LEVEL, 100, 100)
    assert assess(g, [Obs(2023, 100)], 2023).reason is Reason.MET_AT_BASELINE
    assert assess(g, [Obs(2023, 99)], 2023).reason is Reason.LOST


# --- growth -----------------------------------------------------------------------------------------


def test_rate_indicator_with_level_kind_is_read_as_growth() -> None:
    g = goal(TargetKind.LEVEL, 3, 4.5, measure=Measure.RATE)
    assert assess(g, [Obs(2021, 4.5)], 2021).progress == pytest.approx((1.045 - 1) / (1.045**5 - 1))


def test_levels_win_over_incomplete_rates() -> None:
    g = goal(TargetKind.GROWTH, 100, 6)
    a = assess(g, [Obs(2021, 104, growth=4.0), Obs(2023, 119.1016)], 2023)
    assert a.actual == pytest.approx(19.1016)
    assert a.gap == pytest.approx(0.0, abs=1e-9)


def test_growth_between_levels_without_baseline() -> None:
    """No baseline: 2021 100 → 2023 112.36 is 6 % a year, carried over the three elapsed years."""
    g = goal(TargetKind.GROWTH, None, 6)
    a = assess(g, [Obs(2021, 100), Obs(2023, 112.36)], 2023)
    assert a.gap == pytest.approx(0.0, abs=1e-9)
    assert a.missing_years == (2022,)
    one = assess(g, [Obs(2021, 100)], 2021)
    assert (one.status, one.reason) == (Status.NOT_ASSESSABLE, Reason.NO_BASELINE)


def test_rates_compounding_to_nothing_are_not_computable() -> None:
    g = goal(TargetKind.GROWTH, None, 6, measure=Measure.RATE)
    a = assess(g, [Obs(2021, -100.0), Obs(2023, 5.0)], 2023)
    assert (a.status, a.reason) == (Status.NOT_ASSESSABLE, Reason.NOT_COMPUTABLE)


def test_growth_target_of_zero_is_a_floor_on_the_rate() -> None:
    g = goal(TargetKind.GROWTH, None, 0.0, measure=Measure.RATE)
    assert assess(g, [Obs(2021, 1.0)], 2021).reason is Reason.MET_AT_BASELINE
    assert assess(g, [Obs(2021, -1.0)], 2021).reason is Reason.LOST


def test_negative_growth_target_for_lower_is_better() -> None:
    """年均下降3% as a growth of -3 % on a lower-is-better row: a falling compound path."""
    g = goal(TargetKind.GROWTH, 100, -3, direction=LOWER, attribute=E)
    a = assess(g, [Obs(2023, 0.97**3 * 100)], 2023)
    assert a.gap == pytest.approx(0.0, abs=1e-9)
    assert a.status is Status.ON_TRACK


def test_impossible_growth_target() -> None:
    assert assess(goal(TargetKind.GROWTH, 100, -100), [Obs(2021, 1)], 2021).reason is Reason.NO_TARGET


# --- reduction ----------------------------------------------------------------------------------------


def test_reduction_from_yearly_falls() -> None:
    """A 降低率 row reports each year's fall: 3, 3, 2.5 % compound to 8.27 %."""
    g = goal(TargetKind.REDUCTION, None, 13.5, measure=Measure.RATE, attribute=B)
    a = assess(g, [Obs(2021, 3), Obs(2022, 3), Obs(2023, 2.5)], 2023)
    assert a.actual == pytest.approx((1 - 0.97 * 0.97 * 0.975) * 100)
    assert a.pace is not None
    assert a.pace.compound


def test_reduction_from_zero_baseline_is_not_assessable() -> None:
    a = assess(goal(TargetKind.REDUCTION, 0, 10), [Obs(2023, 0)], 2023)
    assert a.reason is Reason.ZERO_BASELINE


def test_reduction_of_more_than_everything_is_no_target() -> None:
    assert assess(goal(TargetKind.REDUCTION, 1, 120), [Obs(2023, 0.5)], 2023).reason is Reason.NO_TARGET


def test_reduction_reached() -> None:
    a = assess(goal(TargetKind.REDUCTION, 1.0, 13.5), [Obs(2024, 0.86)], 2024)
    assert a.status is Status.ACHIEVED
    assert a.progress is not None
    assert a.progress >= 1.0


# --- cumulative -------------------------------------------------------------------------------------


def test_cumulative_path_ends_at_baseline_plus_increment() -> None:
    g = goal(TargetKind.CUMULATIVE, 0.9, 4.9)
    assert expected_value(g, 2025) == pytest.approx(5.8)
    assert assess(g, [Obs(2025, 5.8)], 2025).status is Status.ACHIEVED
    assert assess(g, [Obs(2025, 5.7)], 2025).status is Status.ON_TRACK  # g = -0.02 within the expected band


def test_cumulative_increments_list_missing_years() -> None:
    g = goal(TargetKind.CUMULATIVE, None, 4.9, measure=Measure.INCREMENT)
    a = assess(g, [Obs(2021, 1.0), Obs(2023, 1.0)], 2023)
    assert (a.actual, a.missing_years) == (2.0, (2022,))


def test_cumulative_level_needs_a_baseline() -> None:
    a = assess(goal(TargetKind.CUMULATIVE, None, 4.9), [Obs(2022, 2.5)], 2022)
    assert a.reason is Reason.NO_BASELINE


def test_zero_increment_is_met_at_baseline() -> None:
    g = goal(TargetKind.CUMULATIVE, 5, 0)
    assert assess(g, [Obs(2022, 5)], 2022).reason is Reason.MET_AT_BASELINE


@pytest.mark.parametrize(
    ("kind", "measure"),
    [
        (TargetKind.CUMULATIVE, Measure.RATE),
        (TargetKind.GROWTH, Measure.INCREMENT),
        (TargetKind.LEVEL, Measure.INCREMENT),
        (TargetKind.FLOOR, Measure.INCREMENT),
    ],
)
def test_unsupported_combinations(kind: TargetKind, measure: Measure) -> None:
    a = assess(goal(kind, 1, 2, measure=measure), [Obs(2022, 1)], 2022)
    assert (a.status, a.reason) == (Status.NOT_ASSESSABLE, Reason.UNSUPPORTED)


# --- bounds -------------------------------------------------------------------------------------------


def test_neutral_level_band() -> None:
    inside = Goal(TargetKind.RANGE, 2020, 2025, 2.5, None, 2, 3, direction=NEUTRAL)
    assert assess(inside, [Obs(2022, 2.9)], 2022).status is Status.ON_TRACK
    assert assess(inside, [Obs(2022, 3.5)], 2022).reason is Reason.BREACHED
    below = Goal(TargetKind.RANGE, 2020, 2025, 1.0, None, 2, 3, direction=NEUTRAL, attribute=E)
    assert assess(below, [Obs(2023, 1.6)], 2023).reason is Reason.PATH  # 0.6 of the way to 2
    assert assess(below, [Obs(2023, 3.5)], 2023).reason is Reason.OVERSHOT


def test_rate_ceiling_on_a_level_indicator() -> None:
    """能源消费总量年均增长控制在2%以内, levels from 100: 110 by 2023 is 3.23 % a year."""
    g = goal(TargetKind.CEILING, 100, 2, annual=True, direction=LOWER)
    assert assess(g, [Obs(2023, 110)], 2023).reason is Reason.BREACHED
    held = assess(g, [Obs(2023, 105)], 2023)
    assert held.reason is Reason.HELD
    assert held.expected_value == pytest.approx((1.02**3 - 1) * 100)


def test_lower_is_better_range_binds_at_the_top() -> None:
    g = Goal(TargetKind.RANGE, 2020, 2025, 5.0, None, 4.5, 5.5, direction=LOWER)
    assert assess(g, [Obs(2022, 4.0)], 2022).status is Status.ON_TRACK
    assert assess(g, [Obs(2022, 5.6)], 2022).status is Status.OFF_TRACK


def test_neutral_keep_uses_the_keep_band() -> None:
    g = goal(TargetKind.KEEP, 95, 95, direction=NEUTRAL)
    assert assess(g, [Obs(2023, 96.5)], 2023).status is Status.ON_TRACK
    assert assess(g, [Obs(2023, 97.5)], 2023).status is Status.OFF_TRACK
    loose = Tolerance(keep=0.05)
    assert assess(g, [Obs(2023, 97.5)], 2023, loose).status is Status.ON_TRACK


def test_keep_without_any_number_is_no_target() -> None:
    assert assess(goal(TargetKind.KEEP, None, None), [Obs(2023, 1)], 2023).reason is Reason.NO_TARGET


def test_bound_held_has_no_pace_and_met_is_true() -> None:
    a = assess(goal(TargetKind.FLOOR, 15.6, 15), [Obs(2022, 15.2)], 2022)
    assert (a.pace, a.progress, a.met, a.label) == (None, None, True, "正常推进")


# --- qualitative --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ⅱ类", 2),
        ("III类水质", 3),
        ("ⅱ类", 2),
        ("二类", 2),
        ("3类", 3),
        ("劣Ⅴ类", 6),
        ("Ⅴ类", 5),
        ("无", None),
        ("", None),
        (None, None),
        ("类", None),
    ],
)
def test_water_class(text: str | None, number: int | None) -> None:
    assert water_class(text) == number


@pytest.mark.parametrize(
    ("target", "observed", "met"),
    [("Ⅱ类以上", 1, True), ("Ⅱ类以上", 2, True), ("Ⅱ类以上", 3, False), ("达到Ⅲ类", 3, True), ("优于Ⅲ类", 3, False),
     ("优于Ⅲ类", 2, True), ("达到或优于Ⅲ类", 3, True), ("Ⅲ类以下", 4, True), ("Ⅲ类以下", 2, False)],
)  # fmt: skip
def test_class_requirement(target: str, observed: int, met: bool) -> None:
    requirement = class_requirement(target)
    assert requirement is not None
    assert class_met(requirement, observed) is met


def test_class_name() -> None:
    assert (class_name(3), class_name(6)) == ("Ⅲ类", "劣Ⅴ类")


def test_qualitative_class_beats_the_reporter_judgement() -> None:
    g = goal(TargetKind.QUALITATIVE, None, None, text="Ⅱ类以上")
    assert assess(g, [Obs(2023, text="Ⅲ类", met=True)], 2023).status is Status.OFF_TRACK


def test_qualitative_uses_latest_judged_observation() -> None:
    g = goal(TargetKind.QUALITATIVE, None, None, text="达到省定目标")
    a = assess(g, [Obs(2022, met=True), Obs(2023, 1.0)], 2023)  # 2023 carries only a number
    assert (a.status, a.actual_year) == (Status.ON_TRACK, 2022)


# --- tolerance, structure, API -------------------------------------------------------------------------


def test_band_rejects_inverted_thresholds() -> None:
    with pytest.raises(ValueError, match="above on_track"):
        Band(on_track=-0.2, at_risk=-0.1)


def test_rows_without_attribute_use_the_expected_band() -> None:
    g = goal(TargetKind.LEVEL, 0, 100)
    assert assess(g, [Obs(2023, 52)], 2023).status is Status.ON_TRACK  # g = -0.08


def test_custom_tolerance() -> None:
    g = goal(TargetKind.LEVEL, 0, 100, attribute=E)
    strict = Tolerance(expected=Band(0.0, -0.05))
    assert assess(g, [Obs(2023, 52)], 2023, strict).status is Status.OFF_TRACK


def test_bad_period_and_missing_target() -> None:
    assert assess(Goal(TargetKind.LEVEL, 2025, 2025, 1, 2), [Obs(2025, 1)], 2025).reason is Reason.BAD_PERIOD
    assert assess(goal(TargetKind.LEVEL, 1, None), [Obs(2022, 1)], 2022).reason is Reason.NO_TARGET
    assert assess(goal(TargetKind.FLOOR, 1, None), [Obs(2022, 1)], 2022).reason is Reason.NO_TARGET


def test_midterm_is_the_middle_year() -> None:
    g = Goal(TargetKind.LEVEL, 2015, 2020, 0, 10)
    assert midterm(g, [Obs(2018, 6)], 2016, 2020).year == 2018
    with pytest.raises(ValueError, match="ends before"):
        midterm(g, [], 2020, 2016)


def test_series_matches_assess() -> None:
    g = goal(TargetKind.GROWTH, 100, 6, attribute=E)
    obs = [Obs(2021, 105), Obs(2022, 111), Obs(2022, 112, revision=1), Obs(2024, 128)]
    years = range(2019, 2027)
    assert series(g, obs, years) == [assess(g, obs, y) for y in years]
    rule = prepare(g)
    assert assess_prepared(rule, latest_revisions(obs), 2024) == assess(g, obs, 2024)


def test_expected_value_follows_the_compound_path() -> None:
    g = goal(TargetKind.GROWTH, 100, 6)
    assert prepare(g).expected_value(2025) == pytest.approx((1.06**5 - 1) * 100)
    assert expected_value(goal(TargetKind.LEVEL, 105.5, 95), 2023) == 95  # met at baseline: the floor


def test_explanation_names_missing_years_and_the_verdict() -> None:
    g = goal(TargetKind.GROWTH, None, 6, measure=Measure.RATE, attribute=E)
    text = assess(g, [Obs(2021, 8.0), Obs(2023, 6.0)], 2023).explanation
    assert "缺2022年数据" in text
    assert "判定：正常推进" in text


@pytest.mark.parametrize(
    "reason",
    [Reason.BAD_PERIOD, Reason.NO_TARGET, Reason.ZERO_BASELINE, Reason.NO_OBSERVATION],
)
def test_every_unassessable_reason_is_explained(reason: Reason) -> None:
    goals = {
        Reason.BAD_PERIOD: Goal(TargetKind.LEVEL, 2025, 2021, 1, 2),
        Reason.NO_TARGET: goal(TargetKind.LEVEL, 1, None),
        Reason.ZERO_BASELINE: goal(TargetKind.GROWTH, 0, 5),
        Reason.NO_OBSERVATION: goal(TargetKind.LEVEL, 1, 2),
    }
    a = assess(goals[reason], [Obs(2023, 1.0)] if reason is not Reason.NO_OBSERVATION else [], 2023)
    assert a.reason is reason
    assert a.explanation


def test_status_labels() -> None:
    labels = [s.label for s in Status]
    assert labels == ["已实现", "正常推进", "存在风险", "严重滞后", "暂无数据", "无法评估"]
    assert Attribute.BINDING.label == "约束性"
