"""The same document read from .txt, .html, .docx and .pdf gives the same outline.

The seeds are converted at test time with real tools (python-docx for DOCX, LibreOffice for PDF and
HTML); nothing converted is committed.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import pytest

from planwatch import parse, read
from planwatch.pipeline import outline_facts
from tests.docfactory import make_docx


def _key(level: int, label: str | None, title: str) -> tuple[int, str, str]:
    norm = unicodedata.normalize("NFKC", title)
    return level, re.sub(r"\W", "", unicodedata.normalize("NFKC", label or "")), re.sub(r"[\W_]", "", norm)


def _outline(path: Path) -> list[tuple[int, str, str]]:
    return [_key(h.level, h.label, h.title) for h in outline_facts(parse(read(path)))]


def _f1(a: list[tuple[int, str, str]], b: list[tuple[int, str, str]]) -> float:
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 1.0
    common = len(sa & sb)
    p, r = common / max(1, len(sb)), common / max(1, len(sa))
    return 2 * p * r / (p + r) if p + r else 0.0


@pytest.mark.slow
def test_seed_outlines_agree_across_formats(seeds: list[Path], soffice: str, tmp_path: Path) -> None:
    """GIVEN each seed as .txt WHEN converted to .docx, .html and .pdf THEN outline F1 >= 0.95 against the txt."""
    docx_files = []
    for seed in seeds:
        lines = [ln.strip() for ln in read(seed).text.splitlines() if ln.strip()]
        docx_files.append(make_docx(tmp_path / f"{seed.stem}.docx", lines))
    with tempfile.TemporaryDirectory() as profile:
        for target in ("pdf", "html:XHTML Writer File:UTF8"):
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    target,
                    "--outdir",
                    str(tmp_path),
                    *map(str, docx_files),
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
    report = []
    for seed in seeds:
        base = _outline(seed)
        for ext in ("docx", "html", "pdf"):
            converted = tmp_path / f"{seed.stem}.{ext}"
            assert converted.exists(), f"{converted} was not produced"
            f1 = _f1(base, _outline(converted))
            report.append((seed.stem, ext, len(base), round(f1, 3)))
    bad = [r for r in report if r[3] < 0.95]
    assert not bad, f"outline F1 below 0.95: {bad}; all: {report}"
