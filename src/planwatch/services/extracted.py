"""The extraction step of ingest, as a pure function of a file (it runs in worker processes).

``extract_file`` reads, parses and extracts one file and returns everything the store needs; any
failure comes back as a PlanWatchError naming the file, so a batch records it and goes on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from planwatch.errors import ExtractionError, PlanWatchError, ReadError
from planwatch.model.facts import Facts
from planwatch.pipeline import extract_parsed, parse, read
from planwatch.settings import Settings


@dataclass(frozen=True)
class Extracted:
    """A file's text and facts, with what identifies its bytes."""

    source_path: str
    content_hash: str
    facts: Facts
    text: str | None = None
    format: str | None = None
    size: int | None = None
    warnings: list[str] = field(default_factory=list)


def file_hash(path: Path) -> tuple[str, int]:
    """sha256 of the file's bytes, and its size."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def extract_file(path: Path, settings: Settings | None = None) -> Extracted:
    """Read, parse and extract one file; every failure is a PlanWatchError that names the file."""
    try:
        content_hash, size = file_hash(path)
        doc = read(path, settings=settings or Settings())
        facts = extract_parsed(parse(doc))
    except PlanWatchError:
        raise
    except OSError as exc:
        raise ReadError(
            f"cannot read the file ({exc.strerror or exc})",
            where=str(path),
            hint="check the path and its permissions",
        ) from exc
    except Exception as exc:  # an extractor bug must not stop a batch: record it with the file
        raise ExtractionError(
            f"extraction failed ({type(exc).__name__}: {exc})", where=str(path),
            hint="run `planwatch --debug extract FILE` and report the file",
        ) from exc  # fmt: skip
    return Extracted(str(path), content_hash, facts, doc.text, doc.format, size, list(doc.warnings))
