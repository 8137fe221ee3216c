"""Wording and layout helpers shared by every format: numbering, sentences from counts, column widths."""

from __future__ import annotations

import dataclasses

import pytest

from planwatch.report.model import ReportData
from planwatch.report.text import chinese_number, conclusion, marker, period_sentence
from planwatch.report.widths import fit, text_width


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (99, "九十九")],
)
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_chinese_numbers_out_of_range() -> None:
    with pytest.raises(ValueError, match="out of range"):
        chinese_number(100)


def test_markers_follow_gbt9704() -> None:
    assert [marker(level, 3) for level in (1, 2, 3, 4)] == ["三、", "（三）", "3.", "（3）"]


def test_period_sentence_states_the_time_elapsed_view(annual: ReportData) -> None:
    assert "实施的第三年（规划期2021—2025年）" in period_sentence(annual)
    assert "应完成规划目标的60%" in period_sentence(annual)


def test_conclusion_from_counts(midterm: ReportData) -> None:
    """GIVEN 26 indicators (1 achieved, 13 on track, 2 without data, 1 not assessable)
    THEN 14 of the 23 judgeable are good (61%): 基本符合预期, and the 9 lagging are named."""
    text = conclusion(midterm)
    assert text.startswith(
        "中期评估认为，26项主要指标中，已实现1项，正常推进13项，合计占可评估指标的61%，规划实施基本符合预期。"
    )
    assert "等共9项指标进度滞后，需在规划后半程重点推进" in text
    assert text.endswith("2项指标暂无数据，需完善统计监测。")
    final = conclusion(dataclasses.replace(midterm, kind="final"))
    assert final.startswith("终期评估认为") and "下一个规划期" in final


def test_text_width_counts_cjk_as_one_and_ascii_as_less() -> None:
    assert text_width("森林") == 2
    assert text_width("11.75") == pytest.approx(3.0)


def test_widths_fill_the_page_and_keep_short_columns_whole() -> None:
    header = ("序号", "指标", "状态")
    rows = [("1", "研究与试验发展经费投入强度" * 3, "正常推进")]
    widths = fit(header, rows, total_mm=60, font_pt=9, padding_mm=2)
    assert sum(widths) == pytest.approx(60)
    char = 9 * 25.4 / 72
    assert widths[2] >= 4 * char + 2 - 1e-9  # 正常推进 never wraps
    assert widths[1] == max(widths)


def test_widths_spread_spare_room_when_everything_fits() -> None:
    widths = fit(("a", "b"), [("x", "yy")], total_mm=100, font_pt=9)
    assert sum(widths) == pytest.approx(100) and widths[1] > widths[0]
