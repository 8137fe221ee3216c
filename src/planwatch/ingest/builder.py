"""Assemble a Document from pieces, computing every block's and cell's span as it goes.

Readers of structured formats (HTML, DOCX, PDF) render their content into one text: each block
on its own line, table cells separated by a tab. Spans are computed here, once, so no reader can
get an offset wrong.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from planwatch.model.document import Block, BlockKind, Cell, Document, Span

_CJK = r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]"
_BREAK_BETWEEN_CJK = re.compile(rf"(?<={_CJK})[ \t]*\n\s*(?={_CJK})")
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\u3000]+")


def clean_inline(text: str) -> str:
    """Collapse source-formatting whitespace: a line break between Chinese characters vanishes,
    any other whitespace run becomes one space."""
    text = _BREAK_BETWEEN_CJK.sub("", text)
    return _SPACES.sub(" ", text).strip()


class DocumentBuilder:
    """Collects blocks in reading order and renders them into one text, one block per line."""

    def __init__(self, source: str, fmt: str) -> None:
        self.source = source
        self.format = fmt
        self._parts: list[str] = []
        self._pos = 0
        self._line = 1
        self.blocks: list[Block] = []
        self.meta: dict[str, object] = {}
        self.warnings: list[str] = []
        self._tables = 0

    def _emit(self, text: str) -> tuple[int, int]:
        if self._parts:
            self._parts.append("\n")
            self._pos += 1
            self._line += 1
        start = self._pos
        self._parts.append(text)
        self._pos += len(text)
        line = self._line
        self._line += text.count("\n")
        return start, line

    def add(
        self,
        text: str,
        kind: BlockKind = BlockKind.PARAGRAPH,
        *,
        style: str | None = None,
        level: int | None = None,
        numbering: str | None = None,
        page: int | None = None,
    ) -> Block | None:
        """Add a paragraph-like block; empty text adds nothing."""
        text = text.strip()
        if not text:
            return None
        start, line = self._emit(text)
        block = Block(kind, text, Span(start, start + len(text)), line, style, level, numbering, page=page)
        self.blocks.append(block)
        return block

    def new_table(self) -> int:
        """Number the next table (0-based) so its rows can be grouped."""
        self._tables += 1
        return self._tables - 1

    def add_row(
        self, cells: Sequence[str | tuple[str, int, int]], table: int, *, page: int | None = None
    ) -> Block | None:
        """Add a table row; a cell is its text or (text, colspan, rowspan)."""
        norm: list[tuple[str, int, int]] = []
        for c in cells:
            t, cs, rs = (c, 1, 1) if isinstance(c, str) else c
            norm.append((clean_inline(t).replace("\t", " "), cs, rs))
        if not any(t for t, _, _ in norm):
            return None
        row_text = "\t".join(t for t, _, _ in norm)
        start, line = self._emit(row_text)
        out: list[Cell] = []
        pos = start
        for t, cs, rs in norm:
            out.append(Cell(t, Span(pos, pos + len(t)), cs, rs))
            pos += len(t) + 1
        block = Block(
            BlockKind.TABLE_ROW,
            row_text,
            Span(start, start + len(row_text)),
            line,
            cells=tuple(out),
            table=table,
            page=page,
        )
        self.blocks.append(block)
        return block

    def build(self, encoding: str | None = None) -> Document:
        """The finished Document."""
        return Document(
            text="".join(self._parts),
            blocks=self.blocks,
            source=self.source,
            format=self.format,
            encoding=encoding,
            meta=dict(self.meta),
            warnings=list(self.warnings),
        )
