"""One table per fact type. Columns mirror ``planwatch.model.facts`` (nested values flattened with a
prefix: ``baseline.value`` → ``baseline_value``), see ``planwatch.store.flatten``; a test keeps the two
in step. Each fact keeps its evidence, its document and its region; matchable facts keep their link
to the indicator catalogue and a stable ``fact_key`` that manual links are stored under.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base


class FactMixin:
    """Document, position, evidence, region and extra keys of every fact."""

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    ordinal: Mapped[int] = mapped_column(default=0)
    evidence_start: Mapped[int | None]
    evidence_end: Mapped[int | None]
    evidence_quote: Mapped[str | None] = mapped_column(Text)
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    extra: Mapped[dict[str, Any] | None]


class LinkMixin:
    """The catalogue entry a fact is linked to, how (exact, fuzzy, auto, manual), and its stable key."""

    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("catalog_indicators.id", ondelete="SET NULL"), index=True
    )
    link_method: Mapped[str | None] = mapped_column(String(16))
    fact_key: Mapped[str | None] = mapped_column(String(64), index=True)


class IndicatorRow(FactMixin, LinkMixin, Base):
    """A row of a main-indicator table (主要指标表): the region's monitored indicators."""

    __tablename__ = "indicators"

    seq: Mapped[int | None]
    category: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(256))
    unit: Mapped[str | None] = mapped_column(String(32))
    attribute: Mapped[str | None] = mapped_column(String(16))
    baseline_year: Mapped[int | None]
    baseline_text: Mapped[str | None] = mapped_column(String(256))
    baseline_value: Mapped[float | None]
    target_year: Mapped[int | None]
    target_text: Mapped[str | None] = mapped_column(String(256))
    target_value: Mapped[float | None]
    target_low: Mapped[float | None]
    target_high: Mapped[float | None]
    target_qualifier: Mapped[str | None] = mapped_column(String(16))
    target_kind: Mapped[str | None] = mapped_column(String(16))
    growth_text: Mapped[str | None] = mapped_column(String(256))
    growth_value: Mapped[float | None]
    growth_cumulative: Mapped[bool] = mapped_column(default=False)


class TargetRow(FactMixin, LinkMixin, Base):
    """A quantified goal stated in prose (到2025年…达到65%)."""

    __tablename__ = "targets"

    subject: Mapped[str] = mapped_column(String(256))
    value: Mapped[float | None]
    low: Mapped[float | None]
    high: Mapped[float | None]
    unit: Mapped[str | None] = mapped_column(String(32))
    qualifier: Mapped[str] = mapped_column(String(16), default="exact")
    kind: Mapped[str] = mapped_column(String(16), default="level")
    year: Mapped[int | None]


class TaskRow(FactMixin, Base):
    """A numbered task with the units that own it (see ``task_units`` for the resolved units)."""

    __tablename__ = "tasks"

    number: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    lead_units: Mapped[list[str]]
    responsible_units: Mapped[list[str]]
    deadline: Mapped[str | None] = mapped_column(String(64))


class ProjectRow(FactMixin, Base):
    """A key project listed in a 专栏 box."""

    __tablename__ = "projects"

    box: Mapped[str | None] = mapped_column(String(64))
    box_title: Mapped[str | None] = mapped_column(String(256))
    group: Mapped[str | None] = mapped_column(String(256))
    name: Mapped[str] = mapped_column(Text)


class HeadingRow(FactMixin, Base):
    """A heading of the document's outline."""

    __tablename__ = "headings"

    level: Mapped[int]
    label: Mapped[str | None] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    start: Mapped[int]
    end: Mapped[int]


class ObservationRow(FactMixin, LinkMixin, Base):
    """An actual figure: reported in a document, imported from a file, or entered by hand.

    ``source`` is document | import | manual. Imported and manual rows have no document; they keep
    their provenance (file, row, user, time) instead of evidence. ``year`` is set for annual periods.
    """

    __tablename__ = "observations"
    __table_args__ = (Index("ix_observations_lookup", "region_code", "indicator_id", "year"),)

    document_id: Mapped[int | None] = mapped_column(  # type: ignore[assignment]
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    subject: Mapped[str] = mapped_column(String(256))
    region: Mapped[str | None] = mapped_column(String(128))
    period: Mapped[str | None] = mapped_column(String(32))
    value: Mapped[float | None]
    unit: Mapped[str | None] = mapped_column(String(32))
    growth: Mapped[float | None]
    year: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(String(256))
    met: Mapped[bool | None]
    source: Mapped[str] = mapped_column(String(16), default="document")
    note: Mapped[str | None] = mapped_column(Text)
    source_file: Mapped[str | None] = mapped_column(String(1024))
    source_row: Mapped[int | None]
    entered_by: Mapped[str | None] = mapped_column(String(128))
    entered_at: Mapped[datetime | None]
    revision: Mapped[int] = mapped_column(default=0)
