"""Shared pieces of the command line: the Typer app, consoles, error rendering, batch runner."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from planwatch import batch
from planwatch.errors import PlanWatchError
from planwatch.settings import Settings

app = typer.Typer(
    name="planwatch",
    help="PlanWatch 规划实施监测评估系统 — read plans, extract facts with evidence, monitor implementation.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
# Off a terminal (CI logs, pipes) Rich would fold tables to 80 columns; give them room instead.
out = Console(soft_wrap=True, highlight=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False, soft_wrap=True, width=None if sys.stderr.isatty() else 160)
T = TypeVar("T")


class _State:
    debug = False


state = _State()
FilesArg = Annotated[list[Path], typer.Argument(help="files or directories", show_default=False)]


@app.callback()
def main_callback(
    debug: Annotated[bool, typer.Option("--debug", help="show tracebacks for errors")] = False,
) -> None:
    """PlanWatch command line."""
    state.debug = debug


def settings() -> Settings:
    """Settings from the environment, read once per command."""
    return Settings.from_env()


def fail(exc: PlanWatchError) -> None:
    """Print an error as one clear line (a traceback only with --debug)."""
    err.print(f"[bold red]错误 error:[/] {exc}")
    if state.debug:
        err.print("".join(traceback.format_exception(exc)))


def run_files(
    paths: Sequence[Path], fn: Callable[[Path], T], jobs: int = 1, label: str = "reading"
) -> list[batch.Outcome[T]]:
    """Apply ``fn`` to every file under ``paths`` with a progress bar; failures are printed, not raised."""
    files = batch.expand(paths)
    if not files:
        err.print("[yellow]no files found[/] in " + ", ".join(map(str, paths)))
        raise typer.Exit(1)
    outcomes: list[batch.Outcome[T]] = []
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=len(files) <= 1,
    ) as progress:
        task = progress.add_task(label, total=len(files))
        for outcome in batch.run(fn, files, jobs):
            outcomes.append(outcome)
            progress.advance(task)
    for o in outcomes:
        if o.error is not None:
            fail(o.error)
    return outcomes


def finish(outcomes: Sequence[batch.Outcome[Any]]) -> None:
    """Exit with status 1 when any file failed."""
    if any(not o.ok for o in outcomes):
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point: errors become one clear line and exit status 1."""
    try:
        app()
    except PlanWatchError as exc:
        fail(exc)
        sys.exit(1)
