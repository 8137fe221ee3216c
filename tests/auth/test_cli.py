"""``planwatch user …``: passwords from a hidden prompt or stdin, never echoed; demo users idempotent."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from planwatch.cli import app
from planwatch.services import login
from planwatch.services.audit import events
from tests.store.conftest import Stack

runner = CliRunner()
SECRET = "Cli-secret-pass-1"


def run(stack: Stack, *args: str, code: int = 0, input: str | None = None) -> str:
    result = runner.invoke(
        app, list(args), input=input, env={**stack.env, "COLUMNS": "200", "USER": "tester"}
    )
    assert result.exit_code == code, result.output + repr(result.exception)
    return result.output + (str(result.exception) if code else "")


def test_add_list_disable_and_set_password(accounts: Stack) -> None:
    out = run(
        accounts, "user", "add", "wang", "--role", "leader", "--name", "王领导", input=f"{SECRET}\n{SECRET}\n"
    )
    assert "added wang (leader)" in out and SECRET not in out
    assert re.search(r"wang\s*│\s*leader\s*│\s*王领导\s*│\s*│\s*active", run(accounts, "user", "list"))
    login.login(accounts.db, accounts.settings, "wang", SECRET)
    run(accounts, "user", "set-password", "wang", "--password-stdin", input="Second-pass-22\n")
    login.login(accounts.db, accounts.settings, "wang", "Second-pass-22")
    assert "disabled wang" in run(accounts, "user", "disable", "wang")
    assert "disabled" in run(accounts, "user", "list")
    actions = [e.action for e in events(accounts.db)[0]]
    assert actions[:2] == ["user_disable", "login"] and "user_add" in actions
    assert events(accounts.db, action="user_add")[0][0].actor == "cli:tester"


@pytest.mark.parametrize(("args", "message"), [
    (["--role", "king"], "unknown role"),
    (["--role", "reporter"], "a reporter needs a unit"),
])  # fmt: skip
def test_bad_users_are_refused(accounts: Stack, args: list[str], message: str) -> None:
    out = run(accounts, "user", "add", "li", *args, "--password-stdin", input=f"{SECRET}\n", code=1)
    assert message in out


def test_weak_password_and_mismatch(accounts: Stack) -> None:
    assert "密码至少" in run(
        accounts, "user", "add", "li", "--role", "leader", "--password-stdin", input="short\n", code=1
    )
    out = run(
        accounts,
        "user",
        "add",
        "li",
        "--role",
        "leader",
        input=f"{SECRET}\nother-pass-12\n{SECRET}\n{SECRET}\n",
    )
    assert "do not match" in out.lower() or "不匹配" in out or "added li" in out


def test_demo_users_are_made_once(accounts: Stack) -> None:
    first = run(accounts, "user", "demo")
    second = run(accounts, "user", "demo")
    assert first == second and "admin / " in first
    password = first.split("admin / ")[1].split()[0]
    login.login(accounts.db, accounts.settings, "admin", password)
    assert len(events(accounts.db, action="user_add")[0]) == 2  # admin and reviewer; no unit yet: no reporter
