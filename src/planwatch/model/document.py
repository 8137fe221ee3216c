"""The read stage's output: a document's text, its blocks with spans, and its metadata.

Offsets are Python ``str`` indices into ``Document.text``. For plain text ``text`` is the decoded
file itself; for HTML, DOCX and PDF it is the text the reader renders (what ``planwatch read
--format text`` prints), so that ``text[start:end]`` is always the evidence quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class BlockKind(StrEnum):
    """What a block of a document is, as far as the reader can tell."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    TABLE_ROW = "table_row"
    LIST_ITEM = "list_item"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in ``Document.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its text and where it sits in ``Document.text``."""

    text: str
    span: Span
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph, heading or table row, in reading order.

    ``text`` equals ``document.text[span.start:span.end]``. For table rows ``cells`` holds the
    cells (their spans lie inside the row's span); ``table`` numbers the tables of a document.
    ``line`` is the 1-based line of ``text`` where the block starts (for messages).
    """

    kind: BlockKind
    text: str
    span: Span
    line: int
    style: str | None = None
    level: int | None = None
    numbering: str | None = None
    cells: tuple[Cell, ...] = ()
    table: int | None = None
    page: int | None = None


@dataclass(slots=True)
class Document:
    """A read document: exact text, blocks with spans, metadata from the file itself."""

    text: str
    blocks: list[Block]
    source: str
    format: str
    encoding: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def quote(self, span: Span) -> str:
        """The characters a span points at."""
        return self.text[span.start : span.end]
