"""Response shapes of the API, for the OpenAPI document: pages, errors and the main records."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

from planwatch.services.paging import Page

T = TypeVar("T")


class ErrorInfo(BaseModel):
    """What went wrong: a stable code, a message (Chinese first), and details (where, hint, fields)."""

    code: str = Field(examples=["not_found"])
    message: str
    detail: Any = None


class ErrorBody(BaseModel):
    """Every error of the API has this shape."""

    error: ErrorInfo


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in (
        (401, "not signed in"),
        (403, "forbidden or CSRF token missing"),
        (404, "not found"),
        (409, "conflict: someone changed it first (reload, then edit the new version)"),
        (422, "invalid parameters"),
        (500, "internal error"),
    )
}


class PageOut(BaseModel, Generic[T]):
    """One page of a list: ``items``, the ``total`` matching, and where the page starts."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None = None

    @classmethod
    def of(cls, page: Page[Any], items: list[Any] | None = None) -> PageOut[Any]:
        """A page model from a service page (``items``: the items converted)."""
        return cls(items=page.items if items is None else items, total=page.total, limit=page.limit,
                   offset=page.offset, next_offset=page.next_offset)  # fmt: skip


class DocumentOut(BaseModel):
    """A document's description and fact counts."""

    id: int
    title: str
    kind: str
    kind_label: str
    region: str | None
    region_code: str | None
    issuer: str | None
    doc_number: str | None
    published: date | None
    period: str | None
    format: str | None
    version: int
    current: bool
    status: str
    ingested_at: datetime
    is_public: bool
    counts: dict[str, int] = Field(default_factory=dict)
    text: str | None = None


class UploadOut(BaseModel):
    """The outcome of an upload: new, updated, unchanged or failed (with the error)."""

    file: str
    outcome: str
    document_id: int | None
    version: int | None
    error: str | None
    counts: dict[str, int]


class StatusOut(BaseModel):
    """Monitoring verdicts of a region for a year: counts per status and one record per indicator."""

    region: str
    region_code: str
    year: int
    summary: dict[str, int]
    indicators: PageOut[dict[str, Any]]


class HitOut(BaseModel):
    """A search result: the document, the snippet (hits marked), and the first hit's position."""

    document_id: int
    title: str
    kind: str
    region: str | None
    published: date | None
    snippet: str
    highlights: list[list[int]]
    position: int
    url: str


class PublicationIn(BaseModel):
    """Publish (``on``) or withdraw a document (``document_id``) or an indicator (``region`` + ``code``)."""

    on: bool = True
    document_id: int | None = None
    with_indicators: bool = False
    region: str | None = None
    code: str | None = None


class PublicationOut(BaseModel):
    """How many documents and indicators changed."""

    documents: int
    indicators: int
