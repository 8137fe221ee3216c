"""``任务``: tasks by unit of government — what each unit leads (牵头) and shares (责任)."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.services.library import region_codes
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import browse


@dataclass(frozen=True)
class TaskLine:
    """A task as a unit's page lists it."""

    id: int
    number: str
    title: str
    deadline: str | None
    document_id: int
    document_title: str
    start: int | None
    end: int | None


@dataclass
class UnitTasks:
    """One unit and its tasks by role."""

    id: int
    name: str
    region: str | None
    lead: list[TaskLine] = field(default_factory=list)
    responsible: list[TaskLine] = field(default_factory=list)


def tasks_by_unit(
    db: Database, scope: Scope, region: str | None = None, unit: int | None = None
) -> list[UnitTasks]:
    """Every unit with tasks in visible documents (or one unit), most tasks led first."""
    with db.session() as session:
        index = RegionIndex.load(session)
        rows = browse.unit_tasks(session, scope.public, region_codes(index, region))
    units: dict[int, UnitTasks] = {}
    for u, role, t, d in rows:
        if unit is not None and u.id != unit:
            continue
        if u.id not in units:
            place = index.get(u.region_code)
            units[u.id] = UnitTasks(u.id, u.name, place.name if place else None)
        line = TaskLine(t.id, t.number, t.title, t.deadline, d.id, d.title or d.source_path, t.evidence_start,
                        t.evidence_end)  # fmt: skip
        (units[u.id].lead if role == "lead" else units[u.id].responsible).append(line)
    return sorted(units.values(), key=lambda u: (-len(u.lead), -len(u.responsible), u.name))
