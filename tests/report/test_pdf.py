"""The PDF through LibreOffice: fonts embedded, every character with a glyph, the same text and numbers as
the content; private profiles so conversions can run side by side. Slow: each conversion starts soffice."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTCollection
from matplotlib import font_manager

from planwatch.errors import PlanWatchError
from planwatch.report import render
from planwatch.report.blocks import Figure, Heading, Paragraph, Table, Title
from planwatch.report.docx import render_docx
from planwatch.report.model import ReportData
from planwatch.report.outline import build
from planwatch.report.pdf import to_pdf
from planwatch.report.style import FALLBACKS

from .expect import check_counts_sentence, flat

pytestmark = pytest.mark.slow


def poppler(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed; `make test` installs it")
    return exe


def texts(data: ReportData) -> Iterator[str]:
    """Every string the report prints, block by block."""
    for block in build(data):
        if isinstance(block, Title):
            yield from (block.text, block.subtitle or "")
        elif isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, Figure):
            yield block.caption
        elif isinstance(block, Table):
            yield block.caption
            yield from block.header
            yield from (cell for row in block.rows for cell in row)


@cache
def cmap(family: str) -> frozenset[int]:
    """Code points the installed face ``family`` (in a .ttc collection) has glyphs for."""
    entry = next(e for e in font_manager.fontManager.ttflist if e.name == family and e.weight == 400)
    face = TTCollection(entry.fname).fonts[entry.index]
    return frozenset(face.getBestCmap())


def test_every_font_is_embedded_and_is_one_of_the_fallbacks(annual_pdf: bytes, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(annual_pdf)
    listing = subprocess.run([poppler("pdffonts"), str(path)], capture_output=True, text=True, check=True)
    rows = listing.stdout.splitlines()[2:]
    assert rows, "no fonts at all"
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert re.search(r"Noto(Serif|Sans)CJK", name), f"unexpected font {name}: a glyph fell back"


def test_the_fallback_fonts_have_a_glyph_for_every_character(annual: ReportData, midterm: ReportData) -> None:
    """No .notdef: each character printed exists in the open fonts the official names map to."""
    used = {ch for data in (annual, midterm) for text in texts(data) for ch in text if not ch.isspace()}
    used |= set("— 0123456789")  # the page numbers
    for family in set(FALLBACKS.values()):
        missing = sorted(ch for ch in used if ord(ch) not in cmap(family))
        assert not missing, f"{family} lacks {''.join(missing)}"


def test_text_and_table_cells_equal_the_content(annual_pdf: bytes, annual: ReportData) -> None:
    cells: set[str] = set()
    pages: list[str] = []
    with pdfplumber.open(io.BytesIO(annual_pdf)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                cells |= {flat(c) for row in table for c in row if c}
            lines = (page.extract_text() or "").splitlines()
            pages.append("".join(line for line in lines if not re.fullmatch(r"—\s*\d+\s*—", line.strip())))
    body = flat("".join(pages))
    for block in build(annual):
        if isinstance(block, Table):
            for cell in (*block.header, *(c for row in block.rows for c in row)):
                assert flat(cell) in cells, cell
        elif isinstance(block, Heading | Paragraph):
            assert flat(block.text) in body, block.text
    check_counts_sentence(next(t for t in texts(annual) if t.startswith("纳入监测的")), annual)
    assert flat(annual.title) in body


def test_page_numbers_on_every_page(annual_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(annual_pdf)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            last = (page.extract_text() or "").strip().splitlines()[-1]
            assert flat(last) == f"—{number}—"


def test_concurrent_conversions_do_not_clash(soffice: str, annual: ReportData, midterm: ReportData) -> None:
    documents = [render_docx(annual), render_docx(midterm)]
    with ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(lambda d: to_pdf([d], ".docx")[0], documents))
    assert all(p.startswith(b"%PDF-") for p in pdfs)


def test_xlsx_converts_too(soffice: str, annual: ReportData) -> None:
    assert to_pdf([render(annual, "xlsx")], ".xlsx")[0].startswith(b"%PDF-")


def test_missing_libreoffice_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, annual: ReportData
) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(PlanWatchError, match="LibreOffice") as error:
        render(annual, "pdf")
    assert "apt-get install libreoffice-writer" in str(error.value)
