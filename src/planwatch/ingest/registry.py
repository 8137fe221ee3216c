"""Pick a reader for a file: each reader scores the file on its extension and its first bytes,
and the highest score wins (after alephdata/ingest-file's manager)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from planwatch.errors import FileTooLargeError, UnsupportedFormatError
from planwatch.ingest import docx, html, pdf, txt
from planwatch.ingest.guards import check_file
from planwatch.model.document import Document
from planwatch.settings import Settings


@dataclass(frozen=True)
class Reader:
    """A format: its name, how well it fits a file, and how to read it."""

    name: str
    score: Callable[[Path, bytes], float]
    read: Callable[[Path, bytes, Settings], Document]


READERS: tuple[Reader, ...] = (
    Reader("txt", txt.score, lambda p, d, s: txt.read(p, d)),
    Reader("html", html.score, lambda p, d, s: html.read(p, d)),
    Reader("docx", docx.score, docx.read),
    Reader("pdf", pdf.score, lambda p, d, s: pdf.read(p, d)),
)
SUPPORTED = ".txt .md .html .htm .docx .pdf"


def choose(path: Path, head: bytes) -> Reader:
    """The best-scoring reader, or an error naming the supported formats."""
    scored = sorted(((r.score(path, head), i, r) for i, r in enumerate(READERS)), key=lambda t: (-t[0], t[1]))
    best_score, _, best = scored[0]
    if best_score <= 0:
        raise UnsupportedFormatError(
            f"unknown format '{path.suffix or '(no extension)'}'",
            where=str(path),
            hint=f"PlanWatch reads {SUPPORTED}; convert the file to one of these",
        )
    return best


def read_path(path: Path, settings: Settings | None = None) -> Document:
    """Read one file into a Document (size and format checked first)."""
    settings = settings or Settings()
    check_file(path, settings)
    data = path.read_bytes()
    reader = choose(path, data[:4096])
    return reader.read(path, data, settings)


def read_bytes(data: bytes, name: str = "document.txt", settings: Settings | None = None) -> Document:
    """Read a document held in memory; ``name`` gives the format by its extension and names it in messages."""
    settings = settings or Settings()
    path = Path(name)
    if len(data) > settings.max_file_bytes:
        raise FileTooLargeError(
            f"the document is {len(data) / 1048576:.1f} MB, over the limit of {settings.max_file_mb:g} MB",
            where=name,
            hint="raise PLANWATCH_MAX_FILE_MB or split the document",
        )
    reader = choose(path, data[:4096])
    return reader.read(path, data, settings)
