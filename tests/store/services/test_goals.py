"""How plan rows and prose targets read as monitor goals (pure)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from planwatch.monitor import Attribute, Direction, Measure, TargetKind
from planwatch.services.goals import EntryInfo, goal_from_row, goal_from_target


def row(**kw: Any) -> SimpleNamespace:
    base = {
        "name": "指标", "unit": "%", "attribute": "expected", "baseline_year": 2020, "baseline_value": None, "target_year": 2025,
        "target_text": None, "target_value": None, "target_low": None, "target_high": None, "target_qualifier": None,
        "target_kind": None, "growth_text": None, "growth_value": None, "growth_cumulative": False, "extra": None,
    }  # fmt: skip
    return SimpleNamespace(**{**base, **kw})


LEVEL, RATE, LOWER = EntryInfo("higher", "level"), EntryInfo("higher", "rate"), EntryInfo("lower", "level")


@pytest.mark.parametrize(
    ("fields", "entry", "kind", "target"),
    [
        ({"baseline_value": 11.72, "target_value": 11.75, "target_text": "11.75", "target_qualifier": "exact", "target_kind": "level",
              "growth_text": "[0.03]", "growth_value": 0.03, "growth_cumulative": True}, LEVEL, TargetKind.LEVEL, 11.75),
        ({"baseline_value": 3.2, "target_text": "年均增长6%左右", "target_value": 6.0, "target_qualifier": "about", "target_kind": "growth"},
         RATE, TargetKind.GROWTH, 6.0),
        ({"target_text": "年均增长5%-8%", "target_low": 5.0, "target_high": 8.0, "target_qualifier": "range", "target_kind": "growth"},
         RATE, TargetKind.RANGE, None),
        ({"target_text": "控制在5.5以内", "target_value": 5.5, "target_qualifier": "at_most", "target_kind": "level"}, LOWER, TargetKind.CEILING, 5.5),
        ({"target_text": "控制在5.5左右", "target_value": 5.5, "target_qualifier": "about", "target_kind": "level"}, LOWER, TargetKind.CEILING, 5.5),
        ({"target_text": "不低于96", "target_value": 96.0, "target_qualifier": "at_least", "target_kind": "level"}, LEVEL, TargetKind.FLOOR, 96.0),
        ({"target_text": "96.5以上", "target_value": 96.5, "target_qualifier": "about", "target_kind": "level"}, LEVEL, TargetKind.FLOOR, 96.5),
        ({"baseline_text": "[14.2]", "target_text": "降低13.5%", "target_value": 13.5, "target_qualifier": "exact", "target_kind": "reduction"},
         EntryInfo("lower", "rate"), TargetKind.REDUCTION, 13.5),
        ({"target_text": "达到省定目标", "target_qualifier": "qualitative", "target_kind": "reduction"}, RATE, TargetKind.QUALITATIVE, None),
        ({"target_text": "-", "growth_text": "5左右", "growth_value": 5.0}, RATE, TargetKind.GROWTH, 5.0),
        ({"target_text": "-", "growth_text": "[5.7]", "growth_value": 5.7, "growth_cumulative": True}, LEVEL, TargetKind.CUMULATIVE, 5.7),
        ({"baseline_value": 91.55, "target_text": "-", "growth_text": "保持现有", "extra": {"growth": {"qualifier": "keep"}}},
         LEVEL, TargetKind.KEEP, None),
        ({"target_text": "-", "growth_text": "-"}, LEVEL, TargetKind.LEVEL, None),  # nothing to judge: not assessable
    ],
)  # fmt: skip
def test_plan_rows(fields: dict[str, Any], entry: EntryInfo, kind: TargetKind, target: float | None) -> None:
    goal = goal_from_row(row(**fields), entry)
    assert (goal.kind, goal.target) == (kind, target)
    assert goal.measure is (Measure.RATE if entry.kind == "rate" else Measure.LEVEL)


def test_row_details() -> None:
    goal = goal_from_row(
        row(attribute="binding", baseline_year=None, target_year=None, target_value=20.5), LOWER, 2021, 2025
    )
    assert (goal.baseline_year, goal.target_year, goal.attribute, goal.direction) == (
        2020,
        2025,
        Attribute.BINDING,
        Direction.LOWER_IS_BETTER,
    )
    annual = goal_from_row(
        row(
            target_text="年均增长5%-8%",
            target_low=5.0,
            target_high=8.0,
            target_qualifier="range",
            target_kind="growth",
        ),
        LEVEL,
    )
    assert annual.annual  # a growth range on a level indicator (亿元) bounds its average annual growth


def test_prose_targets() -> None:
    target = SimpleNamespace(subject="城镇新增就业", value=1.2, low=None, high=None, unit="万人", qualifier="at_least",
                             kind="level", year=2025, evidence_quote="五年城镇新增就业1.2万人以上")  # fmt: skip
    goal = goal_from_target(target, LEVEL, 2021, 2025, None)
    assert (goal.kind, goal.measure, goal.target, goal.baseline_year) == (
        TargetKind.CUMULATIVE,
        Measure.INCREMENT,
        1.2,
        2020,
    )
    plain = SimpleNamespace(**{**vars(target), "subject": "5G用户占比", "value": 65.0, "unit": "%", "qualifier": "exact",
                               "evidence_quote": "到2025年5G用户占比达到65%"})  # fmt: skip
    assert goal_from_target(plain, LEVEL, 2021, 2025, 30.0).kind is TargetKind.LEVEL
