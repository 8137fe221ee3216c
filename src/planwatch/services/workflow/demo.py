"""The demo's supervision data for 星湖县 (``planwatch workflow demo``, run by ``make run``): tasks
completed on time and late, tasks in progress (some past their deadline), a report returned for
rework, one awaiting review, a missing report, milestones (one overdue, one due soon), a supervised
indicator and project, and public comments. Dates are placed relative to today; the step runs once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from planwatch.auth.policy import Principal, Role
from planwatch.errors import NotFoundError, ValidationError
from planwatch.services import users as user_service
from planwatch.services.audit import Actor
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow import feedback, items, milestones, reports, schedule
from planwatch.services.workflow.common import LOCAL, local_date
from planwatch.services.workflow.reports import ReportInput
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import govunits as unit_repo
from planwatch.store.repo import reporting
from planwatch.store.repo import workflow as repo
from planwatch.store.tables import WorkItem
from planwatch.workflow import periods
from planwatch.workflow.periods import PeriodKind

REGION = "星湖县"


@dataclass(frozen=True)
class DemoResult:
    """What the demo step did."""

    created: bool
    reports: int = 0
    milestones: int = 0
    message: str = ""


def _at(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), LOCAL).astimezone(UTC)


def _who(db: Database, username: str, fallback: Role) -> tuple[Principal, Actor]:
    try:
        return user_service.act_as(db, username)
    except (NotFoundError, ValidationError):  # no demo user: act with the role, as the command line
        return Principal(fallback, 0, f"cli:{username}", None, frozenset()), Actor(f"cli:{username}")


def seed(db: Database, settings: Settings, today: date | None = None) -> DemoResult:
    """Seed 星湖县's supervision demo once (nothing when its items already have reports)."""
    today = today or local_date()
    with db.session() as session:
        place = RegionIndex.load(session).resolve(REGION)
        found = repo.items(session, [place.code]) if place else []
        tasks = _by_keyword([i for i in found if i.kind == "task"])
        if not tasks:
            return DemoResult(False, message=f"no tasks of {REGION}: ingest demo/corpus first")
        if repo.reports(session, [i.id for i in found]):
            return DemoResult(False, message=f"{REGION} already has progress reports: demo left as it is")
        leads = repo.assignments(session, [i.id for i in tasks.values()])
        projects = reporting.projects(session, place.code) if place else []
        project = projects[0][0] if projects else None
    admin, admin_actor = _who(db, "admin", Role.ADMIN)
    reviewer, reviewer_actor = _who(db, "reviewer", Role.REVIEWER)
    reporter, reporter_actor = _who(db, "reporter", Role.REPORTER)
    schedule.set_schedule(db, admin, admin_actor, PeriodKind.QUARTERLY.value, region=REGION)
    cur = periods.period_of(PeriodKind.QUARTERLY, today)
    prev = periods.period_of(PeriodKind.QUARTERLY, periods.bounds(cur)[0] - timedelta(days=1))
    prev2 = periods.period_of(PeriodKind.QUARTERLY, periods.bounds(prev)[0] - timedelta(days=1))
    in_time = min(periods.bounds(prev)[1] + timedelta(days=5), today)
    count = 0

    def lead_of(item: WorkItem) -> int:
        return next(a.unit_id for a in leads[item.id] if a.role == "lead")

    def report(item: WorkItem | None, period: str, progress: str, percent: float, text: str, day: date,
               decision: str | None = "approve", comment: str | None = None, mine: bool = False) -> None:  # fmt: skip
        nonlocal count
        if item is None:
            return
        who, actor = (reporter, reporter_actor) if mine else (admin, admin_actor)
        ref = reports.submit(db, settings, who, actor, item.id, lead_of(item), ReportInput(period, progress, percent, text),
                             0, source="demo", at=_at(day))  # fmt: skip
        count += 1
        if decision:
            reports.review(db, reviewer, reviewer_actor, ref.id, decision, comment, ref.version,
                           at=_at(min(day + timedelta(days=3), today), 15))  # fmt: skip

    def finished(item: WorkItem | None, late_days: int, text: str) -> None:
        if item is None or item.deadline is None:
            return
        day = min(item.deadline + timedelta(days=late_days), today)
        report(item, periods.period_of(PeriodKind.QUARTERLY, day), "completed", 100, text, day)

    finished(tasks.get("5A"), -20, "景区创建国家5A级旅游景区通过景观质量评审和综合验收,已正式挂牌。")
    finished(
        tasks.get("福利"), -30, "县社会福利中心建成投用,5个乡镇综合养老服务中心和3个普惠托育机构全部运营。"
    )
    finished(
        tasks.get("学前"), 75, "县城第三幼儿园建成并开园招生,较计划时限推迟两个多月,原因是征地手续延误。"
    )
    finished(tasks.get("文化"), -15, "县文化艺术中心、全民健身中心建成开放,乡镇综合文化站实现全覆盖。")
    finished(tasks.get("湿地"), -10, "星湖湿地保护与修复工程完成退耕还湿和生态补水,湿地面积达到规划要求。")
    for number, percent, text in (("交通", 70, "国道改线工程完成路基工程,县乡公路提级改造完成年度计划的七成。"),
                                  ("水安全", 55, "水库除险加固主体完工,农村供水保障工程进入设备安装阶段。"),
                                  ("县城", 60, "县城老旧小区改造完成12个,地下管网改造完成年度计划的六成。")):  # fmt: skip
        report(tasks.get(number), prev, "in_progress", percent, text, in_time)
    report(tasks.get("低碳"), prev, "in_progress", 65, "完成重点用能单位节能诊断,光伏、风电项目有序推进,碳排放统计核算体系初步建立。",
           in_time, mine=True)  # fmt: skip
    report(tasks.get("清洁能源"), prev, "in_progress", 40, "清洁能源基地一期光伏项目开工建设。", in_time, "return",
           "请补充光伏装机容量、投资完成额等具体数据,并说明并网时间安排。", mine=True)  # fmt: skip
    report(tasks.get("农牧业"), prev, "lagging", 35, "受春季干旱影响,高原特色种养殖基地建设进度滞后,正在调整种植结构。",
           in_time, decision=None)  # fmt: skip
    ms = _milestones(db, admin, admin_actor, tasks, today)
    if "低碳" in tasks:  # the missing report: 县发展改革局 owes 推动绿色低碳转型 from two quarters back
        with db.transaction() as session:
            for a in repo.assignments(session, [tasks["低碳"].id])[tasks["低碳"].id]:
                a.since = periods.bounds(prev2)[0]
    _indicator_and_project(db, settings, admin, admin_actor, reviewer, reviewer_actor, place.code if place else "",
                           project.id if project else None, prev, in_time)  # fmt: skip
    return DemoResult(True, count, ms, f"{REGION}: {count} reports, {ms} milestones")


KEYWORDS = (
    "5A",
    "福利",
    "学前",
    "文化",
    "湿地",
    "交通",
    "水安全",
    "县城",
    "低碳",
    "清洁能源",
    "农牧业",
    "新型基础设施",
)


def _by_keyword(tasks: list[WorkItem]) -> dict[str, WorkItem]:
    """The demo's tasks by a word of their title (the first task whose title has it)."""
    return {k: t for k in KEYWORDS for t in tasks[::-1] if k in t.title}


def _milestones(db: Database, admin: Principal, actor: Actor, tasks: dict[str, WorkItem], today: date) -> int:
    made = 0
    if "清洁能源" in tasks:
        first = milestones.add(
            db, admin, actor, tasks["清洁能源"].id, "完成光伏项目选址和用地预审", today - timedelta(days=150)
        )
        milestones.update(db, admin, actor, first.id, first.version, done_on=today - timedelta(days=160))
        milestones.add(
            db, admin, actor, tasks["清洁能源"].id, "一期光伏项目并网发电", today + timedelta(days=12)
        )
        made += 2
    if "新型基础设施" in tasks:
        milestones.add(
            db, admin, actor, tasks["新型基础设施"].id, "新建5G基站120个", today - timedelta(days=40)
        )
        made += 1
    return made


def _indicator_and_project(db: Database, settings: Settings, admin: Principal, actor: Actor, reviewer: Principal,
                           reviewer_actor: Actor, region_code: str, project_id: int | None, period: str,
                           day: date) -> None:  # fmt: skip
    with db.session() as session:
        units = {u.name: u.id for u in unit_repo.units_of(session, region_code)}
    forestry, ndrc = units.get("县林业和草原局"), units.get("县发展改革局")
    if forestry:
        items.supervise_indicator(db, admin, actor, region_code, "forest_coverage", [forestry])
        for body, ok in (
            ("希望公布各乡镇植树造林的具体面积。", True),
            ("湿地公园周末能否延长开放时间?", False),
        ):
            try:
                cid = feedback.submit(db, settings, "indicator", f"{region_code}|forest_coverage", body, "热心市民",
                                      "203.0.113.7")  # fmt: skip
            except NotFoundError:  # the indicator is not published: no public comments
                break
            if ok:
                feedback.moderate(db, reviewer, reviewer_actor, cid, True)
    if ndrc and project_id:
        item_id = items.supervise_project(db, admin, actor, project_id, [ndrc])
        ref = reports.submit(db, settings, admin, actor, item_id, ndrc,
                             ReportInput(period, "in_progress", 50, "项目完成可行性研究批复,进入初步设计阶段。"), 0,
                             source="demo", at=_at(day))  # fmt: skip
        reports.review(db, reviewer, reviewer_actor, ref.id, "approve", None, ref.version, at=_at(day, 16))
