"""Linking facts to the catalogue: matches, auto entries for plan rows, and manual links that last."""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from planwatch.model.facts import (
    CellValue,
    DocumentInfo,
    Evidence,
    Facts,
    Indicator,
    Observation,
    Target,
    TargetValue,
)
from planwatch.services import catalog, links
from planwatch.services.extracted import Extracted
from planwatch.services.ingest import store_extracted
from planwatch.services.regions import RegionIndex
from planwatch.store.tables import CatalogIndicator, IndicatorRow, ObservationRow
from tests.store.conftest import Stack

REPORT = DocumentInfo(
    kind="work_report", title="黄南藏族自治州政府工作报告", region="黄南藏族自治州", published="2022-03-16"
)


def ev(quote: str) -> Evidence:
    return Evidence(start=0, end=len(quote), quote=quote)


def report(*observations: Observation, text: str = "报告") -> Extracted:
    """A work report of 黄南州 with these observations (the text varies the content hash)."""
    facts = Facts(document=REPORT, observations=list(observations))
    return Extracted("haibei_report.txt", hashlib.sha256(text.encode()).hexdigest(), facts, text, "txt")


GDP = Observation(subject="地区生产总值", region="全州", period="2021", value=92.7, unit="亿元", growth=3.2,
                  evidence=ev("全州完成地区生产总值92.7亿元,增长3.2%"))  # fmt: skip
ODD = Observation(subject="牦牛存栏", region="黄南州", period="2021", value=160.2, unit="万头",
                  evidence=ev("牦牛存栏160.2万头"))  # fmt: skip


def test_observation_linked_to_indicator_and_region(stack: Stack) -> None:
    """GIVEN 黄南州's report with 全州完成地区生产总值92.7亿元 WHEN stored THEN linked to gdp and 632300."""
    stack.store(report(GDP))
    with stack.db.session() as session:
        row, code = session.execute(
            select(ObservationRow, CatalogIndicator.code).join(
                CatalogIndicator, CatalogIndicator.id == ObservationRow.indicator_id
            )
        ).one()
        assert (code, row.region_code, row.year, row.value, row.growth, row.link_method) == (
            "gdp",
            "632300",
            2021,
            92.7,
            3.2,
            "exact",
        )


def test_unmatched_are_listed_and_manual_links_survive_a_new_version(stack: Stack) -> None:
    """GIVEN an observation nothing matches WHEN a person links it and the report is re-ingested changed
    THEN the new version's copy is linked the same way."""
    stack.store(report(GDP, ODD))
    waiting = links.unmatched(stack.db)
    assert [(u.subject, u.value, u.document) for u in waiting] == [
        ("牦牛存栏", 160.2, "黄南藏族自治州政府工作报告")
    ]
    assert waiting[0].quote == "牦牛存栏160.2万头"
    label, entry, changed = links.set_link(stack.db, waiting[0].fact_id, "population", "tester")
    assert (label, entry, changed) == ("牦牛存栏", "常住人口", 1)
    assert links.unmatched(stack.db) == []
    result = stack.store(report(GDP, ODD, text="报告(修订)"))
    assert (result.outcome, result.version) == ("updated", 2)
    with stack.db.session() as session:
        rows = session.scalars(select(ObservationRow).where(ObservationRow.subject == "牦牛存栏")).all()
        assert [(r.document_id, r.link_method) for r in rows] == [(1, "manual"), (2, "manual")]
        assert len({r.indicator_id for r in rows}) == 1


def test_set_aside_with_none(stack: Stack) -> None:
    stack.store(report(ODD))
    (waiting,) = links.unmatched(stack.db)
    label, entry, _ = links.set_link(stack.db, waiting.fact_id, "none", None)
    assert (label, entry) == ("牦牛存栏", None)
    assert links.unmatched(stack.db) == []


def test_every_plan_row_is_in_the_catalogue(stack: Stack) -> None:
    """GIVEN a plan row that matches nothing WHEN stored THEN an auto entry is made and the row linked to it."""
    rows = [
        Indicator(name="森林覆盖率", unit="%", baseline=CellValue(year=2020, value=8.2), target=TargetValue(year=2025, value=8.4),
                  evidence=ev("森林覆盖率")),
        Indicator(name="高原美丽乡村建成率", unit="%", target=TargetValue(year=2025, value=90), evidence=ev("高原美丽乡村建成率")),
        Indicator(name="牦牛存栏增长率", unit="%", target=TargetValue(year=2025, value=3, kind="growth"), evidence=ev("牦牛")),
    ]  # fmt: skip
    info = DocumentInfo(kind="plan", title="海晏县规划", region="海晏县", period=(2021, 2025))
    stack.store(Extracted("plan.txt", "1" * 64, Facts(document=info, indicators=rows)))
    with stack.db.session() as session:
        linked = session.execute(
            select(
                IndicatorRow.name,
                IndicatorRow.link_method,
                CatalogIndicator.code,
                CatalogIndicator.kind,
                CatalogIndicator.source,
            )
            .join(CatalogIndicator, CatalogIndicator.id == IndicatorRow.indicator_id)
            .order_by(IndicatorRow.ordinal)
        ).all()
    assert [(n, m, s, k) for n, m, _c, k, s in linked] == [
        ("森林覆盖率", "exact", "file", "level"),
        ("高原美丽乡村建成率", "auto", "auto", "level"),
        ("牦牛存栏增长率", "auto", "auto", "rate"),
    ]
    assert sorted(e.name for e in catalog.entries(stack.db, auto_only=True)) == [
        "牦牛存栏增长率",
        "高原美丽乡村建成率",
    ]


def test_a_synonym_links_waiting_facts(stack: Stack) -> None:
    target = Target(subject="5G网络覆盖率", value=95, unit="%", year=2025, evidence=ev("5G网络覆盖率达到95%"))
    info = DocumentInfo(kind="plan", title="海晏县规划", region="海晏县", period=(2021, 2025))
    stack.store(Extracted("plan.txt", "2" * 64, Facts(document=info, targets=[target])))
    assert [u.fact_id[0] for u in links.unmatched(stack.db)] == ["T"]
    name, added, relinked = catalog.add_synonym(stack.db, "five_g_user_share", "5G网络覆盖率")
    assert (name, added, relinked) == ("5G用户占比", True, 1)
    assert links.unmatched(stack.db) == []


def test_manual_links_survive_a_forced_re_extraction(stack: Stack) -> None:
    """GIVEN a linked fact WHEN the same bytes are stored again by force (the extractor improved)
    THEN a second version exists and its copy of the fact is linked the same way."""
    stack.store(report(ODD))
    (waiting,) = links.unmatched(stack.db)
    links.set_link(stack.db, waiting.fact_id, "population", None)
    with stack.db.session() as session:
        index = RegionIndex.load(session)
    again = store_extracted(stack.db, index, report(ODD), force=True)
    assert (again.outcome, again.version) == ("updated", 2)
    with stack.db.session() as session:
        methods = session.scalars(select(ObservationRow.link_method).order_by(ObservationRow.id)).all()
    assert methods == ["manual", "manual"]
