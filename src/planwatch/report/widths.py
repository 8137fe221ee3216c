"""Column widths for printed tables, from what the cells hold.

Word's autofit depends on the reader's fonts and LibreOffice ignores it, so documents get fixed
widths: each column asks for its longest cell (capped, long text wraps), short columns are never
squeezed below a few characters, and what remains goes to the columns that wrap.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

MM_PER_PT = 25.4 / 72


def text_width(text: str) -> float:
    """Width in full-width characters: CJK and full-width forms count 1, the rest 0.6 (digits, %, .)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def fit(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    total_mm: float,
    font_pt: float,
    padding_mm: float = 2.0,
    cap: float = 14.0,
    short: float = 4.0,
) -> list[float]:
    """Widths in mm summing to ``total_mm``: longest cell (header on two lines) up to ``cap`` characters.

    When the page is too narrow, every column keeps up to ``short`` characters (a status, a number
    never wraps) and only the longer columns share what is left, in proportion to the square of
    what they lack, so the one long column (an indicator's name) wraps least.
    """
    char_mm = font_pt * MM_PER_PT
    need = []
    for j, title in enumerate(header):
        longest = max([text_width(title) / 2, *(text_width(row[j]) for row in rows)])
        need.append(min(max(longest, 1.0), cap) * char_mm + padding_mm)
    least = [min(n, short * char_mm + padding_mm) for n in need]
    if sum(need) <= total_mm:
        return [n * total_mm / sum(need) for n in need]
    spare, stretch = total_mm - sum(least), [(n - m) ** 2 for n, m in zip(need, least, strict=True)]
    if spare <= 0 or not sum(stretch):
        return [m * total_mm / sum(least) for m in least]
    return [m + s * spare / sum(stretch) for m, s in zip(least, stretch, strict=True)]
