"""The catalogue file: every entry valid, codes unique, rates linked to levels, bad files refused clearly."""

from __future__ import annotations

import pytest

from planwatch.catalog import load_catalogue, parse_catalogue
from planwatch.errors import ValidationError
from planwatch.normalize.units import dimension_of


def test_packaged_catalogue() -> None:
    entries, digest = load_catalogue()
    assert 60 <= len(entries) <= 120
    assert len(digest) == 64
    codes = {e.code: e for e in entries}
    assert codes["gdp_growth"].rate_of == "gdp"
    assert codes["surveyed_unemployment"].direction == "lower"
    for e in entries:
        if e.unit and dimension_of(e.unit):
            assert e.dimension == dimension_of(e.unit), e.code


def test_extra_file_overrides_and_adds(tmp_path: object) -> None:
    from pathlib import Path

    extra = Path(str(tmp_path)) / "local.toml"
    extra.write_text('[[indicator]]\ncode = "gdp"\nname = "地区生产总值"\nunit = "万元"\n\n'
                     '[[indicator]]\ncode = "local_1"\nname = "高原美丽乡村数"\nunit = "个"\n', "utf-8")  # fmt: skip
    entries, _ = load_catalogue(extra=extra)
    codes = {e.code: e for e in entries}
    assert codes["gdp"].unit == "万元"
    assert codes["local_1"].dimension == "count"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[indicator]]\nname = "x"\n', "missing code"),
        (
            '[[indicator]]\ncode = "a"\nname = "x"\n[[indicator]]\ncode = "a"\nname = "y"\n',
            "duplicate codes a",
        ),
        (
            '[[indicator]]\ncode = "a"\nname = "x"\nunit = "亿元"\ndimension = "percent"\n',
            "unit 亿元 is money",
        ),
        ('[[indicator]]\ncode = "a"\nname = "x"\ndirection = "up"\n', "direction must be"),
        ("[[indicator\n", "not valid TOML"),
    ],
)
def test_bad_catalogue(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_catalogue(text, "bad.toml")
