"""The extraction pipeline, one explicit list of steps: read → parse → extract.

``extract`` is a pure function of a document (no database, no global state), so a corpus can be
mapped over a process pool, or over Ray/Dask/Spark when one machine is not enough.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from planwatch.extract.indicators import extract_indicators
from planwatch.extract.observations import extract_observations
from planwatch.extract.projects import extract_projects
from planwatch.extract.targets import extract_targets
from planwatch.extract.tasks import extract_tasks
from planwatch.ingest.registry import read_bytes, read_path
from planwatch.model.document import Document
from planwatch.model.facts import ExtractionWarning, Facts, Heading
from planwatch.parse.boilerplate import classify
from planwatch.parse.metadata import extract_metadata
from planwatch.parse.outline import build_outline
from planwatch.parse.parsed import Parsed
from planwatch.parse.toc import mark_toc
from planwatch.settings import Settings


def read(
    source: Path | str | bytes, *, name: str | None = None, settings: Settings | None = None
) -> Document:
    """Read a file path, raw bytes (``name`` tells the format) or a string of document text."""
    settings = settings or Settings()
    if isinstance(source, Path):
        return read_path(source, settings)
    if isinstance(source, bytes):
        return read_bytes(source, name or "document.txt", settings)
    if "\n" not in source and len(source) < 4096 and os.path.isfile(source):
        return read_path(Path(source), settings)
    return read_bytes(source.encode("utf-8"), name or "document.txt", settings)


def parse(doc: Document) -> Parsed:
    """Roles (body, chrome, metadata, TOC), outline and metadata of a read document."""
    roles = classify(doc.blocks)
    mark_toc(doc.blocks, roles)
    outline = build_outline(doc.blocks, roles, len(doc.text))
    info = extract_metadata(doc, roles)
    return Parsed(doc, roles, outline, info)


def outline_facts(parsed: Parsed) -> list[Heading]:
    """The contract's outline: headings of the body (专栏 boxes are nodes of the tree, not headings)."""
    return [
        Heading(level=n.level, label=n.label, title=n.title, start=n.start, end=n.end)
        for n in parsed.outline
        if n.kind == "heading"
    ]


Step = Callable[[Parsed, Facts], None]
STEPS: Sequence[tuple[str, Step]] = (
    ("outline", lambda p, f: f.outline.extend(outline_facts(p))),
    ("indicators", extract_indicators),
    ("tasks", extract_tasks),
    ("projects", extract_projects),
    ("targets", extract_targets),
    ("observations", extract_observations),
)


def extract_parsed(parsed: Parsed) -> Facts:
    """Run every extraction step over a parsed document."""
    facts = Facts(document=parsed.info)
    facts.warnings.extend(ExtractionWarning(line=None, stage="read", message=w) for w in parsed.doc.warnings)
    for _name, step in STEPS:
        step(parsed, facts)
    return facts


def extract(
    source: Path | str | bytes, *, name: str | None = None, settings: Settings | None = None
) -> Facts:
    """Facts of one document: ``planwatch.extract("plan.txt")`` from a notebook."""
    return extract_parsed(parse(read(source, name=name, settings=settings)))
