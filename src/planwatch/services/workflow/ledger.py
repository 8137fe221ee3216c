"""The Excel ledger (台账): export a region's tasks for a period, import the filled file as progress
reports.

Import reads the task sheet row by row and checks everything first — the task (任务编号, or the exact
title), the unit (one the importing user may report for, among the task's units), 报送期, 状态,
完成比例, 完成时限 — collecting every problem with its file, sheet, row and what to do. Only a file
without problems is applied, in one transaction, each row creating or changing that period's report of
the row's task as the importing user.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from sqlalchemy.orm import Session

from planwatch.auth.policy import Action, Principal, Role, allowed, require
from planwatch.catalog.govunits import clean, split_level, unit_key
from planwatch.errors import PlanWatchError, ReadError
from planwatch.normalize.dates import parse_date
from planwatch.report.gather import gather
from planwatch.report.ledger import HEADERS, TASK_SHEET, LedgerRow, ledger_xlsx
from planwatch.services.audit import Actor, record
from planwatch.services.library import region_codes
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.board import Board
from planwatch.services.workflow.common import local_date, now, write
from planwatch.services.workflow.reports import ReportInput, submit_in
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import Assignment, ProgressReport, WorkItem
from planwatch.workflow import periods
from planwatch.workflow.deadlines import parse_deadline
from planwatch.workflow.states import ITEM_STATUS_LABELS, Progress, ReportState, check_percent, parse_progress

REQUIRED = ("任务", "牵头单位", "进展情况", "状态")


def export(
    db: Database, settings: Settings, region: str, period: str | None = None, today: dt.date | None = None,
    with_indicators: bool = True,
) -> tuple[str, bytes]:  # fmt: skip
    """(file name, workbook) of a region's ledger for a period (default: the current one)."""
    today = today or local_date()
    with db.session() as session:
        index = RegionIndex.load(session)
        place = index.require(region)
        board = Board.load(session, settings, today, region_codes(index, region))
    code = periods.parse(period) if period else None
    rows = []
    for item in board.items:
        if item.kind != "task":
            continue
        kind = board.schedules.kind(item)
        chosen = code or periods.period_of(kind, today)
        leads = board.lead(item)
        mine = next((r for r in board.reports.get(item.id, []) if r.period == chosen
                     and r.unit_id in {a.unit_id for a in leads}), None)  # fmt: skip
        rows.append(LedgerRow(
            f"T{item.id}", item.title, "、".join(board.unit_names(leads)),
            "、".join(board.unit_names([a for a in board.assignments.get(item.id, []) if a.role == "responsible"])),
            _deadline_cell(item), ITEM_STATUS_LABELS[board.status(item)], periods.label(chosen),
            mine.narrative if mine else "", mine.percent if mine else None,
            Progress(mine.progress).label if mine else "",
        ))  # fmt: skip
    label = periods.label(code) if code else "本期"
    title = f"{place.name}重点任务推进台账({label})"
    subtitle = f"导出日期 {today:%Y-%m-%d} · 任务编号请勿修改 · 填写“进展情况”“完成比例”“状态”后导入系统"
    indicators, year = _indicators(db, settings, place.code, today) if with_indicators else ((), None)
    suffix = code or f"{today:%Y%m%d}"
    return f"{place.name}重点任务推进台账_{suffix}.xlsx", ledger_xlsx(title, subtitle, rows, indicators, year)


def _indicators(db: Database, settings: Settings, region_code: str, today: dt.date) -> tuple[Any, int | None]:
    try:
        data = gather(db, region_code, None, "annual", settings, today)
    except PlanWatchError:
        return (), None
    return data.ordered(), data.year


def _deadline_cell(item: WorkItem) -> str:
    if item.deadline_source == "written" and item.deadline_text:
        return item.deadline_text
    if item.deadline_source == "ongoing":
        return item.deadline_text or "长期坚持"
    return f"{item.deadline:%Y-%m-%d}" if item.deadline else ""


@dataclass(frozen=True)
class RowError:
    """A problem of one ledger row: where, what, and what to do."""

    file: str
    sheet: str
    row: int
    column: str
    message: str
    hint: str

    def __str__(self) -> str:
        return f"{self.file} · {self.sheet} · 第{self.row}行 · {self.column}:{self.message}(处理办法:{self.hint})"


@dataclass
class LedgerResult:
    """What an import did (or, with errors, would not do)."""

    file: str
    sheet: str
    rows: int = 0
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    deadlines: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Applied: no row had a problem."""
        return not self.errors


@dataclass(frozen=True)
class _Planned:
    row: int
    item: WorkItem
    unit_id: int
    data: ReportInput
    version: int
    deadline: dt.date | bool | None  # False: unchanged


def import_ledger(
    db: Database, settings: Settings, who: Principal, actor: Actor, content: bytes, filename: str,
    today: dt.date | None = None,
) -> LedgerResult:  # fmt: skip
    """Check a filled ledger and, when every row is right, apply it in one transaction."""
    require(who, Action.IMPORT_LEDGER)
    name = Path(filename).name
    sheet, header_row, columns = _open(content, name, settings)
    result = LedgerResult(name, TASK_SHEET)
    today = today or local_date()
    with db.session() as session:
        board = Board.load(session, settings, today)
        plans = [p for p in (_plan(session, board, who, result, r, cells, columns)
                             for r, cells in _rows(sheet, header_row)) if p is not None]  # fmt: skip
    if result.errors:
        return result
    at = now()
    with write(db) as session:
        for plan in plans:
            if plan.deadline is not False:
                item = session.get(WorkItem, plan.item.id)
                assert item is not None
                item.deadline = plan.deadline if isinstance(plan.deadline, dt.date) else None
                item.deadline_source = "manual"
                result.deadlines += 1
            if plan.data.narrative:
                submit_in(session, settings, who, actor, plan.item.id, plan.unit_id, plan.data, plan.version,
                          source="ledger", at=at)  # fmt: skip
        record(session, actor, "ledger_import", "ledger", name, None,
               {"rows": result.rows, "created": result.created, "changed": result.changed,
                "unchanged": result.unchanged, "skipped": result.skipped, "deadlines": result.deadlines})  # fmt: skip
    return result


def _check_zip(content: bytes, name: str, settings: Settings) -> None:
    """Refuse what is not a workbook, or would unpack to too much (the readers' zip-bomb guard)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            entries = archive.infolist()
    except zipfile.BadZipFile as exc:
        raise ReadError(
            "不是 Excel 工作簿(.xlsx)",
            where=name,
            hint="上传从系统导出的 .xlsx 台账(不要另存为 .xls 或 .csv)",
        ) from exc
    total = sum(e.file_size for e in entries)
    ratio = max((e.file_size / e.compress_size for e in entries if e.compress_size), default=0.0)
    if total > settings.max_unzipped_mb * 1024 * 1024 or ratio > settings.max_zip_ratio:
        raise ReadError("工作簿解压后过大,疑似压缩炸弹 (workbook unpacks too large)", where=name,
                        hint="上传从系统导出的台账")  # fmt: skip


def _open(content: bytes, name: str, settings: Settings) -> tuple[Any, int, dict[str, int]]:
    """The task sheet, its last header row, and column positions by header."""
    _check_zip(content, name, settings)
    try:
        wb = load_workbook(io.BytesIO(content), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ReadError(f"无法读取台账文件 ({type(exc).__name__})", where=name,
                        hint="上传从系统导出的 .xlsx 台账(不要另存为 .xls 或 .csv)") from exc  # fmt: skip
    if TASK_SHEET not in wb.sheetnames:
        raise ReadError(f"找不到工作表“{TASK_SHEET}”", where=name, hint="使用从系统导出的台账,不要改工作表名")
    ws = wb[TASK_SHEET]
    for r in range(1, 8):
        top = [_text(c.value) for c in ws[r]]
        if "序号" in top:
            below = [_text(c.value) for c in ws[r + 1]]
            names = [b or t for t, b in zip(top, below + [""] * (len(top) - len(below)), strict=False)]
            columns = {h: i for i, h in enumerate(names) if h}
            missing = [h for h in REQUIRED if h not in columns]
            if missing:
                raise ReadError(f"表头缺少:{'、'.join(missing)}", where=f"{name} · {TASK_SHEET} · 第{r}行",
                                hint=f"表头应为:{'、'.join(HEADERS)}")  # fmt: skip
            return ws, r + (1 if any(below) else 0), columns
    raise ReadError("找不到表头(含“序号”的行)", where=f"{name} · {TASK_SHEET}", hint="使用从系统导出的台账")


def _rows(ws: Any, header_row: int) -> list[tuple[int, list[Any]]]:
    out = []
    for r, cells in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True), start=header_row + 1):
        if any(_text(v) for v in cells):
            out.append((r, list(cells)))
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _plan(session: Session, board: Board, who: Principal, result: LedgerResult, r: int, cells: list[Any],
          columns: dict[str, int]) -> _Planned | None:  # fmt: skip
    """The change one row asks for, or None (a skipped row, or an error recorded in ``result``)."""
    result.rows += 1

    def cell(name: str) -> Any:
        i = columns.get(name)
        return cells[i] if i is not None and i < len(cells) else None

    def fail(column: str, message: str, hint: str) -> None:
        result.errors.append(RowError(result.file, result.sheet, r, column, message, hint))

    item = _find_item(board, _text(cell("任务编号")), _text(cell("任务")))
    if item is None:
        fail("任务编号" if _text(cell("任务编号")) else "任务", f"找不到任务“{_text(cell('任务编号')) or _text(cell('任务'))[:30]}”",
             "使用从系统导出的台账,任务编号和任务名称不要修改")  # fmt: skip
        return None
    errors_before = len(result.errors)
    deadline = _deadline_change(item, cell("完成时限"), who, fail)
    narrative, status_text, percent_raw = _text(cell("进展情况")), _text(cell("状态")), cell("完成比例(%)")
    if not (narrative or status_text or _text(percent_raw)):
        result.skipped += 1
        return (
            _Planned(r, item, 0, ReportInput("", "", 0, ""), 0, deadline) if deadline is not False else None
        )
    unit_id = _unit(board, item, _text(cell("牵头单位")), who, fail)
    progress = _check(
        lambda: parse_progress(status_text), fail, "状态", "从下拉列表选择:未启动、推进中、已完成、滞后"
    )
    if not narrative:
        fail("进展情况", "有状态或完成比例,却没有填写进展情况", "补写本期进展,或把这一行的状态和比例清空")
    if not _text(percent_raw) and isinstance(progress, Progress):
        percent_raw = {Progress.COMPLETED: 100, Progress.NOT_STARTED: 0}.get(progress)
    percent = _check(lambda: check_percent(percent_raw), fail, "完成比例(%)", "填写 0 到 100 之间的数字")
    period = _check(lambda: periods.parse(_text(cell("报送期"))), fail, "报送期",
                    "写成 2026年第三季度、2026Q3、2026年上半年 或 2026年7月")  # fmt: skip
    if len(result.errors) > errors_before or unit_id is None or not isinstance(period, str):
        return None
    assert isinstance(progress, Progress) and isinstance(percent, float)
    data = ReportInput(period, progress.value, percent, narrative)
    return _against_stored(session, board, result, fail, r, item, unit_id, data, deadline)


def _against_stored(session: Session, board: Board, result: LedgerResult, fail: Any, r: int, item: WorkItem,
                    unit_id: int, data: ReportInput, deadline: dt.date | bool | None) -> _Planned | None:  # fmt: skip
    """Compare a row with the stored report of its period: unchanged, new, a change, or locked."""
    stored = repo.report_for(session, item.id, unit_id, data.period)
    if periods.bounds(data.period)[0] > board.today:
        fail("报送期", f"{periods.label(data.period)}尚未开始", "填写已经开始的报送期")
        return None
    if stored is None:
        kind = board.schedules.kind(item)
        if periods.kind_of(data.period) is not kind:
            fail("报送期", f"本地区按{kind.label}报送,{periods.label(data.period)}不是{kind.label}",
                 f"写成{periods.label(periods.period_of(kind, board.today))}这样的{kind.label}")  # fmt: skip
            return None
        result.created += 1
        return _Planned(r, item, unit_id, data, 0, deadline)
    if _same(stored, data):
        result.unchanged += 1
        return (
            _Planned(r, item, unit_id, ReportInput("", "", 0, ""), 0, deadline)
            if deadline is not False
            else None
        )
    if stored.state == ReportState.APPROVED.value:
        fail("进展情况", f"{periods.label(data.period)}的报告已审核通过并锁定,不能再修改",
             "恢复原内容,或改填下一报送期")  # fmt: skip
        return None
    result.changed += 1
    return _Planned(r, item, unit_id, data, stored.version, deadline)


def _same(stored: ProgressReport, data: ReportInput) -> bool:
    return (stored.progress, stored.percent, stored.narrative.strip()) == (data.progress, float(data.percent),
                                                                           data.narrative.strip())  # fmt: skip


def _check(fn: Any, fail: Any, column: str, hint: str) -> Any:
    try:
        return fn()
    except PlanWatchError as exc:
        fail(column, exc.message, hint)
        return None


def _find_item(board: Board, code: str, title: str) -> WorkItem | None:
    items = {i.id: i for i in board.items if i.kind == "task"}
    if code:
        digits = code.upper().removeprefix("T")
        return items.get(int(digits)) if digits.isdigit() else None
    matches = [i for i in items.values() if i.title.strip() == title]
    return matches[0] if len(matches) == 1 else None


def _unit(board: Board, item: WorkItem, written: str, who: Principal, fail: Any) -> int | None:
    """The unit a row reports for: among the task's units named in 牵头单位, one the user may report for."""
    rows: list[Assignment] = board.assignments.get(item.id, [])
    named = {
        unit_key(split_level(clean(n))[1])
        for n in written.replace(",", "、").replace(",", "、").split("、")
        if n.strip()
    }
    chosen = (
        [a for a in rows if unit_key(split_level(clean(board.units[a.unit_id].name))[1]) in named]
        if named
        else board.lead(item)
    )
    if not chosen:
        fail("牵头单位", f"“{written}”不是这项任务的承担单位", "照抄导出时的牵头单位")
        return None
    mine = [a for a in chosen if allowed(who, Action.REPORT_PROGRESS, a.unit_id)]
    if not mine:
        fail("牵头单位", f"您无权为“{written}”报送", "只导入本单位牵头的任务行,其余行的进展情况请留空")
        return None
    return mine[0].unit_id


def _deadline_change(item: WorkItem, value: Any, who: Principal, fail: Any) -> dt.date | bool | None:
    """The new deadline a row sets (None: cleared), or False when it is unchanged."""
    text = _text(value)
    if text == _deadline_cell(item) or (not text and item.deadline is None):
        return False
    if isinstance(value, dt.datetime | dt.date):
        new: dt.date | None = value.date() if isinstance(value, dt.datetime) else value
    elif not text:
        new = None
    else:
        parsed = parse_date(text) or parse_deadline(text).due
        if parsed is None and not parse_deadline(text).ongoing:
            fail("完成时限", f"“{text}”不是日期", "写成 2025-12-31、2025年6月底前 或 长期坚持")
            return False
        new = parsed
    if new == item.deadline:
        return False
    if who.role is not Role.ADMIN:
        fail("完成时限", "只有管理员可以修改完成时限", "恢复导出时的完成时限")
        return False
    return new
