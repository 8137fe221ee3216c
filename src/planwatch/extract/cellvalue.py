"""Read one table cell as a value: number, range, bracketed cumulative figure, qualifier, kind.

Cells of main-indicator tables say ``11.75``, ``[0.03]``, ``年均增长4.5%左右``, ``5%-8%``, ``62左右``,
``控制在5.5以内``, ``Ⅱ类以上``, ``达到市要求``, ``保持现有`` or ``--``. Each becomes a ``CellReading``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planwatch.model.facts import Qualifier, TargetKind
from planwatch.normalize.numbers import parse_number

_EMPTY = {"", "-", "--", "—", "——", "–", "/", "－", "－－", "─", "无", "…", "\\"}
_NUM = r"[-−]?\d+(?:[.．]\d+)?|[零〇一二两三四五六七八九十百千万亿]+"
_BRACKETED = re.compile(r"^\s*[\[［【〔]\s*(?P<inner>.*?)\s*[\]］】〕]\s*$")
_RANGE = re.compile(rf"(?P<low>{_NUM})\s*%?\s*(?:[-—–~～至到]|－)\s*(?P<high>{_NUM})\s*(?P<pct>%)?")
_ONE = re.compile(rf"(?P<num>{_NUM})\s*(?P<pct>%|‰|个百分点)?")
_GROWTH = re.compile(r"年均增长|年均增速|年均|增长|增速|提高")
_REDUCTION = re.compile(r"降低|下降|减少|降幅|削减|压减")
_ABOUT = re.compile(r"左右|约|上下")
_AT_LEAST = re.compile(r"以上|不低于|不少于|≥|≧|>|＞|大于|超过|突破|至少|高于")
_AT_MOST = re.compile(r"以内|以下|不超过|不高于|≤|≦|<|＜|小于|低于|控制在|控制")
_KEEP = re.compile(r"保持|稳定|持平|维持")


@dataclass(frozen=True, slots=True)
class CellReading:
    """A cell as a value; ``value`` is None when the cell holds no number."""

    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None
    kind: TargetKind | None = None
    cumulative: bool = False
    percent: bool = False

    @property
    def empty(self) -> bool:
        return self.text.strip() in _EMPTY


def _num(s: str) -> float | None:
    s = s.replace("．", ".").replace("−", "-")
    try:
        return float(s)
    except ValueError:
        return parse_number(s)


def read_cell(text: str) -> CellReading:
    """Parse a cell (see the module docstring for the forms)."""
    raw = text.strip()
    flat = re.sub(r"\s+", "", raw)
    if flat in _EMPTY:
        return CellReading(raw)
    cumulative = False
    m = _BRACKETED.match(flat)
    if m:
        cumulative, flat = True, m.group("inner")
    kind: TargetKind = (
        "growth" if _GROWTH.search(flat) else "reduction" if _REDUCTION.search(flat) else "level"
    )
    r = _RANGE.search(flat)
    if r:
        low, high = _num(r.group("low")), _num(r.group("high"))
        if low is not None and high is not None and low < high:
            return CellReading(
                raw, None, low, high, "range", kind, cumulative, bool(r.group("pct")) or "%" in flat
            )
    o = _ONE.search(flat)
    value = _num(o.group("num")) if o else None
    if value is None:
        qualifier: Qualifier = "keep" if _KEEP.search(flat) else "qualitative"
        return CellReading(raw, None, None, None, qualifier, kind, cumulative)
    if _ABOUT.search(flat):
        qualifier = "about"
    elif _AT_LEAST.search(flat):
        qualifier = "at_least"
    elif _AT_MOST.search(flat):
        qualifier = "at_most"
    else:
        qualifier = "exact"
    return CellReading(raw, value, None, None, qualifier, kind, cumulative, bool(o and o.group("pct")))
