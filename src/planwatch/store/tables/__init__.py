"""Every PlanWatch table, importable from one place (Alembic's autogenerate reads ``Base.metadata``)."""

from planwatch.store.base import Base
from planwatch.store.tables.auth import AuditRow, SessionRow, UserRow, UserUnit
from planwatch.store.tables.catalog import CatalogIndicator, CatalogSynonym, ManualLink
from planwatch.store.tables.documents import DocumentRow
from planwatch.store.tables.facts import (
    HeadingRow,
    IndicatorRow,
    ObservationRow,
    ProjectRow,
    TargetRow,
    TaskRow,
)
from planwatch.store.tables.govunits import GovUnit, GovUnitAlias, TaskUnit
from planwatch.store.tables.publish import Publication
from planwatch.store.tables.regions import Meta, RegionAlias, RegionRow
from planwatch.store.tables.workflow import (
    Assignment,
    Attachment,
    FeedbackRow,
    Milestone,
    ProgressReport,
    ReportRevision,
    ReportSchedule,
    WorkItem,
)

FACT_TABLES = {
    "indicators": IndicatorRow,
    "targets": TargetRow,
    "tasks": TaskRow,
    "projects": ProjectRow,
    "observations": ObservationRow,
    "outline": HeadingRow,
}

__all__ = [
    "FACT_TABLES",
    "Assignment",
    "Attachment",
    "AuditRow",
    "Base",
    "CatalogIndicator",
    "CatalogSynonym",
    "DocumentRow",
    "FeedbackRow",
    "GovUnit",
    "GovUnitAlias",
    "HeadingRow",
    "IndicatorRow",
    "ManualLink",
    "Meta",
    "Milestone",
    "ObservationRow",
    "ProgressReport",
    "ProjectRow",
    "Publication",
    "RegionAlias",
    "RegionRow",
    "ReportRevision",
    "ReportSchedule",
    "SessionRow",
    "TargetRow",
    "TaskRow",
    "TaskUnit",
    "UserRow",
    "UserUnit",
    "WorkItem",
]
