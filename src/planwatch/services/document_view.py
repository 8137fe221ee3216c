"""The document viewer (文档查看): a document's clean text cut into segments, each knowing which
extracted facts cover it, and the list of facts with their spans (the anchors the pages link to)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from planwatch.errors import NotFoundError
from planwatch.services.publish import published_among
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import browse

FACT_LABELS = {"indicators": "主要指标", "targets": "目标", "tasks": "任务", "projects": "重点项目",
               "observations": "实际值"}  # fmt: skip
PREFIX = {"indicators": "I", "targets": "T", "tasks": "K", "projects": "P", "observations": "O"}
KIND_LABELS = {"plan": "规划纲要", "task_division": "任务分工方案", "work_report": "政府工作报告",
               "bulletin": "统计公报", "news": "新闻报道", "other": "其他"}  # fmt: skip


@dataclass(frozen=True)
class Fact:
    """One extracted fact with its span in the text."""

    ref: str  # O12, T7, I3, K5, P9
    type: str
    label: str
    detail: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Segment:
    """A stretch of text and the facts (refs) that cover it."""

    start: int
    text: str
    refs: tuple[str, ...]


@dataclass
class DocumentMeta:
    """A document's description."""

    id: int
    title: str
    kind: str
    kind_label: str
    region: str | None
    region_code: str | None
    issuer: str | None
    doc_number: str | None
    published: date | None
    period: str | None
    format: str | None
    version: int
    current: bool
    status: str
    error: str | None
    ingested_at: datetime
    source_path: str
    is_public: bool


@dataclass
class DocumentView:
    """What the viewer shows."""

    meta: DocumentMeta
    segments: list[Segment]
    facts: list[Fact]
    length: int


def _label(name: str, f: Any) -> tuple[str, str]:
    """(label, detail) of a fact for the list."""

    def num(x: float | None) -> str:
        return "" if x is None else f"{x:g}"

    if name == "indicators":
        return (
            f.name,
            f"{num(f.baseline_value)} → {f.target_text or num(f.target_value)} {f.unit or ''}".strip(),
        )
    if name == "targets":
        return f.subject, f"{f.year or ''} {num(f.value)}{f.unit or ''}".strip()
    if name == "tasks":
        return f"{f.number} {f.title}"[:80], "牵头: " + "、".join(f.lead_units or []) if f.lead_units else ""
    if name == "projects":
        return f.name[:80], f.box_title or f.box or ""
    growth = f" 增长{f.growth:g}%" if f.growth is not None else ""
    return f.subject, f"{f.period or ''} {num(f.value)}{f.unit or ''}{growth}".strip()


def segments(length: int, facts: list[Fact], text: str) -> list[Segment]:
    """Cut the text at every fact boundary; each piece lists the facts covering it (a sweep)."""
    bounds = sorted({0, length, *(f.start for f in facts), *(f.end for f in facts)})
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for f in facts:
        starts.setdefault(f.start, []).append(f.ref)
        ends.setdefault(f.end, []).append(f.ref)
    open_refs: dict[str, None] = {}
    out: list[Segment] = []
    for a, b in itertools.pairwise(bounds):
        for ref in ends.get(a, ()):
            open_refs.pop(ref, None)
        for ref in starts.get(a, ()):
            open_refs[ref] = None
        out.append(Segment(a, text[a:b], tuple(open_refs)))
    return out


def meta_of(doc: Any, index: RegionIndex, is_public: bool) -> DocumentMeta:
    """The description of a document row."""
    region = index.get(doc.region_code)
    period = f"{doc.period_start}–{doc.period_end}" if doc.period_start and doc.period_end else None
    return DocumentMeta(doc.id, doc.title or doc.source_path.rsplit("/", 1)[-1], doc.kind,
                        KIND_LABELS.get(doc.kind, doc.kind), region.name if region else doc.region_text,
                        doc.region_code, doc.issuer, doc.doc_number, doc.published, period, doc.format,
                        doc.version, doc.current, doc.status, doc.error, doc.ingested_at, doc.source_path,
                        is_public)  # fmt: skip


def document_view(db: Database, scope: Scope, doc_id: int) -> DocumentView:
    """A document with its facts; NotFoundError when missing (or, for the public, unpublished)."""
    with db.session() as session:
        doc = browse.document(session, doc_id, scope.public)
        if doc is None:
            raise NotFoundError(
                f"文档 {doc_id} 不存在或未公开 (no document {doc_id})", hint="see the document list"
            )
        index = RegionIndex.load(session)
        text = doc.text or ""
        facts: list[Fact] = []
        for name in PREFIX:
            for f in browse.facts_of(session, doc.id, name):
                start, end = f.evidence_start, f.evidence_end
                if start is None or end is None or not 0 <= start < end <= len(text):
                    continue
                label, detail = _label(name, f)
                facts.append(
                    Fact(f"{PREFIX[name]}{f.id}", name, label, detail, start, end, f.evidence_quote or "")
                )
    facts.sort(key=lambda f: (f.start, f.end))
    meta = meta_of(doc, index, bool(published_among(db, "document", [doc.logical_key])))
    return DocumentView(meta, segments(len(text), facts, text), facts, len(text))
