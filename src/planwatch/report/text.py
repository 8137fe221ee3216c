"""The report's wording, shared by every format so a DOCX, a PDF and a web page say the same thing.

Cells are written the way an office types them (no trailing zeros, "—" for nothing); sentences are
built from the counts and never from a renderer's own arithmetic.
"""

from __future__ import annotations

from collections.abc import Iterable

from planwatch.monitor.explain import num
from planwatch.report.model import STATUS_LABELS, STATUS_ORDER, IndicatorRow, ReportData, UnitRow

ATTRIBUTE_LABELS = {"binding": "约束性", "expected": "预期性"}
CN_DIGITS = "零一二三四五六七八九"
NONE = "—"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (section numbers up to 99)."""
    if not 0 < n < 100:
        raise ValueError(f"section number {n} out of range 1-99")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def marker(level: int, n: int) -> str:
    """The GB/T 9704 structure number of a heading: 一、 （一） 1. （1）."""
    return (f"{chinese_number(n)}、", f"（{chinese_number(n)}）", f"{n}.", f"（{n}）")[level - 1]


def percent(x: float | None, places: int = 1) -> str:
    """A fraction as a percentage: 0.667 → 66.7%."""
    return NONE if x is None else f"{x * 100:.{places}f}%"


def baseline_cell(row: IndicatorRow) -> str:
    """基期值 as printed: the number, or the plan's own text when it has none ("--")."""
    return num(row.baseline) if row.baseline is not None else (row.baseline_text or NONE)


def target_cell(row: IndicatorRow) -> str:
    """目标值 as the plan writes it ("年均增长6%左右", "[4.9]"), else the number."""
    return row.target_text or (NONE if row.target is None else num(row.target))


def actual_cell(row: IndicatorRow, year: int) -> str:
    """实际值, with the data year when it is older than the report year."""
    text = num(row.actual) if row.actual is not None else (row.actual_text or NONE)
    if text != NONE and row.actual_year is not None and row.actual_year != year:
        text += f"（{row.actual_year}年）"
    return text


def attribute_cell(row: IndicatorRow) -> str:
    return ATTRIBUTE_LABELS.get(row.attribute or "", NONE)


def count_phrase(counts: dict[str, int], joiner: str = "，") -> str:
    """已实现1项，正常推进13项，… (statuses with no indicator left out)."""
    return joiner.join(f"{STATUS_LABELS[s]}{counts[s]}项" for s in STATUS_ORDER if counts.get(s))


def counts_of(rows: Iterable[IndicatorRow]) -> dict[str, int]:
    out = dict.fromkeys(STATUS_ORDER, 0)
    for row in rows:
        out[row.status] = out.get(row.status, 0) + 1
    return out


def period_sentence(data: ReportData) -> str:
    """Where the year sits in the plan period, and what the time-elapsed view asks for."""
    if data.plan_period is None:
        return f"本报告监测{data.region}{data.year}年规划实施情况。"
    start, end = data.plan_period
    plan = f"《{data.plan_title}》" if data.plan_title else "规划"
    elapsed = min(max(data.year - start + 1, 0), end - start + 1)
    return (
        f"{data.year}年是{plan}实施的第{chinese_number(elapsed)}年（规划期{start}—{end}年），"
        f"按时序进度应完成规划目标的{elapsed / (end - start + 1) * 100:.0f}%。"
    )


def headline_sentence(data: ReportData) -> str:
    """全县地区生产总值97.3亿元，增长4.2%；… ."""
    parts = [h.label + h.value + (f"，{h.note}" if h.note else "") for h in data.headlines]
    return f"{data.year}年，全县" + "；".join(parts) + "。" if parts else ""


def summary_sentence(data: ReportData) -> str:
    """The counts by status, then the binding rows' counts."""
    counts = data.counts()
    text = f"纳入监测的{len(data.indicators)}项主要指标中，{count_phrase(counts)}。"
    binding = [r for r in data.indicators if r.attribute == "binding"]
    if binding:
        text += f"其中约束性指标{len(binding)}项，{count_phrase(counts_of(binding))}。"
    return text


def lagging_sentence(data: ReportData) -> str:
    counts = data.counts()
    lagging = counts["off_track"] + counts["at_risk"]
    if not lagging:
        return "各项指标均符合时序进度要求。"
    return (
        f"对照时序进度要求，{lagging}项指标进度滞后，其中严重滞后{counts['off_track']}项、"
        f"存在风险{counts['at_risk']}项，具体情况如下。"
    )


def tasks_sentence(units: Iterable[UnitRow]) -> str:
    """Task totals over all units, and the units with most overdue tasks."""
    rows = list(units)
    led, shared = sum(u.led for u in rows), sum(u.shared for u in rows)
    done, on_time = sum(u.completed for u in rows), sum(u.completed_on_time for u in rows)
    overdue = sum(u.overdue for u in rows)
    text = (
        f"{len(rows)}个责任单位共牵头重点任务{led}项、配合{shared}项，已完成{done}项，"
        f"其中按期完成{on_time}项，逾期未完成{overdue}项。"
    )
    worst = sorted((u for u in rows if u.overdue), key=lambda u: -u.overdue)[:3]
    if worst:
        text += "逾期任务较多的单位是" + "、".join(f"{u.unit}（{u.overdue}项）" for u in worst) + "。"
    return text


def conclusion(data: ReportData) -> str:
    """The 评估结论 of a mid-term or final evaluation, from the counts alone."""
    counts, total = data.counts(), len(data.indicators)
    good = counts["achieved"] + counts["on_track"]
    judged = total - counts["no_data"] - counts["not_assessable"]
    share = good / judged if judged else 0.0
    verdict = "总体顺利" if share >= 0.8 else "基本符合预期" if share >= 0.6 else "滞后于预期"
    stage = "中期评估" if data.kind == "midterm" else "终期评估"
    text = (
        f"{stage}认为，{total}项主要指标中，已实现{counts['achieved']}项，正常推进{counts['on_track']}项，"
        f"合计占可评估指标的{share * 100:.0f}%，规划实施{verdict}。"
    )
    lagging = data.lagging()
    if lagging:
        names = "、".join(r.name for r in lagging[:4]) + ("等" if len(lagging) > 4 else "")
        ahead = "规划后半程" if data.kind == "midterm" else "下一个规划期"
        text += f"{names}共{len(lagging)}项指标进度滞后，需在{ahead}重点推进。"
    if counts["no_data"]:
        text += f"{counts['no_data']}项指标暂无数据，需完善统计监测。"
    return text
