"""Every status of every region at once, compactly, on several processes: the national view.

``status`` returns full results (goals, verdicts, observations) for pages and reports; this returns
one small record per region and indicator, so that judging 3,000 regions × 40 indicators fits in
seconds. Regions are split into contiguous chunks, each judged by a worker process on its own
connection (SQLite in WAL mode and PostgreSQL both serve concurrent readers).
"""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date

from planwatch.monitor import DEFAULT_TOLERANCE, Status, Tolerance
from planwatch.services.monitoring import judge
from planwatch.services.regions import RegionIndex
from planwatch.store.engine import Database
from planwatch.store.repo import monitoring as repo

Record = tuple[str, int, str, float | None]  # region code, catalogue id, status, progress
BATCH = 500  # regions judged together: large enough for few queries, small enough to stay in cache


@dataclass(frozen=True)
class NationalReport:
    """Every monitored indicator's status for one year."""

    year: int
    records: list[Record]
    names: dict[str, str] = field(default_factory=dict)

    def counts(self) -> dict[Status, int]:
        """How many indicators have each status."""
        found = Counter(r[2] for r in self.records)
        return {s: found.get(s.value, 0) for s in Status}

    def by_region(self) -> dict[str, dict[Status, int]]:
        """The counts per region (by name)."""
        out: dict[str, dict[Status, int]] = {}
        for code, _id, value, _progress in self.records:
            out.setdefault(self.names.get(code, code), dict.fromkeys(Status, 0))[Status(value)] += 1
        return out


def _judge_chunk(
    url: str, schema: str | None, codes: list[str], year: int, plan_only: bool, tolerance: Tolerance
) -> list[Record]:
    """Judge one chunk of regions on a connection of its own (runs in a worker process), a few hundred
    regions at a time so that only compact records stay in memory."""
    db = Database(url, schema=schema)
    records: list[Record] = []
    try:
        with db.session() as session:
            for start in range(0, len(codes), BATCH):
                _year, judged = judge(session, codes[start : start + BATCH], year, plan_only, tolerance)
                records.extend(
                    (r.region_code, r.indicator_id, v.status.value, v.progress) for r, _g, _o, v, _ in judged
                )
    finally:
        db.dispose()
    return records


def national(
    db: Database, year: int | None = None, *, jobs: int | None = None, plan_only: bool = False,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> NationalReport:  # fmt: skip
    """Judge every region with a plan for ``year`` (default: the latest year with data)."""
    with db.session() as session:
        codes = repo.planned_regions(session)
        year = year or min(repo.latest_year(session) or date.today().year - 1, date.today().year)
        index = RegionIndex.load(session)
    names = {code: region.name for code in codes if (region := index.get(code))}
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(codes) // 50 or 1))
    if jobs == 1:
        return NationalReport(year, _judge_chunk(db.url, db.schema, codes, year, plan_only, tolerance), names)
    size = -(-len(codes) // jobs)
    chunks = [codes[i : i + size] for i in range(0, len(codes), size)]
    with ProcessPoolExecutor(max_workers=len(chunks) - 1) as pool:
        # the other chunks go to workers while this process judges the first one
        futures = [
            pool.submit(_judge_chunk, db.url, db.schema, c, year, plan_only, tolerance) for c in chunks[1:]
        ]
        records = _judge_chunk(db.url, db.schema, chunks[0], year, plan_only, tolerance)
        for future in futures:
            records.extend(future.result())
    return NationalReport(year, records, names)
