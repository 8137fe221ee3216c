"""Pages of results: the items, how many there are in all, and where this page starts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from planwatch.errors import ValidationError

T = TypeVar("T")
MAX_LIMIT = 500


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page, or None on the last one."""
        return self.offset + self.limit if self.offset + self.limit < self.total else None


def check(limit: int, offset: int) -> tuple[int, int]:
    """A valid (limit, offset): 1 ≤ limit ≤ MAX_LIMIT, offset ≥ 0."""
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise ValidationError(f"limit must be 1-{MAX_LIMIT} and offset ≥ 0 (got {limit}, {offset})")
    return limit, offset
