"""The report's tables declared once: headers, the cell as printed, the typed cell for spreadsheets.

DOCX, HTML and XLSX all derive their tables from these lists, so a header or a cell format changes
in one place. Spreadsheets carry more columns than documents (years, the plan's wording, the
monitor's sentence); ``document=False`` keeps those out of the printed tables.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from planwatch.report.model import IndicatorRow, ProjectRow, Source, UnitRow
from planwatch.report.scorecard import task_rate
from planwatch.report.text import (
    NONE,
    actual_cell,
    attribute_cell,
    baseline_cell,
    percent,
    target_cell,
)

T = TypeVar("T")
Cell = str | float | int | None


@dataclass(frozen=True)
class Column(Generic[T]):
    """One table column: its header, how a row prints, and (optionally) its typed spreadsheet value."""

    header: str
    text: Callable[[T], str]
    value: Callable[[T], Cell] | None = None
    group: str | None = None  # upper header of a two-level spreadsheet header
    width: float = 10.0  # spreadsheet characters; documents scale these to the page
    number_format: str | None = None
    centred: bool = False  # centred in printed tables (numbers, units, statuses)
    document: bool = True  # printed in DOCX/HTML tables too
    doc_header: str | None = None  # header in documents, when it differs

    def cell(self, row: T) -> Cell:
        """The spreadsheet value of ``row`` in this column."""
        return self.value(row) if self.value is not None else self.text(row)

    @property
    def title(self) -> str:
        """Header in documents."""
        return self.doc_header or self.header


def documented(columns: Sequence[Column[T]]) -> list[Column[T]]:
    """The columns printed in documents."""
    return [c for c in columns if c.document]


def _n(x: float | int | None) -> str:
    return NONE if x is None else f"{x:g}"


def count(header: str, get: Callable[[T], int], group: str, *, document: bool = True) -> Column[T]:
    """An integer column (task and report counts)."""
    return Column(
        header, lambda r: str(get(r)), get, group, max(7.0, 2.2 * len(header) + 2), "0", True, document
    )


def indicator_columns(year: int) -> list[Column[IndicatorRow]]:
    """主要指标 table: 指标, 单位, 属性, 基期值, 目标值, 实际值(year), 进度, 状态 (+ spreadsheet extras)."""
    now = f"{year}年"

    def actual(r: IndicatorRow) -> Cell:
        return r.actual if r.actual is not None else r.actual_text

    def baseline(r: IndicatorRow) -> Cell:
        return r.baseline if r.baseline is not None else r.baseline_text

    return [
        Column("指标", lambda r: r.name, width=34),
        Column("单位", lambda r: r.unit or NONE, width=10, centred=True),
        Column("属性", attribute_cell, width=8, centred=True),
        Column("年份", lambda r: _n(r.baseline_year), lambda r: r.baseline_year, "基期", 7, "0", True, False),
        Column("基期值", baseline_cell, baseline, "基期", 10, "General", centred=True),
        Column("年份", lambda r: _n(r.target_year), lambda r: r.target_year, "目标", 7, "0", True, False),
        Column("目标值", target_cell, lambda r: r.target, "目标", 10, "General", centred=True),
        Column("规划表述", lambda r: r.target_text or NONE, group="目标", width=18, document=False),
        Column(
            "实际值",
            lambda r: actual_cell(r, year),
            actual,
            now,
            10,
            "General",
            True,
            doc_header=f"实际值（{now}）",
        ),
        Column("数据年份", lambda r: _n(r.actual_year), lambda r: r.actual_year, now, 9, "0", True, False),
        Column("进度", lambda r: percent(r.progress), lambda r: r.progress, now, 9, "0.0%", centred=True),
        Column(
            "时序进度",
            lambda r: percent(r.expected_progress),
            lambda r: r.expected_progress,
            now,
            9,
            "0.0%",
            True,
            False,
        ),
        Column("状态", lambda r: r.status_label, width=10, centred=True),
        Column("年均增速", lambda r: r.pace or NONE, width=22, document=False),
        Column("监测说明", lambda r: r.explanation, width=48, document=False),
    ]


UNIT_COLUMNS: list[Column[UnitRow]] = [
    Column("责任单位", lambda u: u.unit, width=24),
    count("牵头", lambda u: u.led, "重点任务"),
    count("配合", lambda u: u.shared, "重点任务"),
    count("已完成", lambda u: u.completed, "重点任务"),
    count("按期完成", lambda u: u.completed_on_time, "重点任务"),
    count("逾期", lambda u: u.overdue, "重点任务"),
    Column("按期完成率", lambda u: percent(task_rate(u)), task_rate, "重点任务", 11, "0.0%", True),
    count("按时", lambda u: u.reports_on_time, "进展报送", document=False),
    count("迟报", lambda u: u.reports_late, "进展报送", document=False),
    count("退回", lambda u: u.reports_returned, "进展报送", document=False),
]

PROJECT_COLUMNS: list[Column[ProjectRow]] = [
    Column("专栏", lambda p: p.box or NONE, width=26),
    Column("类别", lambda p: p.group or NONE, width=10, centred=True),
    Column("项目名称", lambda p: p.name, width=40),
    Column("推进情况", lambda p: p.status or "未报送", width=12, centred=True),
]

SOURCE_COLUMNS: list[Column[Source]] = [
    Column("数据项", lambda s: s.label, width=30),
    Column("来源文件", lambda s: s.document, width=40),
    Column("原文摘录", lambda s: s.quote, width=60),
    Column("位置", lambda s: s.locator or NONE, width=14),
]
