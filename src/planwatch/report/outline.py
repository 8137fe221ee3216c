"""The order and wording of an evaluation report, as a list of blocks every document format lays out.

一、总体情况 → 二、主要指标完成情况 → 三、需要关注的指标 → 四、重点任务推进情况 → 五、重点项目推进情况
→ (mid-term and final) 六、评估结论 → 附件：数据来源. Headings are numbered here, not by the
renderers, so every format shows the same numbers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TypeVar

from planwatch.report import charts
from planwatch.report.blocks import AnnexStart, Block, Figure, Heading, Paragraph, Table, Title
from planwatch.report.columns import (
    PROJECT_COLUMNS,
    SOURCE_COLUMNS,
    UNIT_COLUMNS,
    Column,
    documented,
    indicator_columns,
)
from planwatch.report.model import IndicatorRow, ReportData, Source
from planwatch.report.text import (
    conclusion,
    headline_sentence,
    lagging_sentence,
    marker,
    period_sentence,
    summary_sentence,
    tasks_sentence,
)

T = TypeVar("T")
PROJECT_STATES = ("已完成", "推进中", "滞后", "未启动")


class _Numbers:
    """Hands out heading markers, restarting the lower levels under each new heading."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0, 0]
        self.figures = 0
        self.tables = 0

    def heading(self, level: int, text: str) -> Heading:
        self.counts[level - 1] += 1
        self.counts[level:] = [0] * (4 - level)
        return Heading(level, marker(level, self.counts[level - 1]) + text)

    def figure(self, png: bytes, caption: str) -> Figure:
        self.figures += 1
        return Figure(png, f"图{self.figures} {caption}")

    def table(
        self,
        caption: str,
        columns: Sequence[Column[T]],
        rows: Sequence[T],
        status: int | None = None,
        statuses: tuple[str, ...] = (),
    ) -> Table:
        self.tables += 1
        shown = [Column[T]("序号", lambda _: ""), *documented(columns)]
        return Table(
            caption=f"表{self.tables} {caption}",
            header=tuple(c.title for c in shown),
            rows=tuple((str(i), *(c.text(r) for c in shown[1:])) for i, r in enumerate(rows, start=1)),
            centred=tuple([True] + [c.centred for c in shown[1:]]),
            status=status,
            statuses=statuses,
        )


def sources(data: ReportData) -> list[Source]:
    """Every source of every number, in the indicator table's order; one quote backing several numbers
    (a plan row gives the baseline and the target) is listed once with all their labels."""
    labels: dict[tuple[str, str, str | None], list[str]] = {}
    for row in data.ordered():
        for s in row.sources:
            names = labels.setdefault((s.document, s.quote, s.locator), [])
            if s.label not in names:
                names.append(s.label)
    return [Source(_join(names), doc, quote, where) for (doc, quote, where), names in labels.items()]


def _join(labels: list[str]) -> str:
    """ "森林覆盖率 基期值" + "森林覆盖率 目标值" → "森林覆盖率 基期值、目标值"."""
    heads = {label.rsplit(" ", 1)[0] for label in labels}
    if len(labels) > 1 and len(heads) == 1 and all(" " in label for label in labels):
        return heads.pop() + " " + "、".join(label.rsplit(" ", 1)[1] for label in labels)
    return "；".join(labels)


def build(data: ReportData) -> list[Block]:
    """The whole report, in reading order."""
    n = _Numbers()
    day = data.generated_at
    subtitle = "\u3000".join(x for x in (data.issuer, f"{day.year}年{day.month}月{day.day}日") if x)
    blocks: list[Block] = [Title(data.title, subtitle)]
    blocks += _overview(data, n)
    blocks += _indicators(data, n)
    blocks += _lagging(data, n)
    blocks += _tasks(data, n)
    blocks += _projects(data, n)
    if data.kind in ("midterm", "final"):
        blocks += [n.heading(1, "评估结论"), Paragraph(conclusion(data))]
    listed = sources(data)
    blocks += [Paragraph(f"附件：数据来源（{len(listed)}条）")]
    blocks += [AnnexStart("附件", "数据来源"), n.table("数据来源", SOURCE_COLUMNS, listed)]
    return blocks


def _overview(data: ReportData, n: _Numbers) -> Iterator[Block]:
    yield n.heading(1, "总体情况")
    yield Paragraph(period_sentence(data) + headline_sentence(data))
    yield Paragraph(summary_sentence(data))
    yield n.figure(charts.status_chart(data.counts()), "主要指标监测状态分布")


def _indicators(data: ReportData, n: _Numbers) -> Iterator[Block]:
    yield n.heading(1, "主要指标完成情况")
    yield n.heading(2, "主要指标监测表")
    yield Paragraph("下表列出规划确定的主要指标，约束性指标在前；进度为从基期值到目标值已完成的比例。")
    ordered = data.ordered()
    columns = indicator_columns(data.year)
    status = [c.header for c in documented(columns)].index("状态") + 1
    yield n.table(
        "主要指标监测情况", columns, ordered, status=status, statuses=tuple(r.status for r in ordered)
    )
    keys = [r for r in ordered if r.key and r.series]
    if keys:
        yield n.heading(2, "重点指标走势")
        for row in keys:
            yield n.heading(3, row.name)
            yield Paragraph(row.explanation)
            yield n.figure(charts.trajectory_chart(row), f"{row.name}规划路径与实际值")


def _lagging(data: ReportData, n: _Numbers) -> Iterator[Block]:
    yield n.heading(1, "需要关注的指标")
    yield Paragraph(lagging_sentence(data))
    for status, title in (("off_track", "严重滞后指标"), ("at_risk", "存在风险指标")):
        rows = [r for r in data.lagging() if r.status == status]
        if rows:
            yield n.heading(2, f"{title}（{len(rows)}项）")
            for row in rows:
                yield from _lagging_row(row, n)


def _lagging_row(row: IndicatorRow, n: _Numbers) -> Iterator[Block]:
    yield n.heading(3, row.name)
    yield Paragraph(row.explanation)
    if not row.reasons:
        yield Paragraph("主要原因：责任单位尚未报送原因说明。")
        return
    yield Paragraph("主要原因：")
    for reason in row.reasons:
        yield n.heading(4, reason)


def _tasks(data: ReportData, n: _Numbers) -> Iterator[Block]:
    yield n.heading(1, "重点任务推进情况")
    if not data.units:
        yield Paragraph("本期暂无责任单位报送的任务进展。")
        return
    yield Paragraph(tasks_sentence(data.units))
    yield n.table("重点任务推进情况（按责任单位）", UNIT_COLUMNS, data.units)


def _projects(data: ReportData, n: _Numbers) -> Iterator[Block]:
    yield n.heading(1, "重点项目推进情况")
    if not data.projects:
        yield Paragraph("本期暂无重点项目进展。")
        return
    states = Counter(p.status or "未报送" for p in data.projects)
    order = [*PROJECT_STATES, *sorted(set(states) - set(PROJECT_STATES))]
    parts = "，".join(f"{s}{states[s]}个" for s in order if states[s])
    yield Paragraph(f"规划确定的{len(data.projects)}个重点项目中，{parts}。")
    yield n.table("重点项目推进情况", PROJECT_COLUMNS, data.projects)
