"""Matching a name (plan row, prose target, observation subject) to a catalogue entry.

Rules, in order: the normalised name equals the normalised name or a synonym of an entry (``exact``);
else a conservative fuzzy rule (``fuzzy``): similarity at least ``FUZZY_RATIO``, the same digits,
both or neither a rate, no contrast word (城镇/农村, 人均, 比重 …) in one name only, one best candidate.
Either way the units must agree: same dimension and base, or one of them missing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from planwatch.catalog.names import CONTRASTS, is_rate_name, normalise
from planwatch.normalize.units import unit_of

FUZZY_RATIO = 0.88
_DIGITS = re.compile(r"[0-9.]+")
Method = Literal["exact", "fuzzy"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """What the matcher needs of an entry: its id, unit, whether it is a rate, and its names."""

    id: int
    unit: str | None
    is_rate: bool
    names: tuple[str, ...]
    auto: bool = False


@dataclass(frozen=True, slots=True)
class Match:
    """The entry a name matched and how."""

    id: int
    method: Method


def units_agree(a: str | None, b: str | None) -> bool:
    """Same unit, or units of one base (亿元 and 万元), or one of them unknown (None)."""
    if a is None or b is None or a == b:
        return True
    ua, ub = unit_of(a), unit_of(b)
    return ua is not None and ub is not None and ua.base == ub.base


class Matcher:
    """An index over catalogue candidates; ``match`` results are cached per (name, unit)."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self._exact: dict[str, list[Candidate]] = defaultdict(list)
        self._by_length: dict[int, list[tuple[str, Counter[str], Candidate]]] = defaultdict(list)
        for c in sorted(candidates, key=lambda c: (c.auto, c.id)):  # curated entries first
            for key in dict.fromkeys(normalise(n) for n in c.names):
                self._exact[key].append(c)
                self._by_length[len(key)].append((key, Counter(key), c))
        self.match = lru_cache(maxsize=65536)(self._match)

    def _match(self, name: str, unit: str | None = None) -> Match | None:
        key = normalise(name)
        exact = [c for c in self._exact.get(key, ()) if units_agree(unit, c.unit)]
        if exact:
            return Match(exact[0].id, "exact")
        return self._fuzzy(key, unit)

    def _fuzzy(self, key: str, unit: str | None) -> Match | None:
        if len(key) < 4:
            return None
        rate, digits, chars = is_rate_name(key), _DIGITS.findall(key), Counter(key)
        scores: dict[int, float] = {}
        for length in range(len(key) - 2, len(key) + 3):
            for other, other_chars, c in self._by_length.get(length, ()):
                # characters in common bound the ratio from above (difflib's quick_ratio), cheaply
                if 2 * sum((chars & other_chars).values()) < FUZZY_RATIO * (len(key) + length):
                    continue
                if c.is_rate != rate or not units_agree(unit, c.unit) or _DIGITS.findall(other) != digits:
                    continue
                ratio = SequenceMatcher(None, key, other, autojunk=False).ratio()
                if ratio >= FUZZY_RATIO and not _contrasts(key, other):
                    scores[c.id] = max(scores.get(c.id, 0.0), ratio)
        if not scores:
            return None
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return None  # two equally good candidates: leave it to a person
        return Match(ranked[0][0], "fuzzy")


def _contrasts(a: str, b: str) -> bool:
    """Whether one name carries a distinguishing word the other lacks (城镇 vs 农村 …)."""
    return any((word in a) != (word in b) for word in CONTRASTS)


@lru_cache(maxsize=16)
def matcher_for(candidates: tuple[Candidate, ...]) -> Matcher:
    """A matcher over these candidates, shared while the catalogue does not change."""
    return Matcher(candidates)
