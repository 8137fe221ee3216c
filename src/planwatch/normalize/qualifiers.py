"""What a number means in its sentence: its qualifier (about, at_least, …) and its target kind.

Precedence of ``qualifier_of``, most specific first:

1. a range (5%-8%) is ``range``;
2. a marker right after the number or its unit qualifies the number itself and wins:
   左右/上下 → about, 以上/余/多 → at_least, 以内/以下/之内 → at_most
   (so 控制在5.5左右 is about, 控制在5.5%以内 is at_most, 降至3%以下 is at_most);
3. a marker right before the number: 约/大约/近/将近/接近 → about;
4. a bound verb earlier in the same clause: 不低于/不少于/突破/超过/至少/高于 → at_least,
   控制在/不超过/低于/不高于/少于/不到/不足 → at_most;
5. otherwise ``exact`` (达到/为/a plain number).

``keep`` and ``qualitative`` are for targets with no number; see ``qualifier_without_number``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planwatch.model.facts import Qualifier, TargetKind
from planwatch.normalize.units import match_unit

AFTER_MARKERS: dict[str, Qualifier] = {
    "左右": "about", "上下": "about",
    "及以上": "at_least", "以上": "at_least", "余": "at_least", "多": "at_least",
    "及以下": "at_most", "以下": "at_most", "以内": "at_most", "之内": "at_most",
}  # fmt: skip
BEFORE_MARKERS: dict[str, Qualifier] = {
    "大约": "about",
    "将近": "about",
    "接近": "about",
    "约": "about",
    "近": "about",
}
BOUND_CUES: dict[str, Qualifier] = {
    "不低于": "at_least", "不少于": "at_least", "突破": "at_least", "超过": "at_least", "至少": "at_least",
    "高于": "at_least", "大于": "at_least", "多于": "at_least",
    "控制在": "at_most", "不超过": "at_most", "不高于": "at_most", "低于": "at_most", "少于": "at_most",
    "小于": "at_most", "不到": "at_most", "不足": "at_most", "最多": "at_most",
    ">": "at_least", "＞": "at_least", "≥": "at_least", "≧": "at_least", "<": "at_most", "＜": "at_most",
    "≤": "at_most", "≦": "at_most",
}  # fmt: skip
KEEP_CUES = ("保持", "稳定在", "稳定", "维持", "巩固", "持续保持")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_AFTER_RE = re.compile(_alternation(AFTER_MARKERS))
_BEFORE_RE = re.compile(f"(?:{_alternation(BEFORE_MARKERS)})$")
_BOUND_RE = re.compile(_alternation(BOUND_CUES))
_KEEP_RE = re.compile(_alternation(KEEP_CUES))
_CLAUSE_BREAK = re.compile(r"[，,；;。：:！!？?\n]")
_LAST_NUMBER = re.compile(r".*[0-9０-９%％‰]", re.DOTALL)


def _tail(before: str) -> str:
    """The part of the clause before a number that belongs to it: after the last break or number."""
    clause = _CLAUSE_BREAK.split(before)[-1]
    m = _LAST_NUMBER.match(clause)
    return clause[m.end() :] if m else clause


def qualifier_of(before: str, after: str, *, is_range: bool = False) -> Qualifier:
    """The contract qualifier of a number from the text before it and after it (unit may lead)."""
    if is_range:
        return "range"
    after = after.lstrip()
    unit = match_unit(after, 0)
    m = _AFTER_RE.match(after) or (_AFTER_RE.match(after, unit[1]) if unit else None)
    if m:
        return AFTER_MARKERS[m[0]]
    tail = _tail(before)
    m = _BEFORE_RE.search(tail.rstrip())
    if m and not tail.rstrip().endswith(("最近", "附近")):
        return "about"
    cues = _BOUND_RE.findall(tail)
    return BOUND_CUES[cues[-1]] if cues else "exact"


def qualifier_without_number(context: str) -> Qualifier:
    """For a target with no number: keep (保持/稳定在/维持) or qualitative (达到市要求, Ⅱ类以上)."""
    return "keep" if _KEEP_RE.search(context) else "qualitative"


_KIND_RE = re.compile(
    r"(?P<growth_noun>(?:年均|同比)?(?:增长率|增速|增长速度)|增幅|涨幅)"
    r"|(?P<reduction_noun>降幅|下降率|降低率|减幅|下降幅度)"
    r"|(?P<growth_verb>年均增长|同比增长|增长|增加|提高|提升|上升|递增|扩大|上涨)(?P<growth_to>到|至|为)?"
    r"|(?P<reduction_verb>降低|下降|减少|削减|压减|压缩|缩减|减排|减)(?P<reduction_to>到|至|为)?"
    r"|(?P<level>降至|降到|达到|保持在|保持|稳定在|维持在|控制在|为)"
)


def kind_of(context: str) -> TargetKind:
    """growth (增长, 增速, 提高…%), reduction (降低, 下降, 降幅) or level (达到, 提高到, 控制在, default).

    Reads the clause before the number. A verb followed by 到/至 names a level to reach (提高到65%);
    a level verb after a rate noun keeps the rate's kind (增速保持在6% is growth).
    """
    kind: TargetKind | None = None
    for m in _KIND_RE.finditer(_tail(context)):
        if m["growth_noun"]:
            kind = "growth"
        elif m["reduction_noun"]:
            kind = "reduction"
        elif m["growth_verb"]:
            kind = "level" if m["growth_to"] else "growth"
        elif m["reduction_verb"]:
            kind = "level" if m["reduction_to"] else "reduction"
        elif kind is None:
            kind = "level"
    return kind or "level"
