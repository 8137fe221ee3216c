"""The audit log exported for administrators: CSV (UTF-8 with a BOM, which Excel opens as Chinese) and
XLSX (the office layout). Cells a spreadsheet would take for a formula (=, +, -, @) are quoted."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook

from planwatch.report.columns import Column
from planwatch.report.sheet import write_table
from planwatch.services.audit import Event, every_event
from planwatch.store.engine import Database

HEADERS = (
    "序号",
    "时间(UTC)",
    "操作人",
    "操作",
    "操作代码",
    "对象类型",
    "对象",
    "变更前",
    "变更后",
    "IP",
    "备注",
)


def safe_cell(value: str) -> str:
    """A text a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _json(state: dict[str, Any] | None) -> str:
    return json.dumps(state, ensure_ascii=False, sort_keys=True) if state else ""


def _cells(e: Event, labels: dict[str, str]) -> list[str]:
    return [f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor or "", labels.get(e.action, e.action), e.action,
            e.object_type or "", e.object_id or "", _json(e.before), _json(e.after), e.ip or "", e.note or ""]  # fmt: skip


def audit_csv(db: Database, labels: dict[str, str]) -> bytes:
    """Every event as CSV, oldest first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for n, e in enumerate(every_event(db), start=1):
        writer.writerow([str(n), *(safe_cell(c) for c in _cells(e, labels))])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _pick(i: int) -> Callable[[list[str]], str]:
    return lambda row: safe_cell(row[i])


def audit_xlsx(db: Database, labels: dict[str, str]) -> bytes:
    """Every event as a workbook in the office layout, oldest first."""
    widths = (19, 14, 12, 16, 10, 10, 40, 40, 14, 24)
    columns = [Column(h, _pick(i), width=w) for i, (h, w) in enumerate(zip(HEADERS[1:], widths, strict=True))]
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    write_table(wb.create_sheet("审计日志"), "审计日志", columns, [_cells(e, labels) for e in every_event(db)],
                subtitle="只增不改的操作记录:登录、新增、修改、审核通过、退回……", frozen_columns=2)  # fmt: skip
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
