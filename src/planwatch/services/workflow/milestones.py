"""Milestones (节点): an administrator splits an item into steps with their own deadlines, and marks
them done. Every change names the version it edits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planwatch.auth.policy import Action, Principal, require
from planwatch.errors import NotFoundError, ValidationError
from planwatch.services.audit import Actor, record
from planwatch.services.workflow.common import check_version, write
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import Milestone, WorkItem


@dataclass(frozen=True)
class MilestoneView:
    """A milestone as pages and commands show it."""

    id: int
    item_id: int
    title: str
    due: date
    done_on: date | None
    note: str | None
    version: int


def view(m: Milestone) -> MilestoneView:
    """The view of a stored milestone."""
    return MilestoneView(m.id, m.item_id, m.title, m.due, m.done_on, m.note, m.version)


def _state(m: Milestone) -> dict[str, object]:
    return {"item": m.item_id, "title": m.title, "due": m.due.isoformat(),
            "done_on": m.done_on.isoformat() if m.done_on else None, "version": m.version}  # fmt: skip


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title or len(title) > 500:
        raise ValidationError("节点名称不能为空,且不超过500字 (milestone title empty or too long)")
    return title


def add(db: Database, who: Principal, actor: Actor, item_id: int, title: str, due: date) -> MilestoneView:
    """Add a milestone to an item."""
    require(who, Action.MANAGE_WORKFLOW)
    with write(db) as session:
        if session.get(WorkItem, item_id) is None:
            raise NotFoundError(f"督办事项 {item_id} 不存在 (no work item {item_id})")
        position = len(repo.milestones(session, [item_id])[item_id]) + 1
        m = Milestone(item_id=item_id, position=position, title=_title(title), due=due, created_by=actor.name)
        session.add(m)
        session.flush()
        record(session, actor, "milestone_add", "milestone", m.id, None, _state(m))
        return view(m)


def update(
    db: Database, who: Principal, actor: Actor, milestone_id: int, version: int | None, *,
    title: str | None = None, due: date | None = None, done_on: date | None = None, reopen: bool = False,
) -> MilestoneView:  # fmt: skip
    """Change a milestone (title, due date), mark it done on a date, or open it again."""
    require(who, Action.MANAGE_WORKFLOW)
    with write(db) as session:
        m = session.get(Milestone, milestone_id)
        if m is None:
            raise NotFoundError(f"节点 {milestone_id} 不存在 (no milestone {milestone_id})")
        check_version(m.version, version, "节点")
        before = _state(m)
        if title is not None:
            m.title = _title(title)
        if due is not None:
            m.due = due
        if done_on is not None:
            m.done_on = done_on
        if reopen:
            m.done_on = None
        session.flush()
        action = "milestone_done" if done_on is not None else "milestone_update"
        record(session, actor, action, "milestone", m.id, before, _state(m))
        return view(m)


def of_item(db: Database, item_id: int) -> list[MilestoneView]:
    """An item's milestones by due date."""
    with db.session() as session:
        return [view(m) for m in repo.milestones(session, [item_id])[item_id]]
