"""Regions (the gazetteer plus custom places), their aliases, and the key/value meta table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planwatch.store.base import Base, utcnow


class RegionRow(Base):
    """One administrative division: a gazetteer row, or a custom one (``custom``) added by a user."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), index=True)
    short: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("regions.code"), index=True)
    custom: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class RegionAlias(Base):
    """Another name of a region (白鹭 for 白鹭市), looked up before the gazetteer's own forms."""

    __tablename__ = "region_aliases"

    alias: Mapped[str] = mapped_column(String(64), primary_key=True)
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code", ondelete="CASCADE"), index=True)


class Meta(Base):
    """Small facts about the database itself: hashes of the seeded gazetteer and catalogue."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
