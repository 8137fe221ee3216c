"""``重点项目``: the key projects of the plans' 专栏 boxes, grouped by box."""

from __future__ import annotations

from dataclasses import dataclass, field

from planwatch.services.library import region_codes
from planwatch.services.regions import RegionIndex
from planwatch.services.scope import Scope
from planwatch.store.engine import Database
from planwatch.store.repo import browse


@dataclass(frozen=True)
class Project:
    """One project with its evidence span."""

    id: int
    group: str | None
    name: str
    document_id: int
    start: int | None
    end: int | None


@dataclass
class Box:
    """One 专栏 of one document."""

    document_id: int
    document_title: str
    region: str | None
    box: str | None
    title: str | None
    projects: list[Project] = field(default_factory=list)


def project_boxes(db: Database, scope: Scope, region: str | None = None) -> list[Box]:
    """Boxes of key projects, in document order."""
    with db.session() as session:
        index = RegionIndex.load(session)
        rows = browse.projects(session, scope.public, region_codes(index, region))
    boxes: dict[tuple[int, str | None], Box] = {}
    for p, d in rows:
        key = (d.id, p.box or p.box_title)
        if key not in boxes:
            place = index.get(d.region_code)
            boxes[key] = Box(
                d.id, d.title or d.source_path, place.name if place else None, p.box, p.box_title
            )
        boxes[key].projects.append(Project(p.id, p.group, p.name, d.id, p.evidence_start, p.evidence_end))
    return list(boxes.values())
