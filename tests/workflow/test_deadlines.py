"""完成时限 as written → a date (or ongoing), as the demo's and the seeds' task tables write them."""

from __future__ import annotations

from datetime import date

import pytest

from planwatch.workflow.deadlines import parse_deadline


@pytest.mark.parametrize(
    ("text", "due", "source"),
    [("2025年", date(2025, 12, 31), "written"), ("2024年底前", date(2024, 12, 31), "written"),
     ("2023年6月底前", date(2023, 6, 30), "written"), ("2023年2月", date(2023, 2, 28), "written"),
     ("2022年上半年", date(2022, 6, 30), "written"), ("2022年第三季度", date(2022, 9, 30), "written"),
     ("2021-2025年", date(2025, 12, 31), "written"), ("2024年10月15日前", date(2024, 10, 15), "written"),
     ("二〇二五年底", date(2025, 12, 31), "written"), ("“十四五”期间", date(2025, 12, 31), "written"),
     ("长期坚持", None, "ongoing"), ("持续推进", None, "ongoing"), ("2024年十二月", date(2024, 12, 31), "written")],
)  # fmt: skip
def test_written_time_limits(text: str, due: date | None, source: str) -> None:
    found = parse_deadline(text, 2025)
    assert (found.due, found.source) == (due, source)


def test_no_time_limit_takes_the_plan_end() -> None:
    assert parse_deadline(None, 2025).due == date(2025, 12, 31)
    assert parse_deadline("", 2025).source == "plan_end"
    assert parse_deadline("按要求", None).source == "none"
    assert parse_deadline("长期坚持", 2025).ongoing
