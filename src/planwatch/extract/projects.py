"""Key projects listed in 专栏 boxes.

Three layouts occur: a table with a 项目名称 column (a 类别 column gives the group, a 总投资 column the
investment), numbered items (``1.名称`` then a description, or ``6.名称。描述…`` on one line),
and groups written ``X项目。A、B、C。``. In a group list, a 、 can also join parts of one project
(``体育馆、游泳馆综合体项目``), so an item that does not end like a project name is joined to the next.
"""

from __future__ import annotations

import re

from planwatch.extract.lists import split_spans
from planwatch.extract.tablegrid import grid_rows
from planwatch.model.document import BlockKind
from planwatch.model.facts import Evidence, Facts, Project
from planwatch.parse.outline import Node
from planwatch.parse.parsed import Parsed

_ITEM = re.compile(
    r"^(?:\d{1,3}\s*(?:[.．、](?![\d.．]))|[(（]\s*\d{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]+\s*、)\s*"
)
_GROUP = re.compile(
    r"^(?P<group>[^。：:；;]{2,24}?(?:项目|工程|行动|计划|建设))\s*[。：:]\s*(?P<items>.+)$"
    r"|^(?P<category>[\u4e00-\u9fff]{2,10})\s*[：:]\s*(?:加快建设|开工建设|加快推进|建成|实施|推进|新建|建设|续建|开工)?"
    r"(?P<listed>.+)$"
)
_HEAD = re.compile(
    r"(?:项目|工程|建设|治理|整治|改造|修复|[一二三四五六七八九十\d]期|园区|园|基地|平台|中心|变电站|站|厂|小镇|设施|系统|体系|"
    r"储备库|库|场|线|网|馆群|示范区|产业园|集聚区|服务区|贸易区|景区|公园|学校|医院|村|(?<!路)段|公路|高速|铁路|大桥|桥|隧道|机场|"
    r"水库|通道|枢纽|码头|港)$"
)
_INVESTMENT = re.compile(
    r"(?:总投资|计划投资|估算投资|概算投资|投资)(?:约|近|达)?\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>亿元|万元|元)"
)
_TRAILING_PAREN = re.compile(r"[(（][^()（）]*[)）]$")


def _complete(name: str) -> bool:
    """Whether an enumerated item ends like a project name (a parenthesis after the head word is fine)."""
    core = _TRAILING_PAREN.sub("", name).rstrip("等")
    return "。" not in name and bool(_HEAD.search(core))


def _join_fragments(items: list[tuple[str, int, int]], text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    carry: tuple[int, int] | None = None
    for _item, s, e in items:
        if carry is not None:
            s = carry[0]
        if _complete(text[s:e]):
            out.append((text[s:e], s, e))
            carry = None
        else:
            carry = (s, e)
    if carry is not None:
        out.append((text[carry[0] : carry[1]], carry[0], carry[1]))
    return out


def investment(text: str) -> dict[str, object] | None:
    """'总投资3.2亿元' in a project's description → {value, unit, text}."""
    m = _INVESTMENT.search(text)
    if not m:
        return None
    return {"value": float(m.group("value")), "unit": m.group("unit"), "text": m.group(0)}


def _numbered(parsed: Parsed, box: Node, facts: Facts) -> bool:
    text = parsed.doc.text
    found = False
    prose = [i for i in box.items if parsed.doc.blocks[i].kind != BlockKind.TABLE_ROW]
    items = [i for i in prose if _ITEM.match(parsed.doc.blocks[i].text)]
    for i in prose:
        b = parsed.doc.blocks[i]
        m = _ITEM.match(b.text)
        if not m:
            continue
        nxt = next((j for j in items if j > i), None)
        description = " ".join(
            parsed.doc.blocks[j].text for j in prose if i <= j and (nxt is None or j < nxt)
        )
        rest_start = b.span.start + m.end()
        rest = text[rest_start : b.span.end]
        stop = re.search(r"[。：:]", rest)
        name = rest[: stop.start()] if stop else rest
        name = name.strip()
        if not name or len(name) > 60:
            continue
        start = rest_start + rest.find(name)
        money = investment(description)
        facts.projects.append(
            Project.model_validate(
                {
                    "box": box.label,
                    "box_title": box.title,
                    "group": None,
                    "name": name,
                    "evidence": Evidence(start=start, end=start + len(name), quote=name),
                    **({"investment": money} if money else {}),
                }
            )
        )
        found = True
    return found


def _grouped(parsed: Parsed, box: Node, facts: Facts) -> None:
    """``X项目。A、B、C。`` lines; the box's list ends at the first line that is not such a list."""
    text = parsed.doc.text
    started = False
    for i in box.items:
        b = parsed.doc.blocks[i]
        if b.kind == BlockKind.TABLE_ROW:
            continue
        m = _GROUP.match(b.text)
        if m and m.group("group"):
            group, offset, body = m.group("group").strip(), b.span.start + m.start("items"), m.group("items")
        elif m:
            group, offset, body = m.group("category"), b.span.start + m.start("listed"), m.group("listed")
        else:
            group, offset, body = None, b.span.start, b.text
        items = [
            (n, s, e) for n, s, e in _join_fragments(split_spans(body, offset), text) if 2 <= len(n) <= 120
        ]
        complete = [it for it in items if _complete(it[0]) and len(it[0]) <= 80]
        prose = group is None and "。" in b.text.rstrip("。")
        if prose or not items or len(complete) < max(1, (len(items) + 1) // 2):
            if started:
                break
            continue
        started = True
        for name, s, e in items:
            if group is None and not _complete(name):
                continue
            facts.projects.append(
                Project(
                    box=box.label,
                    box_title=box.title,
                    group=group,
                    name=name,
                    evidence=Evidence(start=s, end=e, quote=text[s:e]),
                )
            )


_NAME_HEADER = re.compile(r"^(?:重点)?(?:项目|工程|建设项目|项目工程)(?:名称)?$|^名称$")
_GROUP_HEADER = re.compile(r"^(?:项目)?(?:类别|类型|分类|领域|板块|行业)$")
_MONEY_HEADER = re.compile(
    r"(?:总投资|计划投资|投资估算|估算投资|投资额|投资)[（(]?\s*(?P<unit>亿元|万元|元)?"
)
_NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")


def _tabular(parsed: Parsed, box: Node, facts: Facts) -> bool:
    """A box holding a table whose header names the project column."""
    rows = [parsed.doc.blocks[i] for i in box.items if parsed.doc.blocks[i].kind == BlockKind.TABLE_ROW]
    grid = grid_rows(rows)
    text = parsed.doc.text
    header_at = next(
        (k for k, row in enumerate(grid) if any(_NAME_HEADER.match(re.sub(r"\s+", "", c.text)) for c in row)),
        None,
    )
    if header_at is None:
        return False
    heads = [re.sub(r"\s+", "", c.text) for c in grid[header_at]]
    name_col = next(k for k, h in enumerate(heads) if _NAME_HEADER.match(h))
    group_col = next((k for k, h in enumerate(heads) if _GROUP_HEADER.match(h)), None)
    money_col = next((k for k, h in enumerate(heads) if _MONEY_HEADER.search(h)), None)
    money_unit = _MONEY_HEADER.search(heads[money_col]) if money_col is not None else None
    found = False
    for row in grid[header_at + 1 :]:
        if name_col >= len(row) or row[name_col] is grid[header_at][min(name_col, len(grid[header_at]) - 1)]:
            continue
        cell = row[name_col]
        name = cell.text.strip()
        if not name or len(name) > 120 or _NUMBER.match(name):
            continue
        start = cell.span.start + text[cell.span.start : cell.span.end].find(name)
        extra: dict[str, object] = {}
        if money_col is not None and money_col < len(row):
            amount = _NUMBER.match(row[money_col].text)
            if amount and money_unit is not None and money_unit.group("unit"):
                extra["investment"] = {
                    "value": float(amount.group(1)),
                    "unit": money_unit.group("unit"),
                    "text": row[money_col].text.strip(),
                }
        group = row[group_col].text.strip() if group_col is not None and group_col < len(row) else None
        facts.projects.append(
            Project.model_validate(
                {
                    "box": box.label,
                    "box_title": box.title,
                    "group": group or None,
                    "name": name,
                    "evidence": Evidence(start=start, end=start + len(name), quote=name),
                    **extra,
                }
            )
        )
        found = True
    return found


def extract_projects(parsed: Parsed, facts: Facts) -> None:
    """Every project in every 专栏 box."""
    for node in parsed.outline:
        if node.kind != "box":
            continue
        if not _tabular(parsed, node, facts) and not _numbered(parsed, node, facts):
            _grouped(parsed, node, facts)
