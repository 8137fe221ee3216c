"""The acceptance floors of the extraction contract, measured with ../shared/eval/score.py on the seeds."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType
from typing import Any

import pytest

import planwatch
from tests.conftest import GOLD, SHARED, gold_for


def _scorer() -> ModuleType:
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("pw_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    """Score every seed the way score.py's --pred-dir mode does."""
    score = _scorer()
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    if not seeds or not GOLD.is_dir():
        pytest.skip("seed documents or gold facts not found in ../shared")
    totals: dict[str, dict[str, Any]] = {}
    doc_fields: dict[str, list[int]] = {}
    for seed in seeds:
        pred = json.loads(json.dumps(planwatch.extract(seed).to_json_dict()))
        text = score.read_text(seed)
        r = score.score_doc(gold_for(seed), pred, text)
        for f, ok in r["document"].items():
            doc_fields.setdefault(f, [0, 0])
            doc_fields[f][0] += ok
            doc_fields[f][1] += 1
        for kind, t in r["types"].items():
            agg = totals.setdefault(
                kind, {"gold": 0, "pred": 0, "matched": 0, "ev_valid": 0, "ev_pred": 0, "fields": {}}
            )
            for k in ("gold", "pred", "matched"):
                agg[k] += t[k]
            agg["ev_valid"] += t["evidence_valid"]
            agg["ev_pred"] += t["evidence_pred"]
            for f, (ok, n) in t["fields"].items():
                o, m = agg["fields"].get(f, (0, 0))
                agg["fields"][f] = (o + ok, m + n)
    out: dict[str, Any] = {"document": {f: ok / n for f, (ok, n) in doc_fields.items()}}
    g = p = m = 0
    for kind, agg in totals.items():
        f1 = score.prf(agg["gold"], agg["pred"], agg["matched"])[2]
        out[kind] = {
            "f1": f1,
            "evidence": agg["ev_valid"] / agg["ev_pred"] if agg["ev_pred"] else 1.0,
            "fields": {f: ok / n for f, (ok, n) in agg["fields"].items() if n},
        }
        g, p, m = g + agg["gold"], p + agg["pred"], m + agg["matched"]
    out["overall"] = score.prf(g, p, m)[2]
    return out


def test_document_fields(report: dict[str, Any]) -> None:
    for field in ("kind", "title", "region", "issuer", "doc_number", "published", "period"):
        assert report["document"][field] >= 0.9, (field, report["document"])


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("outline", 0.95),
        ("indicators", 0.98),
        ("tasks", 0.98),
        ("projects", 0.95),
        ("targets", 0.85),
        ("observations", 0.80),
    ],
)
def test_f1_floors(report: dict[str, Any], kind: str, floor: float) -> None:
    assert report[kind]["f1"] >= floor, report[kind]


@pytest.mark.parametrize("kind", ["indicators", "targets", "tasks", "projects", "observations"])
def test_evidence_always_valid(report: dict[str, Any], kind: str) -> None:
    assert report[kind]["evidence"] == 1.0


def test_indicator_fields(report: dict[str, Any]) -> None:
    for field, acc in report["indicators"]["fields"].items():
        assert acc >= 0.95, (field, acc)


def test_task_units(report: dict[str, Any]) -> None:
    assert report["tasks"]["fields"]["lead_units"] >= 0.95
    assert report["tasks"]["fields"]["responsible_units"] >= 0.95


def test_overall(report: dict[str, Any]) -> None:
    assert report["overall"] >= 0.90
