"""Cross-region comparison (地区对比): one indicator across the regions below a region, for a year."""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.errors import ValidationError
from planwatch.normalize.regions import Region
from planwatch.services.dashboard import visible_items
from planwatch.services.monitoring import Monitored, status
from planwatch.services.region_tree import common_root
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.services.views import actual_text, target_text
from planwatch.store.engine import Database
from planwatch.store.repo import monitoring as monitoring_repo

MAX_REGIONS = 300  # without a region the comparison spans every region with a plan, up to this many


@dataclass(frozen=True)
class CompareRow:
    """One region's figures for the indicator."""

    item: Monitored
    target: str
    actual: str


@dataclass
class Comparison:
    """The comparison page: the indicator, the regions' rows, and the indicators one could pick."""

    region: Region | None
    year: int
    code: str | None
    name: str | None
    unit: str | None
    rows: list[CompareRow]
    choices: list[tuple[str, str]]  # (code, name) of the indicators monitored below the region


def compare(
    db: Database, scope: Scope, indicator: str | None, region: str | None = None, year: int | None = None
) -> Comparison:
    """Compare one indicator (catalogue code or name) across regions; without one, list the choices."""
    with db.session() as session:
        index = RegionIndex.load(session)
        planned = monitoring_repo.planned_regions(session)
    chosen = index.require(region) if region else common_root(index, planned)
    if chosen is None and len(planned) > MAX_REGIONS:
        raise ValidationError("地区过多,请先选择一个上级地区 (choose a region)", hint="add ?region=…")
    report = status(db, chosen.code if chosen else None, year, subregions=True)
    items, _keys = visible_items(db, scope, report)
    choices = sorted({(m.code, m.name) for m in items}, key=lambda c: c[1])
    picked = [m for m in items if indicator in (m.code, m.name)] if indicator else []
    picked.sort(key=lambda m: -(m.assessment.progress if m.assessment.progress is not None else -1e9))
    rows = [CompareRow(m, target_text(m) or "—", actual_text(m) or "—") for m in picked]
    first = picked[0] if picked else None
    return Comparison(chosen, report.year, first.code if first else indicator, first.name if first else None,
                      first.goal.unit if first else None, rows, choices)  # fmt: skip
