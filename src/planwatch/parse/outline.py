"""The heading tree of a document: 篇/章/节, 一、/(一)/1./(1)/①, and 专栏 boxes holding their content.

Levels are relative: the numbering styles a document uses, ordered by their usual rank
(篇 > 章 > 节 > 一、 > (一) > 1. > (1) > ①), become levels 1, 2, 3 … A heading is a short line
that starts with a label, or the first sentence of a paragraph that starts with one (run-in).
Inside a 专栏 box, numbered lines are the box's items, not headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from planwatch.model.document import Block, BlockKind
from planwatch.parse.boilerplate import Role

_N = r"[一二三四五六七八九十百零〇两\d]+"
_CN = r"[一二三四五六七八九十]+"


@dataclass(frozen=True)
class Style:
    """A numbering style: its name, usual rank (smaller = higher) and label pattern."""

    name: str
    rank: float
    pattern: re.Pattern[str]
    structural: bool  # ends a 专栏 box when met inside one


STYLES: tuple[Style, ...] = (
    Style("pian", 0, re.compile(rf"^(第\s*{_N}\s*篇)"), True),
    Style("bufen", 0.5, re.compile(rf"^(第\s*{_N}\s*部分)"), True),
    Style("zhang", 1, re.compile(rf"^(第\s*{_N}\s*章)"), True),
    Style("jie", 2, re.compile(rf"^(第\s*{_N}\s*节)"), True),
    Style("cn", 3, re.compile(rf"^({_CN}\s*(?:、|[．.](?!\d)))"), True),
    Style("cnparen", 4, re.compile(rf"^([(（]\s*{_CN}\s*[)）])"), True),
    Style("num", 5, re.compile(r"^(\d{1,3}\s*(?:、|[.．](?![\d.．])))"), False),
    Style("numparen", 6, re.compile(r"^([(（]\s*\d{1,3}\s*[)）])"), False),
    Style("circled", 7, re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"), False),
)
_BOX = re.compile(rf"^(专栏\s*{_N}|专栏)\s*[:：.、]?\s*")
_RUN_IN_END = re.compile(r"[。！？]")
_TRIM = " \t\u3000\u00a0:："
_MAX_TITLE = 50
_MAX_RUN_IN = 40


@dataclass
class Node:
    """A heading or a 专栏 box: label, title, span of the heading text, span of its content."""

    kind: str  # "heading" | "box"
    style: str
    label: str | None
    title: str
    start: int
    end: int
    block: int
    level: int = 0
    content_start: int = 0
    content_end: int = 0
    parent: int | None = None
    items: list[int] = field(default_factory=list)  # block indices of a box's content


@dataclass(frozen=True)
class _Match:
    style: Style | None
    label: str | None
    title: str
    start: int
    end: int


def match_heading(block: Block) -> _Match | None:
    """The heading a block starts with, if any (label, title and the span of both)."""
    text = block.text
    for style in STYLES:
        m = style.pattern.match(text)
        if not m:
            continue
        rest = text[m.end() :]
        lead = len(rest) - len(rest.lstrip(_TRIM))
        body = rest[lead:]
        stop = _RUN_IN_END.search(body)
        if stop:
            title = body[: stop.start()].rstrip(_TRIM)
            if not 2 <= len(title) <= _MAX_RUN_IN:
                return None
        else:
            title = body.rstrip(_TRIM + "；;，,")
            if not 1 <= len(title) <= _MAX_TITLE:
                return None
        start = block.span.start
        end = start + m.end() + lead + len(title)
        return _Match(style, re.sub(r"\s+", "", m.group(1)), title, start, end)
    return None


def _kicker(blocks: Sequence[Block], i: int) -> _Match | None:
    """News-style section heads: a short line ending in —— and a short headline under it."""
    a = blocks[i]
    if not (a.text.endswith(("——", "--")) and 4 <= len(a.text) <= 40) or i + 1 >= len(blocks):
        return None
    b = blocks[i + 1]
    if len(b.text) > 30 or _RUN_IN_END.search(b.text):
        return None
    return _Match(None, None, a.text + b.text, a.span.start, b.span.end)


def build_outline(blocks: Sequence[Block], roles: Sequence[Role], text_len: int) -> list[Node]:
    """All headings and boxes in reading order, with levels, parents and content spans."""
    nodes: list[Node] = []
    box: Node | None = None
    skip_next = False
    for i, b in enumerate(blocks):
        if skip_next:
            skip_next = False
            continue
        if roles[i] != Role.BODY:
            continue
        if b.kind == BlockKind.TABLE_ROW:
            if box is not None:
                box.items.append(i)  # a box's table (项目名称 | 建设内容 | 总投资) is its content
            continue
        bm = _BOX.match(b.text)
        if bm and len(b.text) <= 60:
            title = b.text[bm.end() :].strip(_TRIM)
            box = Node("box", "box", re.sub(r"\s+", "", bm.group(1)), title, b.span.start, b.span.end, i)
            nodes.append(box)
            continue
        m = match_heading(b)
        if m is None:
            m = _kicker(blocks, i)
            if m is not None:
                skip_next = True
        if m is not None and box is not None and m.style is not None and not m.style.structural:
            m = None  # a numbered item inside a box
        if m is None:
            if box is not None:
                box.items.append(i)
            continue
        box = None
        style = m.style.name if m.style else "kicker"
        nodes.append(Node("heading", style, m.label, m.title, m.start, m.end, i))
    _assign_levels(nodes)
    _assign_spans(nodes, blocks, text_len)
    return nodes


def _rank(node: Node) -> float:
    if node.style == "kicker":
        return -1
    return next(s.rank for s in STYLES if s.name == node.style)


def _assign_levels(nodes: list[Node]) -> None:
    ranks = sorted({_rank(n) for n in nodes if n.kind == "heading"})
    level_of = {r: k + 1 for k, r in enumerate(ranks)}
    stack: list[int] = []
    for idx, n in enumerate(nodes):
        if n.kind == "heading":
            n.level = level_of[_rank(n)]
            while stack and nodes[stack[-1]].level >= n.level:
                stack.pop()
            n.parent = stack[-1] if stack else None
            stack.append(idx)
        else:
            n.parent = stack[-1] if stack else None
            n.level = (nodes[n.parent].level + 1) if n.parent is not None else 1


def _assign_spans(nodes: list[Node], blocks: Sequence[Block], text_len: int) -> None:
    for idx, n in enumerate(nodes):
        n.content_start = n.end
        if n.kind == "box":
            last = n.items[-1] if n.items else n.block
            n.content_end = blocks[last].span.end
            continue
        n.content_end = text_len
        for later in nodes[idx + 1 :]:
            if later.kind == "heading" and later.level <= n.level:
                n.content_end = later.start
                break
