"""Units of government: one unit per government for every spelling, assignments kept, editable."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planwatch.errors import ValidationError
from planwatch.model.facts import DocumentInfo, Evidence, Facts, Task
from planwatch.services import govunits
from planwatch.services.extracted import Extracted
from planwatch.store.tables import TaskUnit
from tests.store.conftest import Stack


def task(number: str, lead: list[str], responsible: list[str]) -> Task:
    return Task(number=number, title="任务" + number, lead_units=lead, responsible_units=responsible,
                evidence=Evidence(start=0, end=2, quote="任务"))  # fmt: skip


def store_tasks(stack: Stack, region: str, tasks: list[Task], digest: str) -> None:
    info = DocumentInfo(
        kind="task_division", title=f"{region}任务分工方案", region=region, published="2023-05-09"
    )
    stack.store(Extracted(f"{digest}.txt", digest * 64, Facts(document=info, tasks=tasks)))


def test_spellings_of_one_unit_are_one_unit(stack: Stack) -> None:
    """GIVEN tasks naming 市发展改革委, 市发改委, 市发展和改革委员会 and 海东市发展改革委 in a 海东市 document
    WHEN stored THEN 海东市 has one such unit, written four ways, with four assignments."""
    store_tasks(stack, "海东市", [
        task("1", ["市发展改革委"], ["市发改委", "市教育局"]),
        task("2", ["市发展和改革委员会"], ["各县人民政府"]),
        task("3", ["海东市发展改革委"], []),
    ], "a")  # fmt: skip
    units = {u.name: u for u in govunits.list_units(stack.db, "海东市")}
    assert set(units) == {"市发展改革委", "市教育局", "各县人民政府"}
    ndrc = units["市发展改革委"]
    assert sorted(ndrc.aliases) == sorted(
        ["市发展改革委", "市发改委", "市发展和改革委员会", "海东市发展改革委"]
    )
    assert ndrc.tasks == 4 and units["各县人民政府"].collective


def test_the_level_prefix_chooses_the_government(stack: Stack) -> None:
    """GIVEN a 海晏县 document naming 县教育局 and 州教育局 WHEN stored THEN one unit each in 海晏县 and 海北州."""
    store_tasks(stack, "海晏县", [task("1", ["县教育局"], ["州教育局"])], "b")
    assert [u.name for u in govunits.list_units(stack.db, "海晏县")] == ["县教育局"]
    assert [u.name for u in govunits.list_units(stack.db, "海北州")] == ["州教育局"]


def test_alias_and_merge(stack: Stack) -> None:
    store_tasks(stack, "海东市", [task("1", ["市住房建设局"], ["市住建委"])], "c")
    units = {u.name: u for u in govunits.list_units(stack.db, "海东市")}
    keep, other = units["市住房建设局"], units["市住建委"]
    assert govunits.merge_units(stack.db, keep.id, other.id) == "市住房建设局"
    (merged,) = govunits.list_units(stack.db, "海东市")
    assert sorted(merged.aliases) == ["市住建委", "市住房建设局"] and merged.tasks == 2
    assert govunits.add_unit_alias(stack.db, keep.id, "市住房和城乡建设局") == ("市住房建设局", True)
    store_tasks(stack, "海东市", [task("9", ["市住房和城乡建设局"], [])], "d")  # now it folds into the unit
    (again,) = govunits.list_units(stack.db, "海东市")
    assert again.tasks == 3
    with stack.db.session() as session:
        assert len(session.scalars(select(TaskUnit)).all()) == 3


def test_units_of_two_governments_do_not_merge(stack: Stack) -> None:
    store_tasks(stack, "海晏县", [task("1", ["县教育局"], ["州教育局"])], "e")
    county = govunits.list_units(stack.db, "海晏县")[0]
    prefecture = govunits.list_units(stack.db, "海北州")[0]
    with pytest.raises(ValidationError, match="different governments"):
        govunits.merge_units(stack.db, county.id, prefecture.id)
