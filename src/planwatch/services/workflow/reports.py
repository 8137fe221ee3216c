"""Progress reports (进展报送): a unit submits per period, a reviewer approves or returns.

Rules: only a unit's own reporters (and administrators) report for it, only on items the unit is
assigned to, only for periods that have begun; an edit names the version it changes (409 when someone
was first); an approved report is locked; a returned one is edited and submitted again. Every step is a
numbered revision (the whole history stays) and an audit event, in the transaction of the change.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from planwatch.auth.policy import Action, Principal, require
from planwatch.errors import ConflictError, LockedError, NotFoundError, ValidationError
from planwatch.services.audit import Actor, record
from planwatch.services.workflow import attachments as files_service
from planwatch.services.workflow.attachments import Incoming
from planwatch.services.workflow.common import check_version, local_date, now, write
from planwatch.services.workflow.detail import ReportView, report_view
from planwatch.services.workflow.schedule import Schedules
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import Attachment, ProgressReport, ReportRevision, WorkItem
from planwatch.workflow import periods
from planwatch.workflow.states import Progress, ReportState, check_percent, parse_progress

MAX_NARRATIVE = 5000
DECISIONS = {"approve": ReportState.APPROVED, "return": ReportState.RETURNED}


@dataclass(frozen=True)
class ReportInput:
    """What a unit reports: the period, how the work stands, how far, and in words."""

    period: str
    progress: str  # a Progress code or its label (推进中)
    percent: float | str
    narrative: str

    def checked(self) -> tuple[str, Progress, float, str]:
        """The validated values; ValidationError names the field."""
        narrative = (self.narrative or "").strip()
        if not narrative:
            raise ValidationError(
                "请填写进展情况 (narrative is empty)", hint="简要说明本期完成了什么、下一步安排"
            )
        if len(narrative) > MAX_NARRATIVE:
            raise ValidationError(f"进展情况不超过 {MAX_NARRATIVE} 字 (narrative too long)")
        progress = parse_progress(self.progress)
        percent = check_percent(self.percent)
        if progress is Progress.COMPLETED and percent < 100:
            raise ValidationError("状态为已完成时,完成比例应为 100 (completed needs 100%)")
        return periods.parse(self.period), progress, percent, narrative


@dataclass(frozen=True)
class ReportRef:
    """Which report, at which version, in which state."""

    id: int
    version: int
    state: str


def _state(r: ProgressReport, attachment_ids: list[int] | None = None) -> dict[str, object]:
    state: dict[str, object] = {"item": r.item_id, "unit": r.unit_id, "period": r.period, "state": r.state,
                                "progress": r.progress, "percent": r.percent, "narrative": r.narrative,
                                "version": r.version}  # fmt: skip
    if attachment_ids is not None:
        state["attachments"] = attachment_ids
    return state


def _revision(session: Session, r: ProgressReport, action: str, actor: Actor, at: datetime,
              comment: str | None = None) -> None:  # fmt: skip
    """Keep this version of the report (the caller has numbered it in ``r.revision``)."""
    ids = [a.id for a in repo.attachments(session, [r.id])[r.id]]
    session.add(ReportRevision(report_id=r.id, number=r.revision, action=action, state=r.state,
                               progress=r.progress, percent=r.percent, narrative=r.narrative, comment=comment,
                               attachments=ids, actor=actor.name, actor_id=actor.id, at=at))  # fmt: skip


def submit(
    db: Database, settings: Settings, who: Principal, actor: Actor, item_id: int, unit_id: int,
    data: ReportInput, version: int, files: Sequence[Incoming] = (), *, source: str = "web",
    at: datetime | None = None,
) -> ReportRef:  # fmt: skip
    """Submit a unit's report for a period (``version`` 0: a new report), or change the one it has."""
    try:
        with write(db) as session:
            report = submit_in(session, settings, who, actor, item_id, unit_id, data, version, files,
                               source=source, at=at)  # fmt: skip
            session.flush()
            ref = ReportRef(report.id, report.version, report.state)
    except BaseException:
        for f in files:
            f.discard()
        raise
    return ref


def submit_in(
    session: Session, settings: Settings, who: Principal, actor: Actor, item_id: int, unit_id: int,
    data: ReportInput, version: int, files: Sequence[Incoming] = (), *, source: str = "web",
    at: datetime | None = None,
) -> ProgressReport:  # fmt: skip
    """``submit`` inside the caller's transaction (the ledger import applies many rows in one)."""
    require(who, Action.REPORT_PROGRESS, unit_id)
    at = at or now()
    period, progress, percent, narrative = data.checked()
    item = session.get(WorkItem, item_id)
    if item is None or not item.active:
        raise NotFoundError(f"督办事项 {item_id} 不存在 (no work item {item_id})", hint="see /supervision")
    assigned = [a for a in repo.assignments(session, [item.id])[item.id] if a.unit_id == unit_id]
    if not assigned:
        raise ValidationError("该单位没有承担这项任务,不能为它报送 (the unit is not assigned to this item)",
                              hint="ask an administrator to assign the unit")  # fmt: skip
    if periods.bounds(period)[0] > local_date(at):
        raise ValidationError(f"{periods.label(period)} 尚未开始,不能提前报送 (period has not begun)")
    report = repo.report_for(session, item.id, unit_id, period)
    if report is None:
        _check_kind(session, settings, item, period)
        if version:
            raise ConflictError("该报告已不存在,请刷新页面 (the report you edited is gone: reload)")
        report = ProgressReport(item_id=item.id, unit_id=unit_id, period=period, state=ReportState.SUBMITTED.value,
                                progress=progress.value, percent=percent, narrative=narrative, source=source,
                                first_submitted_at=at, submitted_at=at, submitted_by=actor.name,
                                submitted_by_id=actor.id, revision=1)  # fmt: skip
        session.add(report)
        session.flush()
        action, before = "submit", None
    else:
        if not version:
            raise ConflictError(
                f"{periods.label(period)}的报告已由 {report.submitted_by or '他人'} 提交,请刷新页面在其基础上修改",
                hint="reload the page",
            )  # fmt: skip
        check_version(report.version, version, "进展报告")
        if not ReportState(report.state).editable:
            raise LockedError(f"{periods.label(period)}的报告已审核通过并锁定,不能再修改;请在下一报送期报送",
                              hint="report the next period instead")  # fmt: skip
        before = _state(report, [a.id for a in repo.attachments(session, [report.id])[report.id]])
        action = "resubmit" if report.state == ReportState.RETURNED.value else "edit"
        report.state, report.progress, report.percent, report.narrative = (
            ReportState.SUBMITTED.value, progress.value, percent, narrative)  # fmt: skip
        report.submitted_at, report.submitted_by, report.submitted_by_id = at, actor.name, actor.id
        report.source, report.revision = source, report.revision + 1
    _attach(session, settings, report, files, actor, at)
    _revision(session, report, "import" if source == "ledger" else action, actor, at)
    session.flush()
    ids = [a.id for a in repo.attachments(session, [report.id])[report.id]]
    record(session, actor, f"report_{action}", "report", report.id, before, _state(report, ids),
           note=f"{item.title[:60]} · {periods.label(period)}")  # fmt: skip
    return report


def _check_kind(session: Session, settings: Settings, item: WorkItem, period: str) -> None:
    kind = Schedules.load(session, settings).kind(item)
    if periods.kind_of(period) is not kind:
        example = periods.period_of(kind, local_date())
        raise ValidationError(f"本事项按{kind.label}报送,报送期应为{kind.label}(如 {example}、{periods.label(example)})",
                              hint=f"use a {kind.value} period such as {example}")  # fmt: skip


def _attach(session: Session, settings: Settings, report: ProgressReport, files: Sequence[Incoming],
            actor: Actor, at: datetime) -> None:  # fmt: skip
    if not files:
        return
    for f, rel in zip(files, files_service.keep(files, settings), strict=True):
        session.add(Attachment(report_id=report.id, revision=report.revision, filename=f.filename,
                               media_type=f.media_type, size=f.size, sha256=f.sha256, path=rel,
                               uploaded_by=actor.name, uploaded_at=at))  # fmt: skip
    session.flush()


def review(
    db: Database, who: Principal, actor: Actor, report_id: int, decision: str, comment: str | None,
    version: int | None, *, at: datetime | None = None,
) -> ReportRef:  # fmt: skip
    """Approve a submitted report (the period is locked) or return it with comments."""
    require(who, Action.REVIEW_REPORT)
    if decision not in DECISIONS:
        raise ValidationError(f"unknown decision {decision!r}", hint="approve or return")
    comment = (comment or "").strip() or None
    if decision == "return" and not comment:
        raise ValidationError(
            "退回时请填写审核意见 (a return needs comments)", hint="写明需要补充或修改的内容"
        )
    at = at or now()
    with write(db) as session:
        report = session.get(ProgressReport, report_id)
        if report is None:
            raise NotFoundError(f"进展报告 {report_id} 不存在 (no report {report_id})")
        check_version(report.version, version, "进展报告")
        if report.state != ReportState.SUBMITTED.value:
            raise ConflictError(f"该报告{ReportState(report.state).label},只有待审核的报告可以审核 (not awaiting review)",
                                hint="reload the page")  # fmt: skip
        before = _state(report)
        report.state = DECISIONS[decision].value
        report.reviewed_at, report.reviewed_by, report.review_comment = at, actor.name, comment
        report.revision += 1
        if decision == "return":
            report.returns += 1
        else:
            _complete(session, report)
        _revision(session, report, decision, actor, at, comment)
        session.flush()
        record(session, actor, f"report_{decision}", "report", report.id, before, _state(report),
               note=comment)  # fmt: skip
        return ReportRef(report.id, report.version, report.state)


def _complete(session: Session, report: ProgressReport) -> None:
    """An approved 已完成 report of a lead unit completes its item (on the day it was reported)."""
    if report.progress != Progress.COMPLETED.value:
        return
    lead = any(a.unit_id == report.unit_id and a.role == "lead"
               for a in repo.assignments(session, [report.item_id])[report.item_id])  # fmt: skip
    item = session.get(WorkItem, report.item_id)
    if lead and item is not None and item.completed_on is None:
        item.completed_on = local_date(report.submitted_at)


def report_by_id(db: Database, settings: Settings, report_id: int) -> ReportView:
    """One report with its history and attachments."""
    with db.session() as session:
        r = session.get(ProgressReport, report_id)
        if r is None:
            raise NotFoundError(f"进展报告 {report_id} 不存在 (no report {report_id})")
        unit = repo.units(session, [r.unit_id]).get(r.unit_id)
        return report_view(r, unit, settings.report_grace_days, repo.attachments(session, [r.id])[r.id],
                           repo.revisions(session, [r.id])[r.id])  # fmt: skip
