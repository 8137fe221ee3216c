"""Make real files with real tools for tests: DOCX with python-docx, PDF with LibreOffice."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.shared import Pt


def make_docx(
    path: Path, paragraphs: Sequence[str | tuple[str, str]], tables: Sequence[Sequence[Sequence[str]]] = ()
) -> Path:
    """A DOCX: paragraphs (text, or (style, text)) then tables given as rows of cells."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(12)
    for p in paragraphs:
        if isinstance(p, tuple):
            document.add_paragraph(p[1], style=p[0])
        else:
            document.add_paragraph(p)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.core_properties.title = "test"
    document.save(str(path))
    return path


def to_pdf(soffice: str, source: Path, outdir: Path) -> Path:
    """Convert a document to PDF with LibreOffice headless (a private profile, so runs never clash)."""
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    return outdir / (source.stem + ".pdf")
