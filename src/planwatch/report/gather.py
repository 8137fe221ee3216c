"""Fill a ReportData from the store and the monitor: what ``planwatch report`` and the dashboard's
download buttons render.

Statuses, progress and explanations come from the monitoring service; baselines and targets as
the plan writes them and the quotes of the annex come from the stored facts, so every number in a
report is one look-up away from its document.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from planwatch.monitor import Measure, TargetKind, series
from planwatch.report.model import (
    Headline,
    IndicatorRow,
    ProjectRow,
    ReportData,
    ReportKind,
    SeriesPoint,
    Source,
)
from planwatch.services.monitoring import Monitored, status
from planwatch.services.workflow.common import local_date
from planwatch.services.workflow.scores import project_status, unit_rows
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import reporting

_KEY_NAMES = ("地区生产总值", "居民人均可支配收入", "森林覆盖率", "固定资产投资", "一般公共预算收入")
_HEADLINE_NAMES = ("地区生产总值", "一般公共预算收入", "城镇居民人均可支配收入", "农村居民人均可支配收入")


def _pace(m: Monitored) -> str | None:
    pace = m.assessment.pace
    if pace is None or not pace.compound:
        return None
    verb = "降低" if m.goal.kind is TargetKind.REDUCTION else "增长"
    text = f"年均{verb}{pace.achieved:.1f}%，目标{pace.target:.1f}%"
    if pace.required is not None and pace.years_remaining:
        text += f"，余下{pace.years_remaining}年需年均{pace.required:.1f}%"
    return text


def _series(m: Monitored) -> tuple[SeriesPoint, ...]:
    """The plan's path and the reported figures, baseline year to target year (levels on the chart)."""
    goal = m.goal
    years = range(goal.baseline_year, goal.target_year + 1)
    points = []
    for a in series(goal, list(m.observations.values()), years):
        expected = a.rule.expected_value(a.year)
        if expected is not None and goal.kind is TargetKind.GROWTH and goal.measure is Measure.LEVEL:
            expected = (goal.baseline or 0.0) * (1 + expected / 100)  # cumulative growth → the level
        obs = m.observations.get(a.year)
        actual = goal.baseline if a.year == goal.baseline_year else (obs.value if obs else None)
        points.append(SeriesPoint(a.year, None if expected is None else round(expected, 3), actual))
    return tuple(points)


def _shown_actual(m: Monitored) -> tuple[float | None, str | None]:
    """The 实际值 a reader expects: the reported figure (or cumulative fall), or its text (Ⅲ类)."""
    a = m.assessment
    if a.actual_year is None:
        return None, None
    obs = m.observations.get(a.actual_year)
    if m.goal.kind is TargetKind.REDUCTION:
        return (None if a.actual is None else round(a.actual, 2)), None
    if obs is None:
        return None, None
    return obs.value, obs.text


def _sources(
    m: Monitored, plan: tuple[Any, Any] | None, figures: list[tuple[Any, Any]]
) -> tuple[Source, ...]:
    out = []
    if plan is not None:
        row, doc = plan
        where = f"文档{doc.id} @{row.evidence_start}-{row.evidence_end}"
        out.append(
            Source(f"{m.name} 基期值、目标值", doc.title or doc.source_path, row.evidence_quote or "", where)
        )
    for obs, doc in figures:
        label = f"{m.name} {obs.year}年实际值"
        if doc is not None:
            out.append(
                Source(
                    label,
                    doc.title or doc.source_path,
                    obs.evidence_quote or "",
                    f"文档{doc.id} @{obs.evidence_start}-{obs.evidence_end}",
                )
            )
        else:
            value = obs.text or ("" if obs.value is None else f"{obs.value:g}{obs.unit or ''}")
            where = (
                f"{obs.source_file} 第{obs.source_row}行"
                if obs.source_file
                else f"{obs.entered_by or ''} 手工录入"
            )
            out.append(Source(label, "实际值导入" if obs.source_file else "手工录入", value, where))
    return tuple(out)


def _row(m: Monitored, plan: tuple[Any, Any] | None, figures: list[tuple[Any, Any]]) -> IndicatorRow:
    a, goal = m.assessment, m.goal
    fact = plan[0] if plan else None
    actual, actual_text = _shown_actual(m)
    key = m.name.startswith(_KEY_NAMES) and goal.kind is not TargetKind.QUALITATIVE
    chart = _series(m) if key else ()
    key = key and any(p.actual is not None for p in chart[1:])
    return IndicatorRow(
        name=m.name,
        unit=goal.unit,
        category=m.category or (fact.category if fact is not None else None),
        attribute=goal.attribute.value if goal.attribute else None,
        baseline_year=goal.baseline_year,
        baseline=goal.baseline,
        baseline_text=fact.baseline_text if fact is not None else None,
        target_year=goal.target_year,
        target=fact.target_value if fact is not None else goal.target,
        target_text=(fact.target_text if fact is not None else None) or goal.text,
        actual_year=a.actual_year,
        actual=actual,
        actual_text=actual_text,
        progress=a.progress,
        expected_progress=a.expected,
        status=a.status.value,
        explanation=a.explanation,
        pace=_pace(m),
        series=chart if key else (),
        sources=_sources(m, plan, figures),
        key=key,
    )


def _headlines(rows: tuple[IndicatorRow, ...], year: int) -> tuple[Headline, ...]:
    out = []
    for name in _HEADLINE_NAMES:
        row = next(
            (r for r in rows if r.name.startswith(name) and r.actual_year == year and r.actual is not None),
            None,
        )
        if row is not None:
            out.append(Headline(row.name, f"{row.actual:g}{row.unit or ''}"))
    return tuple(out)


def gather(
    db: Database, region: str, year: int | None = None, kind: ReportKind = "annual",
    settings: Settings | None = None, today: dt.date | None = None,
) -> ReportData:  # fmt: skip
    """Everything a report of ``kind`` on ``region``'s plan says about ``year`` (default: latest data).

    Units come from the supervision workflow (tasks led and shared, completed on time, overdue,
    reports on time, late and returned, the indicators each leads); projects carry their reported
    status when they are supervised."""
    settings = settings or Settings()
    today = today or local_date()
    report = status(db, region, year, plan_only=True)
    items = report.items
    region_obj = items[0].region if items else None
    with db.session() as session:
        plans = reporting.plan_rows(session, [m.fact_id for m in items])
        code = region_obj.code if region_obj else ""
        figures: dict[tuple[int, int], list[tuple[Any, Any]]] = defaultdict(list)
        years = {m.assessment.actual_year for m in items if m.assessment.actual_year}
        for obs, doc in reporting.observation_sources(session, code, {m.indicator_id for m in items}, years):
            if obs.indicator_id is not None and obs.year is not None:
                figures[(obs.indicator_id, obs.year)].append((obs, doc))
        rows = tuple(
            _row(
                m, plans.get(m.fact_id), figures.get((m.indicator_id, m.assessment.actual_year or 0), [])[:2]
            )
            for m in items
        )
        statuses = {m.code: m.assessment.status.value for m in items}
        units = unit_rows(session, settings, [code], report.year, today, statuses) if code else ()
        reported = project_status(session, settings, [code], today) if code else {}
        projects = (
            tuple(
                ProjectRow(p.box, p.group, p.name, reported.get(p.id))
                for p, _d in reporting.projects(session, code)
            )
            if code
            else ()
        )
        plan_doc = next(iter(plans.values()), None)
    doc = plan_doc[1] if plan_doc else None
    return ReportData(
        kind=kind,
        region=region_obj.name if region_obj else region,
        year=report.year,
        plan_title=doc.title if doc else None,
        plan_period=(doc.period_start, doc.period_end)
        if doc and doc.period_start and doc.period_end
        else None,
        generated_at=dt.datetime.now().replace(microsecond=0),
        indicators=rows,
        headlines=_headlines(rows, report.year),
        units=units,
        projects=projects,
        issuer=None,
    )
