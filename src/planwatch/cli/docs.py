"""Document commands: read, outline, extract."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.tree import Tree

from planwatch import batch
from planwatch.cli.common import FilesArg, app, err, finish, out, run_files, settings
from planwatch.export import rows, write_csv
from planwatch.model.document import Document
from planwatch.model.facts import LABELS_ZH, Facts
from planwatch.parse.parsed import Parsed
from planwatch.pipeline import extract_parsed, outline_facts, parse, read
from planwatch.settings import Settings


class TextFormat(StrEnum):
    text = "text"
    json = "json"


class TreeFormat(StrEnum):
    tree = "tree"
    json = "json"


class FactsFormat(StrEnum):
    json = "json"
    table = "table"
    csv = "csv"


def _summary(outcomes: Sequence[batch.Outcome[Parsed]]) -> None:
    table = Table(title="Summary 汇总", show_lines=False)
    for col in ("file", "format", "kind", "chars", "blocks", "headings", "status"):
        table.add_column(col, overflow="fold")
    for o in outcomes:
        if o.value is not None:
            p = o.value
            n = sum(1 for x in p.outline if x.kind == "heading")
            table.add_row(
                str(o.path),
                p.doc.format,
                p.info.kind,
                str(len(p.doc.text)),
                str(len(p.doc.blocks)),
                str(n),
                "[green]ok[/]" + (f" ({len(p.doc.warnings)} warnings)" if p.doc.warnings else ""),
            )
        else:
            table.add_row(
                str(o.path), "", "", "", "", "", f"[red]failed[/]: {o.error.message if o.error else ''}"
            )
    err.print(table)
    ok = sum(1 for o in outcomes if o.ok)
    err.print(f"{ok} of {len(outcomes)} file(s) read; {len(outcomes) - ok} failed")


def _parse_file(path: Path) -> Parsed:
    return parse(read(path, settings=Settings.from_env()))


def _doc_json(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "format": doc.format,
        "encoding": doc.encoding,
        "meta": doc.meta,
        "warnings": doc.warnings,
        "text": doc.text,
        "blocks": [
            {
                "kind": b.kind.value,
                "start": b.span.start,
                "end": b.span.end,
                "line": b.line,
                "text": b.text,
                **({"style": b.style} if b.style else {}),
                **({"page": b.page} if b.page else {}),
                **(
                    {
                        "table": b.table,
                        "cells": [
                            {"text": c.text, "start": c.span.start, "end": c.span.end} for c in b.cells
                        ],
                    }
                    if b.cells
                    else {}
                ),
            }
            for b in doc.blocks
        ],
    }


@app.command("read")
def read_cmd(
    files: FilesArg,
    fmt: Annotated[
        TextFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: the document text that evidence offsets index; json: blocks with spans",
        ),
    ] = TextFormat.text,
) -> None:
    """Read documents (txt, html, docx, pdf) and print their text or their blocks."""
    outcomes = run_files(files, lambda p: read(p, settings=settings()))
    good = [o for o in outcomes if o.value is not None]
    for o in good:
        doc = o.value
        assert doc is not None
        for w in doc.warnings:
            err.print(f"[yellow]warning:[/] {w}")
        if fmt == TextFormat.text:
            if len(outcomes) > 1:
                err.print(f"[bold]==> {o.path} <==[/]")
            sys.stdout.write(doc.text)
            if not doc.text.endswith("\n") and len(outcomes) > 1:
                sys.stdout.write("\n")
    if fmt == TextFormat.json:
        docs = [_doc_json(o.value) for o in good if o.value is not None]
        sys.stdout.write(
            json.dumps(docs[0] if len(outcomes) == 1 and docs else docs, ensure_ascii=False, indent=1) + "\n"
        )
    if len(outcomes) > 1:
        table = Table(title="Summary 汇总")
        for col in ("file", "format", "encoding", "chars", "blocks", "status"):
            table.add_column(col, overflow="fold")
        for o in outcomes:
            d = o.value
            table.add_row(
                str(o.path),
                d.format if d else "",
                (d.encoding or "") if d else "",
                str(len(d.text)) if d else "",
                str(len(d.blocks)) if d else "",
                "[green]ok[/]" if d else f"[red]failed[/]: {o.error.message if o.error else ''}",
            )
        err.print(table)
    finish(outcomes)


def _tree(parsed: Parsed) -> Tree:
    info = parsed.info
    root = Tree(
        f"[bold]{info.title or parsed.doc.source}[/]  [dim]{info.kind} · {info.region or '-'} · {info.published or '-'}[/]"
    )
    stack: list[tuple[int, Tree]] = [(0, root)]
    for n in parsed.outline:
        while stack and stack[-1][0] >= n.level:
            stack.pop()
        parent = stack[-1][1] if stack else root
        if n.kind == "box":
            label = f"[magenta]{n.label} {n.title}[/] [dim]({len(n.items)} lines)[/]"
        else:
            label = f"[cyan]{n.label or ''}[/] {n.title} [dim]@{n.start}[/]"
        node = parent.add(label)
        if n.kind == "heading":
            stack.append((n.level, node))
    return root


@app.command("outline")
def outline_cmd(
    files: FilesArg,
    fmt: Annotated[
        TreeFormat,
        typer.Option("--format", "-f", help="tree: a readable heading tree; json: headings with spans"),
    ] = TreeFormat.tree,
) -> None:
    """Print the heading tree (篇/章/节/一、/(一)/1./专栏) of documents."""
    outcomes = run_files(files, _parse_file)
    results = []
    for o in outcomes:
        if o.value is None:
            continue
        if fmt == TreeFormat.tree:
            out.print(_tree(o.value))
        else:
            results.append(
                {
                    "source": str(o.path),
                    "outline": [h.model_dump() for h in outline_facts(o.value)],
                    "boxes": [
                        {"label": n.label, "title": n.title, "start": n.start, "end": n.content_end}
                        for n in o.value.outline
                        if n.kind == "box"
                    ],
                }
            )
    if fmt == TreeFormat.json:
        sys.stdout.write(
            json.dumps(
                results[0] if len(outcomes) == 1 and results else results, ensure_ascii=False, indent=1
            )
            + "\n"
        )
    if len(outcomes) > 1:
        _summary(outcomes)
    finish(outcomes)


def extract_file(path: Path) -> Facts:
    """Read, parse and extract one file (module level, so a process pool can pickle it)."""
    return extract_parsed(_parse_file(path))


_SHOWN = {
    "indicators": (
        "seq",
        "category",
        "name",
        "unit",
        "attribute",
        "baseline.value",
        "target.text",
        "growth.text",
    ),
    "targets": ("subject", "value", "low", "high", "unit", "qualifier", "kind", "year"),
    "tasks": ("number", "title", "lead_units", "responsible_units", "deadline"),
    "projects": ("box", "group", "name"),
    "observations": ("subject", "region", "period", "value", "unit", "growth"),
}


def _print_tables(facts: Facts) -> None:
    d = facts.document
    out.print(
        f"[bold]{d.title or '-'}[/]  [dim]{d.kind} · {d.region or '-'} · {d.issuer or '-'} · "
        f"{d.doc_number or '-'} · {d.published or '-'} · {d.period or '-'}[/]"
    )
    for kind, cols in _SHOWN.items():
        items = rows(facts, kind)
        if not items:
            continue
        table = Table(title=f"{LABELS_ZH[kind]} {kind} ({len(items)})", show_lines=False)
        for col in cols:
            table.add_column(col, overflow="fold")
        for item in items:
            table.add_row(*("" if item.get(c) is None else str(item.get(c)) for c in cols))
        out.print(table)
    for w in facts.warnings:
        err.print(f"[yellow]warning[/] line {w.line}: {w.stage}: {w.message}")


def _facts_summary(outcomes: Sequence[batch.Outcome[Facts]]) -> None:
    table = Table(title="Summary 汇总")
    for col in (
        "file",
        "kind",
        "outline",
        "indicators",
        "targets",
        "tasks",
        "projects",
        "observations",
        "warnings",
        "status",
    ):
        table.add_column(col, overflow="fold")
    for o in outcomes:
        f = o.value
        if f is None:
            table.add_row(str(o.path), *[""] * 8, f"[red]failed[/]: {o.error.message if o.error else ''}")
            continue
        table.add_row(
            str(o.path),
            f.document.kind,
            *(
                str(len(getattr(f, k)))
                for k in ("outline", "indicators", "targets", "tasks", "projects", "observations", "warnings")
            ),
            "[green]ok[/]",
        )
    err.print(table)


@app.command("extract")
def extract_cmd(
    files: FilesArg,
    fmt: Annotated[
        FactsFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: the FACTS.md object; table: readable tables; csv: one file per fact type",
        ),
    ] = FactsFormat.json,
    outdir: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="write one file per document (json) or per fact type (csv) here"),
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="worker processes for many files")] = 1,
) -> None:
    """Extract the facts of documents (the FACTS.md contract) with evidence spans."""
    if fmt == FactsFormat.csv and outdir is None:
        err.print("[red]错误 error:[/] --format csv writes one file per fact type; give --out DIR")
        raise typer.Exit(2)
    outcomes = run_files(files, extract_file, jobs=jobs, label="extracting")
    good = [(o.path, o.value) for o in outcomes if o.value is not None]
    if fmt == FactsFormat.json:
        if outdir is not None:
            outdir.mkdir(parents=True, exist_ok=True)
            for path, facts in good:
                (outdir / f"{path.stem}.json").write_text(
                    json.dumps(facts.to_json_dict(), ensure_ascii=False, indent=1), encoding="utf-8"
                )
            err.print(f"wrote {len(good)} JSON file(s) to {outdir}")
        else:
            data = [facts.to_json_dict() for _, facts in good]
            sys.stdout.write(
                json.dumps(data[0] if len(outcomes) == 1 and data else data, ensure_ascii=False, indent=1)
                + "\n"
            )
    elif fmt == FactsFormat.table:
        for _, facts in good:
            _print_tables(facts)
    else:
        assert outdir is not None
        for path, facts in good:
            write_csv(facts, outdir, path.stem)
        err.print(f"wrote CSV files for {len(good)} document(s) to {outdir}")
    if len(outcomes) > 1:
        _facts_summary(outcomes)
    finish(outcomes)
