"""Regions: the gazetteer hierarchy, custom regions, imports, and documents linked once a region exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from planwatch.errors import NotFoundError, ValidationError
from planwatch.services import region_edit
from planwatch.services.regions import RegionIndex
from planwatch.store.tables import DocumentRow, IndicatorRow
from tests.conftest import DEMO
from tests.store.conftest import DEMO_REGIONS, Stack, extracted


def index(stack: Stack) -> RegionIndex:
    with stack.db.session() as session:
        return RegionIndex.load(session)


def test_haiyan_lies_in_haibei_in_qinghai(stack: Stack) -> None:
    idx = index(stack)
    haiyan, haibei, qinghai = idx.require("海晏县"), idx.require("海北州"), idx.require("青海省")
    assert (haiyan.code, haibei.code, qinghai.code) == ("632223", "632200", "630000")
    assert [r.code for r in idx.ancestors(haiyan)] == ["632200", "630000"]
    assert idx.contains(haibei, haiyan) and idx.contains(qinghai, haiyan) and not idx.contains(haiyan, haibei)
    assert haiyan in idx.descendants(qinghai)
    assert idx.path(haiyan) == "青海省 › 海北藏族自治州 › 海晏县"


@pytest.mark.parametrize(
    ("name", "context", "code"),
    [
        ("海北藏族自治州", None, "632200"),
        ("乌海市海南区", None, "150303"),
        ("全州", "632200", "632200"),
        ("年末全县", "632223", "632223"),  # a reference inside a longer text
        ("德令哈市", "632800", "632802"),
        ("增长较快", "632223", "632223"),  # no region named: the document's own
    ],
)
def test_observation_regions(stack: Stack, name: str, context: str | None, code: str) -> None:
    idx = index(stack)
    found = idx.resolve_in_text(name, idx.get(context))
    assert found is not None and found.code == code


def test_ambiguous_and_unknown_names(stack: Stack) -> None:
    idx = index(stack)
    with pytest.raises(ValidationError, match="ambiguous"):
        idx.require("鼓楼区")  # four of them: qualify it (南京市鼓楼区) or give the code
    with pytest.raises(NotFoundError, match="planwatch region add"):
        idx.require("白鹭市")


def test_import_demo_regions_and_link_documents(stack: Stack) -> None:
    """GIVEN the 星湖县 plan ingested before its region exists WHEN the regions are imported THEN it is linked."""
    doc = stack.store(extracted(DEMO / "xinghu_plan.txt")).document_id
    with stack.db.session() as session:
        assert session.get(DocumentRow, doc).region_code is None  # type: ignore[union-attr]
    report = region_edit.import_regions(stack.db, DEMO_REGIONS)
    assert [r.name for r in report.added] == ["白鹭市", "星湖县", "云岭县"]
    assert report.documents_linked == 1
    idx = index(stack)
    xinghu, bailu = idx.require("星湖县"), idx.require("白鹭")  # an alias from the file
    assert xinghu.code.startswith("X") and idx.ancestors(xinghu) == [bailu, idx.require("青海省")]
    with stack.db.session() as session:
        assert session.get(DocumentRow, doc).region_code == xinghu.code  # type: ignore[union-attr]
        codes = set(session.scalars(select(IndicatorRow.region_code).where(IndicatorRow.document_id == doc)))
        assert codes == {xinghu.code}
    again = region_edit.import_regions(stack.db, DEMO_REGIONS)
    assert (len(again.added), len(again.unchanged)) == (0, 3)


def test_a_bad_row_imports_nothing(stack: Stack, tmp_path: Path) -> None:
    path = tmp_path / "regions.csv"
    path.write_text("name,level,parent\n青石县,county,白鹭市\n白鹭市,prefecture,青海省\n", "utf-8")
    report = region_edit.import_regions(stack.db, path)
    assert [str(e).split(":")[0] for e in report.errors] == ["regions.csv"]
    assert "regions.csv:2" in str(report.errors[0]) and "白鹭市" in str(report.errors[0])
    assert report.added == []
    with pytest.raises(NotFoundError):
        index(stack).require("白鹭市")  # the good second row was not applied either


def test_region_add(stack: Stack) -> None:
    region, new, _linked = region_edit.add(stack.db, "白鹭市", "prefecture", "青海省")
    assert new and region.parent_code == "630000"
    same, new_again, _ = region_edit.add(stack.db, "白鹭市", "prefecture", "青海省")
    assert same.code == region.code and not new_again
    with pytest.raises(ValidationError, match="level"):
        region_edit.add(stack.db, "青石镇", "town", "白鹭市")
