"""Department scores: each part, the rescaling when a part is missing, deductions, ties and weights as data."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from planwatch.errors import ValidationError
from planwatch.report.model import UnitRow
from planwatch.report.scorecard import DEFAULT_WEIGHTS, Weights, rank, score

DOCS = Path(__file__).resolve().parents[2] / "docs" / "reports.md"

# 16 completed (12 on time) + 4 overdue; reports 9 on time, 1 late, 2 returned; indicators 1/1/2 + 1 unjudgeable
BUSY = UnitRow(
    "县发展和改革局", led=10, shared=10, completed=16, completed_on_time=12, overdue=4,
    reports_on_time=9, reports_late=1, reports_returned=2,
    indicators_by_status={"achieved": 1, "on_track": 1, "at_risk": 2, "not_assessable": 1},
)  # fmt: skip
NO_INDICATORS = UnitRow(
    "县财政局", led=3, shared=2, completed=5, completed_on_time=5, overdue=0, reports_on_time=4
)
IDLE = UnitRow("县档案馆", led=0, shared=0, completed=0, completed_on_time=0, overdue=0)


def test_worked_example_every_part() -> None:
    """GIVEN the default weights (50/20/30, 1 point per overdue task, 0.5 per returned report)
    WHEN a unit with 60% on time, 90% reports on time and indicators worth 0.75 is scored
    THEN 50·0.6 + 20·0.9 + 30·0.75 = 70.5, minus 4·1 + 2·0.5 = 5, gives 65.5."""
    s = score(BUSY)
    assert (s.tasks, s.reports, s.indicators) == (pytest.approx(0.6), pytest.approx(0.9), pytest.approx(0.75))
    assert s.penalty == 5.0
    assert s.unit.score == 65.5


def test_missing_part_is_left_out_and_weights_rescaled() -> None:
    """A unit leading no indicator is judged on tasks and reports alone: (50·1 + 20·1) / 70 = 100."""
    s = score(NO_INDICATORS)
    assert s.indicators is None
    assert s.unit.score == 100.0


def test_nothing_to_judge_gives_no_score_and_no_rank() -> None:
    ranked = rank([IDLE, BUSY])
    assert [(r.unit.unit, r.unit.score, r.unit.rank) for r in ranked] == [
        ("县发展和改革局", 65.5, 1),
        ("县档案馆", None, None),
    ]


def test_deductions_never_go_below_zero() -> None:
    hopeless = UnitRow("县甲局", led=200, shared=0, completed=0, completed_on_time=0, overdue=200)
    assert score(hopeless).unit.score == 0.0


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    twin = UnitRow(**{**NO_INDICATORS.__dict__, "unit": "县统计局"})
    ranked = rank([BUSY, NO_INDICATORS, twin])
    assert [r.unit.rank for r in ranked] == [1, 1, 3]
    assert [r.unit.unit for r in ranked] == ["县财政局", "县统计局", "县发展和改革局"]


def test_ranking_uses_the_rounded_score_people_see() -> None:
    a = UnitRow("甲", led=3, shared=0, completed=3, completed_on_time=2, overdue=0)  # 66.666… → 66.7
    b = UnitRow("乙", led=1000, shared=0, completed=1000, completed_on_time=667, overdue=0)  # 66.7
    assert [r.unit.rank for r in rank([a, b])] == [1, 1]


def test_custom_weights_change_the_score() -> None:
    tasks_only = Weights(tasks=1, reports=0, indicators=0, overdue_penalty=0, returned_penalty=0)
    assert score(BUSY, tasks_only).unit.score == 60.0
    strict = Weights(credit={"achieved": 1.0, "on_track": 0.5})
    assert score(BUSY, strict).indicators == pytest.approx(1.5 / 2)


def test_weights_from_settings_mapping() -> None:
    assert Weights.from_mapping({"tasks": 60, "reports": 10}) == Weights(tasks=60, reports=10)
    with pytest.raises(ValidationError, match="unknown scorecard weight bonus"):
        Weights.from_mapping({"bonus": 5})
    with pytest.raises(ValidationError, match="≥ 0"):
        Weights.from_mapping({"tasks": -1})


def test_every_weight_is_documented_with_its_default() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for field in fields(Weights):
        default = getattr(DEFAULT_WEIGHTS, field.name)
        if isinstance(default, float):
            assert re.search(rf"`{field.name}`\s*\|\s*{default:g}\b", text), field.name
        else:
            assert f"`{field.name}`" in text, field.name
