"""Report charts as PNG bytes: a key indicator's trajectory and the distribution of statuses.

Figures are built on their own Agg canvas (``Figure`` + ``FigureCanvasAgg``), never through pyplot, so
no backend is switched and no figure is left open; fonts and rc settings live in an ``rc_context``
that ends with the call. PNG metadata carries no version or date, so the same data gives the same
bytes, which keeps generated reports reproducible.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from contextlib import AbstractContextManager
from functools import cache

from matplotlib import font_manager, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from planwatch.errors import PlanWatchError
from planwatch.monitor.explain import num
from planwatch.report.model import STATUS_LABELS, STATUS_ORDER, IndicatorRow
from planwatch.report.style import STATUS_COLOURS

CJK_FONTS = ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "Source Han Sans SC")
DPI = 200
PATH_COLOUR, ACTUAL_COLOUR, TARGET_COLOUR = "#7F8C8D", "#1F4E79", "#C0392B"


def pick_cjk_font(installed: Iterable[str], preferred: Iterable[str] = CJK_FONTS) -> str:
    """The first preferred family among ``installed`` ones (charts must never show boxes for Chinese)."""
    names = set(installed)
    for name in preferred:
        if name in names:
            return name
    raise PlanWatchError(
        "no Chinese font found for report charts",
        where="matplotlib font list",
        hint=f"install one of {', '.join(CJK_FONTS)} (Debian: apt-get install fonts-noto-cjk)",
    )


@cache
def cjk_font() -> str:
    """The CJK family charts use, among the fonts matplotlib found on this machine."""
    return pick_cjk_font(entry.name for entry in font_manager.fontManager.ttflist)


def _style() -> AbstractContextManager[None]:
    """Chart settings for the duration of one chart (rc_context restores the previous ones)."""
    return rc_context(
        {
            "font.family": [cjk_font()],
            "font.size": 9,
            "axes.unicode_minus": False,  # CJK fonts lack U+2212
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(fig)  # attaches itself to the figure: no pyplot, no backend switch
    fig.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def status_chart(counts: Mapping[str, int]) -> bytes:
    """Horizontal bars, one per status in display order, coloured and labelled with the count."""
    statuses = [s for s in STATUS_ORDER if s in counts]
    with _style():
        fig = Figure(figsize=(6.0, 2.3))
        ax = fig.add_subplot()
        labels = [STATUS_LABELS[s] for s in statuses][::-1]
        values = [counts[s] for s in statuses][::-1]
        colours = ["#" + STATUS_COLOURS[s][0] for s in statuses][::-1]
        bars = ax.barh(labels, values, color=colours, height=0.62)
        ax.bar_label(bars, labels=[f"{v}项" for v in values], padding=3)
        ax.set_xlim(0, max([*values, 1]) * 1.18)
        ax.xaxis.set_visible(False)
        ax.spines["bottom"].set_visible(False)
        ax.set_title(f"主要指标监测状态(共{sum(values)}项)", loc="left", fontsize=10)
        fig.tight_layout()
        return _png(fig)


def trajectory_chart(row: IndicatorRow) -> bytes:
    """The plan's path from baseline to target, the actual values so far, and the target marked."""
    planned = [(p.year, p.expected) for p in row.series if p.expected is not None]
    actual = [(p.year, p.actual) for p in row.series if p.actual is not None]
    with _style():
        fig = Figure(figsize=(6.0, 2.5))
        ax = fig.add_subplot()
        if planned:
            ax.plot(*zip(*planned, strict=True), "--", color=PATH_COLOUR, label="规划路径", linewidth=1.4)
            year, value = planned[-1]
            ax.plot([year], [value], "*", markersize=13, color=TARGET_COLOUR, label="目标值")
            ax.annotate(f"目标 {num(value, 2)}", (year, value), xytext=(-8, 8), textcoords="offset points",
                        ha="right", color=TARGET_COLOUR)  # fmt: skip
        if actual:
            ax.plot(*zip(*actual, strict=True), "-o", color=ACTUAL_COLOUR, label="实际值", markersize=4)
            year, value = actual[-1]
            path = dict(planned).get(year)
            above = path is None or value >= path  # keep the label off the planned path's line
            ax.annotate(num(value, 2), (year, value), xytext=(0, 7 if above else -14),
                        textcoords="offset points", ha="center", color=ACTUAL_COLOUR)  # fmt: skip
        years = sorted({p.year for p in row.series})
        ax.set_xticks(years, [str(y) for y in years])
        ax.margins(x=0.06, y=0.25)
        ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
        ax.set_title(row.name + (f"({row.unit})" if row.unit else ""), loc="left", fontsize=10)
        ax.legend(frameon=False, loc="upper left", fontsize=8)
        fig.tight_layout()
        return _png(fig)
