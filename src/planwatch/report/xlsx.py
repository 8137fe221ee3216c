"""The report and department scorecards as Excel workbooks, in the layout offices print and file.

Cells hold typed values (numbers stay numbers, progress is a percentage format) so offices can
sort, filter and re-use them; the printed layout comes from ``sheet.write_table``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from openpyxl import Workbook

from planwatch.report.columns import PROJECT_COLUMNS, SOURCE_COLUMNS, UNIT_COLUMNS, Column, indicator_columns
from planwatch.report.model import STATUS_LABELS, STATUS_ORDER, ReportData, UnitRow
from planwatch.report.outline import sources
from planwatch.report.scorecard import DEFAULT_WEIGHTS, Score, Weights, rank
from planwatch.report.sheet import write_table

FIXED_TIME = dt.datetime(2000, 1, 1)  # workbook metadata never varies with the clock


def _new_workbook(created: dt.datetime) -> Workbook:
    wb = Workbook()
    wb.remove(wb.worksheets[0])
    wb.properties.creator = "PlanWatch"
    wb.properties.created = wb.properties.modified = created
    return wb


def _bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def render_xlsx(data: ReportData) -> bytes:
    """Sheets 指标, 任务, 项目, 数据来源 of one report."""
    wb = _new_workbook(data.generated_at)
    wb.properties.title = data.title
    subtitle = f"{data.issuer or data.region}　{data.generated_at:%Y-%m-%d}"
    ordered = data.ordered()
    write_table(
        wb.create_sheet("指标"),
        f"{data.title}：主要指标",
        indicator_columns(data.year),
        ordered,
        subtitle=subtitle,
        status_of=lambda r: r.status,
    )
    write_table(wb.create_sheet("任务"), f"{data.title}：重点任务（按责任单位）", UNIT_COLUMNS, data.units,
                subtitle=subtitle)  # fmt: skip
    write_table(wb.create_sheet("项目"), f"{data.title}：重点项目", PROJECT_COLUMNS, data.projects,
                subtitle=subtitle, frozen_columns=1)  # fmt: skip
    write_table(wb.create_sheet("数据来源"), f"{data.title}：数据来源", SOURCE_COLUMNS, sources(data),
                subtitle=subtitle, frozen_columns=1)  # fmt: skip
    return _bytes(wb)


def _score_columns() -> list[Column[Score]]:
    def indicator_count(status: str) -> Column[Score]:
        def get(s: Score) -> int:
            return s.unit.indicators_by_status.get(status, 0)

        return Column(STATUS_LABELS[status], lambda s: str(get(s)), get, "牵头指标", 9, "0", True)

    def counted(header: str, group: str, attr: str) -> Column[Score]:
        def get(s: Score) -> int:
            return int(getattr(s.unit, attr))

        return Column(header, lambda s: str(get(s)), get, group, max(7.0, 2.2 * len(header) + 2), "0", True)

    def rate(header: str, attr: str) -> Column[Score]:
        def get(s: Score) -> float | None:
            value: float | None = getattr(s, attr)
            return value

        return Column(header, lambda s: f"{get(s) or 0:.1%}", get, "分项", 12, "0.0%", True)

    return [
        Column("排名", lambda s: str(s.unit.rank or ""), lambda s: s.unit.rank, None, 7, "0", True),
        Column("责任单位", lambda s: s.unit.unit, width=24),
        counted("牵头", "重点任务", "led"),
        counted("配合", "重点任务", "shared"),
        counted("已完成", "重点任务", "completed"),
        counted("按期完成", "重点任务", "completed_on_time"),
        counted("逾期", "重点任务", "overdue"),
        counted("按时", "进展报送", "reports_on_time"),
        counted("迟报", "进展报送", "reports_late"),
        counted("退回", "进展报送", "reports_returned"),
        *(indicator_count(s) for s in STATUS_ORDER),
        rate("任务按期完成率", "tasks"),
        rate("报送及时率", "reports"),
        rate("指标进展", "indicators"),
        Column("扣分", lambda s: f"{s.penalty:g}", lambda s: s.penalty, None, 8, "0.0", True),
        Column("得分", lambda s: f"{s.unit.score}", lambda s: s.unit.score, None, 8, "0.0", True),
    ]


def _rules(weights: Weights) -> list[tuple[str, str, str]]:
    credit = "，".join(f"{STATUS_LABELS[s]}{v:g}" for s, v in weights.credit.items())
    return [
        ("任务按期完成率", f"{weights.tasks:g}", "按期完成任务数 ÷（已完成 + 逾期未完成）"),
        ("报送及时率", f"{weights.reports:g}", "按时报送次数 ÷（按时 + 迟报）"),
        ("指标进展", f"{weights.indicators:g}", f"牵头指标按状态计分后的平均值（{credit}；未列状态不计）"),
        ("逾期任务扣分", f"{weights.overdue_penalty:g}", "每项逾期未完成任务扣分"),
        ("报送退回扣分", f"{weights.returned_penalty:g}", "每次进展报送被退回扣分"),
        (
            "说明",
            "",
            "某一分项无可计数据时不计入，其余分项权重按比例折算；得分最低为0，保留一位小数，同分并列排名",
        ),
    ]


def scorecard_xlsx(
    units: Iterable[UnitRow], weights: Weights = DEFAULT_WEIGHTS, *, title: str = "规划实施责任单位考核评分表"
) -> bytes:
    """考核 workbook: one row per unit with its counts, part rates, score and rank; then the rules."""
    scores = rank(units, weights)
    wb = _new_workbook(FIXED_TIME)
    wb.properties.title = title
    parts = f"权重：任务{weights.tasks:g}、报送{weights.reports:g}、指标{weights.indicators:g}（评分规则见下一工作表）"
    write_table(
        wb.create_sheet("考核得分"), title, _score_columns(), scores, subtitle=parts, frozen_columns=3
    )
    rule_columns: list[Column[tuple[str, str, str]]] = [
        Column("评分项", lambda r: r[0], width=18),
        Column("权重/分值", lambda r: r[1], lambda r: float(r[1]) if r[1] else None, width=12, centred=True),
        Column("计算方法", lambda r: r[2], width=70),
    ]
    write_table(
        wb.create_sheet("评分规则"),
        f"{title}：评分规则",
        rule_columns,
        _rules(weights),
        subtitle="权重与扣分按各地考核办法设定",
        frozen_columns=1,
    )
    return _bytes(wb)
