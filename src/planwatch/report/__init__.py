"""Evaluation reports (年度监测报告, 中期评估, 终期评估, 部门考核) as DOCX, XLSX, PDF and HTML.

One content model (``ReportData``, filled by the data service) and one renderer per format; the
layout conventions are in docs/reports.md.

    from planwatch.report import render, write
    write(data, "docx", "星湖县2023年监测报告.docx")
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal, get_args

from planwatch.errors import ValidationError
from planwatch.report.model import ReportData

Format = Literal["docx", "xlsx", "pdf", "html"]
FORMATS: tuple[str, ...] = get_args(Format)


def _renderer(fmt: str) -> Callable[[ReportData], bytes]:
    # imported on demand: HTML and XLSX callers need not load python-docx or matplotlib's PDF path
    if fmt == "docx":
        from planwatch.report.docx import render_docx

        return render_docx
    if fmt == "xlsx":
        from planwatch.report.xlsx import render_xlsx

        return render_xlsx
    if fmt == "pdf":
        from planwatch.report.pdf import render_pdf

        return render_pdf
    if fmt == "html":
        from planwatch.report.html import render_html

        return render_html
    raise ValidationError(f"unknown report format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")


def render(data: ReportData, fmt: Format) -> bytes:
    """The report in ``fmt`` as bytes."""
    return _renderer(fmt)(data)


def write(data: ReportData, fmt: Format, path: str | Path) -> Path:
    """Render the report and write it to ``path`` (parent folders created); returns the path."""
    target = Path(path)
    content = render(data, fmt)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return target


__all__ = ["FORMATS", "Format", "ReportData", "render", "write"]
