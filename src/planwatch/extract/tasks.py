"""Numbered tasks with the units that own them (牵头单位 / 责任单位), from prose and from tables.

A task-division scheme numbers its tasks and follows each with lines such as ``牵头单位:市发展改革委``
and ``责任单位:市财政局、市住房建设局``. Labels are matched loosely (a source may drop a character:
``任单位:``); units are split on 、 , ; in either width; a unit marked (牵头) leads. In a document where
most items of one numbering style carry unit lines, every item of that style is a task.
"""

from __future__ import annotations

import re
from collections import Counter

from planwatch.extract.lists import split_items
from planwatch.model.document import BlockKind
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


def parse_unit_fields(text: str) -> dict[str, list[str] | str]:
    """Lead units, responsible units and deadline named by the labels in a text."""
    out: dict[str, list[str] | str] = {}
    hits = list(_LABEL.finditer(text))
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(text)
        value = text[m.end() : end].strip().rstrip("。;；)）")
        kind = _kind(m.group("label"))
        if kind == "deadline":
            out["deadline"] = value
            continue
        units = [u for u in split_items(value) if u]
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
    return text[start:nxt]


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
            end = len(text[:nxt].rstrip())
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


def extract_table_tasks(parsed: Parsed, facts: Facts) -> None:
    """Tasks in real tables whose header names 任务 and 牵头单位/责任单位 columns."""
    text = parsed.doc.text
    header: list[str | None] | None = None
    table = None
    for i, b in enumerate(parsed.doc.blocks):
        if b.kind != BlockKind.TABLE_ROW or parsed.roles[i] != Role.BODY:
            continue
        if b.table != table:
            table, header = b.table, None
        cells = [c.text for c in b.cells]
        roles = _header_roles(cells)
        if header is None:
            if "task" in roles and ("lead" in roles or "responsible" in roles):
                header = roles
            continue
        row = {role: b.cells[k] for k, role in enumerate(header[: len(b.cells)]) if role}
        task_cell = row.get("task")
        if task_cell is None or not task_cell.text.strip():
            continue
        number = row["seq"].text.strip() if "seq" in row else str(len(facts.tasks) + 1)
        deadline = (
            row["deadline"].text.strip() if "deadline" in row and row["deadline"].text.strip() else None
        )
        facts.tasks.append(
            Task(
                number=number,
                title=_first_sentence(task_cell.text),
                lead_units=split_items(row["lead"].text) if "lead" in row else [],
                responsible_units=split_items(row["responsible"].text) if "responsible" in row else [],
                deadline=deadline,
                evidence=Evidence(start=b.span.start, end=b.span.end, quote=text[b.span.start : b.span.end]),
            )
        )


def extract_tasks(parsed: Parsed, facts: Facts) -> None:
    """Tasks from numbered prose items and from task tables."""
    extract_prose_tasks(parsed, facts)
    extract_table_tasks(parsed, facts)
