"""Documents: one row per ingested version of a file, failed ones included."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base, utcnow


class DocumentRow(Base):
    """One version of a document. Current versions have ``superseded_by`` NULL and status ``ok``.

    ``logical_key`` (kind|region|title, or the source path when there is no title) says which rows
    are versions of one document; ``content_hash`` (sha256 of the file) makes ingest idempotent.
    """

    __tablename__ = "documents"
    __table_args__ = (Index("ix_documents_current", "logical_key", "superseded_by"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    logical_key: Mapped[str] = mapped_column(String(512))
    version: Mapped[int] = mapped_column(default=1)
    source_path: Mapped[str] = mapped_column(String(1024), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int | None]
    format: Mapped[str | None] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(32), default="other", index=True)
    title: Mapped[str | None] = mapped_column(Text)
    region_text: Mapped[str | None] = mapped_column(String(128))
    region_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    issuer: Mapped[str | None] = mapped_column(String(256))
    doc_number: Mapped[str | None] = mapped_column(String(128))
    published: Mapped[date | None]
    period_start: Mapped[int | None]
    period_end: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="ok")
    error: Mapped[str | None] = mapped_column(Text)
    warnings: Mapped[list[Any] | None]
    superseded_by: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    ingested_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def current(self) -> bool:
        """Whether this is the version queries use."""
        return self.status == "ok" and self.superseded_by is None
