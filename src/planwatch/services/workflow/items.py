"""Work items (督办事项) and who answers for them.

``sync`` turns the tasks of current documents into items with the units the task names as lead and
responsible (resolved to units of government at ingest, aliases included); it runs on ingest and on
``planwatch workflow sync``. An item's key is stable across versions of its document (logical key,
task number, occurrence of that number), so a new version of a scheme keeps its items, assignments
and reports. Administrators also assign indicators and key projects, set deadlines and add units.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from planwatch.auth.policy import Action, Principal, require
from planwatch.errors import NotFoundError, ValidationError
from planwatch.normalize.periods import plan_period
from planwatch.services.audit import Actor, record
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.common import check_version, local_date, write
from planwatch.store.engine import Database
from planwatch.store.repo import catalog as catalog_repo
from planwatch.store.repo import govunits as unit_repo
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import Assignment, DocumentRow, GovUnit, ProjectRow, TaskRow, WorkItem
from planwatch.workflow.deadlines import parse_deadline

ROLES = {"lead": "牵头", "responsible": "责任"}
KINDS = {"task": "任务", "indicator": "指标", "project": "项目"}


def _key(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def task_key(document_key: str, number: str, occurrence: int) -> str:
    """The stable key of a task: its document's logical key, its number, which one of that number."""
    return _key("task", document_key, number, str(occurrence))


def indicator_key(region_code: str, code: str) -> str:
    """The key of a supervised indicator of one region."""
    return _key("indicator", region_code, code)


def project_key(document_key: str, box: str | None, name: str) -> str:
    """The key of a supervised key project."""
    return _key("project", document_key, box or "", name)


@dataclass(frozen=True)
class SyncResult:
    """What a sync changed."""

    items_new: int = 0
    items_updated: int = 0
    items_retired: int = 0
    assignments_new: int = 0
    assignments_ended: int = 0

    def __add__(self, other: SyncResult) -> SyncResult:
        return SyncResult(
            *(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values(), strict=True))
        )


def _plan_end(doc: DocumentRow) -> int | None:
    if doc.period_end:
        return doc.period_end
    period = plan_period(doc.title or "")
    return period[1] if period else None


def sync(
    session: Session, document_ids: Collection[int] | None = None, today: date | None = None
) -> SyncResult:
    """Items and assignments for the tasks of current documents (or of these documents)."""
    today = today or local_date()
    rows = repo.current_tasks(session, document_ids)
    units = repo.task_units(session, [t.id for t, _d in rows])
    keys: list[tuple[str, TaskRow, DocumentRow]] = []
    seen: Counter[tuple[int, str]] = Counter()
    for task, doc in rows:
        seen[(doc.id, task.number)] += 1
        keys.append((task_key(doc.logical_key, task.number, seen[(doc.id, task.number)]), task, doc))
    found = repo.items_by_key(session, [k for k, _t, _d in keys])
    result = SyncResult()
    for key, task, doc in keys:
        item = found.get(key)
        result += _upsert(session, item, key, task, doc)
        item = item or repo.items_by_key(session, [key])[key]
        result += _assign(session, item, units.get(task.id, []), today)
    doc_keys = {d.logical_key for _k, _t, d in keys}
    if document_ids is not None:  # a new version may have dropped every task of its document
        doc_keys |= repo.logical_keys(session, document_ids)
    live = {k for k, _t, _d in keys}
    for item in repo.items_of_documents(session, doc_keys):
        if item.key not in live and item.active:
            item.active = False
            result += SyncResult(items_retired=1)
    return result


def _upsert(session: Session, item: WorkItem | None, key: str, task: TaskRow, doc: DocumentRow) -> SyncResult:
    deadline = parse_deadline(task.deadline, _plan_end(doc))
    if item is None:
        session.add(WorkItem(kind="task", key=key, region_code=task.region_code, document_key=doc.logical_key,
                             document_id=doc.id, task_id=task.id, number=task.number, title=task.title,
                             deadline=deadline.due, deadline_text=task.deadline, deadline_source=deadline.source,
                             active=True))  # fmt: skip
        session.flush()
        return SyncResult(items_new=1)
    values: dict[str, object] = {"region_code": task.region_code, "document_id": doc.id, "task_id": task.id, "number": task.number,
              "title": task.title, "deadline_text": task.deadline, "active": True}  # fmt: skip
    if item.deadline_source != "manual":
        values |= {"deadline": deadline.due, "deadline_source": deadline.source}
    changed = {k: v for k, v in values.items() if getattr(item, k) != v}
    for name, value in changed.items():
        setattr(item, name, value)
    return SyncResult(items_updated=1) if changed else SyncResult()


def _assign(session: Session, item: WorkItem, wanted: list[tuple[str, int]], today: date) -> SyncResult:
    current = {
        (a.role, a.unit_id): a for a in repo.assignments(session, [item.id], active_only=False)[item.id]
    }
    new = ended = 0
    for role, unit_id in dict.fromkeys(wanted):
        existing = current.get((role, unit_id))
        if existing is None:
            session.add(
                Assignment(item_id=item.id, unit_id=unit_id, role=role, source="extracted", since=today)
            )
            new += 1
        elif not existing.active and existing.source == "extracted":
            existing.active = True
    for (role, unit_id), a in current.items():
        if a.source == "extracted" and a.active and (role, unit_id) not in wanted:
            a.active = False
            ended += 1
    return SyncResult(assignments_new=new, assignments_ended=ended)


def sync_all(db: Database, actor: Actor | None = None, today: date | None = None) -> SyncResult:
    """``planwatch workflow sync``: every current document's tasks, logged when an actor is given."""
    with write(db) as session:
        result = sync(session, None, today)
        if actor is not None:
            record(session, actor, "workflow_sync", "work_items", None, None, dict(result.__dict__))
    return result


def _item(session: Session, item_id: int) -> WorkItem:
    item = session.get(WorkItem, item_id)
    if item is None:
        raise NotFoundError(f"督办事项 {item_id} 不存在 (no work item {item_id})", hint="see /supervision")
    return item


def _unit(session: Session, unit_id: int) -> GovUnit:
    unit = session.get(GovUnit, unit_id)
    if unit is None:
        raise NotFoundError(f"单位 {unit_id} 不存在 (no unit {unit_id})", hint="see `planwatch unit list`")
    return unit


def item_state(item: WorkItem) -> dict[str, object]:
    """What the audit log keeps of an item."""
    return {"title": item.title, "deadline": item.deadline.isoformat() if item.deadline else None,
            "deadline_source": item.deadline_source, "active": item.active, "version": item.version}  # fmt: skip


def set_deadline(
    db: Database, who: Principal, actor: Actor, item_id: int, deadline: date | None, version: int | None
) -> int:
    """An administrator sets (or clears) an item's deadline; the new version."""
    require(who, Action.MANAGE_WORKFLOW)
    with write(db) as session:
        item = _item(session, item_id)
        check_version(item.version, version, "督办事项")
        before = item_state(item)
        item.deadline, item.deadline_source = deadline, "manual" if deadline else "none"
        session.flush()
        record(session, actor, "item_update", "work_item", item.id, before, item_state(item))
        return item.version


def assign(
    db: Database,
    who: Principal,
    actor: Actor,
    item_id: int,
    unit_id: int,
    role: str,
    since: date | None = None,
) -> int:
    """An administrator makes a unit answerable for an item (lead or responsible); the assignment id."""
    require(who, Action.MANAGE_WORKFLOW)
    if role not in ROLES:
        raise ValidationError(f"unknown role {role!r}", hint="lead (牵头) or responsible (责任)")
    with write(db) as session:
        item, unit = _item(session, item_id), _unit(session, unit_id)
        existing = [
            a
            for a in repo.assignments(session, [item.id], False)[item.id]
            if (a.unit_id, a.role) == (unit_id, role)
        ]
        if existing:
            a = existing[0]
            a.active, a.source = True, "manual"
        else:
            a = Assignment(item_id=item.id, unit_id=unit.id, role=role, source="manual",
                           since=since or local_date(), created_by=actor.name)  # fmt: skip
            session.add(a)
        session.flush()
        record(session, actor, "assignment_add", "assignment", a.id, None,
               {"item": item.id, "unit": unit.name, "role": role, "since": a.since.isoformat()})  # fmt: skip
        return a.id


def unassign(db: Database, who: Principal, actor: Actor, assignment_id: int, version: int | None) -> None:
    """An administrator ends an assignment (its reports stay)."""
    require(who, Action.MANAGE_WORKFLOW)
    with write(db) as session:
        a = session.get(Assignment, assignment_id)
        if a is None:
            raise NotFoundError(f"分工 {assignment_id} 不存在 (no assignment {assignment_id})")
        check_version(a.version, version, "分工")
        a.active = False
        session.flush()
        record(session, actor, "assignment_remove", "assignment", a.id,
               {"item": a.item_id, "unit": a.unit_id, "role": a.role, "active": True}, {"active": False})  # fmt: skip


def supervise_indicator(
    db: Database, who: Principal, actor: Actor, region: str, code: str, unit_ids: list[int],
    deadline: date | None = None,
) -> int:  # fmt: skip
    """Supervise a monitored indicator of a region, led by these units; the item id."""
    require(who, Action.MANAGE_WORKFLOW)
    with write(db) as session:
        place = RegionIndex.load(session).require(region)
        entry = catalog_repo.get(session, code)
        if entry is None:
            raise NotFoundError(
                f"指标 {code!r} 不在指标库中 (unknown indicator)", hint="see `planwatch catalog list`"
            )
        key = indicator_key(place.code, entry.code)
        item_id = _item_for(session, actor, WorkItem(kind="indicator", key=key, region_code=place.code,
                            indicator_code=entry.code, title=entry.name, deadline=deadline,
                            deadline_source="manual" if deadline else "none"))  # fmt: skip
    for unit_id in unit_ids:
        assign(db, who, actor, item_id, unit_id, "lead")
    return item_id


def _item_for(session: Session, actor: Actor, new: WorkItem) -> int:
    """The id of the item with ``new``'s key: the existing one, else ``new`` added (and audited)."""
    item = repo.items_by_key(session, [new.key]).get(new.key)
    if item is None:
        item = new
        session.add(item)
        session.flush()
        record(session, actor, "item_add", "work_item", item.id, None, item_state(item))
    return item.id


def supervise_project(
    db: Database,
    who: Principal,
    actor: Actor,
    project_id: int,
    unit_ids: list[int],
    deadline: date | None = None,
) -> int:
    """Supervise a key project (专栏项目), led by these units; the item id."""
    require(who, Action.MANAGE_WORKFLOW)
    with write(db) as session:
        found = session.get(ProjectRow, project_id)
        doc = session.get(DocumentRow, found.document_id) if found else None
        if found is None or doc is None:
            raise NotFoundError(f"项目 {project_id} 不存在 (no project {project_id})", hint="see /projects")
        key = project_key(doc.logical_key, found.box, found.name)
        item_id = _item_for(session, actor, WorkItem(kind="project", key=key, region_code=found.region_code,
                            document_key=doc.logical_key, document_id=doc.id, project_id=found.id,
                            title=found.name, deadline=deadline,
                            deadline_source="manual" if deadline else "none"))  # fmt: skip
    for unit_id in unit_ids:
        assign(db, who, actor, item_id, unit_id, "lead")
    return item_id


def unit_id_of(db: Database, ref: str, region: str | None = None) -> int:
    """A unit's id from its id, or its name or a spelling of it (within a region when given)."""
    if ref.strip().isdigit():
        return int(ref)
    with db.session() as session:
        index = RegionIndex.load(session)
        code = index.require(region).code if region else None
        candidates = [
            u for u in repo.units_by_name(session, ref.strip()) if region is None or u.region_code == code
        ]
    if len(candidates) != 1:
        raise ValidationError(f"单位“{ref}”{'有多个' if candidates else '不存在'} (unit {'ambiguous' if candidates else 'not found'})",
                              hint="give the unit's id from `planwatch unit list --region R`")  # fmt: skip
    return candidates[0].id


def item_of_key(db: Database, key: str) -> int | None:
    """The id of the item with this key (an indicator or project already supervised), or None."""
    with db.session() as session:
        found = repo.items_by_key(session, [key]).get(key)
        return found.id if found else None


@dataclass(frozen=True)
class ProjectChoice:
    """A key project an administrator may supervise: what it is, its region's units, its item if any."""

    id: int
    name: str
    box: str | None
    region_code: str | None
    units: list[tuple[int, str]]
    item_id: int | None


def project_choice(db: Database, project_id: int) -> ProjectChoice:
    """The form of supervising one key project."""
    with db.session() as session:
        found = session.get(ProjectRow, project_id)
        doc = session.get(DocumentRow, found.document_id) if found else None
        if found is None or doc is None:
            raise NotFoundError(f"项目 {project_id} 不存在 (no project {project_id})", hint="see /projects")
        key = project_key(doc.logical_key, found.box, found.name)
        item = repo.items_by_key(session, [key]).get(key)
        units = [(u.id, u.name) for u in unit_repo.units_of(session, found.region_code)]
        return ProjectChoice(
            found.id, found.name, found.box, found.region_code, units, item.id if item else None
        )


def region_units(db: Database, region_code: str | None) -> list[tuple[int, str]]:
    """(id, name) of the units of a region's government."""
    with db.session() as session:
        return [(u.id, u.name) for u in unit_repo.units_of(session, region_code)]
