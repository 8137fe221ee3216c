"""What the public portal shows: a published mark per document (by logical key, so it holds for every
later version) and per monitored indicator of a region (region code + catalogue code)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base, utcnow


class Publication(Base):
    """One published object. ``object_type`` is document (key: the logical key) or indicator (key:
    ``<region code>|<catalogue code>``). Unpublishing removes the row; the audit log keeps the history."""

    __tablename__ = "publications"
    __table_args__ = (UniqueConstraint("object_type", "object_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    object_type: Mapped[str] = mapped_column(String(16))
    object_key: Mapped[str] = mapped_column(String(512))
    published_by: Mapped[str | None] = mapped_column(String(128))
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
