"""Every worked example of docs/monitoring.md as a test with the same numbers.

The numbers live once, in EXAMPLES; ``test_doc_shows_the_numbers`` checks that the doc's section
for each example still shows them, so the doc and the tests cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from planwatch.monitor import (
    Assessment,
    Attribute,
    Direction,
    Goal,
    Measure,
    Observation,
    Reason,
    Status,
    TargetKind,
    assess,
    midterm,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "monitoring.md"
B, E = Attribute.BINDING, Attribute.EXPECTED
LOWER = Direction.LOWER_IS_BETTER
Obs = Observation


def goal(kind: TargetKind, baseline: float | None, target: float | None, **kw: object) -> Goal:
    """A 2021–2025 plan goal with baseline year 2020."""
    return Goal(kind, 2020, 2025, baseline, target, **kw)  # type: ignore[arg-type]


FOREST = goal(TargetKind.LEVEL, 11.72, 11.75, unit="%", attribute=B)
GDP_RATE = goal(TargetKind.GROWTH, 3, 4.5, unit="%", attribute=E, measure=Measure.RATE)
MANURE = goal(TargetKind.CUMULATIVE, 0.9, 4.9, unit="万亩", attribute=E)
JOBLESS = goal(TargetKind.CEILING, None, 5.5, unit="%", attribute=E, direction=LOWER)
ENERGY = goal(TargetKind.REDUCTION, 1.0, 13.5, attribute=B, direction=LOWER)
WATER = goal(TargetKind.QUALITATIVE, None, None, text="Ⅱ类以上", attribute=B)
PRESCHOOL = goal(TargetKind.LEVEL, 105.5, 95, unit="%", attribute=E)
TOURISM = goal(TargetKind.GROWTH, None, 6, unit="%", attribute=E, measure=Measure.RATE)
GDP = goal(TargetKind.GROWTH, 100, 6, unit="亿元", attribute=E)
INVEST = Goal(TargetKind.RANGE, 2020, 2025, 16.6, None, 5, 8, unit="%", attribute=E, measure=Measure.RATE)
FARMLAND = goal(TargetKind.KEEP, 52.3, None, unit="万亩", attribute=B)
GRAIN = goal(TargetKind.FLOOR, 15.6, 15, unit="万吨", attribute=B)
DOCTORS = goal(TargetKind.FLOOR, 2.4, 3.0, unit="人", attribute=E)
PM25 = goal(TargetKind.CEILING, 40, 35, unit="微克/立方米", attribute=B, direction=LOWER)


@dataclass(frozen=True)
class Example:
    """One worked example: inputs, the verdict, the numbers behind it, and what the doc shows."""

    id: str  # "3b" lives in the doc section "### Example 3"
    goal: Goal
    observations: tuple[Observation, ...]
    year: int
    status: Status
    reason: Reason
    numbers: dict[str, str] = field(default_factory=dict)  # attribute path -> value, to the places shown
    doc: tuple[str, ...] = ()  # strings the doc's section shows
    midterm: bool = False


EXAMPLES = [
    Example("1", FOREST, (Obs(2023, 11.74),), 2023, Status.ON_TRACK, Reason.PATH,
            {"expected": "0.6", "expected_value": "11.738", "progress": "0.667", "gap": "0.067", "pace.required": "0.005"},
            ("11.738", "0.667", "+0.067", "0.0067", "0.005")),
    Example("2", GDP_RATE, (Obs(2021, 5.0), Obs(2022, 2.0), Obs(2023, 4.0)), 2023, Status.AT_RISK, Reason.PATH,
            {"actual": "11.38", "expected_value": "14.12", "progress": "0.462", "expected": "0.573", "gap": "-0.111",
             "pace.achieved": "3.66", "pace.required": "5.77", "pace.target": "4.5", "pace.ratio": "0.634"},
            ("1.11384", "1.24618", "1.14117", "0.462", "0.573", "-0.111", "3.66", "5.77", "0.634", "0.81")),
    Example("3a", MANURE, (Obs(2022, 2.5),), 2022, Status.ON_TRACK, Reason.PATH,
            {"progress": "0.327", "expected": "0.4", "gap": "-0.073", "expected_value": "2.86"},
            ("0.327", "-0.073", "5.8", "2.86")),
    Example("3b", goal(TargetKind.CUMULATIVE, 0.9, 4.9, unit="万亩", attribute=E, measure=Measure.INCREMENT),
            (Obs(2021, 0.7), Obs(2022, 0.9)), 2022, Status.ON_TRACK, Reason.PATH,
            {"actual": "1.6", "progress": "0.327"}, ("0.7", "0.9", "1.6")),
    Example("3c", goal(TargetKind.CUMULATIVE, 0.9, 4.9, unit="万亩", attribute=B), (Obs(2022, 2.5),), 2022,
            Status.AT_RISK, Reason.PATH, {"gap": "-0.073"}, ("binding",)),
    Example("4a", JOBLESS, (Obs(2022, 5.2),), 2022, Status.ON_TRACK, Reason.HELD, {"actual": "5.2"}, ("5.2",)),
    Example("4b", JOBLESS, (Obs(2022, 5.8),), 2022, Status.OFF_TRACK, Reason.BREACHED, {"actual": "5.8"}, ("5.8",)),
    Example("5", ENERGY, (Obs(2023, 0.92),), 2023, Status.AT_RISK, Reason.PATH,
            {"actual": "8.0", "expected_value": "8.33", "progress": "0.593", "expected": "0.617", "gap": "-0.025",
             "pace.achieved": "2.74", "pace.target": "2.86", "pace.required": "3.04", "pace.ratio": "0.903"},
            ("8.0 %", "8.33", "0.593", "0.617", "-0.025", "-0.007", "2.74", "2.86", "3.04", "0.903")),
    Example("6a", WATER, (Obs(2023, text="Ⅱ类"),), 2023, Status.ON_TRACK, Reason.QUALITATIVE_MET, {}, ("Ⅱ类",)),
    Example("6b", WATER, (Obs(2023, text="Ⅲ类"),), 2023, Status.OFF_TRACK, Reason.QUALITATIVE_NOT_MET, {}, ("Ⅲ类",)),
    Example("6c", WATER, (), 2023, Status.NO_DATA, Reason.NO_OBSERVATION, {}, ("no_data",)),
    Example("6d", WATER, (Obs(2025, text="Ⅱ类"),), 2025, Status.ACHIEVED, Reason.QUALITATIVE_MET, {}, ("2025",)),
    Example("6e", goal(TargetKind.QUALITATIVE, None, None, text="达到市要求"), (Obs(2023, text="达到", met=True),),
            2023, Status.ON_TRACK, Reason.QUALITATIVE_MET, {}, ("达到市要求",)),
    Example("6e", goal(TargetKind.QUALITATIVE, None, None, text="达到市要求"), (Obs(2023, text="基本达到"),),
            2023, Status.NOT_ASSESSABLE, Reason.QUALITATIVE_UNKNOWN, {}, ("基本达到",)),
    Example("7a", PRESCHOOL, (Obs(2023, 98),), 2023, Status.ACHIEVED, Reason.MET_AT_BASELINE, {"actual": "98"},
            ("105.5", "98", "0.714")),
    Example("7b", PRESCHOOL, (Obs(2023, 93),), 2023, Status.OFF_TRACK, Reason.LOST, {"actual": "93"}, ("93",)),
    Example("8a", TOURISM, (Obs(2021, 8.0), Obs(2022, 3.0), Obs(2023, 6.0)), 2023, Status.ON_TRACK, Reason.PATH,
            {"progress": "0.530", "expected": "0.565", "gap": "-0.035", "pace.achieved": "5.65", "pace.required": "6.53",
             "pace.ratio": "0.864"},
            ("1.17914", "1.33823", "1.19102", "0.530", "0.565", "-0.035", "5.65", "6.53", "0.864")),
    Example("8b", TOURISM, (), 2023, Status.NO_DATA, Reason.NO_OBSERVATION, {}, ("no_data",)),
    Example("9a", GDP, (Obs(2023, 115),), 2023, Status.AT_RISK, Reason.PATH,
            {"progress": "0.443", "expected": "0.565", "gap": "-0.121", "pace.achieved": "4.77", "pace.required": "7.87"},
            ("133.82", "0.443", "0.565", "-0.121", "4.77", "7.87")),
    Example("9b", GDP, (Obs(2021, 104, growth=6.5), Obs(2022, 110, growth=5.5), Obs(2023, 118, growth=6.0)), 2023,
            Status.ON_TRACK, Reason.PATH, {"progress": "0.565", "expected": "0.565", "gap": "-0.0001"},
            ("1.19099", "1.18", "-0.0001")),
    Example("10a", INVEST, (Obs(2021, 6.0), Obs(2022, 4.5), Obs(2023, 5.5)), 2023, Status.ON_TRACK, Reason.HELD,
            {"pace.achieved": "5.33", "progress": "0.610", "expected": "0.571"},
            ("1.27628", "1.15763", "0.571", "5.33", "0.610")),
    Example("10b", INVEST, (Obs(2021, 3.0), Obs(2022, 4.0), Obs(2023, 4.0)), 2023, Status.AT_RISK, Reason.PATH,
            {"pace.achieved": "3.67", "progress": "0.413", "gap": "-0.158"}, ("3.67", "0.413", "-0.158")),
    Example("10c", INVEST, (Obs(2021, 9.0), Obs(2022, 10.0), Obs(2023, 9.5)), 2023, Status.ON_TRACK, Reason.HELD,
            {"pace.achieved": "9.50"}, ("9.50",)),
    Example("10d", INVEST, (Obs(2021, 6.0), Obs(2022, 4.5), Obs(2023, 5.5), Obs(2024, 5.0), Obs(2025, 6.0)), 2025,
            Status.ACHIEVED, Reason.HELD, {"pace.achieved": "5.40", "progress": "1.088"}, ("5.40", "1.088")),
    Example("11a", FARMLAND, (Obs(2023, 52.4),), 2023, Status.ON_TRACK, Reason.HELD, {}, ("52.4",)),
    Example("11b", FARMLAND, (Obs(2023, 52.1),), 2023, Status.OFF_TRACK, Reason.BREACHED, {}, ("52.1",)),
    Example("11c", FARMLAND, (Obs(2025, 52.3),), 2025, Status.ACHIEVED, Reason.HELD, {}, ("52.3",)),
    Example("12a", GRAIN, (Obs(2022, 15.2),), 2022, Status.ON_TRACK, Reason.HELD, {}, ("15.6", "15.2")),
    Example("12b", GRAIN, (Obs(2022, 14.8),), 2022, Status.OFF_TRACK, Reason.BREACHED, {}, ("14.8",)),
    Example("12c", DOCTORS, (Obs(2023, 2.8),), 2023, Status.ON_TRACK, Reason.PATH,
            {"progress": "0.667", "expected": "0.6", "gap": "0.067"}, ("2.4", "2.8", "0.667", "+0.067")),
    Example("12d", DOCTORS, (Obs(2025, 2.9),), 2025, Status.AT_RISK, Reason.PATH,
            {"progress": "0.833", "expected": "1.000", "gap": "-0.167"}, ("2.9", "0.833", "-0.167")),
    Example("12e", DOCTORS, (Obs(2024, 3.1),), 2024, Status.ON_TRACK, Reason.HELD, {}, ("3.1",)),
    Example("13a", PM25, (Obs(2023, 37),), 2023, Status.ON_TRACK, Reason.PATH,
            {"progress": "0.600", "expected": "0.600", "gap": "0.000"}, ("40", "37", "0.6")),
    Example("13b", PM25, (Obs(2023, 38),), 2023, Status.OFF_TRACK, Reason.PATH, {"progress": "0.400", "gap": "-0.200"},
            ("38", "0.4", "-0.2")),
    Example("13c", PM25, (Obs(2024, 34),), 2024, Status.ON_TRACK, Reason.HELD, {}, ("34",)),
    Example("13d", PM25, (Obs(2025, 35),), 2025, Status.ACHIEVED, Reason.HELD, {"progress": "1.000"}, ("35",)),
    Example("14", MANURE, (Obs(2022, 2.5, revision=0), Obs(2022, 2.3, revision=1)), 2022, Status.AT_RISK, Reason.PATH,
            {"actual": "2.3", "progress": "0.286", "gap": "-0.114"}, ("2.3", "0.286", "-0.114")),
    Example("15a", FOREST, (Obs(2021, 11.725), Obs(2022, 11.735)), 2023, Status.ON_TRACK, Reason.PATH,
            {"actual_year": "2022", "progress": "0.500", "expected": "0.400", "gap": "0.100"}, ("11.735", "0.4", "+0.100")),
    Example("15b", GDP, (Obs(2022, 112.36),), 2023, Status.ON_TRACK, Reason.PATH,
            {"actual_year": "2022", "progress": "0.365", "expected": "0.365", "gap": "0.000", "pace.achieved": "6.000"},
            ("112.36", "1.1236", "6.0 %", "0.365")),
    Example("15c", TOURISM, (Obs(2021, 8.0), Obs(2023, 6.0)), 2023, Status.ON_TRACK, Reason.PATH,
            {"pace.achieved": "7.00", "progress": "0.665", "gap": "0.100"}, ("7.00", "1.22488", "0.665", "+0.100")),
    Example("16a", goal(TargetKind.LEVEL, 0, 200, unit="个", attribute=E), (Obs(2023, 150),), 2023,
            Status.ON_TRACK, Reason.PATH, {"progress": "0.750", "gap": "0.150"}, ("150", "0.75", "+0.15")),
    Example("16b", goal(TargetKind.GROWTH, 0, 20, attribute=E), (Obs(2023, 150),), 2023, Status.NOT_ASSESSABLE,
            Reason.ZERO_BASELINE, {}, ("zero_baseline",)),
    Example("16c", goal(TargetKind.LEVEL, -5, 10, unit="亿元", attribute=E), (Obs(2023, 3),), 2023,
            Status.ON_TRACK, Reason.PATH, {"progress": "0.533", "gap": "-0.067"}, ("-5", "0.533", "-0.067")),
    Example("16d", goal(TargetKind.GROWTH, -5, 10, attribute=E), (Obs(2023, 3),), 2023, Status.NOT_ASSESSABLE,
            Reason.NEGATIVE_BASELINE, {}, ("negative_baseline",)),
    Example("17", FOREST, (Obs(2023, 11.74),), 2023, Status.ON_TRACK, Reason.PATH, {"progress": "0.667"},
            ("2023", "0.667"), midterm=True),
    Example("18a", FOREST, (Obs(2024, 11.74),), 2023, Status.NO_DATA, Reason.NO_OBSERVATION, {}, ("2024",)),
    Example("18b", FOREST, (Obs(2025, 11.75), Obs(2026, 11.70)), 2026, Status.ACHIEVED, Reason.REACHED,
            {"actual_year": "2025", "progress": "1.000"}, ("11.70", "2026")),
]  # fmt: skip


def _run(example: Example) -> Assessment:
    if example.midterm:
        return midterm(example.goal, example.observations, 2021, 2025)
    return assess(example.goal, example.observations, example.year)


def _value(assessment: Assessment, path: str) -> float | None:
    obj: object = assessment
    for part in path.split("."):
        obj = getattr(obj, part)
    assert obj is None or isinstance(obj, int | float)
    return obj


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"example-{e.id}" for e in EXAMPLES])
def test_example(example: Example) -> None:
    """GIVEN the example's goal and figures WHEN assessed THEN the doc's verdict and numbers."""
    a = _run(example)
    assert (a.status, a.reason) == (example.status, example.reason)
    assert a.year == example.year
    for path, number in example.numbers.items():
        value = _value(a, path)
        assert value is not None, path
        places = len(number.partition(".")[2])
        assert value == pytest.approx(float(number), abs=0.5 * 10**-places), path
    assert a.explanation  # every verdict can be explained


def _sections() -> dict[str, str]:
    """The doc's worked-example sections by number: "3" -> the text under "### Example 3"."""
    text = DOC.read_text(encoding="utf-8")
    out = {}
    for chunk in text.split("\n### Example ")[1:]:
        number = chunk.split(" ", 1)[0]
        out[number] = chunk.split("\n## ", 1)[0].replace("−", "-")  # the doc writes U+2212 minus
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"doc-{e.id}" for e in EXAMPLES])
def test_doc_shows_the_numbers(example: Example) -> None:
    """The doc's section for the example names its status and shows its key numbers."""
    section = _sections()[example.id.rstrip("abcde")]
    assert f"`{example.status.value}`" in section or example.status.value in section
    for number in example.doc:
        assert number in section, f"Example {example.id}: {number!r} missing from docs/monitoring.md"


def test_every_doc_example_has_a_test() -> None:
    """No worked example in the doc is left without a test."""
    tested = {e.id.rstrip("abcde") for e in EXAMPLES}
    assert set(_sections()) == tested


def test_design_corrections_are_stated() -> None:
    """The two arithmetic corrections to DESIGN.md are written down in the doc."""
    text = DOC.read_text(encoding="utf-8")
    assert text.count("**Correction.**") == 2
