"""render() and write(): one entry point for every format, the sample county behind the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from planwatch.errors import ValidationError
from planwatch.report import FORMATS, render, write
from planwatch.report.model import STATUS_ORDER, ReportData
from planwatch.report.sample import sample_report

MAGIC = {"docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "html": b"<!DOCTYPE html>", "pdf": b"%PDF-"}


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "html"])
def test_render_gives_bytes_of_the_format(annual: ReportData, fmt: str) -> None:
    assert render(annual, fmt).startswith(MAGIC[fmt])  # type: ignore[arg-type]


def test_write_creates_folders_and_the_file(annual: ReportData, tmp_path: Path) -> None:
    path = write(annual, "xlsx", tmp_path / "out" / "星湖县.xlsx")
    assert path.read_bytes().startswith(MAGIC["xlsx"])


def test_unknown_format_is_a_validation_error(annual: ReportData) -> None:
    with pytest.raises(ValidationError, match="unknown report format 'odt'"):
        render(annual, "odt")  # type: ignore[arg-type]
    assert set(FORMATS) == set(MAGIC)


def test_sample_county_covers_every_status_and_the_brief(annual: ReportData) -> None:
    assert set(annual.counts()) == set(STATUS_ORDER) and all(annual.counts().values())
    assert 25 <= len(annual.indicators) <= 30
    assert len(annual.units) == 8 and len(annual.projects) == 10
    assert all(row.sources for row in annual.indicators)
    assert annual.plan_period == (2021, 2025) and annual.region == "星湖县" and annual.year == 2023
    assert any(row.reasons for row in annual.lagging())


def test_sample_can_grow_for_benchmarks() -> None:
    data = sample_report("annual", region="云岭县", indicators=60)
    names = [row.name for row in data.indicators]
    assert len(names) == 60 == len(set(names))
    assert data.title.startswith("云岭县2023年") and data.plan_title and data.plan_title.startswith("云岭县")
    assert sample_report("final").year == 2025
