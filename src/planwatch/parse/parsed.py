"""The parse stage's output, the extractors' input."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.model.document import Document
from planwatch.model.facts import DocumentInfo
from planwatch.parse.boilerplate import Role
from planwatch.parse.outline import Node


@dataclass
class Parsed:
    """A read document with its block roles, heading tree and metadata."""

    doc: Document
    roles: list[Role]
    outline: list[Node]
    info: DocumentInfo
    claimed: list[tuple[int, int]] = field(default_factory=list)  # spans a table extractor consumed
    cache: dict[str, object] = field(default_factory=dict)  # derived views computed once (section roles)
