"""The building blocks of a report document, between the content (ReportData) and a format.

``outline.build`` turns a ReportData into a list of these; the DOCX and HTML renderers only lay
them out, so the order of sections and the wording live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Title:
    """The document title (小标宋 二号) and the issuer/date line under it."""

    text: str
    subtitle: str | None = None


@dataclass(frozen=True)
class Heading:
    """A numbered heading; ``text`` already carries its marker (一、 （一） 1. （1）)."""

    level: int  # 1..4
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph (仿宋 三号, first line indented two characters)."""

    text: str
    indent: bool = True


@dataclass(frozen=True)
class Table:
    """A table already reduced to printed strings; ``status`` names the column to colour, if any."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    centred: tuple[bool, ...]
    status: int | None = None  # index of the status column
    statuses: tuple[str, ...] = ()  # status code per row, for colouring


@dataclass(frozen=True)
class Figure:
    """A chart (PNG bytes) with its caption under it."""

    png: bytes
    caption: str
    width_cm: float = 13.0


@dataclass(frozen=True)
class AnnexStart:
    """The start of an annex: a new page, its label ("附件", "附件2") at the top left, then its title."""

    label: str
    title: str


Block = Title | Heading | Paragraph | Table | Figure | AnnexStart
