"""Numbered tasks with the units that own them (牵头单位 / 责任单位), from prose and from tables.

A task-division scheme numbers its tasks and follows each with lines such as ``牵头单位:市发展改革委``
and ``责任单位:市财政局、市住房建设局``. Labels are matched loosely (a source may drop a character:
``任单位:``); units are split on 、 , ; in either width; a unit marked (牵头) leads. In a document where
most items of one numbering style carry unit lines, every item of that style is a task.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from planwatch.extract.lists import split_items
from planwatch.extract.tablegrid import grid_rows
from planwatch.model.document import Block, BlockKind, Cell
from planwatch.model.facts import Evidence, Facts, Task
from planwatch.parse.boilerplate import Role
from planwatch.parse.outline import Node
from planwatch.parse.parsed import Parsed

_LEAD = r"(?:牵\s*头|主\s*责|主\s*办|头)\s*(?:单\s*位|部\s*门|处\s*室)"
_RESP = (
    r"(?:责\s*任|任|配\s*合|参\s*与|协\s*同|协\s*办|协\s*作|相\s*关|参\s*加)\s*(?:单\s*位|部\s*门|处\s*室)"
)
_DEADLINE = r"(?:完\s*成\s*时\s*限|完\s*成\s*时\s*间|时\s*间\s*节\s*点|时\s*限|完\s*成\s*期\s*限)"
_LABEL = re.compile(rf"[(（]?\s*(?P<label>{_LEAD}|{_RESP}|{_DEADLINE})\s*[:：]\s*")
_DEADLINE_VALUE = re.compile(
    r"(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:底|末|年底|上半年|下半年)?(?:前|以前|完成)?(?:\s*[-—至到]\s*(?:19|20)?\d{2,4}\s*年(?:底|末)?)?|长期坚持|持续推进|长期|持续实施|常态化推进|年内完成)"
)


def _kind(label: str) -> str:
    flat = re.sub(r"\s+", "", label)
    if re.fullmatch(_LEAD.replace(r"\s*", ""), flat):
        return "lead"
    if re.fullmatch(_DEADLINE.replace(r"\s*", ""), flat):
        return "deadline"
    return "responsible"


_DUTY = r"(?:等)?\s*(?:按职责分工负责|按职责负责|分别负责|负责|配合|协同|参与|协助)"
_LEAD_PHRASE = re.compile(
    r"(?:^|[。；;，,\n])\s*[（(]?\s*(?:由)?(?P<lead>[\u4e00-\u9fff、]{2,80}?)\s*牵头\s*[，,；;、]?\s*"
    rf"(?:(?P<resp>[\u4e00-\u9fff、]{{2,120}}?)\s*{_DUTY})?\s*[)）]?\s*[。；;]?\s*$"
)
_SOLE_DUTY = re.compile(rf"[（(]\s*(?P<lead>[\u4e00-\u9fff、]{{2,80}}?)\s*{_DUTY}\s*[)）]\s*[。；;]?\s*$")
_UNIT_SUFFIX = re.compile(rf"\s*(?:牵头|{_DUTY})$")


def _phrase_units(text: str) -> dict[str, list[str] | str]:
    """(市发展改革委牵头,市财政局等按职责分工负责), 县住建局牵头,县财政局配合, (市人社局负责): units named
    by verbs instead of labels; a unit that alone 负责 leads."""
    tail = text.strip()
    m = _LEAD_PHRASE.search(tail)
    if m:
        out: dict[str, list[str] | str] = {"lead": [u for u in split_items(m.group("lead")) if u]}
        if m.group("resp"):
            out["responsible"] = [u for u in split_items(m.group("resp")) if u]
        return out
    sole = _SOLE_DUTY.search(tail)
    return {"lead": [u for u in split_items(sole.group("lead")) if u]} if sole else {}


def parse_unit_fields(text: str) -> dict[str, list[str] | str]:
    """Lead units, responsible units and deadline named by the labels in a text (or, with no label,
    by 牵头/配合 after the names)."""
    out: dict[str, list[str] | str] = {}
    hits = list(_LABEL.finditer(text))
    if not hits:
        return _phrase_units(text)
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        value = text[m.end() : end].strip().rstrip("。;；)）")
        kind = _kind(m.group("label"))
        if kind == "deadline":
            out["deadline"] = value
            continue
        units = [u for u in split_items(value) if u]
        if kind == "responsible" and any(u.endswith("牵头") for u in units):
            # 责任单位:市住房城乡建设局牵头,市财政局按职责分工负责
            out.setdefault("lead", []).extend(_UNIT_SUFFIX.sub("", u) for u in units if u.endswith("牵头"))  # type: ignore[union-attr]
            units = [u for u in units if not u.endswith("牵头")]
        units = [_UNIT_SUFFIX.sub("", u) or u for u in units]
        leads = [
            re.sub(r"[(（]\s*牵头\s*[)）]$", "", u) for u in units if re.search(r"[(（]\s*牵头\s*[)）]$", u)
        ]
        if leads and kind == "responsible":
            out.setdefault("lead", []).extend(leads)  # type: ignore[union-attr]
            units = [u for u in units if not re.search(r"[(（]\s*牵头\s*[)）]$", u)]
        existing = out.setdefault(kind, [])
        assert isinstance(existing, list)
        existing.extend(units)
    return out


def _number(label: str | None) -> str:
    return re.sub(r"[^\w]", "", label or "").strip("_")


def _items_by_style(parsed: Parsed) -> dict[str, list[int]]:
    by: dict[str, list[int]] = {}
    for idx, n in enumerate(parsed.outline):
        if n.kind == "heading":
            by.setdefault(n.style, []).append(idx)
    return by


def _unit_text(parsed: Parsed, node: Node) -> str:
    """Unit lines inside a heading's own content (up to the next heading of any level)."""
    text = parsed.doc.text
    start = node.end
    nxt = next((n.start for n in parsed.outline if n.start > node.start and n.kind == "heading"), len(text))
    return text[start : _chrome_after(parsed, start, nxt)]


def _chrome_after(parsed: Parsed, start: int, limit: int) -> int:
    """Where the page's chrome (a 主办/版权所有 footer, a link list) begins after ``start``, or ``limit``:
    the last task of a page must not take the footer as a unit."""
    cached = parsed.cache.get("chrome_starts")
    if not isinstance(cached, list):
        cached = [
            b.span.start for b, r in zip(parsed.doc.blocks, parsed.roles, strict=True) if r == Role.CHROME
        ]
        parsed.cache["chrome_starts"] = cached
    i = bisect.bisect_left(cached, start)
    return cached[i] if i < len(cached) and cached[i] < limit else limit


def extract_prose_tasks(parsed: Parsed, facts: Facts) -> None:
    """Tasks written as numbered items followed by unit lines."""
    text = parsed.doc.text
    styles = _items_by_style(parsed)
    with_units: Counter[str] = Counter()
    fields: dict[int, dict[str, list[str] | str]] = {}
    for style, idxs in styles.items():
        for idx in idxs:
            f = parse_unit_fields(_unit_text(parsed, parsed.outline[idx]))
            fields[idx] = f
            if f.get("lead") or f.get("responsible"):
                with_units[style] += 1
    for style, idxs in styles.items():
        if not with_units[style]:
            continue
        every = with_units[style] >= max(3, len(idxs) // 2)
        for idx in idxs:
            node = parsed.outline[idx]
            f = fields[idx]
            if not (every or f.get("lead") or f.get("responsible")):
                continue
            nxt = next(
                (n.start for n in parsed.outline if n.start > node.start and n.kind == "heading"), len(text)
            )
            end = len(text[: _chrome_after(parsed, node.end, nxt)].rstrip())
            lead, resp, deadline = f.get("lead", []), f.get("responsible", []), f.get("deadline")
            facts.tasks.append(
                Task(
                    number=_number(node.label),
                    title=node.title,
                    lead_units=list(lead) if isinstance(lead, list) else [],
                    responsible_units=list(resp) if isinstance(resp, list) else [],
                    deadline=deadline if isinstance(deadline, str) else None,
                    evidence=Evidence(start=node.start, end=end, quote=text[node.start : end]),
                )
            )


_TASK_HEADER = {
    "seq": re.compile(r"^(?:序号|编号)$"),
    "task": re.compile(
        r"(?:重点|主要|工作|具体)?任务(?:内容|名称|举措|措施)?$|^工作内容$|^(?:主要)?措施$|^工作事项$"
    ),
    "lead": re.compile(rf"^{_LEAD}$".replace(r"\s*", "")),
    "responsible": re.compile(rf"^{_RESP}$".replace(r"\s*", "")),
    "deadline": re.compile(rf"^{_DEADLINE}$".replace(r"\s*", "")),
}


def _header_roles(cells: list[str]) -> list[str | None]:
    out: list[str | None] = []
    for c in cells:
        t = re.sub(r"\s+", "", c)
        out.append(next((role for role, p in _TASK_HEADER.items() if p.search(t)), None))
    return out


def _first_sentence(text: str) -> str:
    m = re.search(r"[。；;]", text)
    if m and 2 <= m.start() <= 40:
        return text[: m.start()]
    return text.strip("。")


def _table_task(row: dict[str, Cell], number: str, start: int, end: int, text: str) -> Task | None:
    task_cell = row.get("task")
    if task_cell is None or not task_cell.text.strip():
        return None
    deadline = row["deadline"].text.strip() if "deadline" in row and row["deadline"].text.strip() else None
    return Task(
        number=number,
        title=_first_sentence(task_cell.text),
        lead_units=split_items(row["lead"].text) if "lead" in row else [],
        responsible_units=split_items(row["responsible"].text) if "responsible" in row else [],
        deadline=deadline,
        evidence=Evidence(start=start, end=end, quote=text[start:end]),
    )


def extract_table_tasks(parsed: Parsed, facts: Facts) -> None:
    """Tasks in real tables whose header names 任务 and 牵头单位/责任单位 columns (merged cells carried)."""
    text = parsed.doc.text
    tables: dict[int, list[Block]] = {}
    for i, b in enumerate(parsed.doc.blocks):
        if b.kind == BlockKind.TABLE_ROW and parsed.roles[i] == Role.BODY and b.table is not None:
            tables.setdefault(b.table, []).append(b)
    for blocks in tables.values():
        header: list[str | None] | None = None
        for b, cells in zip(blocks, grid_rows(blocks), strict=True):
            roles = _header_roles([c.text for c in cells])
            if header is None:
                if "task" in roles and ("lead" in roles or "responsible" in roles):
                    header = roles
                continue
            row = {role: cells[k] for k, role in enumerate(header[: len(cells)]) if role}
            number = row["seq"].text.strip() if "seq" in row else str(len(facts.tasks) + 1)
            task = _table_task(row, number, b.span.start, b.span.end, text)
            if task is not None:
                facts.tasks.append(task)


def extract_flat_table_tasks(parsed: Parsed, facts: Facts) -> None:
    """Task tables a web page flattened one cell per line: a run of header cells (序号, 任务, 牵头单位 …),
    then rows that start with their number; each row's cells fill the header's columns in order."""
    blocks, text = parsed.doc.blocks, parsed.doc.text
    i = 0
    while i < len(blocks):
        roles: list[str | None] = []
        j = i
        while j < len(blocks) and blocks[j].kind != BlockKind.TABLE_ROW and len(blocks[j].text) <= 12:
            role = _header_roles([blocks[j].text])[0]
            if role is None:
                break
            roles.append(role)
            j += 1
        if "task" not in roles or not ({"lead", "responsible"} & set(roles)) or len(roles) < 3:
            i = max(j, i + 1)
            continue
        expected = 1
        k = j
        while k < len(blocks) and blocks[k].text.strip() == str(expected) and roles[0] == "seq":
            cells = blocks[k : k + len(roles)]
            if len(cells) < len(roles):
                break
            row = {role: Cell(c.text, c.span) for role, c in zip(roles, cells, strict=True) if role}
            task = _table_task(row, str(expected), cells[0].span.start, cells[-1].span.end, text)
            if task is None:
                break
            facts.tasks.append(task)
            expected += 1
            k += len(roles)
        i = max(k, i + 1)


def extract_tasks(parsed: Parsed, facts: Facts) -> None:
    """Tasks from numbered prose items and from task tables."""
    extract_prose_tasks(parsed, facts)
    extract_table_tasks(parsed, facts)
    extract_flat_table_tasks(parsed, facts)
