"""Actual values from outside documents: checked row by row, applied all or nothing, with provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from planwatch.errors import ValidationError
from planwatch.services import observe, region_edit
from planwatch.store.tables import CatalogIndicator, ObservationRow
from tests.store.conftest import DEMO_ACTUALS, DEMO_REGIONS, Stack

HEADER = "指标,地区,年份,数值,单位,增速,定性,备注\n"


def entered(stack: Stack) -> list[ObservationRow]:
    with stack.db.session() as session:
        return list(
            session.scalars(
                select(ObservationRow).where(ObservationRow.document_id.is_(None)).order_by(ObservationRow.id)
            )
        )


def test_demo_actuals_import_once(stack: Stack) -> None:
    """GIVEN the demo regions WHEN demo/actuals.csv is imported twice THEN every row is added once."""
    region_edit.import_regions(stack.db, DEMO_REGIONS)
    first = observe.import_observations(stack.db, DEMO_ACTUALS, "tester")
    lines = len(DEMO_ACTUALS.read_text("utf-8").splitlines()) - 1
    assert (first.added, first.unchanged, first.errors) == (lines, 0, [])
    second = observe.import_observations(stack.db, DEMO_ACTUALS, "tester")
    assert (second.added, second.unchanged) == (0, lines)
    rows = entered(stack)
    assert len(rows) == lines
    row = rows[0]
    assert (row.source, row.source_file, row.source_row, row.entered_by) == (
        "import",
        str(DEMO_ACTUALS),
        2,
        "tester",
    )
    assert (row.subject, row.region, row.year, row.value, row.unit, row.growth) == (
        "地区生产总值",
        "星湖县",
        2021,
        96.2,
        "亿元",
        7.3,
    )
    assert row.entered_at is not None


def test_units_are_converted(stack: Stack, tmp_path: Path) -> None:
    """GIVEN 57900 万元 for an indicator kept in 亿元 WHEN imported THEN 5.79 亿元 is stored, 万元 remembered."""
    path = tmp_path / "a.csv"
    path.write_text(HEADER + "一般公共预算收入,海晏县,2023,57900,万元,,,\n", "utf-8")
    assert observe.import_observations(stack.db, path, None).added == 1
    (row,) = entered(stack)
    assert row.value == pytest.approx(5.79)
    assert (row.unit, row.extra) == ("亿元", {"entered": {"value": 57900.0, "unit": "万元"}})


def test_a_file_with_bad_rows_applies_nothing(stack: Stack, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        HEADER
        + "地区生产总值,海晏县,2023,45.2,亿元,4.1,,\n"  # good
        + "地区生产总量,海晏县,2023,45.2,亿元,,,\n"  # unknown indicator
        + "地区生产总值,白鹭市,2023,45.2,亿元,,,\n"  # unknown region
        + "地区生产总值,海晏县,二〇二三,45.2,亿元,,,\n"  # not a year
        + "地区生产总值,海晏县,2023,四十五,亿元,,,\n"  # not a number
        + "地区生产总值,海晏县,2023,45.2,%,,,\n"  # a unit of another dimension
        + "地区生产总值,海晏县,2023,,,,,\n",  # nothing at all
        "utf-8",
    )
    report = observe.import_observations(stack.db, path, None)
    assert report.added == 0 and entered(stack) == []
    messages = [str(e) for e in report.errors]
    assert [m.split(":")[1] for m in messages] == ["3", "4", "5", "6", "7", "8"]
    for needle, message in zip(
        ["unknown indicator '地区生产总量'", "unknown region '白鹭市'", "is not a year", "'四十五' is not a number",
         "unit % does not measure 地区生产总值", "no value"], messages, strict=True):  # fmt: skip
        assert needle in message and message.startswith("bad.csv:")
    assert "planwatch region add" in messages[1]  # what to do


def test_xlsx_with_english_headers(stack: Stack, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["indicator", "region", "year", "value", "unit", "growth", "note"])
    sheet.append(["GDP", "海北州", 2021, 100.4, "亿元", 3.2, "政府工作报告"])
    sheet.append(["森林覆盖率", "海晏县", "2022年", 11.74, None, None, None])
    path = tmp_path / "actuals.xlsx"
    book.save(path)
    report = observe.import_observations(stack.db, path, "tester")
    assert (report.added, report.errors) == (2, [])
    assert [(r.region_code, r.year, r.value, r.source_row, r.note) for r in entered(stack)] == [
        ("632200", 2021, 100.4, 2, "政府工作报告"), ("632223", 2022, 11.74, 3, None)]  # fmt: skip


def test_manual_observation(stack: Stack) -> None:
    raw = {"indicator": "白鹭河流域断面水质", "region": "海晏县", "year": 2023, "text": "Ⅱ类"}
    with pytest.raises(ValidationError, match="unknown indicator"):
        observe.observe(stack.db, raw, "tester")  # not in the catalogue until the plan is ingested
    raw = {"indicator": "森林覆盖率", "region": "海晏县", "year": 2023, "value": 11.74, "note": "林草局报送"}
    row_id, new = observe.observe(stack.db, raw, "tester")
    assert new and observe.observe(stack.db, raw, "tester") == (row_id, False)
    (row,) = entered(stack)
    with stack.db.session() as session:
        code = session.get(CatalogIndicator, row.indicator_id).code  # type: ignore[union-attr]
    assert (code, row.source, row.entered_by, row.note, row.value) == (
        "forest_coverage",
        "manual",
        "tester",
        "林草局报送",
        11.74,
    )


def test_judgements_in_text(stack: Stack, tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text(HEADER + "单位地区生产总值能源消耗降低,海晏县,2022,,,,完成,\n"
                    "单位地区生产总值能源消耗降低,海晏县,2023,,,,未完成,\n", "utf-8")  # fmt: skip
    assert observe.import_observations(stack.db, path, None).added == 2
    assert [(r.text, r.met) for r in entered(stack)] == [("完成", True), ("未完成", False)]
