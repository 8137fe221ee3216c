"""Whole-pipeline throughput: read → parse → extract.

1. The seeds (or the demo text documents) on one core, in MB/s (target >= 2 MB/s).
2. A directory of >= 200 documents through ``planwatch extract DIR --jobs N``, for N = 1 and 2.
3. Peak memory (max RSS) of extracting one 20 MB document in a fresh process.

Run: .venv/bin/python bench/extract.py
"""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import text_corpus

import planwatch

PLANWATCH = [sys.executable, "-m", "planwatch"]


def one_core(min_seconds: float = 3.0) -> tuple[float, int, float]:
    files = text_corpus()
    size = sum(f.stat().st_size for f in files)
    for f in files:
        planwatch.extract(f)
    rounds, start = 0, time.perf_counter()
    while time.perf_counter() - start < min_seconds:
        for f in files:
            planwatch.extract(f)
        rounds += 1
    elapsed = time.perf_counter() - start
    return size * rounds / elapsed / 1e6, len(files), elapsed / rounds


def make_directory(target: Path, count: int = 240) -> int:
    """``count`` documents: the corpus with its region names and numbers varied, so no two are equal."""
    sources = [planwatch.read(f).text for f in text_corpus()]
    written = 0
    for i in range(count):
        text = sources[i % len(sources)]
        varied = re.sub(r"(\d+)\.(\d)", lambda m, i=i: f"{m.group(1)}.{(int(m.group(2)) + i) % 10}", text)
        (target / f"doc{i:04d}.txt").write_text(varied, encoding="utf-8")
        written += 1
    return written


def batch(directory: Path, jobs: int) -> float:
    out = directory.parent / f"out{jobs}"
    start = time.perf_counter()
    subprocess.run(
        [*PLANWATCH, "extract", str(directory), "--out", str(out), "--jobs", str(jobs)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def peak_memory(tmp: Path, mb: int = 20) -> tuple[float, float, float]:
    """(document MB, max RSS MB, seconds) for extracting one large document in a child process."""
    texts = [planwatch.read(f).text for f in text_corpus()]
    big = tmp / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        written = 0
        k = 0
        while written < mb * 1_000_000:
            chunk = texts[k % len(texts)] + "\n"
            fh.write(chunk)
            written += len(chunk.encode("utf-8"))
            k += 1
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [*PLANWATCH, "extract", str(big), "--out", str(tmp / "bigout")], check=True, capture_output=True
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return big.stat().st_size / 1e6, max(after, before) / 1024, seconds


def main() -> None:
    mbs, n, per_round = one_core()
    print(f"one core: {n} documents, {mbs:.2f} MB/s ({per_round * 1000:.0f} ms per pass)   target >= 2 MB/s")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        directory = tmp / "docs"
        directory.mkdir()
        count = make_directory(directory)
        size = sum(f.stat().st_size for f in directory.iterdir()) / 1e6
        t1 = batch(directory, 1)
        t2 = batch(directory, 2)
        print(f"directory: {count} documents, {size:.1f} MB")
        print(f"  --jobs 1: {t1:.1f} s, {count / t1:.1f} docs/s, {size / t1:.2f} MB/s")
        print(
            f"  --jobs 2: {t2:.1f} s, {count / t2:.1f} docs/s, {size / t2:.2f} MB/s, speed-up {t1 / t2:.2f}x"
        )
        doc_mb, rss, seconds = peak_memory(tmp)
        print(
            f"large document: {doc_mb:.1f} MB extracted in {seconds:.1f} s, peak memory {rss:.0f} MB "
            f"({rss / doc_mb:.1f}x the file)"
        )


if __name__ == "__main__":
    main()
