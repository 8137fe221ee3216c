"""Monitoring engine: target semantics, expected paths, progress and status (pure functions, no I/O).

The rules, each with a worked example, are in docs/monitoring.md.
"""

from planwatch.monitor.assess import assess, assess_prepared, midterm, series
from planwatch.monitor.model import (
    DEFAULT_TOLERANCE,
    Assessment,
    Attribute,
    Band,
    Direction,
    Goal,
    Measure,
    Observation,
    Pace,
    Reason,
    Status,
    TargetKind,
    Tolerance,
)
from planwatch.monitor.observations import latest_revisions
from planwatch.monitor.rules import Rule, expected_value, prepare

__all__ = [
    "DEFAULT_TOLERANCE",
    "Assessment",
    "Attribute",
    "Band",
    "Direction",
    "Goal",
    "Measure",
    "Observation",
    "Pace",
    "Reason",
    "Rule",
    "Status",
    "TargetKind",
    "Tolerance",
    "assess",
    "assess_prepared",
    "expected_value",
    "latest_revisions",
    "midterm",
    "prepare",
    "series",
]
