"""Build the demo corpus of the fictional 星湖县 / 云岭县 (白鹭市, 青海省).

Reads the UTF-8 sources in ``demo/src`` and writes the documents in their
published formats to ``demo/corpus``::

    xinghu_plan.txt          GB18030 text (a flattened web page)
    xinghu_tasks.html        UTF-8 HTML page with site chrome
    xinghu_report_2023.docx  Word file made with python-docx (real heading styles, one table)
    xinghu_bulletin_2022.pdf DOCX converted by LibreOffice (real text layer)
    xinghu_report_2024.txt   UTF-8 with BOM and CRLF line endings
    yunling_plan.txt         UTF-8 text
    baillu_news.html         UTF-8 HTML news page

The DOCX and bulletin sources use a small line markup: ``# `` title, ``> `` centred
line, ``## `` heading 1, ``### `` heading 2, ``| a | b |`` table rows (first row is
the header), ``**lead-in**`` bold text; every other non-blank line is one paragraph.

Outputs are deterministic: fixed DOCX core properties and zip timestamps, and the
PDF's creation dates and file id are overwritten in place. Without LibreOffice the
PDF step is skipped with a message and an existing PDF is left as it is.

Usage: ``python scripts/build_demo.py [--src DIR] [--out DIR] [--skip-pdf]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
FIXED_ZIP_TIME = (2023, 1, 10, 9, 0, 0)
SOFFICE_TIMEOUT_S = 240
BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Fonts:
    """East Asian fonts for body text and headings of one generated Word file."""

    body: str
    heading: str
    title: str


# The report keeps the fonts a county office would use; the bulletin uses a font this
# machine has, so LibreOffice embeds real CJK glyphs in the PDF.
REPORT_FONTS = Fonts(body="仿宋_GB2312", heading="黑体", title="方正小标宋简体")
BULLETIN_FONTS = Fonts(body="Noto Sans CJK SC", heading="Noto Sans CJK SC", title="Noto Sans CJK SC")


@dataclass(frozen=True)
class Block:
    """One unit of the line markup: kind is title, center, h1, h2, table or para."""

    kind: str
    lines: tuple[str, ...]


def parse_markup(text: str) -> Iterator[Block]:
    """Split the line markup into blocks; consecutive ``|`` rows form one table."""
    rows: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("|"):
            rows.append(line)
            continue
        if rows:
            yield Block("table", tuple(rows))
            rows = []
        if not line:
            continue
        for prefix, kind in (("# ", "title"), ("> ", "center"), ("## ", "h1"), ("### ", "h2")):
            if line.startswith(prefix):
                yield Block(kind, (line[len(prefix) :].strip(),))
                break
        else:
            yield Block("para", (line,))
    if rows:
        yield Block("table", tuple(rows))


def _set_east_asian(style_element: BaseOxmlElement, font: str) -> None:
    """Set the w:eastAsia font of a style (python-docx has no API for it)."""
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _style_document(doc: WordDocument, fonts: Fonts) -> None:
    """Give Normal, Title and Heading styles Chinese fonts, black text and sober sizes."""
    styles = doc.styles
    for name, font, size in (
        ("Normal", fonts.body, 12),
        ("Title", fonts.title, 20),
        ("Heading 1", fonts.heading, 15),
        ("Heading 2", fonts.heading, 13),
    ):
        style = styles[name]
        style.font.name = font
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        _set_east_asian(style.element, font)


def _add_runs(paragraph: Paragraph, text: str) -> None:
    """Add text to a paragraph, turning ``**x**`` into bold runs."""
    pos = 0
    for match in BOLD.finditer(text):
        if match.start() > pos:
            paragraph.add_run(text[pos : match.start()])
        paragraph.add_run(match.group(1)).bold = True
        pos = match.end()
    if pos < len(text):
        paragraph.add_run(text[pos:])


def _table_cells(row: str) -> list[str]:
    """Split a ``| a | b |`` row into stripped cells."""
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _add_table(doc: WordDocument, rows: tuple[str, ...]) -> None:
    """Add a real Word table; the first row is the bold header."""
    cells = [_table_cells(row) for row in rows]
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, row in enumerate(cells):
        for j in range(width):
            cell = table.cell(i, j)
            cell.text = row[j] if j < len(row) else ""
            if i == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def build_docx(markup: str, fonts: Fonts, created: dt.datetime, title: str, author: str) -> bytes:
    """Render the line markup as a DOCX and return deterministic bytes."""
    doc = Document()
    _style_document(doc, fonts)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(28)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    for block in parse_markup(markup):
        if block.kind == "title":
            heading = doc.add_heading(block.lines[0], level=0)
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "h1":
            doc.add_heading(block.lines[0], level=1)
        elif block.kind == "h2":
            doc.add_heading(block.lines[0], level=2)
        elif block.kind == "center":
            para = doc.add_paragraph(block.lines[0])
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "table":
            _add_table(doc, block.lines)
        else:
            para = doc.add_paragraph()
            para.paragraph_format.first_line_indent = Pt(24)
            _add_runs(para, block.lines[0])
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = created
    props.modified = created
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return normalize_zip(buffer.getvalue())


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so that identical content gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def find_soffice() -> str | None:
    """Return the LibreOffice executable, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


def docx_to_pdf(docx_bytes: bytes, soffice: str) -> bytes:
    """Convert DOCX bytes to PDF with a private, throw-away LibreOffice profile."""
    with tempfile.TemporaryDirectory(prefix="planwatch-demo-") as tmp:
        work = Path(tmp)
        source = work / "bulletin.docx"
        source.write_bytes(docx_bytes)
        profile = (work / "profile").as_uri()
        cmd = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=SOFFICE_TIMEOUT_S)
        return (work / "bulletin.pdf").read_bytes()


def _fit(original: bytes, head: bytes, tails: tuple[bytes, ...]) -> bytes:
    """Return head + the longest tail that fits in ``original``, padded with spaces.

    Keeping the length keeps the PDF's byte offsets (its xref table) valid.
    """
    for tail in tails:
        candidate = head + tail
        if len(candidate) <= len(original):
            return candidate.ljust(len(original), b" ")
    return original


def pin_pdf_metadata(pdf: bytes, when: dt.datetime) -> bytes:
    """Overwrite creation/modification dates and the file id in place, keeping lengths."""
    stamp = when.strftime("D:%Y%m%d%H%M%S").encode()
    pdf = re.sub(
        rb"/(CreationDate|ModDate)\s*\(D:[0-9]{14}[^)]*\)",
        lambda m: _fit(m.group(0), b"/" + m.group(1) + b"(" + stamp, (b"+08'00')", b"Z)", b")")),
        pdf,
    )
    iso = when.isoformat().encode()
    pdf = re.sub(
        rb"<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*<",
        lambda m: _fit(m.group(0), b"<xmp:" + m.group(1) + b">" + iso, (b"+08:00<", b"<")),
        pdf,
    )
    id_pattern = rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]"
    sum_pattern = rb"/DocChecksum\s*/[0-9A-Fa-f]+"
    # Blank the run-specific values first, so the new id is a hash of the content alone.
    pdf = re.sub(id_pattern, lambda m: _fit(m.group(0), b"/ID [ ]", (b"",)), pdf)
    pdf = re.sub(sum_pattern, lambda m: _fit(m.group(0), b"/DocChecksum /0", (b"",)), pdf)
    digest = hashlib.md5(pdf, usedforsecurity=False).hexdigest().upper().encode()
    pdf = re.sub(
        rb"/ID \[ \] *",
        lambda m: _fit(m.group(0), b"/ID [ <" + digest + b"> <" + digest + b"> ]", (b"",)),
        pdf,
    )
    return re.sub(rb"/DocChecksum /0 *", lambda m: _fit(m.group(0), b"/DocChecksum /" + digest, (b"",)), pdf)


def write(path: Path, data: bytes) -> None:
    """Write bytes and report the file and its size."""
    path.write_bytes(data)
    print(f"  wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  ({len(data):,} bytes)")


def build(src: Path, out: Path, *, skip_pdf: bool) -> int:
    """Build every corpus file; return a process exit code."""
    out.mkdir(parents=True, exist_ok=True)

    def text(name: str) -> str:
        return (src / name).read_text(encoding="utf-8")

    # The county site serves its plan in GB18030, as many older government sites do.
    write(out / "xinghu_plan.txt", text("xinghu_plan.txt").encode("gb18030"))
    write(out / "xinghu_tasks.html", text("xinghu_tasks.html").encode("utf-8"))
    write(out / "yunling_plan.txt", text("yunling_plan.txt").encode("utf-8"))
    write(out / "baillu_news.html", text("baillu_news.html").encode("utf-8"))
    # Saved by a Windows editor: byte-order mark and CRLF line endings.
    crlf = text("xinghu_report_2024.txt").replace("\r\n", "\n").replace("\n", "\r\n")
    write(out / "xinghu_report_2024.txt", crlf.encode("utf-8-sig"))

    report = build_docx(
        text("xinghu_report_2023.txt"),
        REPORT_FONTS,
        created=dt.datetime(2023, 1, 10, 9, 0, 0),
        title="2023年星湖县人民政府工作报告",
        author="星湖县人民政府办公室",
    )
    write(out / "xinghu_report_2023.docx", report)

    bulletin_time = dt.datetime(2023, 3, 28, 10, 0, 0)
    bulletin = build_docx(
        text("xinghu_bulletin_2022.txt"),
        BULLETIN_FONTS,
        created=bulletin_time,
        title="星湖县2022年国民经济和社会发展统计公报",
        author="星湖县统计局",
    )
    pdf_path = out / "xinghu_bulletin_2022.pdf"
    if skip_pdf:
        print("  skipped xinghu_bulletin_2022.pdf (--skip-pdf)")
        return 0
    soffice = find_soffice()
    if soffice is None:
        kept = "the existing PDF is kept" if pdf_path.exists() else "no PDF is written"
        print(f"  skipped xinghu_bulletin_2022.pdf: LibreOffice (soffice) not found; {kept}.")
        print("  Install it (Debian: apt-get install libreoffice-writer) and run this script again.")
        return 0
    try:
        pdf = docx_to_pdf(bulletin, soffice)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, FileNotFoundError) as exc:
        print(f"error: LibreOffice could not convert the bulletin to PDF: {exc}", file=sys.stderr)
        return 1
    write(pdf_path, pin_pdf_metadata(pdf, bulletin_time))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and build the corpus."""
    parser = argparse.ArgumentParser(description="Build PlanWatch's demo corpus from demo/src.")
    parser.add_argument("--src", type=Path, default=ROOT / "demo" / "src", help="source folder")
    parser.add_argument("--out", type=Path, default=ROOT / "demo" / "corpus", help="output folder")
    parser.add_argument("--skip-pdf", action="store_true", help="do not run LibreOffice")
    args = parser.parse_args(argv)
    print(f"Building demo corpus from {args.src} into {args.out}")
    return build(args.src, args.out, skip_pdf=args.skip_pdf)


if __name__ == "__main__":
    sys.exit(main())
