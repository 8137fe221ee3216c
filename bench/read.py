"""Read + outline throughput per format, on one core (MB of source file per second).

Run: .venv/bin/python bench/read.py      (target: txt >= 5 MB/s)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import converted, text_corpus

from planwatch import parse, read


def measure(files: list[Path], min_seconds: float = 2.0) -> tuple[float, float, int]:
    """(MB/s, docs/s, rounds) for read + parse (outline, roles, metadata) of every file."""
    size = sum(f.stat().st_size for f in files)
    for f in files:
        parse(read(f))  # warm caches (gazetteer, regexes)
    rounds, start = 0, time.perf_counter()
    while True:
        for f in files:
            parse(read(f))
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return size * rounds / elapsed / 1e6, len(files) * rounds / elapsed, rounds


def main() -> None:
    print(f"{'format':<6} {'files':>5} {'MB':>7} {'MB/s':>8} {'docs/s':>8} {'vs txt':>7}")
    base = None
    for fmt in ("txt", "html", "docx", "pdf"):
        files = text_corpus() if fmt == "txt" else converted(fmt)
        if not files:
            print(f"{fmt:<6} (skipped: no converter available)")
            continue
        mbs, dps, _ = measure(files, 1.0 if fmt == "pdf" else 2.0)
        base = base or mbs
        size = sum(f.stat().st_size for f in files) / 1e6
        print(f"{fmt:<6} {len(files):>5} {size:>7.2f} {mbs:>8.2f} {dps:>8.1f} {mbs / base:>7.2f}")
    print("target: txt >= 5 MB/s on one core")


if __name__ == "__main__":
    main()
