"""Quantified goals stated in prose: 到2025年…达到65%, 力争…, 控制在…以内, 年均增长…左右, 今年…预期目标.

A number is a target when it sits in a forward-looking part of the document and its sentence or
clause frames it as a goal: a time frame (到2025年, “十四五”期间, 今年, 每年), a goal verb (达到,
控制在, 力争, 建设 …) or a bound on the number itself (左右, 以上, 以内). Inside 专栏 boxes, which
mostly describe projects, only explicit goal framing counts.
"""

from __future__ import annotations

import bisect
import re

from planwatch.extract.clauses import Piece, clauses, distribute, sentences, subject_for
from planwatch.extract.numbers_in_text import is_project_size, quantities_in
from planwatch.extract.sections import Section, block_years, section_roles
from planwatch.model.document import BlockKind
from planwatch.model.facts import Evidence, Facts, Qualifier, Target, TargetKind
from planwatch.normalize.qualifiers import AFTER_MARKERS, BEFORE_MARKERS, qualifier_of
from planwatch.normalize.quantities import Quantity
from planwatch.normalize.units import dimension_of
from planwatch.parse.parsed import Parsed

_TIME = re.compile(
    r"到\s*(?:19|20)\d{2}\s*年|到“?十[四五六]五”?(?:期)?末|“?十[四五六]五”?期间|规划期末|期末|今年|全年|年内|每年|力争|确保|目标"
)
_YEAR = re.compile(r"(?:到|至|在|于)?\s*((?:19|20)\d{2})\s*年")
_GOAL_VERB = re.compile(
    r"达到|达|提高到|提升到|增加到|增长到|扩大到|超过|突破|不低于|不少于|不高于|不超过|控制在|控制到|控制|保持在|稳定在|"
    r"降至|降到|降低|下降|减少|增长|提高|提升|实现|累计|新增|新建|建成|建设|培育|打造|创建|引进|完成|形成|争创|选拔|组建|"
    r"改造|扩建|覆盖|投入|援助|解决|落实|召开|举办|建|创|成为"
)
_GROWTH = re.compile(r"(?:年均|同比|比上年|平均)?(?:增长|增速|增幅|提高|上升)(?:率)?\s*(?:到|至)?\s*$")
_GROWTH_TO = re.compile(r"(?:增长|提高|提升|上升)\s*(?:到|至)\s*$")
_REDUCTION = re.compile(r"(?:降低|下降|减少|降幅|削减|压减)\s*$")
_LEADING_MARKER = re.compile(r"^(?:左右|以上|以内|以下|及以上|余|多)")


def _default_year(parsed: Parsed) -> int | None:
    info = parsed.info
    if info.period:
        return info.period[1]
    years = [int(y) for y in re.findall(r"到\s*((?:19|20)\d{2})\s*年", parsed.doc.text)]
    if info.kind == "task_division" and years:
        return max(years)
    title_year = re.search(r"((?:19|20)\d{2})\s*年", info.title or "")
    if title_year and info.kind in ("task_division", "work_report"):
        return int(title_year.group(1))  # 2023年重点工作任务清单: that year's goals
    if info.published:
        return int(info.published[:4])
    return max(years) if years else None


def _kind(before: str) -> TargetKind:
    # 分别增长7%、8%: the second number of a list takes the verb before the first
    before = re.sub(r"(?:[\d.．]+\s*(?:%|％|‰)?\s*(?:左右|以上)?\s*[、和及与]\s*)+$", "", before)
    tail = before[-8:]
    if _GROWTH.search(tail) and not _GROWTH_TO.search(tail):
        return "growth"
    if _REDUCTION.search(tail):
        return "reduction"
    return "level"


_RATE_SUBJECT = re.compile(r"(?:率|比例|占比|比重|覆盖率|普及率|达标率)$")
_AGE_SUBJECT = re.compile(r"寿命|年龄|年限")


def _is_goal(
    sentence: str,
    earlier: str,
    clause_before: str,
    clause_after: str,
    q: Quantity,
    subject: str,
    in_box: bool,
) -> bool:
    """Whether the sentence frames the number as a goal (see the module docstring)."""
    if q.unit == "岁" and not _AGE_SUBJECT.search(subject):
        return False  # 3岁以下婴幼儿: an age bracket
    time = bool(_TIME.search(sentence))
    verb = bool(_GOAL_VERB.search(clause_before)) or bool(
        re.match(r"^\s*(?:的)?[\u4e00-\u9fff（）()]{0,20}?(?:达到|实现)", clause_after)
    )
    bound = q.approx is not None
    if in_box:
        return (
            time or bool(re.search(r"达到|力争|控制在|不低于|不少于|以上|以内|左右", clause_before)) or bound
        )
    rate = q.unit in ("%", "‰") and bool(_RATE_SUBJECT.search(subject))
    return time or verb or bound or q.low is not None or rate or bool(_GOAL_VERB.search(earlier))


def _qualifier(sentence: str, q: Quantity) -> Qualifier:
    if q.low is not None:
        return "range"
    if q.approx in AFTER_MARKERS:
        return AFTER_MARKERS[q.approx]
    if q.approx in BEFORE_MARKERS:
        return BEFORE_MARKERS[q.approx]
    return qualifier_of(sentence[: q.start], sentence[q.end :])


def _targets_in_sentence(
    parsed: Parsed, sent: Piece, qs: list[Quantity], in_box: bool, year_default: int | None, facts: Facts
) -> None:
    text = parsed.doc.text
    if not qs:
        return
    year_m = _YEAR.search(sent.text)
    year = (
        int(year_m.group(1))
        if year_m and re.search(r"到|至|前|底|末", sent.text[: year_m.end() + 2])
        else year_default
    )
    parts = clauses(sent.text, 0)
    counters = [q.unit is not None and dimension_of(q.unit) == "count" for q in qs]
    forced = distribute(sent.text, parts, [q.start for q in qs], counters)
    last_subject = ""
    prev_end = 0
    for k, q in enumerate(qs):
        clause = next((c for c in parts if c.start <= q.start < c.end), Piece(sent.text, 0, len(sent.text)))
        seg = max(clause.start, prev_end)
        prev_end = q.end
        before = sent.text[seg : q.start]
        after = _LEADING_MARKER.sub("", sent.text[q.end : clause.end])
        if is_project_size(sent.text, q) and not re.search(r"达到|突破|超过|力争|以上", before):
            continue
        subjects = forced.get(k) or [subject_for(before, after, counters[k])[0]]
        if not subjects[0] and before.rstrip().endswith(("、", "和", "及")):
            subjects = [last_subject]
        subjects = [x or last_subject for x in subjects]
        if not subjects[0] or not _is_goal(
            sent.text,
            sent.text[: clause.start],
            sent.text[clause.start : q.start],
            after,
            q,
            subjects[0],
            in_box,
        ):
            continue
        last_subject = subjects[-1]
        start, end = sent.start + clause.start, sent.start + clause.end
        extra = {"text": q.text} if q.ratio else {}
        for subject in subjects:
            facts.targets.append(
                Target(
                    subject=subject,
                    value=q.value,
                    low=q.low,
                    high=q.high,
                    unit=q.unit,
                    qualifier=_qualifier(sent.text, q),
                    kind=_kind(sent.text[: q.start]),
                    year=year,
                    evidence=Evidence(start=start, end=end, quote=text[start:end]),
                    **extra,
                )
            )


def extract_targets(parsed: Parsed, facts: Facts) -> None:
    """Every quantified goal in the forward-looking parts of the document."""
    roles = section_roles(parsed)
    default = _default_year(parsed)
    boxes = [(n.start, n.content_end) for n in parsed.outline if n.kind == "box"]
    years = block_years(parsed)
    for i, (block, role) in enumerate(zip(parsed.doc.blocks, roles, strict=True)):
        if role != Section.FORWARD:
            continue
        in_box = any(s <= block.span.start < e for s, e in boxes)
        year = (years[i] or default) if parsed.info.kind == "work_report" else default
        sents = sentences(block.text, block.span.start)
        found = quantities_in(parsed, [(p.start, p.end) for p in sents])
        for sent, qs in zip(sents, found, strict=True):
            _targets_in_sentence(parsed, sent, qs, in_box, year, facts)
    _targets_in_task_cells(parsed, facts, default)


def _targets_in_task_cells(parsed: Parsed, facts: Facts, year: int | None) -> None:
    """Goals inside the task cell of a task table's rows (新建5G基站200个 | 县工信局 | …): table rows are
    otherwise left to the table extractors, but a task's wording is prose."""
    text = parsed.doc.text
    rows = [b for b in parsed.doc.blocks if b.kind == BlockKind.TABLE_ROW and b.cells]
    starts = [b.span.start for b in rows]
    for task in facts.tasks:
        i = bisect.bisect_right(starts, task.evidence.start) - 1
        if i < 0 or not (rows[i].span.start <= task.evidence.start < rows[i].span.end):
            continue
        cell = next(
            (c for c in rows[i].cells if task.title and task.title in text[c.span.start : c.span.end]), None
        )
        if cell is None:
            continue
        sents = sentences(text[cell.span.start : cell.span.end], cell.span.start)
        found = quantities_in(parsed, [(p.start, p.end) for p in sents])
        for sent, qs in zip(sents, found, strict=True):
            _targets_in_sentence(parsed, sent, qs, False, year, facts)
