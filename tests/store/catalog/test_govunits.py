"""Names of units of government: one key for the spellings of one unit."""

from __future__ import annotations

import pytest

from planwatch.catalog.govunits import is_collective, split_level, unit_key


@pytest.mark.parametrize("name", ["市发展改革委", "市发改委", "市发展和改革委员会", " 市 发展改革委 "])
def test_spellings_of_one_unit(name: str) -> None:
    prefix, rest = split_level(name)
    assert prefix == "市"
    assert unit_key(rest) == "发展改革委"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("工业和信息化局", "工信局"),
        ("住房和城乡建设局", "住建局"),
        ("卫生健康委员会", "卫健委"),
        ("文化和旅游局", "文旅局"),
    ],
)
def test_abbreviations(a: str, b: str) -> None:
    assert unit_key(a) == unit_key(b)


def test_different_units_stay_apart() -> None:
    assert unit_key("教育局") != unit_key("财政局")
    assert unit_key("农业农村局") != unit_key("农牧局")


def test_collectives() -> None:
    assert is_collective("各县人民政府")
    assert split_level("各县人民政府") == (None, "各县人民政府")
    assert not is_collective("县人民政府")
