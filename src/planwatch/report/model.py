"""The content of an evaluation report, independent of its format.

A service gathers it from the store and the monitor (``report/gather.py``); renderers turn it into
DOCX, XLSX, PDF and HTML. Every number carries its sources so the annex can quote them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ReportKind = Literal["annual", "midterm", "final"]
KIND_LABELS: dict[str, str] = {"annual": "年度监测报告", "midterm": "中期评估报告", "final": "终期评估报告"}
STATUS_ORDER = ("achieved", "on_track", "at_risk", "off_track", "no_data", "not_assessable")
STATUS_LABELS: dict[str, str] = {
    "achieved": "已实现",
    "on_track": "正常推进",
    "at_risk": "存在风险",
    "off_track": "严重滞后",
    "no_data": "暂无数据",
    "not_assessable": "无法评估",
}


@dataclass(frozen=True)
class Source:
    """Where a number came from: a document and the exact quote, or an import with its provenance."""

    label: str  # which number this is, e.g. "森林覆盖率 2023年实际值"
    document: str  # document title, or "统计局数据导入 (file, row)"
    quote: str
    locator: str | None = None  # e.g. "doc 12 @ 4711-4740" or "actuals.xlsx 第8行"


@dataclass(frozen=True)
class SeriesPoint:
    """One year on an indicator's chart: the planned path and what was reported."""

    year: int
    expected: float | None
    actual: float | None


@dataclass(frozen=True)
class IndicatorRow:
    """One monitored indicator in the report table."""

    name: str
    unit: str | None
    category: str | None
    attribute: str | None  # "binding" (约束性) | "expected" (预期性) | None
    baseline_year: int | None
    baseline: float | None
    baseline_text: str | None
    target_year: int | None
    target: float | None
    target_text: str | None  # as the plan writes it: "年均增长6%左右", "控制在5.5以内"
    actual_year: int | None
    actual: float | None
    progress: float | None  # fraction of the way to the target (1.0 = reached)
    expected_progress: float | None  # where the plan's path says it should be by now
    status: str  # one of STATUS_ORDER
    explanation: str  # Chinese sentence from the monitor
    pace: str | None = None  # "年均增长3.7%,需5.8%" style text for growth targets
    actual_text: str | None = None  # a qualitative observation ("Ⅲ类") or a value without a number
    reasons: tuple[str, ...] = ()  # why it lags: quotes from documents and unit reports
    series: tuple[SeriesPoint, ...] = ()
    sources: tuple[Source, ...] = ()
    key: bool = False  # a headline indicator charted in the report

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class UnitRow:
    """Task completion (and, with the workflow, reporting discipline) of one unit of government."""

    unit: str
    led: int
    shared: int
    completed: int
    completed_on_time: int
    overdue: int
    reports_on_time: int = 0
    reports_late: int = 0
    reports_returned: int = 0
    indicators_by_status: dict[str, int] = field(default_factory=dict)
    score: float | None = None
    rank: int | None = None


@dataclass(frozen=True)
class ProjectRow:
    box: str | None
    group: str | None
    name: str
    status: str | None = None  # 未启动 / 推进中 / 已完成 / 滞后, when reported


@dataclass(frozen=True)
class Headline:
    """A headline figure of the summary: 地区生产总值 108.6 亿元, 增长 5.8%."""

    label: str
    value: str
    note: str | None = None


@dataclass(frozen=True)
class ReportData:
    """Everything a report says, already computed; renderers only lay it out."""

    kind: ReportKind
    region: str
    year: int
    plan_title: str | None
    plan_period: tuple[int, int] | None
    generated_at: dt.datetime
    indicators: tuple[IndicatorRow, ...]
    headlines: tuple[Headline, ...] = ()
    units: tuple[UnitRow, ...] = ()
    projects: tuple[ProjectRow, ...] = ()
    issuer: str | None = None  # e.g. "星湖县发展和改革局"

    @property
    def title(self) -> str:
        return f"{self.region}{self.year}年规划实施{KIND_LABELS[self.kind]}"

    def counts(self) -> dict[str, int]:
        """Indicators per status, every status present (zero included), in display order."""
        out = dict.fromkeys(STATUS_ORDER, 0)
        for row in self.indicators:
            out[row.status] = out.get(row.status, 0) + 1
        return out

    def ordered(self) -> list[IndicatorRow]:
        """Binding (约束性) indicators first, then the plan's order."""
        return sorted(self.indicators, key=lambda r: r.attribute != "binding")

    def lagging(self) -> list[IndicatorRow]:
        """Indicators at risk or off track, worst first."""
        rank = {"off_track": 0, "at_risk": 1}
        return sorted((r for r in self.indicators if r.status in rank), key=lambda r: rank[r.status])
