"""Plain text (.txt/.md): ``text`` is exactly the decoded file, so offsets hold against it."""

from __future__ import annotations

from pathlib import Path

from planwatch.errors import ReadError
from planwatch.ingest.encoding import decode_text, looks_binary
from planwatch.model.document import Block, BlockKind, Document, Span

EXTENSIONS = (".txt", ".md", ".text")


def score(path: Path, head: bytes) -> float:
    """How well this reader fits: the extension, then whether the bytes look like text."""
    ext = path.suffix.lower()
    if ext in EXTENSIONS:
        return 1.0
    if head and not looks_binary(head) and not head.lstrip().lower().startswith((b"<!doctype", b"<html", b"%pdf")):
        return 0.2
    return 0.0


def lines_to_blocks(text: str) -> list[Block]:
    """One block per non-blank line; the span covers the line without surrounding whitespace."""
    blocks: list[Block] = []
    pos = 0
    for lineno, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            blocks.append(Block(BlockKind.PARAGRAPH, stripped, Span(start, start + len(stripped)), lineno))
        pos += len(raw) + 1
    return blocks


def read(path: Path, data: bytes) -> Document:
    """Decode and split into line blocks."""
    if not data.strip():
        raise ReadError("the file is empty", where=str(path), hint="check that the download or export finished")
    decoded = decode_text(data, str(path))
    if not decoded.text.strip():
        raise ReadError("the file has no text", where=str(path), hint="check that the download or export finished")
    return Document(
        text=decoded.text,
        blocks=lines_to_blocks(decoded.text),
        source=str(path),
        format="txt",
        encoding=decoded.encoding,
        warnings=list(decoded.warnings),
    )
