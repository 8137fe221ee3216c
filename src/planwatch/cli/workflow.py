"""``planwatch workflow …`` (督办): sync items from tasks, list what is overdue or due soon, send
reminders, set reporting periods, milestones, assignments and deadlines, and seed the demo;
``planwatch ledger export|import`` (the Excel 台账); ``planwatch audit export``."""

from __future__ import annotations

import getpass
import json
import os
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from planwatch.auth.policy import Principal, Role
from planwatch.cli.common import app, err, out, settings
from planwatch.errors import ValidationError
from planwatch.normalize.dates import parse_date
from planwatch.services import users
from planwatch.services.audit import ACTION_LABELS, Actor
from planwatch.services.database import open_database
from planwatch.services.workflow import demo, items, ledger, milestones, remind, schedule, views
from planwatch.services.workflow.board import Entry
from planwatch.services.workflow.common import local_date
from planwatch.store.engine import Database

workflow_app = typer.Typer(
    help="Task supervision 督办: items, deadlines, reminders, milestones.", no_args_is_help=True
)
milestone_app = typer.Typer(help="Milestones (节点) of an item.", no_args_is_help=True)
supervise_app = typer.Typer(help="Supervise an indicator or a key project.", no_args_is_help=True)
ledger_app = typer.Typer(help="The Excel ledger (台账): export a region's tasks, import a filled file.",
                         no_args_is_help=True)  # fmt: skip
app.add_typer(workflow_app, name="workflow")
workflow_app.add_typer(milestone_app, name="milestone")
workflow_app.add_typer(supervise_app, name="supervise")
app.add_typer(ledger_app, name="ledger")
TodayOpt = Annotated[
    str | None, typer.Option("--today", help="judge as of this date (YYYY-MM-DD; default today)")
]
RegionOpt = Annotated[str | None, typer.Option("--region", "-r", help="a region (and the regions below it)")]


def _name() -> str:
    return "cli:" + (os.environ.get("USER") or getpass.getuser())


def cli_admin() -> tuple[Principal, Actor]:
    """Who a command acts as: the operator, with an administrator's rights."""
    return Principal(Role.ADMIN, 0, _name()), Actor(_name())


def _date(text: str | None, what: str = "date") -> date | None:
    if not text:
        return None
    day = parse_date(text)
    if day is None:
        raise ValidationError(f"{what} {text!r} is not a date", hint="write YYYY-MM-DD")
    return day


def _unit(db: Database, ref: str | None, region: str | None) -> int | None:
    return items.unit_id_of(db, ref, region) if ref else None


@workflow_app.command("sync")
def sync_cmd() -> None:
    """Make supervised items and assignments from the tasks of current documents (ingest does it too)."""
    result = items.sync_all(open_database(settings()), cli_admin()[1])
    out.print(f"items: {result.items_new} new, {result.items_updated} updated, {result.items_retired} retired · "
              f"assignments: {result.assignments_new} new, {result.assignments_ended} ended")  # fmt: skip


@workflow_app.command("items")
def items_cmd(
    region: RegionOpt = None, unit: Annotated[str | None, typer.Option(help="unit id or name")] = None,
    status: Annotated[str | None, typer.Option(help="no_report, in_progress, completed, lagging, overdue …")] = None,
    today: TodayOpt = None,
) -> None:  # fmt: skip
    """Supervised items with their units, deadline and status."""
    db = open_database(settings())
    view = views.overview(db, settings(), region, _unit(db, unit, region), status, today=_date(today))
    table = Table(title=f"督办事项 {len(view.rows)}")
    for column in ("id", "no.", "item", "lead", "deadline", "status", "latest"):
        table.add_column(column)
    for r in view.rows:
        deadline = f"{r.deadline:%Y-%m-%d}" if r.deadline else (r.deadline_text or "—")
        table.add_row(str(r.id), r.number or "", r.title[:40], "、".join(r.lead),
                      deadline + (" 逾期" if r.overdue else ""), r.status_label,
                      f"{r.latest_period or ''} {r.latest_state or ''}".strip())  # fmt: skip
    out.print(table)
    out.print(
        " · ".join(f"{view.labels[k]} {n}" for k, n in view.counts.items()) + f" · 逾期 {view.overdue_tasks}"
    )


class Fmt(StrEnum):
    table = "table"
    json = "json"


def _entry_json(e: Entry) -> dict[str, object]:
    return {"kind": e.kind, "item": e.item_id, "number": e.number, "title": e.title, "detail": e.detail,
            "units": list(e.units), "due": e.due.isoformat(), "days_overdue": e.days}  # fmt: skip


@workflow_app.command("due")
def due_cmd(
    region: RegionOpt = None, unit: Annotated[str | None, typer.Option(help="unit id or name")] = None,
    days: Annotated[int | None, typer.Option(help="due within this many days counts as due soon (default 14)")] = None,
    today: TodayOpt = None, fmt: Annotated[Fmt, typer.Option("--format", "-f")] = Fmt.table,
) -> None:  # fmt: skip
    """What is overdue and what is due soon: task deadlines, milestones and reports owed, per unit."""
    cfg = settings()
    db = open_database(cfg)
    view = views.overview(db, cfg, region, _unit(db, unit, region), days=days, today=_date(today))
    if fmt is Fmt.json:
        out.print_json(json.dumps({"today": view.today.isoformat(), "days": view.days,
                                   "overdue": [_entry_json(e) for e in view.overdue],
                                   "due_soon": [_entry_json(e) for e in view.soon]}, ensure_ascii=False))  # fmt: skip
        return
    for title, entries in ((f"逾期 overdue ({len(view.overdue)})", view.overdue),
                           (f"{view.days} 天内到期 due soon ({len(view.soon)})", view.soon)):  # fmt: skip
        table = Table(title=title)
        for column in ("kind", "item", "what", "units", "due", "days"):
            table.add_column(column)
        for e in entries:
            when = f"逾期 {e.days} 天" if e.overdue else f"{-e.days} 天后"
            table.add_row(e.kind_label, f"{e.number or ''} {e.title[:30]}".strip(), e.detail, "、".join(e.units),
                          f"{e.due:%Y-%m-%d}", when)  # fmt: skip
        out.print(table)


@workflow_app.command("remind")
def remind_cmd(
    dry_run: Annotated[bool, typer.Option("--dry-run", help="list the e-mails without sending them")] = False,
    region: RegionOpt = None, days: Annotated[int | None, typer.Option(help="due-soon window in days")] = None,
    today: TodayOpt = None,
) -> None:  # fmt: skip
    """E-mail each unit's reporters what is overdue or due soon (SMTP from PLANWATCH_SMTP_*)."""
    cfg = settings()
    result = remind.remind(open_database(cfg), cfg, cli_admin()[1], dry_run=dry_run, today=_date(today), days=days,
                           region=region)  # fmt: skip
    for r in result.reminders:
        out.print(f"{'would send' if dry_run else 'sent'} to {r.to} ({r.unit}): {r.subject}")
        if dry_run:
            out.print(r.body(), markup=False)
    if result.unreachable:
        err.print(f"no reporter with an e-mail address for: {'、'.join(result.unreachable)} "
                  "(`planwatch user email NAME ADDRESS`)")  # fmt: skip
    out.print(f"{len(result.reminders)} reminder(s), {result.sent} sent")


@workflow_app.command("period")
def period_cmd(
    kind: Annotated[str, typer.Argument(help="monthly, quarterly, half_yearly or yearly (月度/季度/半年/年度)")],
    region: RegionOpt = None,
    plan: Annotated[str | None, typer.Option(help="a plan's logical key (one plan only)")] = None,
) -> None:  # fmt: skip
    """How often the units of a region (or of one plan) report progress."""
    name, chosen = schedule.set_schedule(
        open_database(settings()), *cli_admin(), kind, region=region, plan=plan
    )
    out.print(f"{name}: {chosen.label}报送 ({chosen.value})")


@workflow_app.command("assign")
def assign_cmd(
    item: int, unit: Annotated[str, typer.Option(help="unit id or name")],
    role: Annotated[str, typer.Option(help="lead (牵头) or responsible (责任)")] = "lead",
) -> None:  # fmt: skip
    """Make a unit answerable for an item."""
    db = open_database(settings())
    assignment = items.assign(db, *cli_admin(), item, items.unit_id_of(db, unit), role)
    out.print(f"assignment {assignment}: unit {unit} is {items.ROLES.get(role, role)} of item {item}")


@workflow_app.command("deadline")
def deadline_cmd(item: int, deadline: Annotated[str, typer.Argument(help="YYYY-MM-DD, or none")]) -> None:
    """Set (or clear with `none`) an item's deadline."""
    day = None if deadline.lower() == "none" else _date(deadline, "deadline")
    version = items.set_deadline(open_database(settings()), *cli_admin(), item, day, None)
    out.print(f"item {item}: deadline {day or 'none'} (version {version})")


@supervise_app.command("indicator")
def supervise_indicator(
    code: str, region: Annotated[str, typer.Option("--region", "-r")],
    unit: Annotated[list[str], typer.Option(help="lead unit id or name (repeatable)")],
    deadline: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
) -> None:  # fmt: skip
    """Supervise a monitored indicator of a region, led by these units."""
    db = open_database(settings())
    ids = [items.unit_id_of(db, u, region) for u in unit]
    item = items.supervise_indicator(db, *cli_admin(), region, code, ids, _date(deadline))
    out.print(f"item {item}: indicator {code} of {region}")


@supervise_app.command("project")
def supervise_project(
    project: int, unit: Annotated[list[str], typer.Option(help="lead unit id or name (repeatable)")],
    deadline: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
) -> None:  # fmt: skip
    """Supervise a key project (its id from the API's /facts?type=projects), led by these units."""
    db = open_database(settings())
    item = items.supervise_project(
        db, *cli_admin(), project, [items.unit_id_of(db, u) for u in unit], _date(deadline)
    )
    out.print(f"item {item}: project {project}")


@milestone_app.command("add")
def milestone_add(
    item: int, title: Annotated[str, typer.Option(help="what is to be done")],
    due: Annotated[str, typer.Option(help="YYYY-MM-DD")],
) -> None:  # fmt: skip
    """Add a milestone to an item."""
    day = _date(due, "due date")
    assert day is not None
    m = milestones.add(open_database(settings()), *cli_admin(), item, title, day)
    out.print(f"milestone {m.id} of item {item}: {m.title} by {m.due:%Y-%m-%d}")


@milestone_app.command("list")
def milestone_list(item: int) -> None:
    """An item's milestones."""
    table = Table(title=f"item {item} milestones 节点")
    for column in ("id", "title", "due", "done", "version"):
        table.add_column(column)
    for m in milestones.of_item(open_database(settings()), item):
        table.add_row(str(m.id), m.title, f"{m.due:%Y-%m-%d}", f"{m.done_on:%Y-%m-%d}" if m.done_on else "",
                      str(m.version))  # fmt: skip
    out.print(table)


@milestone_app.command("done")
def milestone_done(
    milestone: int, on: Annotated[str | None, typer.Option(help="YYYY-MM-DD (default today)")] = None,
    version: Annotated[int | None, typer.Option(help="the version you saw (409 when it changed)")] = None,
) -> None:  # fmt: skip
    """Mark a milestone done."""
    m = milestones.update(open_database(settings()), *cli_admin(), milestone, version,
                          done_on=_date(on) or local_date())  # fmt: skip
    out.print(f"milestone {m.id} done on {m.done_on}")


@workflow_app.command("demo")
def demo_cmd(today: TodayOpt = None) -> None:
    """Seed 星湖县's supervision demo (reports, reviews, milestones, comments) once; print the demo accounts."""
    cfg = settings()
    result = demo.seed(open_database(cfg), cfg, _date(today))
    out.print(f"workflow demo: {result.message}")
    path = cfg.data_dir / "demo-users.txt"
    if path.exists():
        known = dict(line.split("\t", 1) for line in path.read_text("utf-8").splitlines() if "\t" in line)
        shown = [f"{k} / {known[k]}" for k in ("reporter", "reviewer") if k in known]
        if shown:
            out.print(
                f"督办演示账号: 填报人(县发展改革局) {shown[0]}"
                + (f" · 审核人 {shown[1]}" if len(shown) > 1 else "")
            )


@ledger_app.command("export")
def ledger_export(
    region: Annotated[str, typer.Option("--region", "-r")],
    out_path: Annotated[Path, typer.Option("--out", "-o", help="the .xlsx file to write")],
    period: Annotated[str | None, typer.Option(help="2026Q3, 2026年第三季度 … (default: the current period)")] = None,
    today: TodayOpt = None,
) -> None:  # fmt: skip
    """Write a region's task ledger (and indicator table) for a period."""
    cfg = settings()
    _file, content = ledger.export(open_database(cfg), cfg, region, period, _date(today))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(content)
    out.print(f"wrote {out_path}")


@ledger_app.command("import")
def ledger_import(
    file: Path, as_user: Annotated[str | None, typer.Option("--as", help="import as this user (role and units)")] = None,
    today: TodayOpt = None,
) -> None:  # fmt: skip
    """Apply a filled ledger: every row checked first; any bad row and nothing is applied."""
    cfg = settings()
    db = open_database(cfg)
    who, actor = cli_admin()
    if as_user:
        who, actor = users.act_as(db, as_user)
    result = ledger.import_ledger(db, cfg, who, actor, file.read_bytes(), file.name, _date(today))
    if not result.ok:
        for error in result.errors:
            err.print(str(error), markup=False)
        err.print(f"[red]nothing imported[/]: {len(result.errors)} problem(s) in {result.rows} row(s)")
        raise typer.Exit(1)
    out.print(f"imported {file.name}: {result.created} new, {result.changed} changed, {result.unchanged} unchanged, "
              f"{result.skipped} skipped, {result.deadlines} deadline(s) changed")  # fmt: skip


audit_app = typer.Typer(help="The audit log (审计日志).", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("export")
def audit_export(
    out_path: Annotated[Path, typer.Option("--out", "-o", help="a .csv or .xlsx file")],
) -> None:
    """Export the whole audit log (CSV or XLSX, by the file's extension)."""
    from planwatch.services.audit_export import audit_csv, audit_xlsx

    db = open_database(settings())
    suffix = out_path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ValidationError(f"unknown export format {suffix!r}", hint="give a .csv or .xlsx file")
    content = audit_csv(db, ACTION_LABELS) if suffix == ".csv" else audit_xlsx(db, ACTION_LABELS)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(content)
    out.print(f"wrote {out_path}")
