"""Writing a document's facts: one table per fact type, each row with its region and catalogue link."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from planwatch.model.facts import Facts
from planwatch.normalize.regions import Region
from planwatch.services.govunits import UnitRegistry
from planwatch.services.linking import Linker, fact_key
from planwatch.services.regions import RegionIndex
from planwatch.store.flatten import flatten
from planwatch.store.repo.facts import insert_rows, insert_rows_returning, manual_links
from planwatch.store.tables import FACT_TABLES, DocumentRow, TaskUnit

_YEAR = re.compile(r"^(\d{4})年?$")


def _rows(doc: DocumentRow, region: Region | None, facts: list[Any]) -> list[dict[str, Any]]:
    """Flattened facts with their document, position and region."""
    code = region.code if region else None
    return [
        {**flatten(f), "document_id": doc.id, "ordinal": i, "region_code": code} for i, f in enumerate(facts)
    ]


def year_of(period: str | None) -> int | None:
    """The year of an annual period ("2021"); None for half years, quarters and spans."""
    m = _YEAR.match(period.strip()) if period else None
    return int(m.group(1)) if m else None


def write_facts(
    session: Session, index: RegionIndex, doc: DocumentRow, region: Region | None, facts: Facts
) -> tuple[tuple[str, int], ...]:
    """Insert every fact of a document; the number of rows per fact type."""
    linker = Linker(session)
    rows = {name: _rows(doc, region, getattr(facts, name)) for name in FACT_TABLES}
    keys = _keys(doc.logical_key, facts)
    manual = manual_links(session, [k for ks in keys.values() for k in ks])
    for row, f, key in zip(rows["indicators"], facts.indicators, keys["indicators"], strict=True):
        row["fact_key"] = key
        row["indicator_id"], row["link_method"] = linker.link_row(f.name, f.unit, manual.get(key))
    for row, t, key in zip(rows["targets"], facts.targets, keys["targets"], strict=True):
        row["fact_key"] = key
        row["indicator_id"], row["link_method"] = linker.link(t.subject, t.unit, manual.get(key))
    for row, o, key in zip(rows["observations"], facts.observations, keys["observations"], strict=True):
        place = index.resolve_in_text(o.region, region)
        row.update(
            fact_key=key, region_code=place.code if place else None, year=year_of(o.period), source="document"
        )
        row["indicator_id"], row["link_method"] = linker.link(o.subject, o.unit, manual.get(key))
    for name, table in FACT_TABLES.items():
        if name == "tasks":
            _assign_units(session, index, region, facts, insert_rows_returning(session, table, rows[name]))
        else:
            insert_rows(session, table, rows[name])
    return tuple((name, len(rows[name])) for name in FACT_TABLES)


def _keys(logical_key: str, facts: Facts) -> dict[str, list[str]]:
    """Stable identities of the matchable facts (document key, type, normalised name, value)."""
    return {
        "indicators": [
            fact_key(logical_key, "indicators", f.name, f.target.value, f.target.text)
            for f in facts.indicators
        ],
        "targets": [
            fact_key(logical_key, "targets", t.subject, t.value, t.low, t.high, t.year) for t in facts.targets
        ],
        "observations": [
            fact_key(logical_key, "observations", o.subject, o.value, o.growth, o.region, o.period)
            for o in facts.observations
        ],
    }


def _assign_units(
    session: Session, index: RegionIndex, region: Region | None, facts: Facts, ids: list[int]
) -> None:
    """Register the lead and responsible units of each task and record the assignments."""
    registry = UnitRegistry(session, index)
    links: list[dict[str, Any]] = []
    for task, task_id in zip(facts.tasks, ids, strict=True):
        for role, names in (("lead", task.lead_units), ("responsible", task.responsible_units)):
            seen: set[int] = set()
            for position, written in enumerate(names):
                unit_id = registry.unit_for(written, region)
                if unit_id not in seen:
                    seen.add(unit_id)
                    links.append({"task_id": task_id, "role": role, "position": position, "unit_id": unit_id})
    if links:
        session.execute(insert(TaskUnit), links)
