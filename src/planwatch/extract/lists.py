"""Split enumerations (、 , ， ; ；) without breaking inside brackets or quotes, keeping spans."""

from __future__ import annotations

_OPEN = "(（[［【《“‘〔"
_CLOSE = ")）]］】》”’〕"
SEPARATORS = "、,，;；"


def split_spans(text: str, offset: int = 0, separators: str = SEPARATORS) -> list[tuple[str, int, int]]:
    """Items of ``text`` with their absolute spans (``offset`` added); brackets protect separators."""
    items: list[tuple[str, int, int]] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            items.append((text[start:i], start, i))
            start = i + 1
    items.append((text[start:], start, len(text)))
    out = []
    for item, s, _e in items:
        stripped = item.strip(" \t\u3000\u00a0。.")
        if not stripped:
            continue
        lead = item.find(stripped)
        out.append((stripped, offset + s + lead, offset + s + lead + len(stripped)))
    return out


def split_items(text: str, separators: str = SEPARATORS) -> list[str]:
    """Items of an enumeration, stripped."""
    return [t for t, _, _ in split_spans(text, 0, separators)]
