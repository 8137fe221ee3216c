"""Acceptance on the seed documents (../shared/seeds; skipped when absent)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planwatch.services.ingest import ingest, summary
from planwatch.services.monitoring import status
from planwatch.store.repo.documents import current_filter
from planwatch.store.tables import CatalogIndicator, DocumentRow, IndicatorRow, ObservationRow
from tests.conftest import SEEDS
from tests.store.conftest import Stack
from tests.store.services.test_ingest import counts

pytestmark = pytest.mark.usefixtures("seeds_extracted")


@pytest.fixture
def seeded(stack: Stack) -> Stack:
    first = ingest(stack.db, stack.settings, [SEEDS])
    assert summary(first) == {"new": 5, "updated": 0, "unchanged": 0, "failed": 0}
    return stack


def test_ingesting_the_seeds_twice_gives_identical_counts(seeded: Stack) -> None:
    before = counts(seeded)
    assert before["documents"] == 5 and before["indicators"] == 28 + 13
    assert summary(ingest(seeded.db, seeded.settings, [SEEDS])) == {
        "new": 0,
        "updated": 0,
        "unchanged": 5,
        "failed": 0,
    }
    assert counts(seeded) == before


@pytest.mark.parametrize(("region", "code", "rows"), [("海晏县", "632223", 28), ("海南区", "150303", 13)])
def test_main_indicators_are_in_the_catalogue(seeded: Stack, region: str, code: str, rows: int) -> None:
    """GIVEN the seeds WHEN a county's plan rows are read THEN each is a catalogue entry with baseline and target."""
    with seeded.db.session() as session:
        found = session.execute(
            select(IndicatorRow, CatalogIndicator)
            .join(DocumentRow, DocumentRow.id == IndicatorRow.document_id)
            .join(CatalogIndicator, CatalogIndicator.id == IndicatorRow.indicator_id)
            .where(current_filter(), IndicatorRow.region_code == code)
        ).all()
    assert len(found) == rows, region
    for row, entry in found:
        assert row.baseline_text and (row.target_text or row.growth_text), row.name
        assert entry.name and entry.kind in ("level", "rate")
    codes = {entry.code for _row, entry in found}
    assert {"forest_coverage", "pension_coverage"} <= codes


def test_haibei_gdp_2021_is_linked(seeded: Stack) -> None:
    with seeded.db.session() as session:
        rows = session.execute(
            select(ObservationRow, CatalogIndicator.code)
            .join(CatalogIndicator, CatalogIndicator.id == ObservationRow.indicator_id)
            .where(
                ObservationRow.region_code == "632200",
                ObservationRow.year == 2021,
                CatalogIndicator.code == "gdp",
            )
        ).all()
    assert [(r.value, r.unit, r.growth) for r, _code in rows] == [(100.4, "亿元", 3.2)]


def test_haiyan_status_lists_its_28_indicators(seeded: Stack) -> None:
    report = status(seeded.db, "海晏县")
    plan = [m for m in report.items if m.origin == "plan"]
    assert len(plan) == 28
    assert all(m.assessment.status for m in plan)
    assert {m.region.code for m in report.items} == {"632223"}
