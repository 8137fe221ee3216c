"""How often units report: per plan (a document's logical key), else per region (or the nearest region
above it with a schedule), else the setting ``PLANWATCH_REPORT_PERIOD``."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from planwatch.auth.policy import Action, Principal, require
from planwatch.errors import ValidationError
from planwatch.services.audit import Actor, record
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.common import write
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import ReportSchedule, WorkItem
from planwatch.workflow.periods import PeriodKind


def parse_kind(text: str) -> PeriodKind:
    """A period kind from its name or Chinese label (quarterly, 季度 …)."""
    by_label = {k.label: k for k in PeriodKind} | {"月": PeriodKind.MONTHLY, "季": PeriodKind.QUARTERLY,
                                                   "半年度": PeriodKind.HALF_YEARLY, "年": PeriodKind.YEARLY}  # fmt: skip
    found = by_label.get(text.strip()) or next((k for k in PeriodKind if k.value == text.strip()), None)
    if found is None:
        raise ValidationError(f"unknown reporting period {text!r}",
                              hint="monthly, quarterly, half_yearly or yearly (月度/季度/半年/年度)")  # fmt: skip
    return found


@dataclass
class Schedules:
    """Every schedule in memory, answering ``kind(item)``."""

    default: PeriodKind
    plans: dict[str, PeriodKind]
    regions: dict[str, PeriodKind]
    index: RegionIndex

    @classmethod
    def load(cls, session: Session, settings: Settings) -> Schedules:
        """The schedules of the database over the setting's default."""
        plans: dict[str, PeriodKind] = {}
        regions: dict[str, PeriodKind] = {}
        for s in repo.schedules(session):
            (plans if s.scope == "plan" else regions)[s.key] = PeriodKind(s.kind)
        return cls(parse_kind(settings.report_period), plans, regions, RegionIndex.load(session))

    def kind(self, item: WorkItem) -> PeriodKind:
        """How often reports on this item are due."""
        if item.document_key and item.document_key in self.plans:
            return self.plans[item.document_key]
        place = self.index.get(item.region_code)
        for region in [place, *self.index.ancestors(place)] if place else []:
            if region.code in self.regions:
                return self.regions[region.code]
        return self.default


def set_schedule(
    db: Database,
    who: Principal,
    actor: Actor,
    kind: str,
    *,
    region: str | None = None,
    plan: str | None = None,
) -> tuple[str, PeriodKind]:
    """Set how often a region's (or one plan's) units report; (what it applies to, kind)."""
    require(who, Action.MANAGE_WORKFLOW)
    chosen = parse_kind(kind)
    with write(db) as session:
        if plan:
            scope, key, name = "plan", plan, plan
        elif region:
            place = RegionIndex.load(session).require(region)
            scope, key, name = "region", place.code, place.name
        else:
            raise ValidationError("give a region or a plan", hint="--region 星湖县, or --plan LOGICAL_KEY")
        row = repo.schedule(session, scope, key)
        before = {"kind": row.kind} if row else None
        if row is None:
            session.add(ReportSchedule(scope=scope, key=key, kind=chosen.value, set_by=actor.name))
        else:
            row.kind, row.set_by = chosen.value, actor.name
        record(session, actor, "schedule_set", scope, key, before, {"kind": chosen.value})
    return name, chosen
