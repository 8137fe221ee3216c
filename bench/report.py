"""Report rendering time: one region's annual report, and every county of a prefecture.

One region with 40 indicators rendered as DOCX and as PDF (target < 5 s); then the annual reports
of the 10 counties of a fictional prefecture as PDF (target < 30 s), converted in one LibreOffice
start and, for comparison, one start per county. XLSX and HTML times are printed alongside.

Run: .venv/bin/python bench/report.py [--indicators 40] [--regions 10]
Figures only; this is not a test.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import TypeVar

from planwatch.report.docx import render_docx
from planwatch.report.html import render_html
from planwatch.report.pdf import to_pdf
from planwatch.report.sample import sample_report
from planwatch.report.xlsx import render_xlsx

T = TypeVar("T")
COUNTIES = (
    "星湖县",
    "云岭县",
    "白沙县",
    "青石县",
    "临河县",
    "东川县",
    "南屏县",
    "西岭县",
    "北塘县",
    "金湾区",
)


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--regions", type=int, default=10)
    args = parser.parse_args()

    data = sample_report("annual", indicators=args.indicators)
    render_docx(data)  # warm: imports, font cache, matplotlib
    docx, t_docx = timed(lambda: render_docx(data))
    _, t_xlsx = timed(lambda: render_xlsx(data))
    _, t_html = timed(lambda: render_html(data))
    runs = [timed(lambda: to_pdf([render_docx(data)], ".docx")[0]) for _ in range(3)]
    pdf, t_pdf = runs[0][0], statistics.median(t for _, t in runs)
    print(f"one region, {len(data.indicators)} indicators, {sum(r.key for r in data.indicators)} charts")
    print(f"  docx  {t_docx:6.2f} s  ({len(docx) / 1e3:.0f} kB)")
    spread = f"{min(t for _, t in runs):.2f}–{max(t for _, t in runs):.2f}"
    print(
        f"  pdf   {t_pdf:6.2f} s  (median of 3, {spread} s; {len(pdf) / 1e3:.0f} kB, docx + LibreOffice)   target < 5 s"
    )
    print(f"  xlsx  {t_xlsx:6.2f} s   html {t_html:6.2f} s")

    names = [COUNTIES[i % len(COUNTIES)] + ("" if i < len(COUNTIES) else str(i)) for i in range(args.regions)]
    regions = [sample_report("annual", region=name, indicators=args.indicators) for name in names]
    docs, t_docs = timed(lambda: [render_docx(r) for r in regions])
    pdfs, t_batch = timed(lambda: to_pdf(docs, ".docx"))
    _, t_each = timed(lambda: [to_pdf([d], ".docx") for d in docs])
    print(f"prefecture, {len(regions)} regions × {args.indicators} indicators, PDF")
    print(f"  docx all       {t_docs:6.2f} s")
    print(
        f"  one soffice    {t_docs + t_batch:6.2f} s  (docx + one conversion of {len(pdfs)} files)   target < 30 s"
    )
    print(f"  soffice each   {t_docs + t_each:6.2f} s  (docx + one conversion per region)")


if __name__ == "__main__":
    main()
