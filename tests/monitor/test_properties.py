"""Invariants of the engine, checked with Hypothesis over generated goals and figures."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planwatch.monitor import (
    Attribute,
    Band,
    Direction,
    Goal,
    Measure,
    Observation,
    Status,
    TargetKind,
    Tolerance,
    assess,
    prepare,
)

HIGHER, LOWER, NEUTRAL = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER, Direction.TARGET_IS_BEST
YEARS = st.integers(2021, 2025)
ATTRIBUTES = st.sampled_from([Attribute.BINDING, Attribute.EXPECTED, None])
# two-decimal figures, as reported; avoids float pathologies that no statistics office produces
LEVELS = st.integers(-100_000, 100_000).map(lambda i: i / 100)
POSITIVE = st.integers(1, 100_000).map(lambda i: i / 100)
RATES = st.integers(-5_000, 5_000).map(lambda i: i / 100)
WATER = st.sampled_from(["Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类", "劣Ⅴ类", "达到", "基本达到"])
# per-test settings, never a global profile: other packages' Hypothesis tests share the session
THOROUGH = settings(max_examples=300, deadline=None)


@st.composite
def monotone_goals(draw: st.DrawFn) -> Goal:
    """Goals whose actual value has a good direction: higher or lower is better, never neutral."""
    attribute = draw(ATTRIBUTES)
    choice = draw(
        st.sampled_from(["level", "growth", "rate", "cumulative", "increment", "reduction", "bound"])
    )
    direction = draw(st.sampled_from([HIGHER, LOWER]))
    base = draw(LEVELS)
    if choice == "level":
        return Goal(
            TargetKind.LEVEL,
            2020,
            2025,
            draw(st.none() | LEVELS),
            draw(LEVELS),
            direction=direction,
            attribute=attribute,
        )
    if choice == "growth":
        return Goal(
            TargetKind.GROWTH,
            2020,
            2025,
            draw(POSITIVE),
            draw(RATES),
            direction=direction,
            attribute=attribute,
        )
    if choice == "rate":
        return Goal(
            TargetKind.GROWTH,
            2020,
            2025,
            None,
            draw(RATES),
            direction=direction,
            attribute=attribute,
            measure=Measure.RATE,
        )
    if choice in ("cumulative", "increment"):
        measure = Measure.LEVEL if choice == "cumulative" else Measure.INCREMENT
        return Goal(
            TargetKind.CUMULATIVE,
            2020,
            2025,
            base,
            draw(LEVELS),
            direction=direction,
            attribute=attribute,
            measure=measure,
        )
    if choice == "reduction":
        share = draw(st.integers(-2000, 10_000)) / 100
        return Goal(
            TargetKind.REDUCTION, 2020, 2025, draw(POSITIVE), share, direction=LOWER, attribute=attribute
        )
    kind = draw(st.sampled_from([TargetKind.FLOOR, TargetKind.CEILING, TargetKind.RANGE, TargetKind.KEEP]))
    if kind is TargetKind.FLOOR:
        direction = HIGHER
    elif kind is TargetKind.CEILING:
        direction = LOWER
    annual = draw(st.booleans())
    numbers = RATES if annual else LEVELS
    low, high = sorted((draw(numbers), draw(numbers)))
    target = draw(st.none() | numbers) if kind is TargetKind.KEEP else draw(numbers)
    baseline = draw(POSITIVE) if annual else draw(st.none() | LEVELS)
    return Goal(
        kind, 2020, 2025, baseline, target, low, high, direction=direction, attribute=attribute, annual=annual
    )


@st.composite
def any_goals(draw: st.DrawFn) -> Goal:
    """Any assessable goal, neutral ones and qualitative ones included."""
    if draw(st.integers(0, 9)) == 0:
        return Goal(
            TargetKind.QUALITATIVE,
            2020,
            2025,
            text=draw(st.sampled_from(["Ⅱ类以上", "优于Ⅲ类", "Ⅲ类以下", "达到市要求"])),
        )
    goal = draw(monotone_goals())
    direction = draw(st.sampled_from([goal.direction, NEUTRAL]))
    rate_ok = goal.kind is not TargetKind.CUMULATIVE  # a cumulative increment is never a rate
    measure = draw(st.sampled_from([goal.measure, Measure.RATE])) if rate_ok else goal.measure
    return Goal(
        goal.kind, 2020, 2025, goal.baseline, goal.target, goal.low, goal.high,
        direction=direction, attribute=goal.attribute, measure=measure, annual=goal.annual,
    )  # fmt: skip


def observations(value: st.SearchStrategy[float]) -> st.SearchStrategy[list[Observation]]:
    """Figures for any years around the plan, with growth rates, texts and revisions mixed in."""
    one = st.builds(
        Observation,
        year=st.integers(2018, 2027),
        value=st.none() | value,
        growth=st.none() | RATES,
        text=st.none() | WATER,
        met=st.none() | st.booleans(),
        revision=st.integers(0, 2),
    )
    return st.lists(one, max_size=8)


def _scaled(goal: Goal, value: float) -> float:
    """Yearly growth rates stay within ±10 % so that they never compound below zero."""
    return value / 100 if goal.measure is Measure.RATE else value


def _priors(goal: Goal, values: list[float], year: int) -> list[Observation]:
    """Fixed earlier-year figures, so that only the assessed year's figure varies."""
    return [Observation(2021 + i, _scaled(goal, v)) for i, v in enumerate(values) if 2021 + i < year]


def _rank(status: Status) -> int:
    return status.rank


@THOROUGH
@given(goal=monotone_goals(), priors=st.lists(LEVELS, max_size=4), year=YEARS, a=LEVELS, b=LEVELS)
def test_progress_and_status_are_monotone_in_the_actual(
    goal: Goal, priors: list[float], year: int, a: float, b: float
) -> None:
    """Higher actual → progress and status no worse (higher is better); the reverse for lower."""
    low, high = sorted((_scaled(goal, a), _scaled(goal, b)))
    first = assess(goal, [*_priors(goal, priors, year), Observation(year, low)], year)
    second = assess(goal, [*_priors(goal, priors, year), Observation(year, high)], year)
    worse, better = (first, second) if goal.direction is HIGHER else (second, first)
    assert _rank(worse.status) <= _rank(better.status), (worse, better)
    if worse.progress is not None and better.progress is not None:
        assert worse.progress <= better.progress + 1e-9 * max(1.0, abs(better.progress))


@THOROUGH
@given(goal=any_goals(), obs=observations(LEVELS), year=st.integers(2018, 2027))
def test_achieved_implies_progress_of_at_least_one(goal: Goal, obs: list[Observation], year: int) -> None:
    """Wherever progress is defined, achieved means the whole way has been covered."""
    obs = [
        Observation(o.year, None if o.value is None else _scaled(goal, o.value), o.growth, o.text, o.met)
        for o in obs
    ]
    a = assess(goal, obs, year)
    if a.status is Status.ACHIEVED and a.progress is not None:
        assert a.progress >= 1.0
    assert a.explanation  # and every verdict can be put in words


@st.composite
def tolerances(draw: st.DrawFn) -> tuple[Tolerance, Tolerance]:
    """(loose, tight): every threshold of the tight one at or above the loose one, a narrower keep band."""

    def band() -> tuple[Band, Band]:
        on, risk = sorted((draw(st.integers(-50, 10)), draw(st.integers(-50, 10))), reverse=True)
        up_on, up_risk = draw(st.integers(0, 20)), draw(st.integers(0, 20))
        tight_on = on + up_on
        tight_risk = min(risk + up_risk, tight_on)
        return Band(on / 100, risk / 100), Band(tight_on / 100, tight_risk / 100)

    (expected, expected_t), (binding, binding_t) = band(), band()
    keep = draw(st.integers(0, 10)) / 100
    keep_t = keep * draw(st.integers(0, 100)) / 100
    return Tolerance(expected, binding, keep), Tolerance(expected_t, binding_t, keep_t)


@THOROUGH
@given(goal=any_goals(), obs=observations(LEVELS), year=YEARS, pair=tolerances())
def test_tightening_the_tolerance_never_improves_a_status(
    goal: Goal, obs: list[Observation], year: int, pair: tuple[Tolerance, Tolerance]
) -> None:
    """A stricter band can only move a status towards off_track, never towards achieved."""
    loose, tight = pair
    obs = [
        Observation(o.year, None if o.value is None else _scaled(goal, o.value), o.growth, o.text, o.met)
        for o in obs
    ]
    before, after = assess(goal, obs, year, loose), assess(goal, obs, year, tight)
    if before.status.rank == 0:
        assert after.status is before.status
    else:
        assert 0 < after.status.rank <= before.status.rank, (before, after)


@THOROUGH
@given(goal=any_goals(), obs=observations(LEVELS), year=YEARS)
def test_a_year_before_any_observation_is_no_data(goal: Goal, obs: list[Observation], year: int) -> None:
    """GIVEN an assessable goal WHEN nothing is reported up to the year THEN no_data, whatever comes later."""
    later = [Observation(max(o.year, year + 1), o.value, o.growth, o.text, o.met) for o in obs]
    assume(prepare(goal).fixed is None)  # goals that can be assessed at all (R2 in docs/monitoring.md)
    a = assess(goal, later, year)
    assert a.status is Status.NO_DATA, a
