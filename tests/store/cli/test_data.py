"""The data commands, run as a person runs them (in-process), against a real database."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from tests.conftest import DEMO, SEEDS
from tests.store.conftest import DEMO_ACTUALS, DEMO_REGIONS, Stack

runner = CliRunner()


def run(stack: Stack, *args: str, code: int = 0) -> str:
    result = runner.invoke(app, list(args), env={**stack.env, "COLUMNS": "200", "USER": "tester"})
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.stdout


def test_demo_from_the_command_line(stack: Stack, tmp_path: Path) -> None:
    """GIVEN an empty database WHEN the demo steps are run THEN status reports every status for 星湖县/云岭县."""
    assert "at revision 0003" in run(stack, "db", "upgrade")
    assert "3 added" in run(stack, "region", "import", str(DEMO_REGIONS))
    corpus = tmp_path / "corpus"
    shutil.copytree(DEMO, corpus)
    run(stack, "ingest", str(corpus))
    assert "146 added" in run(stack, "import-observations", str(DEMO_ACTUALS))
    document = json.loads(
        run(stack, "status", "--region", "白鹭市", "--subregions", "--year", "2023", "--format", "json")
    )
    assert document["year"] == 2023
    assert all(n > 0 for n in document["summary"].values())
    table = run(stack, "status", "--region", "星湖县", "--year", "2023")
    assert "基本养老保险参保率" in table and "已实现" in table and "achieved: 2" in table
    csv_text = run(stack, "status", "--region", "云岭县", "--format", "csv")
    assert csv_text.splitlines()[0].startswith("region,region_code,indicator,code")
    timeline = json.loads(run(stack, "timeline", "森林覆盖率", "--region", "星湖县", "--format", "json"))
    assert [p["actual"] for p in timeline["points"][:5]] == [18.46, 18.9, 19.32, 19.75, 20.1]
    assert "星湖县 · 森林覆盖率" in run(stack, "timeline", "forest_coverage", "--region", "星湖县")
    assert "星湖县 (X00002, county)" in run(stack, "region", "show", "星湖县")


def test_ingest_reports_failures_with_exit_code_1(stack: Stack, tmp_path: Path) -> None:
    shutil.copy(DEMO / "yunling_plan.txt", tmp_path / "plan.txt")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    result = runner.invoke(app, ["ingest", str(tmp_path)], env={**stack.env, "COLUMNS": "200"})
    assert result.exit_code == 1
    assert "new 1 · updated 0 · unchanged 0 · failed 1" in result.stderr


def test_a_bad_import_changes_nothing(stack: Stack, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "指标,地区,年份,数值\n森林覆盖率,海晏县,2023,11.74\n森林覆盖率,海晏县,2023,很多\n", "utf-8"
    )
    result = runner.invoke(app, ["import-observations", str(path)], env={**stack.env, "COLUMNS": "200"})
    assert result.exit_code == 1
    assert "bad.csv:3" in result.stderr and "nothing was imported" in result.stderr
    assert "1 added" in run(
        stack, "observe", "森林覆盖率", "--region", "海晏县", "--year", "2023", "--value", "11.74"
    ).replace("recorded", "1 added")


def test_links_catalogue_and_units(stack: Stack, tmp_path: Path) -> None:
    shutil.copy(DEMO / "xinghu_tasks.html", tmp_path / "tasks.html")
    run(stack, "region", "import", str(DEMO_REGIONS))
    run(stack, "ingest", str(tmp_path))
    listed = run(stack, "link", "list")
    assert "Unmatched" in listed
    assert "县发展改革局" in run(stack, "unit", "list", "--region", "星湖县")
    assert "gdp_growth" in run(stack, "catalog", "list", "--search", "gdp")
    assert "added 经济发展速度" in run(stack, "catalog", "synonym", "gdp_growth", "经济发展速度")
    assert "already had" in run(
        stack, "catalog", "synonym", "gdp_growth", "全县GDP增速"
    )  # 全县, GDP normalise away


def test_haiyan_status_json(stack: Stack) -> None:
    if not SEEDS.is_dir():
        pytest.skip("seed documents not found at ../shared/seeds (they are not part of this repository)")
    run(stack, "ingest", str(SEEDS))
    document = json.loads(run(stack, "status", "--region", "海晏县", "--format", "json"))
    plan = [r for r in document["indicators"] if r["origin"] == "plan"]
    assert len(plan) == 28
    assert all(
        r["status"] in ("achieved", "on_track", "at_risk", "off_track", "no_data", "not_assessable")
        for r in plan
    )
