"""The supervision ledger (重点任务推进台账) as a workbook offices fill in and send back: one row per
task — 序号, 任务编号, 任务, 牵头单位, 责任单位, 完成时限, 目前状态 and, under a merged 本期进展
header, 报送期, 进展情况, 完成比例(%), 状态 — plus the indicator table and a sheet of instructions.

Pure: rows in, bytes out; the workflow service gathers the rows and reads the filled file back.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from planwatch.report.columns import Column, indicator_columns
from planwatch.report.model import IndicatorRow
from planwatch.report.sheet import write_table

TASK_SHEET = "任务台账"
INDICATOR_SHEET = "指标台账"
HELP_SHEET = "填报说明"
STATUS_CHOICES = ("未启动", "推进中", "已完成", "滞后")
GROUP = "本期进展"


@dataclass(frozen=True)
class LedgerRow:
    """One task of the ledger."""

    code: str  # T12: the work item, how the import finds the task again
    title: str
    lead: str
    responsible: str
    deadline: str
    current: str  # 目前状态: the latest approved status
    period: str  # as written: 2026年第三季度
    narrative: str
    percent: float | None
    status: str


def _percent_text(r: LedgerRow) -> str:
    return "" if r.percent is None else f"{r.percent:g}"


def task_columns() -> list[Column[LedgerRow]]:
    """The task sheet's columns (序号 is added by the sheet writer)."""
    return [
        Column("任务编号", lambda r: r.code, width=9, centred=True),
        Column("任务", lambda r: r.title, width=40),
        Column("牵头单位", lambda r: r.lead, width=18),
        Column("责任单位", lambda r: r.responsible, width=24),
        Column("完成时限", lambda r: r.deadline, width=12, centred=True),
        Column("目前状态", lambda r: r.current, width=9, centred=True),
        Column("报送期", lambda r: r.period, group=GROUP, width=14, centred=True),
        Column("进展情况", lambda r: r.narrative, group=GROUP, width=48),
        Column(
            "完成比例(%)",
            _percent_text,
            lambda r: r.percent,
            group=GROUP,
            width=10,
            number_format="0",
            centred=True,
        ),
        Column("状态", lambda r: r.status, group=GROUP, width=9, centred=True),
    ]


HEADERS = ("序号", *(c.header for c in task_columns()))
INSTRUCTIONS = (
    ("任务编号", "系统用它找到任务,请勿修改;新增行请留空并在“任务”列照抄任务全称"),
    ("报送期", "如 2026年第三季度、2026Q3、2026年上半年、2026年7月;须与本地区的报送周期一致"),
    ("进展情况", "本期工作进展;留空表示本期不报送该任务(该行不导入)"),
    ("完成比例(%)", "0 到 100 的数字;状态为“已完成”时填 100"),
    ("状态", "从下拉列表选择:未启动、推进中、已完成、滞后"),
    ("完成时限", "管理员可修改(日期,或“2025年底前”“长期坚持”);其他单位请勿修改"),
    ("导入规则", "整份文件一起导入:任何一行有错,全部不导入,并列出每一行的问题和改法"),
)


def ledger_xlsx(title: str, subtitle: str, rows: Sequence[LedgerRow], indicators: Sequence[IndicatorRow] = (),
                year: int | None = None) -> bytes:  # fmt: skip
    """The ledger workbook."""
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    wb.properties.creator, wb.properties.title = "PlanWatch", title
    ws = wb.create_sheet(TASK_SHEET)
    write_table(ws, title, task_columns(), rows, subtitle=subtitle, frozen_columns=3)
    first, last = 5, 4 + max(len(rows), 1)  # title, subtitle, two header rows
    status = DataValidation(type="list", formula1=f'"{",".join(STATUS_CHOICES)}"', allow_blank=True,
                            error="请从下拉列表选择状态", errorTitle="状态")  # fmt: skip
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                             error="完成比例应为 0 到 100 之间的数", errorTitle="完成比例")  # fmt: skip
    ws.add_data_validation(status)
    ws.add_data_validation(percent)
    status.add(f"K{first}:K{last}")
    percent.add(f"J{first}:J{last}")
    if indicators and year is not None:
        write_table(wb.create_sheet(INDICATOR_SHEET), title.replace("重点任务推进台账", "主要指标监测台账"),
                    indicator_columns(year), indicators, subtitle=subtitle, status_of=lambda r: r.status)  # fmt: skip
    help_columns: list[Column[tuple[str, str]]] = [
        Column("栏目", lambda r: r[0], width=16),
        Column("填写要求", lambda r: r[1], width=80),
    ]
    write_table(
        wb.create_sheet(HELP_SHEET), f"{title}:填报说明", help_columns, INSTRUCTIONS, frozen_columns=1
    )
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
