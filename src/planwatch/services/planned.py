"""The goals a region's plans set: one per catalogue entry, from main-indicator rows, then prose targets."""

from __future__ import annotations

import functools
from typing import Any

from sqlalchemy.orm import Session

from planwatch.monitor import Goal
from planwatch.services.goals import EntryInfo, goal_from_row, goal_from_target
from planwatch.store.repo import monitoring as repo

_entry = functools.lru_cache(maxsize=None)(EntryInfo)


def planned_goals(session: Session, codes: list[str] | None) -> list[tuple[Any, Goal, str]]:
    """(row, goal, origin) per region and indicator: plan rows first, then prose targets for the rest.

    A prose target is left out when its indicator, or the level or rate it is related to by
    ``rate_of``, already has a plan row (单位GDP能耗 beside 单位GDP能耗降低), and when its year is
    not the plan's last year (an intermediate milestone, not the five-year goal).
    """
    seen: set[tuple[str, int]] = set()
    related: set[tuple[str, int]] = set()
    out: list[tuple[Any, Goal, str]] = []
    for r in repo.plan_rows(session, codes):
        row = r
        if (row.region_code, row.indicator_id) not in seen:
            seen.add((row.region_code, row.indicator_id))
            if r.entry_rate_of:
                related.add((row.region_code, r.entry_rate_of))
            entry = _entry(r.entry_direction, r.entry_kind)
            out.append((r, goal_from_row(row, entry, r.period_start, r.period_end), "plan"))
    for r in repo.plan_targets(session, codes):
        t = r
        keys = {(t.region_code, t.indicator_id)} | (
            {(t.region_code, r.entry_rate_of)} if r.entry_rate_of else set()
        )
        if keys & (seen | related) or (t.year and r.period_end and t.year != r.period_end):
            continue
        seen.add((t.region_code, t.indicator_id))
        entry = _entry(r.entry_direction, r.entry_kind)
        out.append((r, goal_from_target(t, entry, r.period_start, r.period_end, None), "target"))
    return out
