"""Line grouping of the PDF reader (PDFium glyph boxes -> lines -> paragraphs) on PDFs made by LibreOffice."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from planwatch import read
from planwatch.ingest import pdf as pdf_reader
from planwatch.ingest.pdf_layout import _Char, _words, page_text
from planwatch.model.document import BlockKind
from tests.docfactory import to_pdf

# Five paragraphs, each written with its own characters, so a line mixing two of them is easy to spot.
_PARAGRAPHS = [
    f"第{n}段。" + "".join(f"{word}{n}号" for word in words) + "。"
    for n, words in enumerate(
        [
            ("森林覆盖", "草原植被", "湿地保护", "水土流失", "荒漠治理") * 3,
            ("工业增加", "制造升级", "能源结构", "园区建设", "技术改造") * 3,
            ("城乡居民", "就业创业", "养老保险", "医疗卫生", "教育质量") * 3,
            ("交通运输", "铁路公路", "航空机场", "物流枢纽", "信息网络") * 3,
            ("财政收入", "金融服务", "招商引资", "营商环境", "市场主体") * 3,
        ],
        start=1,
    )
]
_TABLE = [
    ["指标", "2020年", "2025年"],
    ["森林覆盖率(%)", "35.2", "40"],
    ["地区生产总值(亿元)", "98.7", "130"],
]
_LATIN = " ".join(["the county plan covers forests water roads schools and clinics in every township"] * 6)
_CJK = (
    "全县上下坚持稳中求进工作总基调统筹推进经济社会发展和生态环境保护到2025年森林覆盖率达到40%左右"
    "城镇居民人均可支配收入年均增长6.5%各项事业取得新的进展。"
) * 3


def _document() -> docx.document.Document:
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.font.size = Pt(12)
    return document


@pytest.fixture(scope="module")
def pdfs(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pdf_layout")
    # two columns: a heading, then five paragraphs flowing down the left column and into the right one
    document = _document()
    document.add_paragraph("第一章 总体要求", style="Heading 1")
    for text in _PARAGRAPHS:
        document.add_paragraph(text)
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), "720")
    document.sections[0]._sectPr.append(cols)
    document.save(str(out / "columns.docx"))
    # one column: headings and justified paragraphs, Chinese and Latin
    document = _document()
    document.add_paragraph("第一章 总体要求", style="Heading 1")
    for text in (_CJK, _LATIN):
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.add_paragraph("一、主要目标")
    document.add_paragraph(_CJK).alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.save(str(out / "justified.docx"))
    # a ruled table between two paragraphs
    document = _document()
    document.add_paragraph("表1 主要指标")
    table = document.add_table(rows=len(_TABLE), cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(_TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(_CJK)
    document.save(str(out / "table.docx"))
    return {name: to_pdf(soffice, out / f"{name}.docx", out) for name in ("columns", "justified", "table")}


def _lines(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [ln.text for i in range(len(pdf)) for ln in page_text(pdf[i]).lines]
    finally:
        pdf.close()


@pytest.mark.slow
def test_two_columns_are_not_merged_into_one_line(pdfs: dict[str, Path]) -> None:
    """GIVEN a two-column page WHEN its lines are grouped THEN no line holds text of both columns, and the
    paragraphs come out whole, in reading order, the one split across the columns joined again."""
    lines = _lines(pdfs["columns"])
    marks = [set(re.findall(r"\d号", line)) for line in lines]
    assert all(len(m) <= 1 for m in marks), [ln for ln, m in zip(lines, marks, strict=True) if len(m) > 1]
    doc = read(pdfs["columns"])
    assert [b.text for b in doc.blocks] == ["第一章 总体要求", *_PARAGRAPHS]
    # the layout really is two columns: lines start at two different x positions
    pdf = pdfium.PdfDocument(pdfs["columns"])
    try:
        lefts = {round(ln.x0) for ln in page_text(pdf[0]).lines}
    finally:
        pdf.close()
    assert max(lefts) - min(lefts) > 150


@pytest.mark.slow
def test_justified_paragraphs_are_rejoined_and_headings_stay_blocks(pdfs: dict[str, Path]) -> None:
    """GIVEN justified Chinese and Latin paragraphs under headings WHEN read THEN each paragraph is one
    block, each heading a block of its own; Chinese text gets no spaces between its characters, Latin
    words keep one space between them."""
    lines = _lines(pdfs["justified"])
    assert len(lines) > 10  # the paragraphs really wrap
    doc = read(pdfs["justified"])
    texts = [b.text for b in doc.blocks]
    assert [t.replace(" ", "") for t in texts] == [
        "第一章总体要求",
        _CJK,
        _LATIN.replace(" ", ""),
        "一、主要目标",
        _CJK,
    ]
    assert texts[0] == "第一章 总体要求" and texts[2] == _LATIN
    # no space between two Chinese characters; only a gap over 3 pt between Chinese and Latin text (the
    # CJK/Latin spacing of a stretched line) may read as one, as it did through pdfplumber
    assert not any(
        re.search(r"[\u4e00-\u9fff，。、] +[\u4e00-\u9fff，。、]", t) for t in (texts[1], texts[4])
    )
    assert all(b.page == 1 for b in doc.blocks)


@pytest.mark.slow
def test_ruled_table_pages_go_to_pdfplumber_plain_pages_do_not(
    pdfs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """GIVEN a PDF with a ruled table and one without WHEN read THEN pdfplumber opens only the first; the
    table comes out as rows, its text not repeated as paragraphs."""
    opened: list[object] = []
    real_open = pdf_reader.pdfplumber.open

    def spy(*args: object, **kwargs: object) -> object:
        opened.append(args[0])
        return real_open(*args, **kwargs)

    monkeypatch.setattr(pdf_reader.pdfplumber, "open", spy)
    read(pdfs["justified"])
    assert opened == []
    doc = read(pdfs["table"])
    assert len(opened) == 1
    rows = [[c.text for c in b.cells] for b in doc.blocks if b.kind == BlockKind.TABLE_ROW]
    assert rows == _TABLE
    paragraphs = [b.text for b in doc.blocks if b.kind != BlockKind.TABLE_ROW]
    assert paragraphs == ["表1 主要指标", _CJK]


def _char(text: str, x0: float, idx: int, soft: int = -1, width: float = 6.0) -> _Char:
    return (x0, x0 + width, 100.0, 112.0, text, idx, True, soft)


def test_generated_space_splits_latin_words_only() -> None:
    """GIVEN glyphs 1 pt apart with a PDFium-generated space before some WHEN grouped into words THEN the
    space splits Latin words but never joins into Chinese text; a gap over 3 pt splits anything."""
    latin = [_char("a", 0, 0), _char("b", 7, 2, soft=0), _char("c", 14, 3)]
    assert [w.text for w in _words(latin)] == ["a", "bc"]
    cjk = [_char("规", 0, 0, width=12), _char("划", 13, 2, soft=0, width=12), _char("2", 26, 4, soft=2)]
    assert [w.text for w in _words(cjk)] == ["规划2"]
    wide = [_char("规", 0, 0, width=12), _char("划", 16, 1, width=12)]
    assert [w.text for w in _words(wide)] == ["规", "划"]
    real_space = [_char("x", 0, 0), _char(" ", 6, 1, width=2), _char("y", 8, 2)]
    assert [w.text for w in _words(real_space)] == ["x", "y"]
