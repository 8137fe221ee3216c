"""Actual values from outside documents: ``planwatch observe`` (one figure) and
``planwatch import-observations`` (a CSV or XLSX file), with provenance (file, row, user, time).

Every row is checked — a known indicator and region, a year, numbers that are numbers, a unit of the
indicator's dimension (converted when it differs, 万元 → 亿元) — and a file with any bad row applies
nothing: all rows are written in one transaction, or none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from planwatch.errors import PlanWatchError, ValidationError
from planwatch.services.actuals import factor
from planwatch.services.regions import RegionIndex
from planwatch.services.tabular import read_rows
from planwatch.services.values import judgement, number, year_of_cell
from planwatch.store.base import utcnow
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.repo import observations as repo

COLUMNS = {
    "指标": "indicator", "indicator": "indicator", "地区": "region", "region": "region",
    "年份": "year", "year": "year", "期间": "year", "period": "year", "数值": "value", "value": "value",
    "单位": "unit", "unit": "unit", "增速": "growth", "增长": "growth", "growth": "growth",
    "定性": "text", "定性结果": "text", "text": "text", "备注": "note", "note": "note",
}  # fmt: skip


@dataclass
class ImportReport:
    """What an import did, or why it did nothing."""

    path: str
    added: int = 0
    unchanged: int = 0
    errors: list[ValidationError] = field(default_factory=list)


def check(session: Session, index: RegionIndex, raw: dict[str, Any], where: str) -> dict[str, Any]:
    """The observation a row describes, ready to store; ValidationError naming ``where`` otherwise."""
    name = str(raw.get("indicator") or "").strip()
    entry = catalog_repo.get(session, name) if name else None
    if entry is None:
        raise ValidationError(f"unknown indicator {name!r}", where=where,
                              hint="use a name, synonym or code from `planwatch catalog list`")  # fmt: skip
    try:
        region = index.require(str(raw.get("region") or "").strip())
    except PlanWatchError as exc:
        raise ValidationError(exc.message, where=where, hint=exc.hint) from exc
    year = year_of_cell(raw.get("year"), where)
    value, growth = number(raw.get("value"), "value", where), number(raw.get("growth"), "growth", where)
    text = str(raw.get("text") or "").strip() or None
    if value is None and growth is None and text is None:
        raise ValidationError(
            "no value, growth or 定性 text", where=where, hint="fill in 数值 (or 增速 / 定性)"
        )
    unit = str(raw.get("unit") or "").strip() or None
    extra = None
    if unit and entry.unit and unit != entry.unit:
        f = factor(unit, entry.unit)
        if f is None:
            raise ValidationError(f"unit {unit} does not measure {entry.name} (kept in {entry.unit})", where=where,
                                  hint=f"give the value in {entry.unit} or a unit convertible to it")  # fmt: skip
        extra, value = {"entered": {"value": value, "unit": unit}}, None if value is None else value * f
    return {
        "indicator_id": entry.id, "region_code": region.code, "year": year, "period": str(year), "value": value,
        "unit": entry.unit or unit, "growth": growth, "text": text, "met": judgement(text), "subject": entry.name,
        "region": region.name, "note": str(raw.get("note") or "").strip() or None, "extra": extra, "link_method": "manual",
    }  # fmt: skip


def _save(session: Session, values: dict[str, Any]) -> bool:
    """Store an observation unless the same figures are already entered; True when added."""
    if repo.find_same(session, values) is not None:
        return False
    repo.add(session, {**values, "entered_at": utcnow()})
    return True


def observe(db: Database, raw: dict[str, Any], user: str | None) -> tuple[int, bool]:
    """Enter one observation by hand; (row id, whether it was new)."""
    with db.transaction() as session:
        values = check(session, RegionIndex.load(session), raw, "observe")
        values.update(source="manual", entered_by=user)
        added = _save(session, values)
        same = repo.find_same(session, values)
        assert same is not None
        return same.id, added


def import_observations(db: Database, path: Path, user: str | None) -> ImportReport:
    """Import a CSV/XLSX file of observations: every row valid, or nothing applied."""
    report = ImportReport(str(path))
    rows = read_rows(path, COLUMNS)
    checked = []
    with db.session() as session:
        index = RegionIndex.load(session)
        for number_, raw in rows:
            try:
                checked.append((number_, check(session, index, raw, f"{path.name}:{number_}")))
            except ValidationError as exc:
                report.errors.append(exc)
    if report.errors:
        return report
    with db.transaction() as session:
        for number_, values in checked:
            values.update(source="import", source_file=str(path), source_row=number_, entered_by=user)
            if _save(session, values):
                report.added += 1
            else:
                report.unchanged += 1
    return report
