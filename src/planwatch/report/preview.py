"""Page previews of the sample reports (docs/screenshots/report-*.png), to look at after a layout change.

DOCX and XLSX go through the same LibreOffice conversion as ``render_pdf``, then ``pdftoppm``
rasterises the first pages, so what the PNG shows is what an office would print.

Run: .venv/bin/python -m planwatch.report.preview [out_dir] [--dpi 60]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from planwatch.errors import PlanWatchError
from planwatch.report.docx import render_docx
from planwatch.report.model import ReportKind
from planwatch.report.pdf import to_pdf
from planwatch.report.sample import sample_report
from planwatch.report.xlsx import render_xlsx

PAGES: dict[ReportKind, int] = {"annual": 3, "midterm": 2}


def rasterise(pdf: bytes, out: Path, stem: str, pages: int, dpi: int = 60) -> list[Path]:
    """``stem-p1.png`` … for the first ``pages`` pages of ``pdf``."""
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise PlanWatchError("pdftoppm not found", hint="install poppler-utils")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        for page in range(1, pages + 1):
            target = out / f"{stem}-p{page}"
            command = [exe, "-r", str(dpi), "-png", "-singlefile", "-f", str(page), "-l", str(page)]
            subprocess.run([*command, str(source), str(target)], check=True, capture_output=True)
            written.append(target.with_suffix(".png"))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--dpi", type=int, default=60)
    args = parser.parse_args()
    kinds: list[ReportKind] = ["annual", "midterm"]
    pdfs = to_pdf([render_docx(sample_report(kind)) for kind in kinds], ".docx")
    for kind, pdf in zip(kinds, pdfs, strict=True):
        for path in rasterise(pdf, args.out, f"report-{kind}", PAGES[kind], args.dpi):
            print(path)
    sheet = to_pdf([render_xlsx(sample_report("annual"))], ".xlsx")[0]
    first = rasterise(sheet, args.out, "report-xlsx", 1, max(args.dpi, 80))[0]
    final = first.with_name("report-xlsx.png")
    first.replace(final)
    print(final)


if __name__ == "__main__":
    main()
