"""Charts: PNG bytes, the same bytes for the same data, no matplotlib state left behind, a clear error
when no Chinese font is installed."""

from __future__ import annotations

import io

import matplotlib
import pytest
from PIL import Image

from planwatch.errors import PlanWatchError
from planwatch.report.charts import CJK_FONTS, pick_cjk_font, status_chart, trajectory_chart
from planwatch.report.model import IndicatorRow, ReportData


def key_row(data: ReportData) -> IndicatorRow:
    return next(r for r in data.indicators if r.key and r.series)


def test_charts_are_png_of_the_expected_size(annual: ReportData) -> None:
    for png in (status_chart(annual.counts()), trajectory_chart(key_row(annual))):
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG"
        assert image.size[0] == 1200  # 6 inches at 200 dpi: sharp at 13 cm in print


def test_same_data_same_bytes(annual: ReportData) -> None:
    assert status_chart(annual.counts()) == status_chart(annual.counts())
    assert trajectory_chart(key_row(annual)) == trajectory_chart(key_row(annual))


def test_different_data_different_chart(annual: ReportData) -> None:
    counts = annual.counts()
    assert status_chart(counts) != status_chart({**counts, "achieved": counts["achieved"] + 1})


def test_no_global_matplotlib_state_changes(annual: ReportData) -> None:
    before = dict(matplotlib.rcParams)
    backend = matplotlib.get_backend()
    trajectory_chart(key_row(annual))
    status_chart(annual.counts())
    assert dict(matplotlib.rcParams) == before
    assert matplotlib.get_backend() == backend


def test_status_colours_are_drawn(annual: ReportData) -> None:
    image = Image.open(io.BytesIO(status_chart(annual.counts()))).convert("RGB")
    colours = {rgb for _, rgb in image.getcolors(maxcolors=1 << 20) or []}
    assert (0x1B, 0x5E, 0x20) in colours and (0xD3, 0x2F, 0x2F) in colours and (0xFF, 0xB3, 0x00) in colours


def test_trajectory_without_actual_values_still_draws(annual: ReportData) -> None:
    row = key_row(annual)
    bare = IndicatorRow(
        **{**row.__dict__, "series": tuple(p.__class__(p.year, p.expected, None) for p in row.series)}
    )
    assert trajectory_chart(bare).startswith(b"\x89PNG")


def test_font_pick_prefers_simplified_chinese() -> None:
    assert pick_cjk_font(["DejaVu Sans", "WenQuanYi Zen Hei", "Noto Sans CJK SC"]) == "Noto Sans CJK SC"
    assert pick_cjk_font(["WenQuanYi Zen Hei"]) == "WenQuanYi Zen Hei"


def test_no_cjk_font_is_a_clear_error() -> None:
    with pytest.raises(PlanWatchError, match="no Chinese font") as error:
        pick_cjk_font(["DejaVu Sans"])
    assert "fonts-noto-cjk" in str(error.value) and CJK_FONTS[0] in str(error.value)
