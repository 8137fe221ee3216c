"""``planwatch user add|list|disable|enable|set-password|demo``: accounts of the web app.

Passwords are read from a prompt (hidden, asked twice) or from standard input (``--password-stdin``)
and are never printed or logged; ``user demo`` is the exception that proves the rule: it prints the
demo accounts' generated passwords, which it keeps in ``<data_dir>/demo-users.txt`` (mode 600).
"""

from __future__ import annotations

import getpass
import os
import secrets
import sys
from typing import Annotated

import typer
from rich.table import Table

from planwatch.cli.common import app, out, settings
from planwatch.errors import ConflictError, NotFoundError
from planwatch.services import users
from planwatch.services.audit import Actor
from planwatch.services.database import open_database
from planwatch.services.govunits import list_units
from planwatch.store.engine import Database

user_app = typer.Typer(help="Users of the web app (admin, reviewer, reporter, leader).", no_args_is_help=True)
app.add_typer(user_app, name="user")
DEMO = (("admin", "admin", "规划办管理员", None), ("reviewer", "reviewer", "审核人", None),
        ("reporter", "reporter", "县发展改革局填报人", "发展改革"))  # fmt: skip


def _actor() -> Actor:
    return Actor("cli:" + (os.environ.get("USER") or getpass.getuser()))


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password 密码", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
def user_add(
    username: str,
    role: Annotated[str, typer.Option(help="admin, reviewer, reporter or leader")],
    name: Annotated[str | None, typer.Option(help="display name 姓名")] = None,
    unit: Annotated[
        list[str] | None, typer.Option(help="unit id or exact name a reporter reports for (repeatable)")
    ] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="read the password from stdin")
    ] = False,
    email: Annotated[str | None, typer.Option(help="where reminders go (reporters)")] = None,
) -> None:
    """Add a user; the password is asked for (hidden) unless --password-stdin."""
    password = _password(password_stdin)
    view = users.add_user(open_database(settings()), username, password, role, _actor(), display_name=name,
                          units=unit or [], email=email)  # fmt: skip
    out.print(f"added {view.username} ({view.role}){' for ' + '、'.join(view.units) if view.units else ''}")


@user_app.command("list")
def user_list() -> None:
    """Every user with role, units and state."""
    table = Table(title="Users 用户")
    for column in ("user", "role", "name", "units", "state", "last login"):
        table.add_column(column)
    for u in users.list_users(open_database(settings())):
        locked = f"locked until {u.locked_until:%Y-%m-%d %H:%M}" if u.locked_until else "active"
        last = f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""
        table.add_row(
            u.username,
            u.role,
            u.display_name or "",
            "、".join(u.units),
            "disabled" if u.disabled else locked,
            last,
        )
    out.print(table)


@user_app.command("disable")
def user_disable(username: str) -> None:
    """Disable a user (their sessions end at once)."""
    users.set_disabled(open_database(settings()), username, True, _actor())
    out.print(f"disabled {username}")


@user_app.command("enable")
def user_enable(username: str) -> None:
    """Enable a disabled user again."""
    users.set_disabled(open_database(settings()), username, False, _actor())
    out.print(f"enabled {username}")


@user_app.command("email")
def user_email(
    username: str, address: Annotated[str, typer.Argument(help="an e-mail address, or none")]
) -> None:
    """Set the address a user's reminders go to (`none` clears it)."""
    view = users.set_email(
        open_database(settings()), username, None if address == "none" else address, _actor()
    )
    out.print(f"{view.username}: {view.email or 'no e-mail'}")


@user_app.command("set-password")
def user_set_password(
    username: str,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="read the password from stdin")
    ] = False,
) -> None:
    """Set a new password (asked for, hidden); unlocks the account and ends its sessions."""
    users.set_password(open_database(settings()), username, _password(password_stdin), _actor())
    out.print(f"password of {username} changed")


@user_app.command("demo")
def user_demo() -> None:
    """Create the demo accounts (admin, reviewer, reporter) once, and print their credentials."""
    cfg = settings()
    db = open_database(cfg)
    path = cfg.data_dir / "demo-users.txt"
    known = (
        dict(line.split("\t", 1) for line in path.read_text("utf-8").splitlines() if "\t" in line)
        if path.exists()
        else {}
    )
    for username, role, display, unit_hint in DEMO:
        password = known.get(username) or secrets.token_urlsafe(9) + "-7"
        units = _demo_units(db, unit_hint) if unit_hint else []
        if unit_hint and not units:
            continue  # no unit of government yet (no task document ingested): no demo reporter
        try:
            users.add_user(db, username, password, role, _actor(), display_name=display, units=units)
        except ConflictError:
            continue  # already there: kept as it is (its password is in the file when this made it)
        known[username] = password
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{k}\t{v}\n" for k, v in known.items()), "utf-8")
    path.chmod(0o600)
    shown = "  ·  ".join(f"{name} / {known.get(name, '(set-password)')}" for name, *_rest in DEMO)
    out.print(f"demo users: {shown}  (kept in {path})")


def _demo_units(db: Database, hint: str) -> list[str]:
    """The id of the first unit whose name contains ``hint`` (the demo reporter's unit)."""
    units = []
    for region in ("星湖县", None):  # the demo's county first
        try:
            units += list_units(db, region)
        except NotFoundError:
            continue
    chosen = [u for u in units if hint in u.name] or units
    return [str(chosen[0].id)] if chosen else []
