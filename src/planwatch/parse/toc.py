"""Recognise a table of contents so its entries never become headings.

A TOC line has dotted leaders and a page number (``第一节 发展基础........ 3``), or follows a
目录 line and ends in a page number. The TOC ends where the body repeats its first entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planwatch.model.document import Block
from planwatch.parse.boilerplate import Role

_LEADERS = re.compile(r"(?:[.．·…]{3,}|…{2,}|[-—]{4,}|\s{3,})\s*\d{1,4}\s*$")
_TRAILING_PAGE = re.compile(r"\S\s+\d{1,4}\s*$")
_TOC_TITLE = re.compile(r"^\s*目\s*录\s*$")


def _entry(text: str) -> str:
    return re.sub(r"\s+", "", _LEADERS.sub("", text))


def mark_toc(blocks: Sequence[Block], roles: list[Role]) -> None:
    """Set ``Role.TOC`` on table-of-contents lines (in place)."""
    n = len(blocks)
    for i, b in enumerate(blocks):
        if (
            roles[i] == Role.BODY
            and len(b.text) <= 120
            and _LEADERS.search(b.text)
            and re.search(r"[\u4e00-\u9fff]", b.text)
        ):
            roles[i] = Role.TOC
    for i, b in enumerate(blocks):
        if not _TOC_TITLE.match(b.text):
            continue
        roles[i] = Role.TOC
        first: str | None = None
        for j in range(i + 1, min(n, i + 400)):
            t = blocks[j].text
            if roles[j] not in (Role.BODY, Role.TOC):
                continue
            entry = _entry(t)
            if first is None:
                first = entry
            elif entry == first and not _LEADERS.search(t) and not _TRAILING_PAGE.search(t):
                break
            if roles[j] == Role.TOC or (len(t) <= 60 and _TRAILING_PAGE.search(t)):
                roles[j] = Role.TOC
            elif len(t) > 60:
                break
        break
