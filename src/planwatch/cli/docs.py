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
from planwatch.model.document import Document
from planwatch.pipeline import Parsed, extract_parsed, outline_facts, parse, read
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
            table.add_row(str(o.path), p.doc.format, p.info.kind, str(len(p.doc.text)), str(len(p.doc.blocks)), str(n),
                          "[green]ok[/]" + (f" ({len(p.doc.warnings)} warnings)" if p.doc.warnings else ""))
        else:
            table.add_row(str(o.path), "", "", "", "", "", f"[red]failed[/]: {o.error.message if o.error else ''}")
    err.print(table)
    ok = sum(1 for o in outcomes if o.ok)
    err.print(f"{ok} of {len(outcomes)} file(s) read; {len(outcomes) - ok} failed")


def _parse_file(path: Path) -> Parsed:
    return parse(read(path, settings=Settings.from_env()))


def _doc_json(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source, "format": doc.format, "encoding": doc.encoding, "meta": doc.meta,
        "warnings": doc.warnings, "text": doc.text,
        "blocks": [
            {"kind": b.kind.value, "start": b.span.start, "end": b.span.end, "line": b.line, "text": b.text,
             **({"style": b.style} if b.style else {}), **({"page": b.page} if b.page else {}),
             **({"table": b.table, "cells": [{"text": c.text, "start": c.span.start, "end": c.span.end} for c in b.cells]}
                if b.cells else {})}
            for b in doc.blocks
        ],
    }


@app.command("read")
def read_cmd(
    files: FilesArg,
    fmt: Annotated[TextFormat, typer.Option("--format", "-f", help="text: the document text that evidence offsets index; json: blocks with spans")] = TextFormat.text,
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
        sys.stdout.write(json.dumps(docs[0] if len(outcomes) == 1 and docs else docs, ensure_ascii=False, indent=1) + "\n")
    if len(outcomes) > 1:
        table = Table(title="Summary 汇总")
        for col in ("file", "format", "encoding", "chars", "blocks", "status"):
            table.add_column(col, overflow="fold")
        for o in outcomes:
            d = o.value
            table.add_row(str(o.path), d.format if d else "", (d.encoding or "") if d else "", str(len(d.text)) if d else "",
                          str(len(d.blocks)) if d else "", "[green]ok[/]" if d else f"[red]failed[/]: {o.error.message if o.error else ''}")
        err.print(table)
    finish(outcomes)


def _tree(parsed: Parsed) -> Tree:
    info = parsed.info
    root = Tree(f"[bold]{info.title or parsed.doc.source}[/]  [dim]{info.kind} · {info.region or '-'} · {info.published or '-'}[/]")
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
    fmt: Annotated[TreeFormat, typer.Option("--format", "-f", help="tree: a readable heading tree; json: headings with spans")] = TreeFormat.tree,
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
            results.append({
                "source": str(o.path),
                "outline": [h.model_dump() for h in outline_facts(o.value)],
                "boxes": [{"label": n.label, "title": n.title, "start": n.start, "end": n.content_end}
                          for n in o.value.outline if n.kind == "box"],
            })
    if fmt == TreeFormat.json:
        sys.stdout.write(json.dumps(results[0] if len(outcomes) == 1 and results else results, ensure_ascii=False, indent=1) + "\n")
    if len(outcomes) > 1:
        _summary(outcomes)
    finish(outcomes)


@app.command("extract")
def extract_cmd(
    files: FilesArg,
    fmt: Annotated[FactsFormat, typer.Option("--format", "-f", help="json: the FACTS.md object")] = FactsFormat.json,
) -> None:
    """Extract the facts of documents (FACTS.md contract)."""
    outcomes = run_files(files, lambda p: extract_parsed(_parse_file(p)))
    facts = [o.value.to_json_dict() for o in outcomes if o.value is not None]
    sys.stdout.write(json.dumps(facts[0] if len(outcomes) == 1 and facts else facts, ensure_ascii=False, indent=1) + "\n")
    finish(outcomes)
