"""Units of government (市发展改革委 …): a registry per region, their aliases, and task assignments."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base, utcnow


class GovUnit(Base):
    """One unit of one government: ``key`` is the folded name (see ``planwatch.catalog.govunits``)."""

    __tablename__ = "gov_units"
    __table_args__ = (UniqueConstraint("region_code", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    name: Mapped[str] = mapped_column(String(256))
    key: Mapped[str] = mapped_column(String(256))
    collective: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class GovUnitAlias(Base):
    """A way a unit is written (市发改委, 市发展和改革委员会), as found in tasks or added by hand."""

    __tablename__ = "gov_unit_aliases"
    __table_args__ = (UniqueConstraint("unit_id", "alias"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("gov_units.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(256))


class TaskUnit(Base):
    """A unit named by a task, as lead (牵头) or responsible (责任), in the order written."""

    __tablename__ = "task_units"

    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("gov_units.id", ondelete="CASCADE"), index=True)
