"""Linking again after the reference data changed: the catalogue (new entries or synonyms) or the
regions (a custom region added for a place documents already named)."""

from __future__ import annotations

from planwatch.services.linking import Linker
from planwatch.services.regions import RegionIndex
from planwatch.store.engine import Database
from planwatch.store.repo import facts as facts_repo
from planwatch.store.repo import regions as regions_repo
from planwatch.store.tables import IndicatorRow, ObservationRow, TargetRow


def relink_catalogue(db: Database) -> int:
    """Match every automatically linked fact of current documents again; the number of links changed."""
    changed = 0
    with db.transaction() as session:
        linker = Linker(session)
        for row in facts_repo.relinkable(session, IndicatorRow):
            found = linker.matcher.match(row.name, row.unit)
            if found is not None and (found.id, found.method) != (row.indicator_id, row.link_method):
                row.indicator_id, row.link_method = found.id, found.method
                changed += 1
        for table in (TargetRow, ObservationRow):
            for fact in facts_repo.relinkable(session, table):
                name = fact.subject
                indicator_id, method = linker.link(name, fact.unit)
                if (indicator_id, method) != (fact.indicator_id, fact.link_method):
                    fact.indicator_id, fact.link_method = indicator_id, method
                    changed += 1
    return changed


def relink_regions(db: Database) -> int:
    """Give documents (and their facts) the region they name, where it was unknown; the number linked."""
    linked = 0
    with db.transaction() as session:
        index = RegionIndex.load(session)
        for doc in regions_repo.documents_without_region(session):
            region = index.resolve(doc.region_text)
            if region is None:
                continue
            regions_repo.set_document_region(session, doc.id, region.code, [IndicatorRow, TargetRow])
            for obs in session.query(ObservationRow).filter(ObservationRow.document_id == doc.id):
                place = index.resolve_in_text(obs.region, region)
                obs.region_code = obs.region_code or (place.code if place else None)
            linked += 1
    return linked
