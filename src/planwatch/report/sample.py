"""A realistic ReportData for the fictional 星湖县, until the data service fills reports from the store.

Tests, screenshots and the benchmark all render this one county. Statuses, progress, explanations
and expected paths come from the real monitoring engine, so the sample cannot drift from what the
monitor would say about the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from planwatch.monitor import Assessment, Attribute, Goal, Measure, Observation, TargetKind, assess, series
from planwatch.report.model import (
    Headline,
    IndicatorRow,
    ProjectRow,
    ReportData,
    ReportKind,
    SeriesPoint,
    Source,
    UnitRow,
)
from planwatch.report.sample_data import (
    ISSUER,
    PERIOD,
    PLAN,
    PROJECTS,
    REASONS,
    REGION,
    SPECS,
    UNIT_TASKS,
    Spec,
)

BASE_YEAR = PERIOD[0] - 1
YEARS = {"annual": 2023, "midterm": PERIOD[0] + (PERIOD[1] - PERIOD[0]) // 2, "final": PERIOD[1]}


def sample_report(
    kind: ReportKind = "annual",
    year: int | None = None,
    *,
    region: str = REGION,
    indicators: int | None = None,
) -> ReportData:
    """星湖县's report of this kind (annual and mid-term for 2023, final for 2025 unless ``year`` says).

    ``region`` renames the county and ``indicators`` repeats the plan rows (as 城区/开发区 variants)
    up to that many, for benchmarks and for tables that run over several pages.
    """
    year = YEARS[kind] if year is None else year
    specs = _specs(indicators or len(SPECS))
    rows = tuple(_indicator(i, spec, year) for i, spec in enumerate(specs, start=1))
    return ReportData(
        kind=kind,
        region=region,
        year=year,
        plan_title=PLAN.replace(REGION, region),
        plan_period=PERIOD,
        generated_at=dt.datetime(year + 1, 3, 15, 9, 0),
        indicators=rows,
        headlines=_headlines(year),
        units=_units(specs, rows),
        projects=tuple(_project(box, group, name, states, year) for box, group, name, states in PROJECTS),
        issuer=ISSUER.replace(REGION, region),
    )


def _specs(count: int) -> list[Spec]:
    """The plan rows, repeated as variants (not charted) when more are asked for than the plan has."""
    variants = ("城区", "开发区", "农村")
    out = []
    for i in range(count):
        spec, repeat = SPECS[i % len(SPECS)], i // len(SPECS)
        if repeat:
            tag = variants[(repeat - 1) % len(variants)] + ("" if repeat <= len(variants) else str(repeat))
            spec = replace(spec, name=f"{spec.name}（{tag}）", key=False)
        out.append(spec)
    return out


def _goal(spec: Spec) -> Goal:
    return Goal(
        spec.kind,
        baseline_year=BASE_YEAR,
        target_year=PERIOD[1],
        baseline=spec.baseline,
        target=spec.target,
        unit=spec.unit,
        direction=spec.direction,
        attribute=Attribute.BINDING if spec.binding else Attribute.EXPECTED,
        measure=spec.measure,
        text=spec.target_text,
        name=spec.name,
    )


def _observations(spec: Spec, year: int) -> list[Observation]:
    out = []
    for y, value in enumerate(spec.actuals, start=PERIOD[0]):
        if value is None or y > year:
            continue
        out.append(Observation(y, text=value) if isinstance(value, str) else Observation(y, value=value))
    return out


def _indicator(index: int, spec: Spec, year: int) -> IndicatorRow:
    goal, obs = _goal(spec), _observations(spec, year)
    a = assess(goal, obs, year)
    return IndicatorRow(
        name=spec.name,
        unit=spec.unit,
        category=spec.category,
        attribute=goal.attribute.value if goal.attribute else None,
        baseline_year=BASE_YEAR,
        baseline=spec.baseline,
        baseline_text=None if spec.baseline is not None else "—",
        target_year=PERIOD[1],
        target=spec.target,
        target_text=spec.target_text,
        actual_year=a.actual_year,
        actual=_shown_actual(spec, a),
        progress=a.progress,
        expected_progress=a.expected,
        status=a.status.value,
        explanation=a.explanation,
        pace=_pace(a),
        actual_text=_actual_text(spec, a.actual_year),
        reasons=REASONS.get(spec.name, ()) if a.status.value in ("at_risk", "off_track") else (),
        series=_series(spec, goal, obs, year) if spec.key else (),
        sources=_sources(index, spec, a.actual_year),
        key=spec.key,
    )


def _shown_actual(spec: Spec, a: Assessment) -> float | None:
    """The figure a reader expects in the 实际值 column: the reported value, or the cumulative fall."""
    if a.actual_year is None or spec.kind is TargetKind.QUALITATIVE:
        return None
    if spec.kind is TargetKind.REDUCTION:
        return None if a.actual is None else round(a.actual, 2)
    value = spec.actuals[a.actual_year - PERIOD[0]]
    return value if isinstance(value, float) else None


def _actual_text(spec: Spec, actual_year: int | None) -> str | None:
    """A qualitative observation as reported ("Ⅲ类"), shown where a number would be."""
    value = None if actual_year is None else spec.actuals[actual_year - PERIOD[0]]
    return value if isinstance(value, str) else None


def _pace(a: Assessment) -> str | None:
    pace = a.pace
    if pace is None or not pace.compound:
        return None
    verb = "降低" if a.goal.kind is TargetKind.REDUCTION else "增长"
    text = f"年均{verb}{pace.achieved:.1f}%，目标{pace.target:.1f}%"
    if pace.required is not None and pace.years_remaining:
        text += f"，余下{pace.years_remaining}年需年均{pace.required:.1f}%"
    return text


def _series(spec: Spec, goal: Goal, obs: list[Observation], year: int) -> tuple[SeriesPoint, ...]:
    """The chart of a key indicator: the plan's path to the target year, actual values up to ``year``."""
    years = range(BASE_YEAR, PERIOD[1] + 1)
    points = []
    for a in series(goal, obs, years):
        expected = a.rule.expected_value(a.year)
        if expected is not None and spec.kind is TargetKind.GROWTH and spec.measure is Measure.LEVEL:
            expected = (spec.baseline or 0.0) * (1 + expected / 100)  # cumulative growth → level
        value = spec.baseline if a.year == BASE_YEAR else spec.actuals[a.year - PERIOD[0]]
        actual = value if isinstance(value, float) and a.year <= year else None
        points.append(SeriesPoint(a.year, None if expected is None else round(expected, 3), actual))
    return tuple(points)


def _sources(index: int, spec: Spec, actual_year: int | None) -> tuple[Source, ...]:
    unit = spec.unit or ""
    base = "—" if spec.baseline is None else f"{spec.baseline:g}"
    row = f"{spec.name} | {unit} | {base} | {spec.target_text} | {'约束性' if spec.binding else '预期性'}"
    plan = (
        Source(f"{spec.name} 基期值", PLAN, row, f"表1 第{index}行"),
        Source(f"{spec.name} 目标值", PLAN, row, f"表1 第{index}行"),
    )
    if actual_year is None:
        return plan
    value = spec.actuals[actual_year - PERIOD[0]]
    if isinstance(value, str):
        quote = f"{actual_year}年{spec.name}为{value}。"
    else:
        quote = f"{actual_year}年全县{spec.name}{value:g}{unit}。"
    bulletin = f"星湖县{actual_year}年国民经济和社会发展统计公报"
    label = f"{spec.name} {actual_year}年实际值" + (
        "（累计降幅据此推算）" if spec.kind is TargetKind.REDUCTION else ""
    )
    return (*plan, Source(label, bulletin, quote, f"第{2 + index % 5}部分"))


def _headlines(year: int) -> tuple[Headline, ...]:
    by_name = {s.name: s for s in SPECS}

    def level(name: str) -> tuple[float, float]:
        values = by_name[name].actuals
        now, before = values[year - PERIOD[0]], values[year - PERIOD[0] - 1]
        assert isinstance(now, float) and isinstance(before, float)
        return now, (now / before - 1) * 100

    gdp, gdp_growth = level("地区生产总值")
    revenue, revenue_growth = level("一般公共预算收入")
    income, income_growth = level("城镇居民人均可支配收入")
    return (
        Headline("地区生产总值", f"{gdp:g}亿元", f"增长{gdp_growth:.1f}%"),
        Headline("一般公共预算收入", f"{revenue:g}亿元", f"增长{revenue_growth:.1f}%"),
        Headline("城镇居民人均可支配收入", f"{income:,.0f}元", f"增长{income_growth:.1f}%"),
    )


def _units(specs: list[Spec], rows: tuple[IndicatorRow, ...]) -> tuple[UnitRow, ...]:
    owners = {s.name: s.owner for s in specs}
    by_unit: dict[str, Counter[str]] = {unit: Counter() for unit in UNIT_TASKS}
    for row in rows:
        by_unit[owners[row.name]][row.status] += 1
    return tuple(
        UnitRow(unit, *numbers[:5], *numbers[5:], indicators_by_status=dict(sorted(by_unit[unit].items())))
        for unit, numbers in UNIT_TASKS.items()
    )


def _project(box: str, group: str, name: str, states: dict[int, str], year: int) -> ProjectRow:
    known = [y for y in sorted(states) if y <= year] or sorted(states)
    return ProjectRow(box, group, name, states[known[-1]])
