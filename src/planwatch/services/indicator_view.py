"""Indicator detail (指标详情): one monitored indicator of one region — the plan's path from the
baseline to the target, the actual values with their evidence, the yearly targets, and both progress
views (time elapsed, 进度要求; and pace, 速度)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planwatch.errors import NotFoundError
from planwatch.monitor import Assessment
from planwatch.services.monitoring import Monitored, find, status
from planwatch.services.publish import published_among
from planwatch.services.scope import Scope, indicator_key
from planwatch.services.timeline import Point, timeline
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.repo import evidence
from planwatch.store.tables import DocumentRow


@dataclass(frozen=True)
class Evidence:
    """Where a figure comes from: a document span, or an import/manual entry's provenance."""

    label: str  # 2023年 实际值 19.75 %
    document_id: int | None
    document_title: str | None
    start: int | None
    end: int | None
    quote: str | None
    provenance: str | None  # 导入 actuals.csv 第12行 / 手工录入 王某 2024-03-01

    @property
    def anchor(self) -> str | None:
        """``start-end`` of the span in the document's text."""
        return f"{self.start}-{self.end}" if self.start is not None and self.end is not None else None


@dataclass(frozen=True)
class YearTarget:
    """A yearly target for the indicator (from a work report), with its evidence."""

    year: int | None
    text: str
    evidence: Evidence


@dataclass
class IndicatorDetail:
    """Everything the indicator page shows."""

    item: Monitored
    assessment: Assessment
    points: list[Point]
    values: list[Evidence]
    targets: list[YearTarget]
    plan: Evidence | None


def _number(x: float | None) -> str:
    return "" if x is None else f"{x:g}"


def _evidence(label: str, doc: DocumentRow | None, fact: Any) -> Evidence:
    if doc is not None:
        return Evidence(label, doc.id, doc.title or doc.source_path, fact.evidence_start, fact.evidence_end,
                        fact.evidence_quote, None)  # fmt: skip
    source = getattr(fact, "source", None)
    if source == "import":
        where = (
            f"导入 {fact.source_file or ''} 第{fact.source_row}行"
            if fact.source_row
            else f"导入 {fact.source_file or ''}"
        )
    else:
        where = "手工录入"
    who = f" · {fact.entered_by}" if getattr(fact, "entered_by", None) else ""
    when = f" · {fact.entered_at:%Y-%m-%d}" if getattr(fact, "entered_at", None) else ""
    return Evidence(label, None, None, None, None, getattr(fact, "note", None), where + who + when)


def indicator_detail(
    db: Database, scope: Scope, region: str, indicator: str, year: int | None = None
) -> IndicatorDetail:
    """The detail of one monitored indicator; NotFoundError when it is not monitored (or not published)."""
    report = status(db, region, year)
    with db.session() as session:
        entry = catalog_repo.get(session, indicator)
        item = find(report, indicator, [entry.id] if entry else [])
        key = indicator_key(item.region.code, item.code)
        if scope.public and not published_among(db, "indicator", [key]):
            raise NotFoundError(f"{indicator!r} is not published for this region")
        ids = [item.indicator_id] + ([entry.rate_of_id] if entry and entry.rate_of_id else [])
        related = [e.id for e in catalog_repo.entries(session) if e.rate_of_id == item.indicator_id]
        rows = evidence.indicator_observations(session, scope.public, item.region.code, ids + related)
        values = [
            _evidence(f"{o.year or o.period or ''}年 {o.subject} {_number(o.value)}{o.unit or ''}"
                      + (f" 增长{o.growth:g}%" if o.growth is not None else "") + (f" {o.text}" if o.text else ""), d, o)
            for o, d in rows
        ]  # fmt: skip
        targets = [
            YearTarget(t.year, f"{t.subject} {_number(t.value)}{t.unit or ''}",
                       _evidence(f"{t.year or ''}年目标 {t.subject}", d, t))
            for t, d in evidence.indicator_targets(session, scope.public, item.region.code, [item.indicator_id])
        ]  # fmt: skip
        table = "indicators" if item.origin == "plan" else "targets"
        found = evidence.fact_evidence(session, table, item.fact_id, scope.public)
        plan = _evidence(f"规划目标 {item.name}", found[1], found[0]) if found else None
    _item, points = timeline(db, item.code, item.region.code)
    return IndicatorDetail(item, item.assessment, points, values, targets, plan)
