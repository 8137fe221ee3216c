"""The command line as users run it: real processes, exit codes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEMO


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI; output decoded as UTF-8 without newline translation (offsets count \\r too)."""
    raw = subprocess.run(
        [sys.executable, "-m", "planwatch", *args], capture_output=True, cwd=cwd, timeout=300
    )
    return subprocess.CompletedProcess(
        raw.args, raw.returncode, raw.stdout.decode("utf-8"), raw.stderr.decode("utf-8")
    )


def test_read_text_is_the_decoded_file() -> None:
    plan = DEMO / "xinghu_plan.txt"
    result = run("read", str(plan))
    assert result.returncode == 0, result.stderr
    assert result.stdout == plan.read_bytes().decode("gb18030")


def test_read_json_blocks() -> None:
    result = run("read", str(DEMO / "xinghu_tasks.html"), "--format", "json")
    data = json.loads(result.stdout)
    assert data["format"] == "html"
    for b in data["blocks"]:
        assert data["text"][b["start"] : b["end"]] == b["text"]


def test_outline_tree_and_json() -> None:
    tree = run("outline", str(DEMO / "xinghu_report_2024.txt"))
    assert tree.returncode == 0
    assert "2023年工作回顾" in tree.stdout and "2024年工作安排" in tree.stdout
    data = json.loads(run("outline", str(DEMO / "xinghu_plan.txt"), "-f", "json").stdout)
    assert data["outline"][0]["label"] == "第一章"
    assert [b["label"] for b in data["boxes"]][:2] == ["专栏1", "专栏2"]


def test_extract_json_matches_the_contract_and_evidence_holds() -> None:
    for path in sorted(DEMO.iterdir()):
        result = run("extract", str(path), "--format", "json")
        assert result.returncode == 0, (path, result.stderr)
        facts = json.loads(result.stdout)
        assert set(facts) >= {
            "document",
            "outline",
            "indicators",
            "targets",
            "tasks",
            "projects",
            "observations",
        }
        text = run("read", str(path)).stdout
        for kind in ("indicators", "targets", "tasks", "projects", "observations"):
            for fact in facts[kind]:
                ev = fact["evidence"]
                assert text[ev["start"] : ev["end"]] == ev["quote"], (path.name, kind, fact)


def test_directory_with_one_bad_file(tmp_path: Path) -> None:
    """GIVEN a folder of two good documents and a damaged .docx WHEN extracted THEN the good ones are
    processed, the bad one is named with its reason, the exit status is 1 and there is no traceback."""
    (tmp_path / "a.txt").write_text("第一章 总则\n到2025年,森林覆盖率达到40%。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "一、工作回顾\n全县完成地区生产总值100亿元,增长5%。\n", encoding="gb18030"
    )
    (tmp_path / "c.docx").write_bytes(b"PK\x03\x04broken")
    result = run("extract", str(tmp_path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "c.docx" in result.stderr and "damaged" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "b.json"]
    assert "Summary" in result.stderr


def test_read_directory_summary_and_exit_code(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("第一章 总则\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("outline", str(tmp_path))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "the file is empty" in result.stderr
    assert "1 of 2 file(s) read; 1 failed" in result.stderr


def test_missing_file_message_and_debug_traceback(tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr
    debug = run("--debug", "extract", str(tmp_path / "nope.txt"))
    assert "Traceback" in debug.stderr


def test_extract_csv_and_table(tmp_path: Path) -> None:
    plan = DEMO / "yunling_plan.txt"
    csv_run = run("extract", str(plan), "-f", "csv", "-o", str(tmp_path))
    assert csv_run.returncode == 0
    lines = (tmp_path / "yunling_plan.indicators.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("document,seq,category,name,unit")
    assert len(lines) == 17
    table = run("extract", str(plan), "-f", "table")
    assert "主要指标" in table.stdout and "地区生产总值" in table.stdout
    assert run("extract", str(plan), "-f", "csv").returncode == 2


@pytest.mark.slow
def test_extract_jobs_gives_the_same_facts(tmp_path: Path) -> None:
    one = run("extract", str(DEMO), "-o", str(tmp_path / "one"))
    two = run("extract", str(DEMO), "-o", str(tmp_path / "two"), "--jobs", "2")
    assert one.returncode == two.returncode == 0
    for f in (tmp_path / "one").iterdir():
        assert f.read_text(encoding="utf-8") == (tmp_path / "two" / f.name).read_text(encoding="utf-8")
