"""Reporting periods: codes, labels, bounds, due dates — and parse(label(code)) == code for every period."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planwatch.errors import ValidationError
from planwatch.workflow import periods
from planwatch.workflow.periods import PeriodKind

DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31))


@pytest.mark.parametrize(
    ("kind", "day", "code", "label", "first", "last"),
    [
        (PeriodKind.MONTHLY, date(2026, 7, 15), "2026M07", "2026年7月", date(2026, 7, 1), date(2026, 7, 31)),
        (
            PeriodKind.QUARTERLY,
            date(2026, 8, 1),
            "2026Q3",
            "2026年第三季度",
            date(2026, 7, 1),
            date(2026, 9, 30),
        ),
        (
            PeriodKind.HALF_YEARLY,
            date(2026, 6, 30),
            "2026H1",
            "2026年上半年",
            date(2026, 1, 1),
            date(2026, 6, 30),
        ),
        (PeriodKind.YEARLY, date(2024, 2, 29), "2024", "2024年度", date(2024, 1, 1), date(2024, 12, 31)),
        (PeriodKind.MONTHLY, date(2024, 2, 10), "2024M02", "2024年2月", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_period_of_a_day(kind: PeriodKind, day: date, code: str, label: str, first: date, last: date) -> None:
    assert periods.period_of(kind, day) == code
    assert periods.label(code) == label
    assert periods.bounds(code) == (first, last)
    assert periods.kind_of(code) is kind


@pytest.mark.parametrize(
    ("text", "code"),
    [("2026Q3", "2026Q3"), ("2026年第三季度", "2026Q3"), ("2026年三季度", "2026Q3"), ("2026 q3", "2026Q3"),
     ("2026年3季度", "2026Q3"), ("2026年9月", "2026M09"), ("2026-09", "2026M09"), ("2026年上半年", "2026H1"),
     ("2026年下半年", "2026H2"), ("2026年度", "2026"), ("2026年", "2026"), ("２０２６年第一季度", "2026Q1")],
)  # fmt: skip
def test_parse_reads_codes_and_labels(text: str, code: str) -> None:
    assert periods.parse(text) == code


@pytest.mark.parametrize("text", ["", "2026Q5", "2026M13", "三季度", "2026年第五季度", "next quarter"])
def test_parse_refuses_what_is_not_a_period(text: str) -> None:
    with pytest.raises(ValidationError, match="报送期"):
        periods.parse(text)


def test_due_date_is_the_last_day_plus_grace() -> None:
    assert periods.due_date("2026Q3", 10) == date(2026, 10, 10)
    assert periods.due_date("2026", 0) == date(2026, 12, 31)


def test_periods_between_cover_the_span() -> None:
    assert periods.periods_between(PeriodKind.QUARTERLY, date(2026, 2, 1), date(2026, 11, 27)) == [
        "2026Q1", "2026Q2", "2026Q3", "2026Q4"]  # fmt: skip
    assert periods.periods_between(PeriodKind.YEARLY, date(2026, 5, 1), date(2026, 1, 1)) == []


@given(kind=st.sampled_from(list(PeriodKind)), day=DAYS)
def test_round_trips(kind: PeriodKind, day: date) -> None:
    """parse(label(code)) == parse(code) == code; the period holds the day; the next one starts the day after."""
    code = periods.period_of(kind, day)
    assert periods.parse(periods.label(code)) == periods.parse(code) == code
    first, last = periods.bounds(code)
    assert first <= day <= last
    following = periods.next_period(code)
    assert (periods.bounds(following)[0] - last).days == 1 and periods.kind_of(following) is kind
