"""What a printed cell must say for a ReportData value, written independently of the renderers."""

from __future__ import annotations

import re

import pytest

from planwatch.report.model import STATUS_LABELS, IndicatorRow, ReportData

ATTRIBUTES = {"binding": "约束性", "expected": "预期性", None: "—"}
HEADINGS = ("总体情况", "主要指标完成情况", "需要关注的指标", "重点任务推进情况", "重点项目推进情况")


def flat(text: str) -> str:
    """Text without whitespace (PDF extraction and layouts add spaces and line breaks)."""
    return re.sub(r"\s+", "", text)


def number(cell: str) -> float:
    """The leading number of a cell: "78.5（2022年）" → 78.5, "55.6%" → 55.6."""
    match = re.match(r"-?\d+(?:\.\d+)?", cell)
    assert match, f"no number in {cell!r}"
    return float(match.group())


def check_indicator_row(cells: list[str], row: IndicatorRow, year: int) -> None:
    """序号, 指标, 单位, 属性, 基期值, 目标值, 实际值, 进度, 状态 against the row's values."""
    _, name, unit, attribute, baseline, target, actual, progress, status = cells
    assert name == row.name
    assert unit == (row.unit or "—")
    assert attribute == ATTRIBUTES[row.attribute]
    if row.baseline is None:
        assert baseline == (row.baseline_text or "—")
    else:
        assert number(baseline) == pytest.approx(row.baseline)
    if row.target_text:
        assert target == row.target_text
    else:
        assert number(target) == pytest.approx(row.target)
    if row.actual is not None:
        assert number(actual) == pytest.approx(row.actual)
    else:
        assert actual.startswith(row.actual_text or "—")
    if row.actual_year is not None and row.actual_year != year and actual != "—":
        assert f"{row.actual_year}年" in actual
    if row.progress is None:
        assert progress == "—"
    else:
        assert number(progress) == pytest.approx(row.progress * 100, abs=0.05)
    assert status == STATUS_LABELS[row.status]


def check_counts_sentence(text: str, data: ReportData) -> None:
    """纳入监测的N项主要指标中，已实现a项，… : every status with its count (absent means 0)."""
    head, _, _ = text.partition("。")
    assert f"纳入监测的{len(data.indicators)}项主要指标中" in head
    for status, n in data.counts().items():
        found = re.search(STATUS_LABELS[status] + r"(\d+)项", head)
        assert (int(found.group(1)) if found else 0) == n, status
