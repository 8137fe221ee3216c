"""The Chinese sentence behind a status: which figure, compared with what, and what follows.

Built on demand (``Assessment.explanation``), never during a bulk assessment.
"""

from __future__ import annotations

from planwatch.monitor.model import Assessment, Pace, Reason, Status, TargetKind
from planwatch.monitor.paths import BOUND_KINDS, Scale
from planwatch.monitor.qualitative import class_name


def num(x: float | None, places: int = 4) -> str:
    """A number as people write it: at most ``places`` decimals, no trailing zeros."""
    if x is None:
        return "—"
    text = f"{x:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


_FIXED = {
    Reason.BAD_PERIOD: "目标年份不晚于基期年份，无法评估。",
    Reason.NO_TARGET: "缺少可用的目标值，无法评估。",
    Reason.UNSUPPORTED: "目标类型与实际值的口径不匹配，无法评估。",
    Reason.ZERO_BASELINE: "基期值为0，无法计算增长率或降幅，无法评估。",
    Reason.NEGATIVE_BASELINE: "基期值为负数，增长率或降幅无意义，无法评估。",
    Reason.NOT_COMPUTABLE: "已报数据无法算出年均增速（连乘后不为正），无法评估。",
}
_QUALITATIVE = {
    Reason.QUALITATIVE_MET: "达到",
    Reason.QUALITATIVE_NOT_MET: "未达到",
    Reason.QUALITATIVE_UNKNOWN: "无法判断是否达到",
}


def explain(a: Assessment) -> str:
    """Why this status: the figure used, the comparison, the pace, and the verdict."""
    goal = a.goal
    if a.reason in _FIXED:
        return _FIXED[a.reason]
    if a.reason is Reason.NO_OBSERVATION:
        return f"{goal.baseline_year}年之后至{min(a.year, goal.target_year)}年暂无实际值。"
    text = _source(a) + _compare(a)
    pace = a.pace
    if pace is not None and a.reason in (Reason.PATH, Reason.HELD):
        text += _pace(a, pace)
    if a.status is not Status.NOT_ASSESSABLE:
        text += f"判定：{a.status.label}。"
    return text


def _source(a: Assessment) -> str:
    """Which year's data was used, and which years were missing."""
    if a.actual_year is None:
        return ""
    out = f"采用{a.actual_year}年数据"
    if a.actual_year < min(a.year, a.goal.target_year):
        out += f"（{a.year}年暂无数据）"
    if a.missing_years:
        out += f"（缺{'、'.join(str(y) for y in a.missing_years)}年数据，按已报年份推算）"
    return out + "，"


def _scale(a: Assessment) -> Scale:
    """Whether actual and expected value are a level, a cumulative % growth or a cumulative % fall."""
    rule, kind = a.rule, a.goal.kind
    if rule.path is not None:
        return rule.path.scale
    if kind is TargetKind.REDUCTION:
        return Scale.FALL
    if kind is TargetKind.GROWTH or (kind in BOUND_KINDS and rule.annual):
        return Scale.GROWTH
    return Scale.LEVEL


def _figure(a: Assessment, x: float | None, with_mean: bool = False) -> str:
    """A figure on the assessment's scale, with its unit (and the annual mean of a % change)."""
    scale = _scale(a)
    if scale is Scale.LEVEL:
        return f"{num(x)}{a.goal.unit or ''}"
    verb, sign = ("下降", -1.0) if scale is Scale.FALL else ("增长", 1.0)
    text = f"较基期累计{verb}{num(x, 2)}%"
    n = (a.actual_year or 0) - a.goal.baseline_year
    if with_mean and x is not None and n > 1 and 1.0 + sign * x / 100.0 > 0.0:
        mean = sign * (float((1.0 + sign * x / 100.0) ** (1.0 / n)) - 1.0) * 100.0
        text += f"（年均{verb}{num(mean, 2)}%）"
    return text


def _compare(a: Assessment) -> str:
    """The comparison that decided the status."""
    goal, reason = a.goal, a.reason
    unit = goal.unit or ""
    # the pace sentence gives the annual mean when there is a path; without one, say it here
    shown = _figure(a, a.actual, with_mean=a.progress is None)
    actual = shown if _scale(a) is not Scale.LEVEL else f"实际值{shown}"
    if reason in _QUALITATIVE:
        seen = class_name(int(a.actual)) if a.actual is not None else "报送单位判定"
        return f"{seen}，{_QUALITATIVE[reason]}目标“{goal.text or '—'}”。"
    if reason in (Reason.MET_AT_BASELINE, Reason.LOST):
        verdict = "仍达到目标" if reason is Reason.MET_AT_BASELINE else "已不再达到目标"
        if _scale(a) is Scale.LEVEL:
            return (
                f"基期值{num(goal.baseline)}{unit}已达到目标{num(goal.target)}{unit}，{actual}，{verdict}。"
            )
        return f"目标{_target_text(a)}在基期即已满足，{actual}，{verdict}。"
    if reason is Reason.NO_BASELINE:
        return f"{actual}，未达到目标{num(goal.target)}{unit}；缺少基期值，无法计算进度。"
    if reason in (Reason.HELD, Reason.BREACHED) and a.progress is None:
        verdict = "符合" if reason is Reason.HELD else "不符合"
        return f"{actual}，{verdict}“{_bound_text(a)}”的要求。"
    if reason is Reason.OVERSHOT and goal.kind in BOUND_KINDS:
        return f"{actual}，越过了目标区间的另一端（{_bound_text(a)}）。"
    if reason is Reason.OVERSHOT:
        keep = a.tolerance.keep
        return f"{actual}，超出目标{_target_text(a)}的±{keep:.0%}容许范围（该指标以接近目标为佳）。"
    if reason is Reason.REACHED and a.progress is None:
        return f"{actual}，已达到规划目标{num(goal.target)}{unit}（缺少基期值，未计算进度）。"
    progress = f"目标完成进度{(a.progress or 0.0):.1%}"
    if reason is Reason.REACHED:
        return f"{actual}，已达到规划目标（{progress}）。"
    expected = f"按规划路径{a.actual_year}年应为{_figure(a, a.expected_value)}"
    if reason is Reason.HELD:
        actual += f"，符合“{_bound_text(a)}”的要求"
    gap = round((a.gap or 0.0) * 100, 1) or 0.0  # no "-0.0" for float noise
    return f"{actual}，{expected}；{progress}，时序进度要求{(a.expected or 0.0):.1%}，差距{gap:+.1f}个百分点（{_band(a)}）。"


def _target_text(a: Assessment) -> str:
    """The target in words: 62%, 年均增长6%, 降低13.5%."""
    goal = a.goal
    if goal.kind is TargetKind.REDUCTION:
        return f"降低{num(goal.target)}%"
    if _scale(a) is Scale.GROWTH:
        return f"年均增长{num(goal.target)}%"
    return f"{num(goal.target)}{goal.unit or ''}"


def _bound_text(a: Assessment) -> str:
    """A bound in words: 不超过5.5%, 不低于95, 5%至8%之间, 年均增长不低于5%."""
    low, high = a.rule.low, a.rule.high
    prefix, unit = ("年均增长", "%") if a.rule.annual else ("", a.goal.unit or "")
    if low is not None and high is not None:
        return f"{prefix}{num(low)}{unit}至{num(high)}{unit}之间"
    if low is not None:
        return f"{prefix}不低于{num(low)}{unit}"
    return f"{prefix}不超过{num(high)}{unit}"


def _band(a: Assessment) -> str:
    """The tolerance band that judged the gap, in words."""
    band = a.rule.band
    attribute = a.goal.attribute.label if a.goal.attribute is not None else "未注明属性，按预期性"
    return (
        f"{attribute}指标：差距≥{band.on_track * 100:+.0f}为正常推进，"
        f"≥{band.at_risk * 100:+.0f}为存在风险，更低为严重滞后"
    )


def _pace(a: Assessment, pace: Pace) -> str:
    """The pace view in words: achieved, target and required average annual change."""
    if pace.compound:
        verb = "下降" if _scale(a) is Scale.FALL else "增长"
        text = f"年均{verb}{num(pace.achieved, 2)}%（目标{num(pace.target, 2)}%）"
        need = f"，剩余{pace.years_remaining}年需年均{verb}{num(pace.required, 2)}%"
    else:
        unit = "个百分点" if a.goal.unit == "%" else a.goal.unit or ""
        text = f"年均变化{num(pace.achieved)}{unit}（目标每年{num(pace.target)}{unit}）"
        need = f"，剩余{pace.years_remaining}年需每年变化{num(pace.required)}{unit}"
    if pace.ratio is not None:
        text += f"{need}，当前速度为所需速度的{pace.ratio:.0%}"
    elif pace.required is not None:
        text += f"，剩余{pace.years_remaining}年无需再推进即可达到目标"
    return text + "。"
