"""Facts as flat rows: CSV files and table columns derived from the fact models (declared once)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from planwatch.model.facts import FACT_TYPES, Facts


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{'baseline': {'value': 3}} → {'baseline.value': 3}; lists become '、'-joined text."""
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, list):
            out[name] = "、".join(str(v) if not isinstance(v, dict) else str(v.get("text", v)) for v in value)
        else:
            out[name] = value
    return out


def rows(facts: Facts, kind: str) -> list[dict[str, Any]]:
    """Flat rows of one fact type, the source document's title first."""
    data = facts.to_json_dict()
    return [{"document": facts.document.title, **flatten(item)} for item in data[kind]]


def columns(items: Iterable[dict[str, Any]]) -> list[str]:
    """All keys in first-seen order (extra keys of some rows included)."""
    seen: dict[str, None] = {}
    for item in items:
        for key in item:
            seen.setdefault(key, None)
    return list(seen)


def write_csv(facts: Facts, outdir: Path, stem: str) -> list[Path]:
    """One CSV per fact type (UTF-8 with BOM, so Excel opens Chinese text correctly)."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in ("outline", *FACT_TYPES):
        items = rows(facts, kind)
        path = outdir / f"{stem}.{kind}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns(items) or ["document"], extrasaction="ignore")
            writer.writeheader()
            writer.writerows(items)
        written.append(path)
    return written
