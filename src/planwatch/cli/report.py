"""``planwatch report``: annual monitoring report, mid-term and final evaluation, department scorecards."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from planwatch.cli.common import app, err, settings
from planwatch.report import write
from planwatch.report.gather import gather
from planwatch.report.model import ReportKind
from planwatch.report.xlsx import scorecard_xlsx
from planwatch.services.database import open_database


class Kind(StrEnum):
    annual = "annual"
    midterm = "midterm"
    final = "final"
    scorecard = "scorecard"


class Format(StrEnum):
    docx = "docx"
    xlsx = "xlsx"
    pdf = "pdf"
    html = "html"


@app.command("report")
def report_cmd(
    kind: Annotated[
        Kind, typer.Argument(help="annual 年度监测 | midterm 中期评估 | final 终期评估 | scorecard 部门考核")
    ],
    region: Annotated[str, typer.Option("--region", "-r", help="the region whose plan is evaluated")],
    out: Annotated[Path, typer.Option("--out", "-o", help="file to write")],
    year: Annotated[
        int | None, typer.Option("--year", "-y", help="year evaluated (default: latest with data)")
    ] = None,
    fmt: Annotated[
        Format | None, typer.Option("--format", "-f", help="docx | xlsx | pdf | html (default: from --out)")
    ] = None,
) -> None:
    """Write an evaluation report of a region's plan as Word, Excel, PDF or HTML."""
    chosen = fmt.value if fmt else out.suffix.lstrip(".").lower()
    if chosen not in {f.value for f in Format}:
        err.print(f"[red]错误 error:[/] unknown format {chosen!r}; give --format docx|xlsx|pdf|html")
        raise typer.Exit(2)
    db = open_database(settings())
    report_kind: ReportKind = (
        "midterm" if kind is Kind.midterm else "final" if kind is Kind.final else "annual"
    )
    data = gather(db, region, year, report_kind)
    if kind is Kind.scorecard:
        if chosen != "xlsx":
            err.print("[red]错误 error:[/] scorecards are written as XLSX; give an .xlsx file")
            raise typer.Exit(2)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(
            scorecard_xlsx(data.units, title=f"{data.region}{data.year}年规划实施责任单位考核评分表")
        )
    else:
        write(data, chosen, out)  # type: ignore[arg-type]
    counts = data.counts()
    err.print(
        f"wrote {out} — {data.title}: {len(data.indicators)} 项指标 "
        + " ".join(f"{k}={v}" for k, v in counts.items() if v)
    )
