"""PDF with a text layer: lines re-joined into paragraphs, page numbers kept, running heads dropped.

A PDF knows glyph positions, not paragraphs. A line that reaches the right margin continues into
the next unless the next is indented, far below, or starts like a heading; lines repeated in the
top or bottom margin of most pages are running headers/footers and page-number lines, and go.
Ruled tables found by pdfplumber become table rows at their place in the flow.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber

from planwatch.errors import NoTextLayerError, ReadError
from planwatch.ingest.builder import DocumentBuilder, clean_inline
from planwatch.model.document import Document

EXTENSIONS = (".pdf",)
_PAGE_NUMBER = re.compile(
    r"^[-—–\s·]*(?:第\s*)?\d{1,4}\s*(?:页)?(?:\s*/\s*(?:共\s*)?\d{1,4}\s*页?)?[-—–\s·]*$"
)
_HEADING_START = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[篇章节部分]|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|专栏|附件|附表)"
)
_SENTENCE_END = tuple("。：:；;！!？?")
_MARGIN = 0.09


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    page: int


def score(path: Path, head: bytes) -> float:
    """Extension, or the %PDF magic."""
    if head.startswith(b"%PDF"):
        return 1.0
    return 0.9 if path.suffix.lower() in EXTENSIONS else 0.0


def _open(data: bytes, where: str) -> Any:
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        _ = pdf.pages
        return pdf
    except Exception as exc:  # pdfminer raises a zoo of types
        chain = [exc, *exc.args, exc.__cause__, exc.__context__]
        text = " ".join(f"{type(e).__name__} {e}" for e in chain if e is not None).lower()
        if "password" in text or "encrypt" in text:
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


def _page_lines(page: Any, number: int) -> tuple[list[_Line], list[tuple[float, list[list[str]]]]]:
    tables = []
    boxes = []
    try:
        ruled = page.objects.get("line") or page.objects.get("rect") or page.objects.get("curve")
        for t in page.find_tables() if ruled else []:
            rows = [[c or "" for c in row] for row in t.extract()]
            if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
                tables.append((float(t.bbox[1]), rows))
                boxes.append(t.bbox)
    except Exception:  # table finding is best effort; the text flow still carries the content
        tables, boxes = [], []
    lines = []
    for ln in page.extract_text_lines(layout=False, strip=True, return_chars=False):
        text = clean_inline(ln["text"])
        if not text:
            continue
        cx, cy = (ln["x0"] + ln["x1"]) / 2, (ln["top"] + ln["bottom"]) / 2
        if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
            continue
        lines.append(
            _Line(text, float(ln["x0"]), float(ln["x1"]), float(ln["top"]), float(ln["bottom"]), number)
        )
    return lines, tables


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
    left = min(ln.x0 for ln in lines)
    right = sorted(ln.x1 for ln in lines)[int(len(lines) * 0.9)]
    heights = [ln.bottom - ln.top for ln in lines]
    lh = statistics.median(heights) if heights else 12.0
    out: list[tuple[str, int]] = []
    cur: list[str] = []
    page = lines[0].page
    prev: _Line | None = None
    for ln in lines:
        if prev is not None:
            full = prev.x1 >= right - 1.6 * cw or (
                not prev.text.endswith((*_SENTENCE_END, "”", "）", ")"))
                and prev.x1 >= left + 0.6 * (right - left)
                and not _HEADING_START.match(ln.text)
            )
            indented = ln.x0 > left + 1.2 * cw
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
    pdf = _open(data, where)
    try:
        pages: list[list[_Line]] = []
        heights: list[float] = []
        tables: list[list[tuple[float, list[list[str]]]]] = []
        for number, page in enumerate(pdf.pages, start=1):
            lines, tbls = _page_lines(page, number)
            pages.append(lines)
            tables.append(tbls)
            heights.append(float(page.height))
        meta = {
            k.lower(): str(v) for k, v in (pdf.metadata or {}).items() if isinstance(v, str | int | float)
        }
    except Exception as exc:
        raise ReadError(
            f"the PDF is damaged ({type(exc).__name__}: {exc})",
            where=where,
            hint="download the file again or export it to PDF anew",
        ) from exc
    finally:
        pdf.close()
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
