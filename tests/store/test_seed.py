"""Seeded data: the gazetteer's regions and the indicator catalogue, synced when their sources change."""

from __future__ import annotations

from sqlalchemy import func, select

from planwatch.catalog import load_catalogue
from planwatch.normalize.regions import Gazetteer
from planwatch.store import seed
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.tables import CatalogIndicator, CatalogSynonym, RegionRow
from tests.store.conftest import Stack


def test_every_gazetteer_region_is_loaded(stack: Stack) -> None:
    with stack.db.session() as session:
        assert session.scalar(select(func.count()).select_from(RegionRow)) == 3217
        haiyan = session.get(RegionRow, "632223")
        assert haiyan is not None
        assert (haiyan.name, haiyan.level, haiyan.parent_code) == ("海晏县", "county", "632200")


def test_catalogue_is_loaded_with_rate_links(stack: Stack) -> None:
    entries, _digest = load_catalogue()
    with stack.db.session() as session:
        rows = {r.code: r for r in session.scalars(select(CatalogIndicator))}
        assert len(rows) == len(entries)
        assert rows["gdp_growth"].rate_of_id == rows["gdp"].id
        synonyms = set(
            session.scalars(
                select(CatalogSynonym.synonym).where(CatalogSynonym.indicator_id == rows["gdp"].id)
            )
        )
        assert {
            "地区生产总值",
            "生产总值",
            "经济总量",
        } <= synonyms  # GDP, 全州完成… normalise to 地区生产总值
        for name in ("GDP", "全州完成地区生产总值", "gdp"):
            found = catalog_repo.get(session, name)
            assert found is not None and found.code == "gdp", name


def test_sync_runs_only_when_the_source_changed(stack: Stack) -> None:
    entries, digest = load_catalogue()
    with stack.db.transaction() as session:
        assert seed.sync_regions(session, Gazetteer.load().all()) == 0
        assert seed.sync_catalogue(session, entries, digest) == 0
        assert seed.sync_catalogue(session, entries, "changed") == len(entries)
