"""PDF with a text layer: lines re-joined into paragraphs, page numbers kept, running heads dropped.

A PDF knows glyph positions, not paragraphs. PDFium (pypdfium2) parses the pages and gives glyph
boxes, grouped into lines in pdf_layout. A line that reaches the right margin continues into the
next unless the next is indented, far below, or starts like a heading; lines repeated in the top or
bottom margin of most pages are running headers/footers and page-number lines, and go. Ruled tables
found by pdfplumber become table rows at their place in the flow; only pages that draw vector paths
are handed to pdfplumber, so plain text pages never go through pdfminer.
"""

from __future__ import annotations

import io
import re
import statistics
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

from planwatch.errors import NoTextLayerError, ReadError
from planwatch.ingest.builder import DocumentBuilder, clean_inline
from planwatch.ingest.pdf_layout import TextLine, page_text
from planwatch.model.document import Document

EXTENSIONS = (".pdf",)
_PAGE_NUMBER = re.compile(
    r"^[-—–\s·]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s·]*$"
)
_HEADING_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[篇章节部分]|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|专栏|附件|附表)"
)
_SPACE = re.compile(r"\s+")
_SENTENCE_END = tuple("。：:；;！!？?")
_MARGIN = 0.09
_METADATA_KEYS = (*pdfium.PdfDocument.METADATA_KEYS, "Trapped")
# PDFium is not thread-safe: one document at a time in this process.
_PDFIUM_LOCK = threading.Lock()


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    column: tuple[float, float] | None = None  # (left, right) of its column on a multi-column stretch


def score(path: Path, head: bytes) -> float:
    """Extension, or the %PDF magic."""
    if head.startswith(b"%PDF"):
        return 1.0
    return 0.9 if path.suffix.lower() in EXTENSIONS else 0.0


def _open(data: bytes, where: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise NoTextLayerError(
                "the PDF is encrypted (password protected)",
                where=where,
                hint="remove the password (print to PDF) and read it again",
            ) from exc
        raise ReadError(
            f"not a readable PDF ({type(exc).__name__}: {exc})",
            where=where,
            hint="download the file again or export it to PDF anew",
        ) from exc


def _metadata(pdf: pdfium.PdfDocument) -> dict[str, str]:
    """The document information dictionary's standard entries that are set."""
    out = {}
    for key in _METADATA_KEYS:
        value = pdf.get_metadata_value(key)
        if value:
            out[key.lower()] = value
    return out


def _ruled_tables(
    data: bytes, numbers: list[int]
) -> dict[int, list[tuple[tuple[float, ...], list[list[str]]]]]:
    """Ruled tables (bbox, rows) found by pdfplumber on the given 1-based pages. Best effort: pdfminer may
    refuse a file PDFium repaired, and the text flow still carries a table's content."""
    found: dict[int, list[tuple[tuple[float, ...], list[list[str]]]]] = {}
    if not numbers:
        return found
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception:
        return found
    try:
        pages = pdf.pages
        for number in numbers:
            if number > len(pages):
                break
            page = pages[number - 1]
            try:
                found[number] = _page_tables(page)
            except Exception:
                found[number] = []
            finally:
                page.close()
    except Exception:  # pdfminer could not list the pages
        return found
    finally:
        pdf.close()
    return found


def _page_tables(page: Any) -> list[tuple[tuple[float, ...], list[list[str]]]]:
    tables = []
    ruled = page.objects.get("line") or page.objects.get("rect") or page.objects.get("curve")
    for t in page.find_tables() if ruled else []:
        rows = [[c or "" for c in row] for row in t.extract()]
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            tables.append((tuple(float(v) for v in t.bbox), rows))
    return tables


def _body_lines(
    lines: list[TextLine], tables: list[tuple[tuple[float, ...], list[list[str]]]], number: int
) -> list[_Line]:
    """The page's lines outside its tables, cleaned. A line inside a table's box stays when the table's
    cells lack its words (pdfplumber placed the glyphs elsewhere): better twice than lost."""
    out = []
    cells = [_SPACE.sub("", "".join(c for row in rows for c in row)) for _, rows in tables]
    for ln in lines:
        text = clean_inline(ln.text)
        if not text:
            continue
        cx, cy = (ln.x0 + ln.x1) / 2, (ln.top + ln.bottom) / 2
        if any(
            b[0] <= cx <= b[2] and b[1] <= cy <= b[3] and all(w in cells[k] for w in text.split())
            for k, (b, _) in enumerate(tables)
        ):
            continue
        out.append(_Line(text, ln.x0, ln.x1, ln.top, ln.bottom, number, ln.column))
    return out


def _running_heads(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page, index) of lines that are page numbers or repeat in the margins of most pages."""

    def key(t: str) -> str:
        return re.sub(r"\d+", "#", t)

    counts: Counter[str] = Counter()
    for lines, h in zip(pages, heights, strict=True):
        seen = {key(ln.text) for ln in lines if ln.top < h * _MARGIN or ln.bottom > h * (1 - _MARGIN)}
        counts.update(seen)
    repeated = {k for k, n in counts.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)}
    drop = set()
    for p, (lines, h) in enumerate(zip(pages, heights, strict=True)):
        for i, ln in enumerate(lines):
            in_margin = ln.top < h * _MARGIN or ln.bottom > h * (1 - _MARGIN)
            if in_margin and (key(ln.text) in repeated or _PAGE_NUMBER.match(ln.text)):
                drop.add((p, i))
    return drop


def _paragraphs(lines: list[_Line]) -> list[tuple[str, int]]:
    """Join lines into paragraphs: (text, page of the first line)."""
    if not lines:
        return []
    widths = [(ln.x1 - ln.x0) / max(1, len(ln.text)) for ln in lines if len(ln.text) >= 4]
    cw = statistics.median(widths) if widths else 10.0
    single = [ln for ln in lines if ln.column is None] or lines
    left = min(ln.x0 for ln in single)
    right = sorted(ln.x1 for ln in single)[int(len(single) * 0.9)]
    heights = [ln.bottom - ln.top for ln in lines]
    lh = statistics.median(heights) if heights else 12.0
    out: list[tuple[str, int]] = []
    cur: list[str] = []
    page = lines[0].page
    prev: _Line | None = None
    for ln in lines:
        if prev is not None:
            p_left, p_right = prev.column or (left, right)
            full = prev.x1 >= p_right - 1.6 * cw or (
                not prev.text.endswith((*_SENTENCE_END, "”", "）", ")"))
                and prev.x1 >= p_left + 0.6 * (p_right - p_left)
                and not _HEADING_START.match(ln.text)
            )
            indented = ln.x0 > (ln.column or (left, right))[0] + 1.2 * cw
            same_page_gap = ln.page == prev.page and ln.top - prev.bottom > 1.2 * lh
            heading_next = bool(_HEADING_START.match(ln.text)) and prev.text.endswith(_SENTENCE_END)
            if not full or indented or same_page_gap or heading_next:
                out.append(("".join(cur), page))
                cur, page = [], ln.page
        if (
            cur
            and cur[-1][-1:].isascii()
            and ln.text[:1].isascii()
            and cur[-1][-1:].isalnum()
            and ln.text[:1].isalnum()
        ):
            cur.append(" ")
        cur.append(ln.text)
        prev = ln
    if cur:
        out.append(("".join(cur), page))
    return out


def read(path: Path, data: bytes) -> Document:
    """Read the text layer page by page; refuse image-only and encrypted files."""
    where = str(path)
    if not data.strip():
        raise ReadError("the file is empty", where=where, hint="check that the download finished")
    raw_lines: list[list[TextLine]] = []
    heights: list[float] = []
    ruled: list[int] = []
    with _PDFIUM_LOCK:
        pdf = _open(data, where)
        try:
            for number in range(1, len(pdf) + 1):
                page = pdf[number - 1]
                try:
                    layout = page_text(page)
                finally:
                    page.close()
                raw_lines.append(layout.lines)
                heights.append(layout.height)
                if layout.ruled:
                    ruled.append(number)
            meta = _metadata(pdf)
        except Exception as exc:
            raise ReadError(
                f"the PDF is damaged ({type(exc).__name__}: {exc})",
                where=where,
                hint="download the file again or export it to PDF anew",
            ) from exc
        finally:
            pdf.close()
    found = _ruled_tables(data, ruled)
    pages: list[list[_Line]] = []
    tables: list[list[tuple[float, list[list[str]]]]] = []
    for number, page_lines in enumerate(raw_lines, start=1):
        page_tables = found.get(number, [])
        pages.append(_body_lines(page_lines, page_tables, number))
        tables.append([(bbox[1], rows) for bbox, rows in page_tables])
    if not any(pages) and not any(tables):
        raise NoTextLayerError(
            "no text layer; OCR is not supported",
            where=where,
            hint="the PDF holds only images (a scan); get the original Word/WPS file or a PDF exported from it",
        )
    drop = _running_heads(pages, heights)
    builder = DocumentBuilder(where, "pdf")
    builder.meta.update({"pdf_" + k: v for k, v in meta.items()})
    builder.meta["pages"] = len(pages)
    # Flow: body lines of every page, with each page's tables inserted before the first line below them.
    flow: list[_Line] = []
    for p, lines in enumerate(pages):
        body = [ln for i, ln in enumerate(lines) if (p, i) not in drop]
        pending = sorted(tables[p], key=lambda t: t[0])
        for ln in body:
            while pending and pending[0][0] < ln.top:
                for text, pg in _paragraphs(flow):
                    builder.add(text, page=pg)
                flow = []
                _emit_table(builder, pending.pop(0)[1], p + 1)
            flow.append(ln)
        if pending:
            for text, pg in _paragraphs(flow):
                builder.add(text, page=pg)
            flow = []
            for _, rows in pending:
                _emit_table(builder, rows, p + 1)
    for text, pg in _paragraphs(flow):
        builder.add(text, page=pg)
    return builder.build("utf-8")


def _emit_table(builder: DocumentBuilder, rows: list[list[str]], page: int) -> None:
    idx = builder.new_table()
    for row in rows:
        builder.add_row(row, idx, page=page)
