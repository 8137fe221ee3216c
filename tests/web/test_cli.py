"""``planwatch publish …`` and ``planwatch serve --help``."""

from __future__ import annotations

from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.services.publish import published
from tests.web.conftest import Web

runner = CliRunner()


def run(web: Web, *args: str, code: int = 0) -> str:
    env = {"PLANWATCH_DATA_DIR": str(web.settings.data_dir), "PLANWATCH_DATABASE_URL": web.settings.database_url,
           "COLUMNS": "200", "USER": "tester"}  # fmt: skip
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output


def test_publish_region_and_withdraw_an_indicator(web: Web) -> None:
    before = published(web.db)
    out = run(web, "publish", "document", "--region", "云岭县", "--indicators")
    assert "published: 1 document(s)" in out
    after = published(web.db)
    assert len(after.documents) == len(before.documents) + 1 and len(after.indicators) > len(
        before.indicators
    )
    out = run(web, "publish", "indicator", "forest_coverage", "--region", "云岭县", "--off")
    assert "withdrawn: 1 indicator(s) of 云岭县" in out
    assert "X00003|forest_coverage" not in published(web.db).indicators
    assert "indicator X00002|forest_coverage" in run(web, "publish", "list")


def test_publish_needs_a_choice(web: Web) -> None:
    assert "no documents chosen" in run(web, "publish", "document", code=1)


def test_serve_help() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0 and "--workers" in result.output
