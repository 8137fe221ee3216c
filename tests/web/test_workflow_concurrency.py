"""Optimistic locking, with real concurrent sessions on SQLite and PostgreSQL: of two edits made from the
same version exactly one wins and the other is a ConflictError (409); nothing is lost — the loser
reloads, edits the new version, and both edits are in the history."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from functools import partial

import pytest

from planwatch.auth.policy import Principal, Role
from planwatch.errors import ConflictError
from planwatch.services import region_edit
from planwatch.services.audit import Actor
from planwatch.services.workflow import milestones, reports
from planwatch.services.workflow.reports import ReportInput
from planwatch.store.repo import workflow as repo
from tests.conftest import DEMO
from tests.store.conftest import DEMO_REGIONS, Stack, extracted

ADMIN = Principal(Role.ADMIN, 1, "admin")
PERIOD = "2025Q3"


@pytest.fixture
def scheme(stack: Stack) -> Stack:
    """星湖县's task-division scheme stored (its tasks become supervised items on ingest)."""
    region_edit.import_regions(stack.db, DEMO_REGIONS)
    stack.store(extracted(DEMO / "xinghu_tasks.html"))
    return stack


def target(stack: Stack) -> tuple[int, int]:
    """(item, lead unit) of 推动绿色低碳转型."""
    with stack.db.session() as session:
        item = next(i for i in repo.items(session, kind="task") if "绿色低碳转型" in i.title)
        lead = next(a.unit_id for a in repo.assignments(session, [item.id])[item.id] if a.role == "lead")
        return item.id, lead


def edit(stack: Stack, item: int, unit: int, text: str, version: int, who: str) -> reports.ReportRef:
    return reports.submit(stack.db, stack.settings, ADMIN, Actor(who), item, unit,
                          ReportInput(PERIOD, "in_progress", 40, text), version)  # fmt: skip


def test_a_held_edit_and_a_concurrent_one(scheme: Stack) -> None:
    """GIVEN report v1 WHEN session A has written its edit (not yet committed) and session B, from v1 too,
    tries its own THEN B waits for A's lock, finds v1 gone and gets ConflictError; A's edit stands."""
    item, unit = target(scheme)
    first = edit(scheme, item, unit, "第一稿", 0, "a")
    outcome: dict[str, object] = {}

    def b() -> None:
        try:
            outcome["b"] = edit(scheme, item, unit, "B 的修改", first.version, "b")
        except ConflictError as exc:
            outcome["b"] = exc

    thread = threading.Thread(target=b)
    with scheme.db.transaction() as session:  # A
        reports.submit_in(session, scheme.settings, ADMIN, Actor("a"), item, unit,
                          ReportInput(PERIOD, "in_progress", 30, "A 的修改"), first.version)  # fmt: skip
        session.flush()
        thread.start()
        thread.join(1.0)
        assert thread.is_alive(), "B should wait for A's lock"
    thread.join(15)
    assert isinstance(outcome["b"], ConflictError) and "已被他人修改" in outcome["b"].message
    now = reports.report_by_id(scheme.db, scheme.settings, first.id)
    assert (now.narrative, now.version) == ("A 的修改", 2)
    again = edit(scheme, item, unit, "B 的修改", now.version, "b")  # B reloads and applies its change
    history = reports.report_by_id(scheme.db, scheme.settings, again.id).revisions
    assert [(h.action, h.narrative) for h in history] == [
        ("submit", "第一稿"),
        ("edit", "A 的修改"),
        ("edit", "B 的修改"),
    ]


def race(*calls: Callable[[], object]) -> list[object]:
    """Run the calls at once on threads (each with its own session); their results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except Exception as exc:  # the test looks at which
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


@pytest.mark.parametrize("rounds", [4])
def test_racing_edits_exactly_one_wins(scheme: Stack, rounds: int) -> None:
    item, unit = target(scheme)
    created = race(
        lambda: edit(scheme, item, unit, "甲新建", 0, "a"), lambda: edit(scheme, item, unit, "乙新建", 0, "b")
    )
    winners = [r for r in created if isinstance(r, reports.ReportRef)]
    assert len(winners) == 1 and sum(isinstance(r, ConflictError) for r in created) == 1
    version = winners[0].version
    for n in range(rounds):
        results = race(
            *(partial(edit, scheme, item, unit, f"{who}{n}", version, who) for who in ("甲", "乙"))
        )
        won = [r for r in results if isinstance(r, reports.ReportRef)]
        assert len(won) == 1 and sum(isinstance(r, ConflictError) for r in results) == 1, results
        version = won[0].version
    final = reports.report_by_id(scheme.db, scheme.settings, winners[0].id)
    assert final.version == rounds + 1 and len(final.revisions) == rounds + 1  # every win is a version


def test_milestone_edits_from_one_version(scheme: Stack) -> None:
    item, _unit = target(scheme)
    m = milestones.add(scheme.db, ADMIN, Actor("admin"), item, "完成节能诊断", date(2026, 12, 31))
    results = race(lambda: milestones.update(scheme.db, ADMIN, Actor("a"), m.id, m.version, due=date(2027, 1, 31)),
                   lambda: milestones.update(scheme.db, ADMIN, Actor("b"), m.id, m.version, done_on=date(2026, 12, 1)))  # fmt: skip
    assert sum(isinstance(r, milestones.MilestoneView) for r in results) == 1
    assert sum(isinstance(r, ConflictError) for r in results) == 1
    (stored,) = milestones.of_item(scheme.db, item)
    assert stored.version == 2 and (stored.due == date(2027, 1, 31)) != (stored.done_on == date(2026, 12, 1))
