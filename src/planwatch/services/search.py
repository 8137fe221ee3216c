"""``搜索``: full-text search across documents in Chinese, with highlighted snippets.

The query is split on spaces; every term must occur. Snippets are returned as segments (text, hit)
so that pages escape the document's text and mark only the hits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from planwatch.errors import ValidationError
from planwatch.services.paging import Page, check
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import search as repo

MAX_TERMS = 8
Segment = tuple[str, bool]  # (text, is a hit)


@dataclass(frozen=True)
class Hit:
    """One matching document and where the first hit is."""

    document_id: int
    title: str
    kind: str
    region: str | None
    published: date | None
    snippet: list[Segment]
    position: int  # character offset of the first hit in the text (-1: only the title matched)
    length: int  # length of the first term


def terms_of(query: str) -> list[str]:
    """The distinct terms of a query (at most MAX_TERMS); ValidationError when there are none."""
    terms = list(dict.fromkeys(t for t in query.split() if t))[:MAX_TERMS]
    if not terms:
        raise ValidationError("请输入搜索词 (empty query)", hint="type a word, e.g. 森林覆盖率")
    if any(len(t) > 100 for t in terms):
        raise ValidationError("搜索词过长 (a term is longer than 100 characters)")
    return terms


def mark(text: str, terms: list[str]) -> list[Segment]:
    """Split a snippet into segments, the occurrences of any term (case-insensitive) marked."""
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out: list[Segment] = []
    last = 0
    for m in pattern.finditer(text):
        if m.start() > last:
            out.append((text[last : m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def _marked(snippet: str) -> list[Segment]:
    """Segments of a snippet whose hits are already between the markers."""
    out: list[Segment] = []
    for i, part in enumerate(re.split(f"[{repo.HIT_START}{repo.HIT_END}]", snippet)):
        if part:
            out.append((part, i % 2 == 1))
    return out


def search(
    db: Database, scope: Scope, query: str, *, region: str | None = None, kind: str | None = None,
    limit: int = 20, offset: int = 0,
) -> Page[Hit]:  # fmt: skip
    """Documents that contain every term of the query, best first."""
    limit, offset = check(limit, offset)
    terms = terms_of(query)
    with db.session() as session:
        index = RegionIndex.load(session)
        codes = None
        if region:
            chosen = index.require(region)
            codes = [chosen.code, *(r.code for r in index.descendants(chosen))]
        rows, total = repo.search(session, terms, scope.public, codes, kind, limit, offset)
    hits = []
    for r in rows:
        place = index.get(r.region_code)
        snippet = _marked(r.snippet) if r.marked else mark(r.snippet, terms)
        hits.append(Hit(r.id, r.title or "(无标题)", r.kind, place.name if place else None, r.published,
                        snippet, r.position, len(terms[0])))  # fmt: skip
    return Page(hits, total, limit, offset)
