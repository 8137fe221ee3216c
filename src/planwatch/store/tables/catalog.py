"""The indicator catalogue in the database: entries (from catalog.toml, auto-made or user-made),
their synonyms, and the manual links people set for facts the matcher could not place."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base, utcnow


class CatalogIndicator(Base):
    """A canonical indicator. ``source`` is file (catalog.toml), auto (an unmatched plan row) or user."""

    __tablename__ = "catalog_indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(256))
    unit: Mapped[str | None] = mapped_column(String(32))
    dimension: Mapped[str | None] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(16), default="higher")
    kind: Mapped[str] = mapped_column(String(16), default="level")
    rate_of_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_indicators.id", ondelete="SET NULL"))
    category: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16), default="file")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def auto(self) -> bool:
        """Made for a plan row that matched nothing; a person may want to review it."""
        return self.source == "auto"


class CatalogSynonym(Base):
    """Another name of a catalogue entry, with its normalised form (what matching compares)."""

    __tablename__ = "catalog_synonyms"
    __table_args__ = (UniqueConstraint("indicator_id", "norm"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("catalog_indicators.id", ondelete="CASCADE"))
    synonym: Mapped[str] = mapped_column(String(256))
    norm: Mapped[str] = mapped_column(String(256), index=True)
    source: Mapped[str] = mapped_column(String(16), default="file")


class ManualLink(Base):
    """A person's decision for one fact, kept by the fact's stable key so it survives re-ingest.

    ``indicator_id`` NULL with ``ignored`` set means "not an indicator": never list it again.
    """

    __tablename__ = "manual_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    fact_key: Mapped[str] = mapped_column(String(64), unique=True)
    fact_type: Mapped[str] = mapped_column(String(16))
    label: Mapped[str | None] = mapped_column(Text)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_indicators.id", ondelete="CASCADE"))
    ignored: Mapped[bool] = mapped_column(default=False)
    created_by: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
