"""Plain text (.txt/.md): ``text`` is exactly the decoded file, so offsets hold against it."""

from __future__ import annotations

import re
from pathlib import Path

from planwatch.errors import ReadError
from planwatch.ingest.encoding import decode_text, looks_binary
from planwatch.model.document import Block, BlockKind, Cell, Document, Span

EXTENSIONS = (".txt", ".md", ".text")


def score(path: Path, head: bytes) -> float:
    """How well this reader fits: the extension, then whether the bytes look like text."""
    ext = path.suffix.lower()
    if ext in EXTENSIONS:
        return 1.0
    if (
        head
        and not looks_binary(head)
        and not head.lstrip().lower().startswith((b"<!doctype", b"<html", b"%pdf"))
    ):
        return 0.2
    return 0.0


_SPACED = re.compile(r"[ \u3000\u00a0]{2,}")
# a cell: characters with at most single spaces inside (two or more spaces separate cells)
_SPACED_CELL = re.compile(r"(?:[^ \u3000\u00a0\r]|[ \u3000\u00a0](?![ \u3000\u00a0]))+")


def _cells(raw: str, pos: int) -> tuple[Cell, ...]:
    """Tab-separated cells of a line (empty cells kept so that columns stay aligned); a line without
    tabs is split at runs of two or more spaces."""
    line = raw.rstrip("\r")
    cells = []
    if "\t" in line:
        offset = 0
        for part in line.split("\t"):
            lead = len(part) - len(part.lstrip())
            text = part.strip()
            start = pos + offset + lead
            cells.append(Cell(text, Span(start, start + len(text))))
            offset += len(part) + 1
        return tuple(cells)
    for m in _SPACED_CELL.finditer(line):
        text = m.group(0).strip()
        if text:
            start = pos + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            cells.append(Cell(text, Span(start, start + len(text))))
    return tuple(cells)


def _spaced_row(line: str) -> bool:
    """A row of a table copied as text with its cells separated by runs of spaces: three or more
    short cells, at least one of them a number."""
    parts = [p for p in _SPACED.split(line.strip()) if p]
    return len(parts) >= 3 and all(len(p) <= 40 for p in parts) and any(re.search(r"\d", p) for p in parts)


def lines_to_blocks(text: str) -> list[Block]:
    """One block per non-blank line; runs of lines with two or more tabs (or three or more space-separated
    cells) are table rows."""
    raw_lines = text.split("\n")
    tabs = [raw.strip().count("\t") >= 2 for raw in raw_lines]
    spaced = [not tabs[i] and "\t" not in raw and _spaced_row(raw) for i, raw in enumerate(raw_lines)]
    # spaced rows count only in runs of three or more (a heading "第一章  总则" has two cells)
    tabular = list(tabs)
    i = 0
    while i < len(raw_lines):
        j = i
        while j < len(raw_lines) and spaced[j]:
            j += 1
        if j - i >= 3:
            for k in range(i, j):
                tabular[k] = True
        i = max(j, i + 1)
    blocks: list[Block] = []
    pos = 0
    table = -1
    for idx, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            span = Span(start, start + len(stripped))
            in_run = tabular[idx] and (
                (idx > 0 and tabular[idx - 1]) or (idx + 1 < len(raw_lines) and tabular[idx + 1])
            )
            if in_run:
                if idx == 0 or not tabular[idx - 1]:
                    table += 1
                cells = _cells(raw, pos)
                blocks.append(Block(BlockKind.TABLE_ROW, stripped, span, idx + 1, cells=cells, table=table))
            else:
                blocks.append(Block(BlockKind.PARAGRAPH, stripped, span, idx + 1))
        pos += len(raw) + 1
    return blocks


def read(path: Path, data: bytes) -> Document:
    """Decode and split into line blocks."""
    if not data.strip():
        raise ReadError(
            "the file is empty", where=str(path), hint="check that the download or export finished"
        )
    decoded = decode_text(data, str(path))
    if not decoded.text.strip():
        raise ReadError(
            "the file has no text", where=str(path), hint="check that the download or export finished"
        )
    return Document(
        text=decoded.text,
        blocks=lines_to_blocks(decoded.text),
        source=str(path),
        format="txt",
        encoding=decoded.encoding,
        warnings=list(decoded.warnings),
    )
