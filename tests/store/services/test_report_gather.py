"""Reports from the store: every number in the generated files equals the monitor's for that region and year."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pytest

from planwatch.report import render
from planwatch.report.gather import gather
from planwatch.report.model import STATUS_LABELS
from planwatch.services import observe, region_edit
from planwatch.services.monitoring import status
from tests.conftest import DEMO
from tests.store.conftest import DEMO_ACTUALS, DEMO_REGIONS, Stack, extracted


@pytest.fixture
def demo(stack: Stack) -> Stack:
    region_edit.import_regions(stack.db, DEMO_REGIONS)
    for path in sorted(DEMO.iterdir()):
        stack.store(extracted(path))
    assert observe.import_observations(stack.db, DEMO_ACTUALS, "demo").errors == []
    return stack


def test_gathered_report_matches_the_monitor(demo: Stack) -> None:
    """GIVEN the demo database WHEN the 2023 report of 星湖县 is gathered THEN each row carries the monitor's
    verdict, the plan's baseline and target, and sources quoting the documents."""
    data = gather(demo.db, "星湖县", 2023)
    monitor = {m.name: m for m in status(demo.db, "星湖县", 2023, plan_only=True).items}
    assert data.year == 2023 and data.region == "星湖县"
    assert {r.name for r in data.indicators} == set(monitor)
    for row in data.indicators:
        m = monitor[row.name]
        assert row.status == m.assessment.status.value
        assert row.progress == m.assessment.progress
        assert row.baseline == m.goal.baseline
        assert row.sources and row.sources[0].quote  # the plan row's evidence
    forest = next(r for r in data.indicators if r.name == "森林覆盖率")
    assert (forest.actual, forest.actual_year, forest.status) == (19.75, 2023, "on_track")
    assert any("2023" in s.label for s in forest.sources)
    assert sum(data.counts().values()) == len(data.indicators)
    assert len(data.units) > 5 and data.projects


def test_docx_and_xlsx_show_the_monitor_numbers(demo: Stack, tmp_path: Path) -> None:
    data = gather(demo.db, "星湖县", 2023)
    book = openpyxl.load_workbook(io.BytesIO(render(data, "xlsx")))
    sheet = book.worksheets[0]
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None}
    for row in data.indicators:
        assert row.name in cells
        assert row.status_label in cells
    document = docx.Document(io.BytesIO(render(data, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    table_text = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    counts = data.counts()
    for key, label in STATUS_LABELS.items():
        if counts[key]:
            assert f"{label}{counts[key]}项" in text.replace(" ", "")
    forest = next(r for r in data.indicators if r.name == "森林覆盖率")
    assert "19.75" in table_text and forest.target_text and forest.target_text in table_text
