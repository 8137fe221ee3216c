"""Run one step over many files: expand directories, fan out, keep going past failures.

A failed document never stops a batch: its error is recorded as data and shown in the summary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from planwatch.errors import PlanWatchError, ReadError

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What happened to one file: a value, or the error that stopped it."""

    path: Path
    value: T | None = None
    error: PlanWatchError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and every non-hidden file under each directory, sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
                )
            )
        else:
            out.append(p)
    return out


def _run_one(fn: Callable[[Path], T], path: Path) -> Outcome[T]:
    try:
        return Outcome(path, value=fn(path))
    except PlanWatchError as exc:
        return Outcome(path, error=exc)
    except (OSError, ValueError, KeyError, IndexError, TypeError, RuntimeError) as exc:
        return Outcome(
            path,
            error=ReadError(
                f"unexpected failure ({type(exc).__name__}: {exc})",
                where=str(path),
                hint="run again with --debug and report the file",
            ),
        )


def run(fn: Callable[[Path], T], paths: Sequence[Path], jobs: int = 1) -> Iterator[Outcome[T]]:
    """Apply ``fn`` to every path, in order, on ``jobs`` processes; failures become Outcomes."""
    if jobs <= 1 or len(paths) <= 1:
        for p in paths:
            yield _run_one(fn, p)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_run_one, [fn] * len(paths), paths, chunksize=max(1, len(paths) // (jobs * 8)))
