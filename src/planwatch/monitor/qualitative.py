"""Qualitative targets: water-quality classes (Ⅱ类以上) compared by class order, or a met judgement.

Class Ⅰ is the best and 劣Ⅴ (6) the worst, so "Ⅱ类以上" (Ⅱ or better) holds for classes 1-2,
"优于Ⅲ类" for 1-2, "Ⅲ类以下" (Ⅲ or worse) for 3-6. A plain "Ⅱ类" or "达到Ⅱ类" means Ⅱ or better.
No regular expressions: these strings are short and the scan is a few comparisons.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from planwatch.monitor.model import Assessment, Observation, Reason, Status
from planwatch.monitor.verdict import verdict

if TYPE_CHECKING:
    from planwatch.monitor.rules import Rule

_NUMERALS = {
    "Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5,
    "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5,
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
    "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
}  # fmt: skip
_ROMAN_CHARS = frozenset("ⅠⅡⅢⅣⅤIV一二三四五12345ⅰⅱⅲⅳⅴiv")
_WORST = 6  # 劣Ⅴ类
_ROMAN_NAMES = {1: "Ⅰ", 2: "Ⅱ", 3: "Ⅲ", 4: "Ⅳ", 5: "Ⅴ", 6: "劣Ⅴ"}


@lru_cache(maxsize=1024)
def water_class(text: str | None) -> int | None:
    """The class number in a text like "Ⅲ类", "III类水质", "劣Ⅴ类" (Ⅰ=1 … 劣Ⅴ=6), or None."""
    if not text:
        return None
    end = text.find("类")
    if end <= 0:
        return None
    start = end
    while start > 0 and text[start - 1] in _ROMAN_CHARS:
        start -= 1
    numeral = _NUMERALS.get(text[start:end].upper())  # upper() also maps ⅱ to Ⅱ
    if numeral is None:
        return None
    return _WORST if numeral == 5 and start > 0 and text[start - 1] == "劣" else numeral


@lru_cache(maxsize=1024)
def class_requirement(text: str | None) -> tuple[int, int] | None:
    """(class, sense) for a class target: sense -1 means that class or better, +1 that class or worse."""
    number = water_class(text)
    if number is None or text is None:
        return None
    tail = text[text.find("类") + 1 :]
    if tail.startswith(("以下", "及以下", "或以下")) or "劣于" in text:
        return number, 1
    if "优于" in text and "达到或优于" not in text and "及优于" not in text:
        return number - 1, -1  # strictly better than the class
    return number, -1


def class_met(requirement: tuple[int, int], observed: int) -> bool:
    """Whether an observed class satisfies a requirement from :func:`class_requirement`."""
    number, sense = requirement
    return observed <= number if sense < 0 else observed >= number


def class_name(number: int) -> str:
    """Ⅲ类 for 3, 劣Ⅴ类 for 6: the name people read."""
    return _ROMAN_NAMES.get(number, str(number)) + "类"


def judge_qualitative(rule: Rule, obs: list[Observation], year: int) -> Assessment:
    """Ⅱ类以上 by class order; 达到市要求 by the reporter's met / not-met judgement."""
    latest = next((o for o in reversed(obs) if o.text is not None or o.met is not None), None)
    if latest is None:
        return verdict(rule, year, Reason.NO_OBSERVATION)
    observed = water_class(latest.text)
    if rule.requirement is not None and observed is not None:
        met = class_met(rule.requirement, observed)
    elif latest.met is not None:
        met = latest.met
    else:
        return verdict(rule, year, Reason.QUALITATIVE_UNKNOWN, None, latest.year)
    actual = None if observed is None else float(observed)
    if not met:
        return verdict(rule, year, Reason.QUALITATIVE_NOT_MET, Status.OFF_TRACK, latest.year, actual)
    status = Status.ACHIEVED if latest.year >= rule.goal.target_year else Status.ON_TRACK
    return verdict(rule, year, Reason.QUALITATIVE_MET, status, latest.year, actual)
