"""The standalone HTML: its text carries the same numbers, and nothing from a document goes in unescaped."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

from planwatch.report import render
from planwatch.report.model import ReportData, Source

from .expect import check_counts_sentence, check_indicator_row


class Cells(HTMLParser):
    """Collects paragraph texts and table rows (cell texts) of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.texts: list[str] = []
        self._cell: list[str] | None = None
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "figcaption"):
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None
        elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "figcaption") and self._text is not None:
            self.texts.append("".join(self._text))
            self._text = None

    def handle_data(self, data: str) -> None:
        for sink in (self._cell, self._text):
            if sink is not None:
                sink.append(data)


def parse(page: bytes) -> Cells:
    cells = Cells()
    cells.feed(page.decode("utf-8"))
    return cells


def test_standalone_page_with_inlined_charts(annual: ReportData) -> None:
    page = render(annual, "html").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert page.count('src="data:image/png;base64,') == 1 + sum(
        1 for r in annual.indicators if r.key and r.series
    )
    assert "http://" not in page and "https://" not in page  # nothing fetched from elsewhere


def test_numbers_equal_the_data(annual: ReportData) -> None:
    page = parse(render(annual, "html"))
    assert page.texts[0] == annual.title
    check_counts_sentence(next(t for t in page.texts if t.startswith("纳入监测的")), annual)
    table = [row for row in page.rows if len(row) == 9 and row[0] != "序号"]
    for cells, row in zip(table, annual.ordered(), strict=True):
        check_indicator_row(cells, row, annual.year)


def test_strings_from_documents_are_escaped(annual: ReportData) -> None:
    """GIVEN an indicator name, a quote and a status crafted as markup WHEN rendered THEN they are text."""
    row = annual.indicators[0]
    evil = dataclasses.replace(
        row,
        name='<script>alert("x")</script>',
        status='x"><img src=y onerror=alert(1)>',
        reasons=("<b>原因</b> & 影响",),
        sources=(Source("<i>标签</i>", "《文件》<a href='j'>", "引文 <script>", "第1行"),),
    )
    data = dataclasses.replace(annual, indicators=(evil, *annual.indicators[1:]), region="星湖<县>")
    page = render(data, "html").decode("utf-8")
    for raw in ("<script>", "<b>", "<i>", "<a href", "<img src=y", "星湖<县>"):
        assert raw not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "status-unknown" in page  # an unknown status code never becomes a class name
