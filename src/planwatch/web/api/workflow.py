"""``/workflow`` (督办): supervised items, what is overdue or due soon, and progress reports — read,
submitted, edited and reviewed. Edits name the version they change in ``If-Match`` (the report's
``ETag``); without it the answer is 428, with a stale one 409 (``conflict``), never a lost update."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response
from pydantic import BaseModel, Field

from planwatch.auth.policy import Action, require
from planwatch.errors import PreconditionRequiredError, ValidationError
from planwatch.services.paging import Page
from planwatch.services.workflow import detail, reports, views
from planwatch.services.workflow.board import Entry
from planwatch.services.workflow.detail import ReportView
from planwatch.web.api.schemas import PageOut
from planwatch.web.context import MAX_ID, ApiCtx, PathId

router = APIRouter(prefix="/workflow", tags=["workflow 督办"])
_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')


class ItemOut(BaseModel):
    """A supervised item with its units and status."""

    id: int
    kind: str
    number: str | None
    title: str
    region: str | None
    lead: list[str]
    responsible: list[str]
    deadline: date | None
    deadline_text: str | None
    status: str = Field(description="no_report, not_started, in_progress, completed, lagging")
    status_label: str
    overdue: bool
    latest_period: str | None
    latest_state: str | None
    completed_on: date | None


class EntryOut(BaseModel):
    """Something overdue (days > 0) or due soon."""

    kind: str = Field(description="task, milestone or report")
    item_id: int
    title: str
    detail: str
    units: list[str]
    due: date
    days_overdue: int


class DueOut(BaseModel):
    """What is overdue and what is due within ``days``."""

    today: date
    days: int
    overdue: list[EntryOut]
    due_soon: list[EntryOut]


class AttachmentOut(BaseModel):
    """An attachment (download it from the page link, signed in)."""

    id: int
    filename: str
    size: int
    sha256: str


class ReportOut(BaseModel):
    """A progress report; ``version`` is what ``If-Match`` must name to change it."""

    id: int
    item_id: int
    unit_id: int
    unit: str
    period: str
    period_label: str
    state: str
    progress: str
    percent: float
    narrative: str
    submitted_at: datetime
    submitted_by: str | None
    on_time: bool
    reviewed_by: str | None
    review_comment: str | None
    returns: int
    version: int
    attachments: list[AttachmentOut]


class ReportIn(BaseModel):
    """A new report of a unit for a period."""

    unit_id: int = Field(ge=1, le=MAX_ID)
    period: str = Field(min_length=4, max_length=16, examples=["2026Q3"])
    progress: str = Field(max_length=16, examples=["in_progress"], description="或 未启动/推进中/已完成/滞后")
    percent: float = Field(ge=0, le=100)
    narrative: str = Field(min_length=1, max_length=5000)


class ReportEditIn(BaseModel):
    """A change to a report that is not yet approved."""

    progress: str = Field(max_length=16)
    percent: float = Field(ge=0, le=100)
    narrative: str = Field(min_length=1, max_length=5000)


class ReviewIn(BaseModel):
    """A reviewer's decision."""

    decision: Literal["approve", "return"]
    comment: str | None = Field(default=None, max_length=2000)


def _item(r: views.ItemRow) -> ItemOut:
    return ItemOut(id=r.id, kind=r.kind, number=r.number, title=r.title, region=r.region, lead=list(r.lead),
                   responsible=list(r.responsible), deadline=r.deadline, deadline_text=r.deadline_text,
                   status=r.status, status_label=r.status_label, overdue=r.overdue, latest_period=r.latest_period,
                   latest_state=r.latest_state, completed_on=r.completed_on)  # fmt: skip


def _entry(e: Entry) -> EntryOut:
    return EntryOut(kind=e.kind, item_id=e.item_id, title=e.title, detail=e.detail, units=list(e.units), due=e.due,
                    days_overdue=e.days)  # fmt: skip


def _report(v: ReportView) -> ReportOut:
    return ReportOut(id=v.id, item_id=v.item_id, unit_id=v.unit_id, unit=v.unit, period=v.period,
                     period_label=v.period_label, state=v.state, progress=v.progress, percent=v.percent,
                     narrative=v.narrative, submitted_at=v.submitted_at, submitted_by=v.submitted_by,
                     on_time=v.on_time, reviewed_by=v.reviewed_by, review_comment=v.review_comment,
                     returns=v.returns, version=v.version,
                     attachments=[AttachmentOut(id=a.id, filename=a.filename, size=a.size, sha256=a.sha256)
                                  for a in v.attachments])  # fmt: skip


def _version(if_match: str | None) -> int:
    """The version an edit is based on, from ``If-Match``."""
    if if_match is None:
        raise PreconditionRequiredError("修改需要 If-Match 头(报告的 ETag,即版本号) (If-Match required)",
                                        hint='send If-Match: "<version>" from the report\'s ETag')  # fmt: skip
    m = _ETAG.match(if_match)
    if m is None:
        raise ValidationError(
            f"If-Match {if_match[:40]!r} 不是版本号 (not a version)", hint='send If-Match: "3"'
        )
    return int(m[1])


def _one(ctx: ApiCtx, report_id: int, response: Response) -> ReportOut:
    found = reports.report_by_id(ctx.db, ctx.settings, report_id)
    response.headers["etag"] = f'"{found.version}"'
    return _report(found)


@router.get("/items", response_model=PageOut[ItemOut])
def list_items(
    ctx: ApiCtx, region: Annotated[str | None, Query(max_length=64)] = None,
    unit: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    status: Annotated[str | None, Query(max_length=16)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> PageOut[ItemOut]:  # fmt: skip
    """Supervised items (signed-in users), with their status and whether they are overdue."""
    require(ctx.who, Action.READ_INTERNAL)
    rows = views.overview(ctx.db, ctx.settings, region, unit, status).rows
    page = Page(rows[offset : offset + limit], len(rows), limit, offset)
    return PageOut[ItemOut].of(page, [_item(r) for r in page.items])


@router.get("/items/{item_id}/reports", response_model=list[ReportOut])
def item_reports(item_id: PathId, ctx: ApiCtx) -> list[ReportOut]:
    """Every report on one item (newest period first)."""
    require(ctx.who, Action.READ_INTERNAL)
    return [_report(v) for v in detail.item_detail(ctx.db, ctx.settings, ctx.who, item_id).reports]


@router.get("/due", response_model=DueOut)
def due(
    ctx: ApiCtx, region: Annotated[str | None, Query(max_length=64)] = None,
    unit: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None, days: Annotated[int, Query(ge=0, le=366)] = 14,
) -> DueOut:  # fmt: skip
    """What is overdue and what falls due within ``days`` (task deadlines, milestones, reports owed)."""
    require(ctx.who, Action.READ_INTERNAL)
    v = views.overview(ctx.db, ctx.settings, region, unit, days=days)
    return DueOut(today=v.today, days=v.days, overdue=[_entry(e) for e in v.overdue],
                  due_soon=[_entry(e) for e in v.soon])  # fmt: skip


@router.get("/reports/{report_id}", response_model=ReportOut)
def get_report(report_id: PathId, ctx: ApiCtx, response: Response) -> ReportOut:
    """One report; its ``ETag`` is the version to send in ``If-Match`` when changing it."""
    require(ctx.who, Action.READ_INTERNAL)
    return _one(ctx, report_id, response)


@router.post("/items/{item_id}/reports", response_model=ReportOut, status_code=201)
def create_report(item_id: PathId, body: ReportIn, ctx: ApiCtx, response: Response) -> ReportOut:
    """A unit's report for a period (409 when the period already has one: change that one instead)."""
    data = reports.ReportInput(body.period, body.progress, body.percent, body.narrative)
    ref = reports.submit(
        ctx.db, ctx.settings, ctx.who, ctx.actor, item_id, body.unit_id, data, 0, source="api"
    )
    return _one(ctx, ref.id, response)


@router.put("/reports/{report_id}", response_model=ReportOut)
def edit_report(
    report_id: PathId, body: ReportEditIn, ctx: ApiCtx, response: Response,
    if_match: Annotated[str | None, Header(max_length=64)] = None,
) -> ReportOut:  # fmt: skip
    """Change a submitted or returned report (a returned one is submitted again); ``If-Match`` required."""
    version = _version(if_match)
    found = reports.report_by_id(ctx.db, ctx.settings, report_id)
    data = reports.ReportInput(found.period, body.progress, body.percent, body.narrative)
    ref = reports.submit(ctx.db, ctx.settings, ctx.who, ctx.actor, found.item_id, found.unit_id, data, version,
                         source="api")  # fmt: skip
    return _one(ctx, ref.id, response)


@router.post("/reports/{report_id}/review", response_model=ReportOut)
def review_report(
    report_id: PathId, body: ReviewIn, ctx: ApiCtx, response: Response,
    if_match: Annotated[str | None, Header(max_length=64)] = None,
) -> ReportOut:  # fmt: skip
    """Approve (the period is locked) or return a submitted report (reviewers); ``If-Match`` required."""
    reports.review(ctx.db, ctx.who, ctx.actor, report_id, body.decision, body.comment, _version(if_match))
    return _one(ctx, report_id, response)
