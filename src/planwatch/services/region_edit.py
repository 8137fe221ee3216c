"""Editing regions: ``planwatch region add`` and ``planwatch region import FILE`` (name, level,
parent, optional code and aliases). An import applies every row or none; afterwards, documents
that named a place the database did not know yet are linked to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.errors import PlanWatchError, ValidationError
from planwatch.normalize.regions import Region
from planwatch.services.regions import RegionIndex, add_region
from planwatch.services.relink import relink_regions
from planwatch.services.tabular import read_rows
from planwatch.store.engine import Database

COLUMNS = {
    "名称": "name", "name": "name", "层级": "level", "级别": "level", "level": "level",
    "上级": "parent", "parent": "parent", "代码": "code", "code": "code", "别名": "aliases", "aliases": "aliases",
}  # fmt: skip


@dataclass
class RegionImport:
    """What a region import did."""

    added: list[Region] = field(default_factory=list)
    unchanged: list[Region] = field(default_factory=list)
    errors: list[ValidationError] = field(default_factory=list)
    documents_linked: int = 0


def add(db: Database, name: str, level: str, parent: str | None, code: str | None = None,
        aliases: Sequence[str] = ()) -> tuple[Region, bool, int]:  # fmt: skip
    """Add one custom region; (region, whether new, documents newly linked to a region)."""
    with db.transaction() as session:
        region, new = add_region(session, RegionIndex.load(session), name, level, parent, code, aliases)
    return region, new, relink_regions(db) if new else 0


def import_regions(db: Database, path: Path) -> RegionImport:
    """Add the regions of a CSV/XLSX file, parents before children as listed; all rows or none."""
    report = RegionImport()
    rows = read_rows(path, COLUMNS)
    try:
        _apply(db, path, rows, report)
    except _AbortError:
        report.added, report.unchanged = [], []
        return report
    report.documents_linked = relink_regions(db) if report.added else 0
    return report


def _apply(db: Database, path: Path, rows: list[tuple[int, dict[str, object]]], report: RegionImport) -> None:
    """Add the rows in one transaction; roll it back when any row is bad."""
    with db.transaction() as session:
        index = RegionIndex.load(session)
        for number, raw in rows:
            where = f"{path.name}:{number}"
            aliases = [
                a.strip() for a in str(raw.get("aliases") or "").replace("、", ";").split(";") if a.strip()
            ]
            try:
                region, new = add_region(session, index, str(raw.get("name") or ""), str(raw.get("level") or ""),
                                         str(raw.get("parent") or "") or None, str(raw.get("code") or "") or None, aliases)  # fmt: skip
            except PlanWatchError as exc:
                report.errors.append(ValidationError(exc.message, where=where, hint=exc.hint))
                continue
            (report.added if new else report.unchanged).append(region)
            if new:
                session.flush()
                index = RegionIndex.load(session)
        if report.errors:
            raise _AbortError


class _AbortError(Exception):
    """Raised inside the transaction to roll back an import with bad rows."""


def show(db: Database, name: str) -> tuple[Region, str, list[Region]]:
    """A region, its path from the province down, and its children."""
    with db.session() as session:
        index = RegionIndex.load(session)
    region = index.require(name)
    return region, index.path(region), index.gazetteer.children(region)
