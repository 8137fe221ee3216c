"""The extraction contract (``../shared/FACTS.md``) as typed models.

Fact types are declared once here; the JSON output, CSV columns, database columns and page labels
are derived from these models (``FACT_TYPES`` and the ``label`` metadata of each field).
Extra keys are allowed everywhere, as the contract allows.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["plan", "task_division", "work_report", "bulletin", "news", "other"]
Qualifier = Literal["exact", "about", "at_least", "at_most", "range", "keep", "qualitative"]
TargetKind = Literal["growth", "level", "reduction"]
Attribute = Literal["expected", "binding"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Evidence(_Model):
    """Where a fact comes from: ``text[start:end] == quote``."""

    start: int
    end: int
    quote: str


class DocumentInfo(_Model):
    kind: Kind = "other"
    title: str | None = None
    region: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    published: str | None = None
    period: tuple[int, int] | None = None


class Heading(_Model):
    level: int
    label: str | None
    title: str
    start: int
    end: int


class CellValue(_Model):
    """A table cell read as a value: its text and the number in it, if any."""

    year: int | None = None
    text: str | None = None
    value: float | None = None


class TargetValue(_Model):
    year: int | None = None
    text: str | None = None
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier | None = None
    kind: TargetKind | None = None


class Growth(_Model):
    text: str | None = None
    value: float | None = None
    cumulative: bool = False


class Indicator(_Model):
    seq: int | None = None
    category: str | None = None
    name: str
    unit: str | None = None
    attribute: Attribute | None = None
    baseline: CellValue = Field(default_factory=CellValue)
    target: TargetValue = Field(default_factory=TargetValue)
    growth: Growth = Field(default_factory=Growth)
    evidence: Evidence


class Target(_Model):
    subject: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    kind: TargetKind = "level"
    year: int | None = None
    evidence: Evidence


class Task(_Model):
    number: str
    title: str
    lead_units: list[str] = Field(default_factory=list)
    responsible_units: list[str] = Field(default_factory=list)
    deadline: str | None = None
    evidence: Evidence


class Project(_Model):
    box: str | None = None
    box_title: str | None = None
    group: str | None = None
    name: str
    evidence: Evidence


class Observation(_Model):
    subject: str
    region: str | None = None
    period: str | None = None
    value: float | None = None
    unit: str | None = None
    growth: float | None = None
    evidence: Evidence


class ExtractionWarning(_Model):
    """Something the extractor could not make sense of; never silently dropped."""

    line: int | None = None
    stage: str
    message: str


class Facts(_Model):
    """Everything extracted from one document — the ``planwatch extract --format json`` object."""

    document: DocumentInfo = Field(default_factory=DocumentInfo)
    outline: list[Heading] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    projects: list[Project] = Field(default_factory=list)
    observations: list[Observation] = Field(default_factory=list)
    warnings: list[ExtractionWarning] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        """The contract's JSON object (``None`` kept as ``null``, extra keys kept)."""
        return self.model_dump(mode="json")


FACT_TYPES: dict[str, type[_Model]] = {
    "indicators": Indicator,
    "targets": Target,
    "tasks": Task,
    "projects": Project,
    "observations": Observation,
}

LABELS_ZH: dict[str, str] = {
    "indicators": "主要指标",
    "targets": "目标",
    "tasks": "任务",
    "projects": "重点项目",
    "observations": "实际值",
    "outline": "目录结构",
}
