"""Linking facts to the indicator catalogue while a document is stored.

Plan-table rows always end up linked: to the entry they match, or to a new ``auto`` entry made for
them, so that every row of a region's plan is in the catalogue. Prose targets and observations link
only when they match; the rest wait in ``planwatch link list``. A person's decision (a manual link)
is stored under the fact's stable key and wins over matching, on this and every later ingest.
"""

from __future__ import annotations

import hashlib

from sqlalchemy.orm import Session

from planwatch.catalog import is_lower_better, is_rate_name, normalise, rate_base
from planwatch.catalog.match import matcher_for
from planwatch.normalize.units import dimension_of
from planwatch.store.repo import catalog as repo
from planwatch.store.tables import CatalogIndicator, ManualLink

Link = tuple[int | None, str | None]  # (catalogue id, method)


def fact_key(logical_key: str, fact_type: str, subject: str, *values: object) -> str:
    """A fact's identity across versions of its document: document key, type, name and value(s)."""
    parts = [logical_key, fact_type, normalise(subject), *("" if v is None else repr(v) for v in values)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


class Linker:
    """The catalogue matcher for one session; it grows as auto entries are made."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.matcher = matcher_for(tuple(repo.candidates(session)))

    def link(self, name: str, unit: str | None, manual: ManualLink | None = None) -> Link:
        """The entry a target or observation links to: the manual link, else a match, else none."""
        if manual is not None:
            return manual.indicator_id, "manual"
        found = self.matcher.match(name, unit)
        return (found.id, found.method) if found else (None, None)

    def link_row(self, name: str, unit: str | None, manual: ManualLink | None = None) -> Link:
        """The entry a plan-table row links to; a new auto entry when nothing matches."""
        indicator_id, method = self.link(name, unit, manual)
        if indicator_id is not None or method == "manual":
            return indicator_id, method
        return self._auto_entry(name, unit).id, "auto"

    def _auto_entry(self, name: str, unit: str | None) -> CatalogIndicator:
        """A catalogue entry for a plan row that matched nothing (code derived from the name)."""
        code = "auto_" + hashlib.sha1(f"{normalise(name)}|{unit or ''}".encode()).hexdigest()[:10]
        existing = repo.get(self.session, code)
        if existing is not None:
            return existing
        rate = is_rate_name(name) and unit in (None, "%", "％")
        base = rate_base(name) if rate else None
        level = self.matcher.match(base, None) if base else None
        row = CatalogIndicator(
            code=code, name=name, unit=unit, dimension=dimension_of(unit) if unit else None,
            direction="lower" if is_lower_better(name) else "higher", kind="rate" if rate else "level",
            rate_of_id=level.id if level else None, source="auto",
            note="made for a plan-table row that matched no catalogue entry; review it with `planwatch catalog list --auto`",
        )  # fmt: skip
        repo.add_entry(self.session, row, [name], "auto")
        self.matcher = matcher_for(tuple(repo.candidates(self.session)))
        return row
