"""Monitoring at national scale, and ingest throughput, on SQLite and PostgreSQL.

Synthetic data: REGIONS regions (real county and prefecture codes) × INDICATORS plan rows × YEARS years of
observations (3,000 × 40 × 6 = 720,000 by default), loaded in bulk; then the time to judge every
indicator of every region (target < 5 s) and one region's (target < 50 ms). Ingest throughput: documents
per second on synthetic plans written to a temp folder (the demo plan with other names and numbers).

Run: .venv/bin/python bench/monitor.py [--regions 3000] [--docs 60] [--jobs 2] [--no-postgres]
Figures only; this is not a test.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from planwatch.normalize.regions import Gazetteer
from planwatch.services.database import prepare
from planwatch.services.ingest import ingest, summary
from planwatch.services.monitoring import status
from planwatch.services.national import national
from planwatch.settings import Settings
from planwatch.store import migrate
from planwatch.store.bulk import load_rows
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.tables import DocumentRow, IndicatorRow, ObservationRow

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ROOT = Path(__file__).resolve().parent.parent
YEARS = range(2020, 2026)
NOW = datetime(2026, 1, 1, tzinfo=UTC)
# (catalogue code, goal): level rows dominate, as in real plans; a few growth, bound and cumulative rows
SHAPES = ["level"] * 28 + ["growth"] * 4 + ["ceiling"] * 3 + ["floor"] * 3 + ["cumulative"] * 2


def plan_row(kind: str, base: float, rng: random.Random) -> dict[str, Any]:
    """The target columns of a synthetic plan row of one kind."""
    if kind == "growth":
        return {
            "target_text": "年均增长6%左右",
            "target_value": 6.0,
            "target_qualifier": "about",
            "target_kind": "growth",
        }
    if kind == "ceiling":
        return {
            "target_text": f"控制在{base:.1f}以内",
            "target_value": base,
            "target_qualifier": "at_most",
            "target_kind": "level",
        }
    if kind == "floor":
        return {
            "target_text": f"{base:.1f}以上",
            "target_value": base,
            "target_qualifier": "at_least",
            "target_kind": "level",
        }
    target = round(base * rng.uniform(1.05, 1.4), 2)
    row = {
        "target_text": str(target),
        "target_value": target,
        "target_qualifier": "exact",
        "target_kind": "level",
    }
    if kind == "cumulative":
        row.update(
            growth_text=f"[{target - base:.2f}]", growth_value=round(target - base, 2), growth_cumulative=True
        )
    return row


def synthetic(db: Database, regions: int, indicators: int) -> tuple[int, int]:
    """Load plans, plan rows and observations; (plan rows, observations)."""
    rng = random.Random(42)
    codes = [r.code for r in Gazetteer.load().all() if r.level != "province"][:regions]
    with db.session() as session:
        entries = [e for e in catalog_repo.entries(session) if e.source == "file"]
    levels = [e for e in entries if e.kind == "level"][:indicators]
    rates = [e for e in entries if e.kind == "rate"]
    docs = [
        {"id": i + 1, "logical_key": f"plan|{c}|bench|2021-2025", "version": 1, "source_path": f"bench/{c}.txt",
         "content_hash": f"{i:064d}", "kind": "plan", "title": f"{c}规划", "region_code": c, "period_start": 2021,
         "period_end": 2025, "status": "ok", "ingested_at": NOW}
        for i, c in enumerate(codes)
    ]  # fmt: skip
    load_rows(db, DocumentRow, docs)
    rows: list[dict[str, Any]] = []
    observations: list[dict[str, Any]] = []
    for doc in docs:
        for n, shape in enumerate(SHAPES[:indicators]):
            entry = rates[n % len(rates)] if shape == "growth" else levels[n]
            base = round(rng.uniform(10, 100), 2)
            rows.append({"document_id": doc["id"], "ordinal": n, "region_code": doc["region_code"], "indicator_id": entry.id,
                         "link_method": "exact", "name": entry.name, "unit": entry.unit, "attribute": "expected",
                         "baseline_year": 2020, "baseline_value": base, "target_year": 2025, "growth_cumulative": False,
                         **plan_row(shape, base, rng)})  # fmt: skip
            for year in YEARS:
                value = (
                    rng.uniform(3, 8)
                    if shape == "growth"
                    else base * (1 + rng.uniform(-0.02, 0.08) * (year - 2020))
                )
                observations.append({"indicator_id": entry.id, "region_code": doc["region_code"], "year": year,
                                     "period": str(year), "value": round(value, 3), "unit": entry.unit, "subject": entry.name,
                                     "source": "import", "entered_at": NOW, "revision": 0})  # fmt: skip
    load_rows(db, IndicatorRow, rows)
    load_rows(db, ObservationRow, observations, batch=20000)
    return len(rows), len(observations)


def write_documents(folder: Path, count: int) -> list[Path]:
    """Synthetic plans: the demo's 云岭县 plan renamed after real counties, with its numbers nudged."""
    template = (ROOT / "demo" / "corpus" / "yunling_plan.txt").read_text("utf-8")
    counties = [r for r in Gazetteer.load().all() if r.level == "county" and r.name.endswith("县")]
    out = []
    for i, county in enumerate(counties[:count]):
        path = folder / f"plan_{i:04d}.txt"
        path.write_text(template.replace("云岭县", county.name).replace("36.1", f"36.{i % 10}"), "utf-8")
        out.append(path)
    return out


def timed(fn: Any, repeat: int = 1) -> tuple[float, Any]:
    """(best seconds, last result) of calling fn ``repeat`` times: the best run is the least disturbed
    by whatever else the machine is doing."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def backend(name: str, args: argparse.Namespace) -> Iterator[tuple[Database, Settings]]:
    """A fresh database of one kind (a temp SQLite file, or a PostgreSQL schema dropped afterwards)."""
    with tempfile.TemporaryDirectory() as tmp:
        if name == "sqlite":
            settings = Settings(data_dir=Path(tmp))
            db = Database(settings.effective_database_url)
        else:
            schema = f"pw_bench_{uuid.uuid4().hex[:8]}"
            settings = Settings(data_dir=Path(tmp), database_url=args.postgres, database_schema=schema)
            db = Database(args.postgres, schema=schema)
        prepare(db, settings)
        try:
            yield db, settings
        finally:
            if name == "postgresql":
                migrate.downgrade(db, "base")
                with db.engine.begin() as conn:
                    conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{settings.database_schema}" CASCADE')
            db.dispose()


def measure(url: str, schema: str | None, jobs: int, out: Any) -> None:
    """Time the status computations in a fresh interpreter, as a command would run them."""
    db = Database(url, schema=schema)
    seconds, report = timed(partial(national, db, 2023, jobs=jobs), repeat=3)
    counts = {s.value: n for s, n in report.counts().items() if n}
    out.put(
        f"every status ({len(report.records):,} indicators, {jobs} processes): {seconds:.2f} s best of 3  (target < 5 s)  {counts}"
    )
    full, _ = timed(partial(status, db, year=2023), repeat=2)
    out.put(
        f"every status with full results (goals, verdicts, observations), one process: {full:.2f} s best of 2"
    )
    one, single = timed(partial(status, db, "110101", 2023), repeat=20)
    out.put(f"one region ({len(single.items)} indicators): {one * 1000:.1f} ms best of 20  (target < 50 ms)")
    db.dispose()


def run(name: str, args: argparse.Namespace) -> None:
    for db, _settings in backend(name, args):
        start = time.perf_counter()
        rows, observations = synthetic(db, args.regions, args.indicators)
        print(f"[{name}] loaded {args.regions} regions × {args.indicators} indicators: {rows:,} plan rows, "
              f"{observations:,} observations in {time.perf_counter() - start:.1f} s")  # fmt: skip
        spawn = multiprocessing.get_context("spawn")
        queue = spawn.Queue()
        child = spawn.Process(target=measure, args=(db.url, db.schema, args.jobs, queue))
        child.start()
        for _ in range(3):
            print(f"[{name}] {queue.get()}")
        child.join()
    for db, settings in backend(name, args):
        with tempfile.TemporaryDirectory() as folder:
            files = write_documents(Path(folder), args.docs)
            seconds, results = timed(partial(ingest, db, settings, files, jobs=args.jobs))
            print(f"[{name}] ingest {len(files)} documents with --jobs {args.jobs}: {len(files) / seconds:.1f} documents/s "
                  f"({summary(results)})")  # fmt: skip
            again, _ = timed(partial(ingest, db, settings, files, jobs=args.jobs))
            print(f"[{name}] ingest again (all unchanged): {len(files) / again:.0f} documents/s")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--docs", type=int, default=60, help="synthetic documents for the ingest throughput")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--postgres", default=PG_URL)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    run("sqlite", args)
    if not args.no_postgres:
        try:
            run("postgresql", args)
        except Exception as exc:  # no server: say so, the SQLite figures stand
            print(f"[postgresql] skipped: {type(exc).__name__}: {str(exc).splitlines()[0]}", file=sys.stderr)


if __name__ == "__main__":
    main()
