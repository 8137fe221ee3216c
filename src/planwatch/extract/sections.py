"""Which parts of a document report the past and which set goals.

Observations (reported actual figures) come from review sections — 发展基础, “十三五”发展成就,
2021年工作回顾 — and from whole news articles and statistical bulletins; targets come from
forward-looking parts (主要目标, 工作安排, task lists). 发展环境/形势 sections do neither.
"""

from __future__ import annotations

import re
from enum import StrEnum

from planwatch.model.document import BlockKind
from planwatch.parse.boilerplate import Role
from planwatch.parse.parsed import Parsed

_REVIEW = re.compile(
    r"回顾|成就|成效|成绩|发展基础|现实基础|基础条件|发展现状|过去[一五]年|工作总结|总结|完成情况|执行情况|实施(?:总体)?情况|进展情况|"
    r"十[二三]五.{0,6}(?:时期|发展|回顾)|(?:19|20)\d{2}\s*年(?:工作)?(?:回顾|总结|主要工作|经济社会发展情况)"
)
_NEUTRAL = re.compile(
    r"发展环境|发展形势|面临的形势|形势(?:与|和)?(?:任务|要求)?$|机遇(?:和|与)?挑战|挑战(?:和|与)?机遇|面临的(?:机遇|挑战)|"
    r"问题(?:与|和)不足|存在的问题|困难(?:和|与)问题|主要问题"
)
_FORWARD = re.compile(r"目标|任务|安排|举措|措施|重点|思路|要求|保障|展望|远景|计划|部署")


class Section(StrEnum):
    """The role of a block for fact extraction."""

    REVIEW = "review"
    FORWARD = "forward"
    NEUTRAL = "neutral"
    SKIP = "skip"


def titles_over(parsed: Parsed, positions: list[int]) -> list[list[str]]:
    """For each (ascending) position, the titles of the headings whose section contains it, outermost
    first — one sweep over the headings instead of a scan per position."""
    heads = [n for n in parsed.outline if n.kind == "heading"]
    out: list[list[str]] = []
    active: list[tuple[int, int, str]] = []
    k = 0
    for pos in positions:
        while k < len(heads) and heads[k].start <= pos:
            active.append((heads[k].start, heads[k].content_end, heads[k].title))
            k += 1
        active = [a for a in active if a[1] > pos]
        out.append([t for _s, _e, t in active])
    return out


def _loose_heading(text: str) -> bool:
    """A short unnumbered line naming a review or a year's plan (2019年工作回顾, 2020年工作安排)."""
    if len(text) > 20 or re.search(r"[。；;，,：:]", text):
        return False
    return bool(_REVIEW.search(text)) or bool(
        _FORWARD.search(text) and re.search(r"(?:19|20)\d{2}\s*年|今年|明年", text)
    )


def section_roles(parsed: Parsed) -> list[Section]:
    """A Section for every block (chrome, metadata, TOC and claimed table spans are SKIP); computed
    once per document and kept on it."""
    cached = parsed.cache.get("sections")
    if isinstance(cached, list):
        return cached
    roles = _section_roles(parsed)
    parsed.cache["sections"] = roles
    return roles


def block_years(parsed: Parsed) -> list[int | None]:
    """For every block, the year its section names: the innermost heading with a year (二、2022年工作安排),
    else an unnumbered heading line over it (2019年工作回顾); the year of a work report's figures and goals."""
    section_roles(parsed)
    years = parsed.cache["block_years"]
    assert isinstance(years, list)
    return years


def _year_of(title: str | None) -> int | None:
    m = re.search(r"((?:19|20)\d{2})\s*年", title) if title else None
    return int(m.group(1)) if m else None


def _section_roles(parsed: Parsed) -> list[Section]:
    kind = parsed.info.kind
    claimed = sorted(parsed.claimed)
    roles: list[Section] = []
    all_titles = titles_over(parsed, [b.span.start for b in parsed.doc.blocks])
    loose: str | None = None  # a short unnumbered line such as 2019年工作回顾 heads what follows it
    years: list[int | None] = []
    for b, role, titles in zip(parsed.doc.blocks, parsed.roles, all_titles, strict=True):
        if _loose_heading(b.text.strip()) and role == Role.BODY:
            loose = b.text.strip()
        years.append(next((y for y in map(_year_of, reversed(titles)) if y), None) or _year_of(loose))
        titles = titles or ([loose] if loose else [])
        if (
            role != Role.BODY
            or b.kind == BlockKind.TABLE_ROW
            or any(s <= b.span.start < e for s, e in claimed)
        ):
            roles.append(Section.SKIP)
            continue
        if kind in ("news", "bulletin"):
            roles.append(Section.REVIEW)
            continue
        verdict: Section | None = None
        for title in reversed(titles):  # the innermost heading that says something decides
            if _REVIEW.search(title):
                verdict = Section.REVIEW
                break
            if _NEUTRAL.search(title) and not _FORWARD.search(title):
                verdict = Section.NEUTRAL
                break
        if verdict is None:
            if kind == "task_division" or kind == "plan" or (kind == "work_report" and titles):
                verdict = Section.FORWARD
            else:
                verdict = Section.NEUTRAL
        roles.append(verdict)
    parsed.cache["block_years"] = years
    return roles
