"""Fact models ↔ rows: the table columns come from the fact models, and a stored fact reads back equal."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import inspect, select

from planwatch.model.facts import FACT_TYPES, CellValue, Evidence, Growth, Heading, Indicator, TargetValue
from planwatch.store.flatten import columns_of, flatten, unflatten
from planwatch.store.tables import FACT_TABLES
from tests.conftest import DEMO
from tests.store.conftest import Stack, extracted

MODELS: dict[str, type[BaseModel]] = {**FACT_TYPES, "outline": Heading}


@pytest.mark.parametrize("name", sorted(FACT_TABLES))
def test_table_columns_cover_the_fact_model(name: str) -> None:
    columns = {c.key for c in inspect(FACT_TABLES[name]).columns}
    assert set(columns_of(MODELS[name])) <= columns


def test_flatten_keeps_extra_keys() -> None:
    """GIVEN a row with a key the model lacks (growth.qualifier) WHEN flattened and back THEN it is kept."""
    row = Indicator.model_validate({
        "seq": 1, "name": "地区生产总值增长率", "unit": "%", "baseline": CellValue(year=2020, text="2.0", value=2.0),
        "target": TargetValue(year=2025, text="-"), "growth": Growth.model_validate({"text": "5左右", "value": 5.0, "qualifier": "about"}),
        "evidence": Evidence(start=3, end=9, quote="地区生产总值"), "table": "主要指标",
    })  # fmt: skip
    flat = flatten(row)
    assert flat["growth_value"] == 5.0
    assert flat["extra"] == {"table": "主要指标", "growth": {"qualifier": "about"}}
    assert unflatten(Indicator, flat).model_dump() == row.model_dump()


def test_stored_facts_read_back_as_extracted(stack: Stack) -> None:
    """GIVEN the demo plan stored WHEN its rows are read back THEN they equal the extracted facts."""
    ex = extracted(DEMO / "xinghu_plan.txt")
    doc_id = stack.store(ex).document_id
    with stack.db.session() as session:
        for name, table in FACT_TABLES.items():
            t: Any = table
            rows = session.scalars(select(t).where(t.document_id == doc_id).order_by(t.ordinal)).all()
            fields = [*columns_of(MODELS[name]), "extra"]
            back = [unflatten(MODELS[name], {f: getattr(r, f) for f in fields}).model_dump() for r in rows]
            assert back == [f.model_dump() for f in getattr(ex.facts, name)], name
