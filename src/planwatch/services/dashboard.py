"""``总览``: a region's dashboard — counts per status, and the indicator table with filters (category,
约束性/预期性, status), lagging indicators first, for one year."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.monitor import Status
from planwatch.normalize.regions import Region
from planwatch.services import publish
from planwatch.services.monitoring import Monitored, StatusReport, status
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope, indicator_key
from planwatch.services.views import actual_text, target_text
from planwatch.store.engine import Database
from planwatch.store.repo import monitoring as monitoring_repo

LAGGING = {Status.OFF_TRACK: 0, Status.AT_RISK: 1}
ATTRIBUTE_LABELS = {"binding": "约束性", "expected": "预期性"}


@dataclass(frozen=True)
class Filters:
    """What the table is narrowed to (None: everything)."""

    category: str | None = None
    attribute: str | None = None  # binding | expected
    status: str | None = None

    def keep(self, m: Monitored) -> bool:
        """Whether an item passes the filters."""
        attribute = m.goal.attribute.value if m.goal.attribute else None
        return (
            (self.category is None or m.category == self.category)
            and (self.attribute is None or attribute == self.attribute)
            and (self.status is None or m.assessment.status.value == self.status)
        )


@dataclass(frozen=True)
class Line:
    """One row of the indicator table."""

    item: Monitored
    target: str
    actual: str
    attribute_label: str
    published: bool

    @property
    def status(self) -> Status:
        """The verdict."""
        return self.item.assessment.status


@dataclass
class Dashboard:
    """Everything the dashboard page shows."""

    region: Region
    path: list[Region]
    year: int
    years: list[int]
    counts: dict[Status, int]
    lines: list[Line]
    categories: list[str]
    total: int
    filters: Filters = field(default_factory=Filters)
    own: bool = False  # the region itself has a plan (not only the regions below it)


def lagging_first(items: list[Monitored]) -> list[Monitored]:
    """Off-track, then at-risk indicators (each worst gap first), then the rest in plan order."""

    def key(pair: tuple[int, Monitored]) -> tuple[int, float, int]:
        i, m = pair
        rank = LAGGING.get(m.assessment.status, 2)
        return rank, (m.assessment.gap or 0.0) if rank < 2 else 0.0, i

    return [m for _i, m in sorted(enumerate(items), key=key)]


def visible_items(db: Database, scope: Scope, report: StatusReport) -> tuple[list[Monitored], frozenset[str]]:
    """The report's items the scope may see, and the published indicator keys."""
    keys = frozenset(
        publish.published_among(db, "indicator", (indicator_key(m.region.code, m.code) for m in report.items))
    )
    if not scope.public:
        return report.items, keys
    return [m for m in report.items if indicator_key(m.region.code, m.code) in keys], keys


def default_region(db: Database, configured: str = "", scope: Scope | None = None) -> str | None:
    """The region a dashboard opens with: the configured one, else the first with a plan (for the public:
    the first with a published indicator)."""
    if configured:
        return configured
    if scope is not None and scope.public:
        return publish.first_published_region(db)
    with db.session() as session:
        codes = monitoring_repo.planned_regions(session)
    return codes[0] if codes else None


def dashboard(
    db: Database, scope: Scope, region: str, year: int | None = None, filters: Filters | None = None,
    *, subregions: bool = True,
) -> Dashboard:  # fmt: skip
    """The dashboard of a region (with ``subregions``: and the regions below it) for a year."""
    filters = filters or Filters()
    report = status(db, region, year, subregions=subregions)
    items, keys = visible_items(db, scope, report)
    with db.session() as session:
        index = RegionIndex.load(session)
    chosen = index.require(region)
    counts = StatusReport(report.year, items).counts()
    years = sorted(
        {y for m in items for y in range(m.goal.baseline_year + 1, m.goal.target_year + 1)} | {report.year}
    )
    lines = [
        Line(m, target_text(m) or "—", actual_text(m) or "—",
             ATTRIBUTE_LABELS.get(m.goal.attribute.value if m.goal.attribute else "", "—"),
             indicator_key(m.region.code, m.code) in keys)
        for m in lagging_first([m for m in items if filters.keep(m)])
    ]  # fmt: skip
    categories = sorted({m.category for m in items if m.category})
    own = any(m.region.code == chosen.code for m in items)
    return Dashboard(chosen, list(reversed(index.ancestors(chosen))), report.year, years, counts, lines,
                     categories, len(items), filters, own)  # fmt: skip
