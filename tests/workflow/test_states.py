"""Report states and progress statuses: labels, parsing, the percentage check."""

from __future__ import annotations

import pytest

from planwatch.errors import ValidationError
from planwatch.workflow.states import Progress, ReportState, check_percent, parse_progress


@pytest.mark.parametrize(("text", "progress"), [("未启动", Progress.NOT_STARTED), ("推进中", Progress.IN_PROGRESS),
                                                ("已完成", Progress.COMPLETED), ("滞后", Progress.LAGGING),
                                                ("in_progress", Progress.IN_PROGRESS), (" 完成 ", Progress.COMPLETED)])  # fmt: skip
def test_parse_progress(text: str, progress: Progress) -> None:
    assert parse_progress(text) is progress


def test_unknown_status_says_what_to_write() -> None:
    with pytest.raises(ValidationError, match="状态") as info:
        parse_progress("差不多")
    assert "未启动、推进中、已完成 或 滞后" in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"), [(0, 0.0), ("55", 55.0), ("60%", 60.0), (100, 100.0), (33.333, 33.3)]
)
def test_percent(value: object, expected: float) -> None:
    assert check_percent(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, "", "abc", -1, 101, float("nan"), "1e400"])
def test_bad_percent(value: object) -> None:
    with pytest.raises(ValidationError, match="完成比例"):
        check_percent(value)  # type: ignore[arg-type]


def test_only_approved_reports_are_locked() -> None:
    assert [s.editable for s in ReportState] == [True, False, True]
    assert ReportState.RETURNED.label == "已退回"
