"""Plain rows for output (JSON, CSV, tables, and later the web API), built from service results."""

from __future__ import annotations

from typing import Any

from planwatch.services.monitoring import Monitored, StatusReport
from planwatch.services.timeline import Point

STATUS_COLUMNS = (
    "region", "region_code", "indicator", "code", "category", "unit", "attribute", "origin", "kind",
    "baseline_year", "baseline", "target_year", "target", "year", "actual_year", "actual", "expected_value",
    "progress", "elapsed", "gap", "status", "label", "reason", "explanation",
)  # fmt: skip


def _round(x: float | None, places: int = 4) -> float | None:
    return None if x is None else round(x, places)


def target_text(m: Monitored) -> str | None:
    """The target as written, or as a number."""
    g = m.goal
    if g.text:
        return g.text
    if g.low is not None or g.high is not None:
        return f"{g.low}–{g.high}"
    return None if g.target is None else f"{g.target:g}"


def actual_text(m: Monitored) -> str:
    """The actual figure as people read it: a level, or for growth-type goals the average annual rate."""
    a = m.assessment
    if a.actual is None:
        return ""
    pace = a.pace
    if pace is not None and pace.compound:
        return f"年均{pace.achieved:.2f}% ({a.actual_year})"
    return f"{a.actual:g} ({a.actual_year})"


def status_row(m: Monitored) -> dict[str, Any]:
    """One monitored indicator as a flat record."""
    a, g = m.assessment, m.goal
    return {
        "region": m.region.name, "region_code": m.region.code, "indicator": m.name, "code": m.code,
        "category": m.category, "unit": g.unit, "attribute": g.attribute.value if g.attribute else None,
        "origin": m.origin, "kind": g.kind.value, "baseline_year": g.baseline_year, "baseline": g.baseline,
        "target_year": g.target_year, "target": target_text(m), "year": a.year, "actual_year": a.actual_year,
        "actual": _round(a.actual), "expected_value": _round(a.expected_value), "progress": _round(a.progress),
        "elapsed": _round(a.elapsed), "gap": _round(a.gap), "status": a.status.value, "label": a.label,
        "reason": a.reason.value, "explanation": a.explanation,
    }  # fmt: skip


def status_document(report: StatusReport) -> dict[str, Any]:
    """The whole report: year, counts per status, and one record per indicator."""
    return {
        "year": report.year,
        "summary": {s.value: n for s, n in report.counts().items()},
        "indicators": [status_row(m) for m in report.items],
    }


def timeline_document(item: Monitored, points: list[Point]) -> dict[str, Any]:
    """A timeline as one record: the indicator and its points."""
    return {
        "region": item.region.name, "indicator": item.name, "code": item.code, "unit": item.goal.unit,
        "kind": item.goal.kind.value, "target": target_text(item), "target_year": item.goal.target_year,
        "points": [
            {"year": p.year, "expected": _round(p.expected), "achieved": _round(p.achieved), "actual": p.actual,
             "growth": p.growth, "text": p.text,
             "status": p.status.value if p.status else None, "label": p.status.label if p.status else None}
            for p in points
        ],
    }  # fmt: skip
