"""Helpers of the supervision tests: clients signed in as different people at once, items and units
of the demo by name, a second reporter for another unit, and the demo's report steps."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi.testclient import TestClient

from planwatch.services import users
from planwatch.services.audit import Actor
from planwatch.services.workflow import items
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from tests.web.conftest import PASSWORDS, Web, csrf_of

OTHER = ("reporter2", "Other-pass-2026", "县水利局")  # a reporter of another unit


def item_id(db: Database, word: str) -> int:
    """The first task item whose title has ``word``."""
    with db.session() as session:
        return next(i.id for i in repo.items(session, kind="task") if word in i.title)


def unit_id(db: Database, name: str) -> int:
    """A unit of 星湖县 by name."""
    return items.unit_id_of(db, name, "星湖县")


def add_other_reporter(db: Database) -> None:
    """reporter2, bound to 县水利局."""
    name, password, unit = OTHER
    users.add_user(db, name, password, "reporter", Actor("test"), units=[str(unit_id(db, unit))])


@dataclass
class Person:
    """A client signed in as one user, with the session's CSRF token."""

    client: TestClient
    csrf: str

    def post(self, path: str, data: dict[str, object] | None = None, **kwargs: object) -> object:
        """A form POST with the CSRF token."""
        return self.client.post(
            path, data={"csrf_token": self.csrf, **(data or {})}, follow_redirects=False, **kwargs
        )  # type: ignore[arg-type]


def person(web: Web, username: str | None, password: str | None = None) -> Person:
    """A new client signed in as ``username`` (None: anonymous)."""
    client = TestClient(web.client.app, base_url="http://testserver")
    if username is None:
        return Person(client, csrf_of(client.get("/login").text))
    Web(web.db, web.settings, client).login(username, password or PASSWORDS.get(username) or OTHER[1])
    return Person(client, re.search(r'"X-CSRF-Token": "([^"]+)"', client.get("/dashboard").text).group(1))  # type: ignore[union-attr]


def report_form(unit: int, period: str, text: str = "完成年度目标的一半", progress: str = "in_progress",
                percent: str = "50", version: int = 0) -> dict[str, object]:  # fmt: skip
    """The fields of the report form."""
    return {"unit_id": unit, "period": period, "progress": progress, "percent": percent, "narrative": text,
            "version": version}  # fmt: skip
