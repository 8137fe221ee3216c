"""Data commands: the database, ingest, regions, units, catalogue, links, observations, monitoring.

Each command reads settings, opens the database (migrating it when behind) and calls one service.
"""

from __future__ import annotations

import csv
import getpass
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from planwatch.cli.common import FilesArg, app, err, out, settings
from planwatch.monitor import Status
from planwatch.services import (
    catalog,
    govunits,
    links,
    monitoring,
    national,
    observe,
    region_edit,
    timeline,
    views,
)
from planwatch.services.database import connect, open_database, prepare
from planwatch.services.ingest import IngestResult, ingest, summary
from planwatch.store.engine import Database
from planwatch.store.migrate import current_revision

db_app = typer.Typer(help="Database: create or upgrade the schema.", no_args_is_help=True)
region_app = typer.Typer(
    help="Regions: add custom places, import a list, show the hierarchy.", no_args_is_help=True
)
unit_app = typer.Typer(help="Units of government (牵头/责任单位) per region.", no_args_is_help=True)
catalog_app = typer.Typer(help="The indicator catalogue (指标库).", no_args_is_help=True)
link_app = typer.Typer(help="Manual links of facts to catalogue entries.", no_args_is_help=True)
for _name, _sub in (
    ("db", db_app),
    ("region", region_app),
    ("unit", unit_app),
    ("catalog", catalog_app),
    ("link", link_app),
):
    app.add_typer(_sub, name=_name)

COLOURS = {Status.ACHIEVED: "bold green", Status.ON_TRACK: "green", Status.AT_RISK: "yellow",
           Status.OFF_TRACK: "bold red", Status.NO_DATA: "dim", Status.NOT_ASSESSABLE: "magenta"}  # fmt: skip
UserOpt = Annotated[str | None, typer.Option("--user", help="who enters the data (default: $USER)")]


class OutFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _db() -> Database:
    return open_database(settings())


def _user(user: str | None) -> str | None:
    return user or os.environ.get("USER") or getpass.getuser()


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*("" if v is None else str(v) for v in r))
    return table


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create or upgrade the schema to the newest migration and sync regions and catalogue."""
    db = connect(settings())
    report = prepare(db, settings(), force=True)
    out.print(f"database {db!r} at revision {current_revision(db)}; "
              f"{report.regions} region rows and {report.catalogue} catalogue entries synced")  # fmt: skip


@db_app.command("status")
def db_status() -> None:
    """The schema revision and how many documents, facts and regions the database holds."""
    from planwatch.services.database import describe

    for key, value in describe(_db()).items():
        out.print(f"{key}: {value}")


@db_app.command("revision")
def db_revision(message: str) -> None:
    """(Developers) write a new migration from the difference between the models and the database."""
    from planwatch.store.migrate import revision

    out.print(f"wrote {revision(_db(), message)} — review it, then run `planwatch db upgrade`")


@app.command("ingest")
def ingest_cmd(
    files: FilesArg,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="extraction processes")] = 1,
    force: Annotated[
        bool, typer.Option("--force", help="extract identical files again (a new version each)")
    ] = False,
) -> None:
    """Read, extract and store documents; identical files are unchanged, new versions supersede old ones."""
    db = _db()
    with Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), console=err, transient=True
    ) as bar:
        task = bar.add_task("ingest", total=None)
        results = ingest(db, settings(), files, jobs, progress=lambda _r: bar.advance(task), force=force)
    _ingest_summary(results)
    if any(r.outcome == "failed" for r in results):
        raise typer.Exit(1)


def _ingest_summary(results: list[IngestResult]) -> None:
    colour = {"new": "green", "updated": "cyan", "unchanged": "dim", "failed": "red"}
    rows = []
    for r in results:
        counts = " ".join(f"{k}:{n}" for k, n in r.counts if n)
        rows.append(
            [r.path, f"[{colour[r.outcome]}]{r.outcome}[/]", r.document_id, r.version, r.error or counts]
        )
    err.print(_table("Ingest 入库", ["file", "result", "doc", "version", "facts / error"], rows))
    err.print(" · ".join(f"{k} {n}" for k, n in summary(results).items()))


@region_app.command("add")
def region_add(
    name: str,
    level: Annotated[str, typer.Option(help="province, prefecture or county")] = "county",
    parent: Annotated[str | None, typer.Option(help="the region above, e.g. 白鹭市")] = None,
    code: Annotated[str | None, typer.Option(help="a code of your own (default X00001…)")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="another name (repeatable)")] = None,
) -> None:
    """Add a custom region (a place the gazetteer does not have)."""
    region, new, linked = region_edit.add(_db(), name, level, parent, code, alias or [])
    state = "added" if new else "exists"
    out.print(f"{state}: {region.name} ({region.code}, {region.level}); {linked} document(s) linked")


@region_app.command("import")
def region_import(path: Path) -> None:
    """Add the regions of a CSV/XLSX file (name, level, parent[, code, aliases]); all rows or none."""
    report = region_edit.import_regions(_db(), path)
    _fail_rows(report.errors, path)
    out.print(
        f"{len(report.added)} added, {len(report.unchanged)} unchanged; {report.documents_linked} document(s) linked"
    )


def _fail_rows(errors: list[Any], path: Path) -> None:
    """Print every bad row and stop with status 1 (nothing was applied)."""
    for e in errors:
        err.print(f"[red]✗[/] {e}")
    if errors:
        err.print(
            f"[red]{len(errors)} bad row(s) in {path}: nothing was imported[/] — fix them and run again"
        )
        raise typer.Exit(1)


@region_app.command("show")
def region_show(name: str) -> None:
    """A region's code, level, ancestors and children."""
    region, path, children = region_edit.show(_db(), name)
    out.print(f"{region.name} ({region.code}, {region.level})  {path}")
    for child in children:
        out.print(f"  └ {child.name} ({child.code})")


@unit_app.command("list")
def unit_list(region: Annotated[str | None, typer.Option(help="region whose units to list")] = None) -> None:
    """Units of a region's government, with the spellings found and their task counts."""
    rows = [[u.id, u.name, u.key, "、".join(u.aliases), u.tasks] for u in govunits.list_units(_db(), region)]
    out.print(
        _table(f"Units 单位 — {region or '(no region)'}", ["id", "name", "key", "written as", "tasks"], rows)
    )


@unit_app.command("alias")
def unit_alias(unit_id: int, alias: str) -> None:
    """Record another spelling of a unit."""
    name, new = govunits.add_unit_alias(_db(), unit_id, alias)
    out.print(f"{name}: {'added' if new else 'already known'} {alias}")


@unit_app.command("merge")
def unit_merge(keep_id: int, other_id: int) -> None:
    """Fold unit OTHER_ID into KEEP_ID (same region)."""
    out.print(f"merged into {govunits.merge_units(_db(), keep_id, other_id)}")


@catalog_app.command("list")
def catalog_list(
    auto: Annotated[bool, typer.Option("--auto", help="only entries made for unmatched plan rows")] = False,
    search: Annotated[str | None, typer.Option(help="part of a name or code")] = None,
) -> None:
    """Catalogue entries with unit, direction, kind and how many plan rows use them."""
    rows = [[e.id, e.code, e.name, e.unit, e.direction, e.kind, e.rate_of, e.source, e.plan_rows]
            for e in catalog.entries(_db(), auto_only=auto, search=search)]  # fmt: skip
    headers = ["id", "code", "name", "unit", "better", "kind", "rate of", "source", "rows"]
    out.print(_table("Catalogue 指标库", headers, rows))


@catalog_app.command("synonym")
def catalog_synonym(indicator: str, synonym: str) -> None:
    """Give a catalogue entry another name, then match facts again."""
    name, new, relinked = catalog.add_synonym(_db(), indicator, synonym)
    out.print(f"{name}: {'added' if new else 'already had'} {synonym}; {relinked} fact(s) linked anew")


@link_app.command("list")
def link_list(limit: Annotated[int, typer.Option(help="at most this many per fact type")] = 200) -> None:
    """Observations and prose targets that match no catalogue entry, with document and quote."""
    rows = [[u.fact_id, u.subject, u.value, u.unit, u.region, u.period, u.document, (u.quote or "")[:60]]
            for u in links.unmatched(_db(), limit)]  # fmt: skip
    headers = ["fact", "subject", "value", "unit", "region", "period", "document", "quote"]
    out.print(_table("Unmatched 未关联", headers, rows))


@link_app.command("set")
def link_set(fact_id: str, indicator_id: str, user: UserOpt = None) -> None:
    """Link FACT_ID (O12, T7, I3) to a catalogue entry (id, code or name), or `none` to set it aside."""
    label, entry, changed = links.set_link(_db(), fact_id, indicator_id, _user(user))
    out.print(f"{label} → {entry or '(not an indicator)'}; {changed} row(s)")


@app.command("observe")
def observe_cmd(
    indicator: str,
    region: Annotated[str, typer.Option(help="region name or code")],
    year: Annotated[int, typer.Option(help="year of the figure")],
    value: Annotated[float | None, typer.Option(help="the figure")] = None,
    unit: Annotated[
        str | None, typer.Option(help="unit of the figure (converted to the indicator's)")
    ] = None,
    growth: Annotated[float | None, typer.Option(help="同比增长, %")] = None,
    text: Annotated[str | None, typer.Option(help="定性 result: 达到 / 未达到 / Ⅱ类 …")] = None,
    note: Annotated[str | None, typer.Option(help="备注")] = None,
    user: UserOpt = None,
) -> None:
    """Enter one actual value by hand (with your name and the time)."""
    raw = {"indicator": indicator, "region": region, "year": year, "value": value, "unit": unit,
           "growth": growth, "text": text, "note": note}  # fmt: skip
    row_id, new = observe.observe(_db(), raw, _user(user))
    out.print(f"{'recorded' if new else 'already recorded'}: O{row_id}")


@app.command("import-observations")
def import_observations_cmd(path: Path, user: UserOpt = None) -> None:
    """Import actual values from CSV/XLSX (指标, 地区, 年份, 数值, 单位, 增速, 定性, 备注); all rows or none."""
    report = observe.import_observations(_db(), path, _user(user))
    _fail_rows(report.errors, path)
    out.print(f"{path}: {report.added} added, {report.unchanged} unchanged")


@app.command("status")
def status_cmd(
    region: Annotated[
        str | None, typer.Option(help="region name or code (default: every region with a plan)")
    ] = None,
    year: Annotated[
        int | None, typer.Option(help="year to judge (default: the latest year with data)")
    ] = None,
    subregions: Annotated[bool, typer.Option("--subregions", "-s", help="include the regions below")] = False,
    plan_only: Annotated[
        bool, typer.Option("--plan-only", help="only main-indicator rows, no prose targets")
    ] = False,
    summary_only: Annotated[
        bool, typer.Option("--summary", help="only the counts per region and status")
    ] = False,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.table,
) -> None:
    """Status of every monitored indicator: 已实现 / 正常推进 / 存在风险 / 严重滞后 / 暂无数据 / 无法评估."""
    if summary_only and fmt == OutFormat.table:
        if region is None:
            _status_summary(national.national(_db(), year, plan_only=plan_only), per_region=True)
        else:
            _status_summary(
                monitoring.status(_db(), region, year, subregions=subregions, plan_only=plan_only), True
            )
        return
    report = monitoring.status(_db(), region, year, subregions=subregions, plan_only=plan_only)
    document = views.status_document(report)
    if fmt == OutFormat.json:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == OutFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=views.STATUS_COLUMNS)
        writer.writeheader()
        writer.writerows(document["indicators"])
        return
    table = Table(title=f"监测状态 Status {report.year}")
    for c in ("地区", "指标", "单位", "基期", "目标", "实际", "进度", "状态"):
        table.add_column(c, overflow="fold")
    for m, r in zip(report.items, document["indicators"], strict=True):
        s = m.assessment.status
        table.add_row(r["region"], r["indicator"], r["unit"] or "", _num(r["baseline"]), r["target"] or "",
                      views.actual_text(m), "" if r["progress"] is None else f"{r['progress']:.0%}",
                      f"[{COLOURS[s]}]{s.label}[/]")  # fmt: skip
    out.print(table)
    _status_summary(report)


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:g}"


def _status_summary(
    report: monitoring.StatusReport | national.NationalReport, per_region: bool = False
) -> None:
    counts = report.counts()
    if per_region:
        rows = [[name, *by.values(), sum(by.values())] for name, by in report.by_region().items()]
        rows.append(["合计 total", *counts.values(), sum(counts.values())])
        headers = ["地区", *(f"[{COLOURS[s]}]{s.label}[/]" for s in Status), "指标数"]
        out.print(_table(f"监测汇总 Summary {report.year}", headers, rows))
        return
    parts = [f"[{COLOURS[s]}]{s.label} {s.value}: {n}[/]" for s, n in counts.items()]
    out.print(f"{sum(counts.values())} indicators, {report.year}: " + " · ".join(parts))


@app.command("timeline")
def timeline_cmd(
    indicator: str,
    region: Annotated[str, typer.Option(help="region name or code")],
    fmt: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.table,
) -> None:
    """Baseline, the plan's expected path and the actual values of one indicator, year by year."""
    item, points = timeline.timeline(_db(), indicator, region)
    document = views.timeline_document(item, points)
    if fmt != OutFormat.table:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=1) + "\n")
        return
    rows = [[p["year"], p["expected"], p["achieved"], p["actual"], p["growth"], p["text"],
             f"[{COLOURS[Status(p['status'])]}]{p['label']}[/]" if p["status"] else "基期"]
            for p in document["points"]]  # fmt: skip
    title = f"{item.region.name} · {item.name} ({item.goal.unit or ''}) — 目标 {document['target']} ({item.goal.target_year})"
    headers = ["年份", "进度要求", "实际(同口径)", "当年值", "增速", "定性", "状态"]
    out.print(_table(title, headers, rows))
