"""Each reader yields exact text, blocks with spans, and the structure of its format."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from planwatch import parse, read
from planwatch.model.document import BlockKind, Document
from planwatch.parse.boilerplate import Role
from tests.docfactory import make_docx, to_pdf


def _spans_hold(doc: Document) -> None:
    for b in doc.blocks:
        assert doc.text[b.span.start : b.span.end] == b.text
        for c in b.cells:
            assert doc.text[c.span.start : c.span.end] == c.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312"])
def test_txt_encodings_and_crlf(tmp_path: Path, encoding: str) -> None:
    """GIVEN a plan saved in each common encoding with CRLF line ends WHEN read THEN text is the decoded file."""
    body = "第一章 总体要求\r\n到2025年,森林覆盖率达到40%。\r\n"
    f = tmp_path / "plan.txt"
    f.write_bytes(body.encode(encoding))
    doc = read(f)
    assert doc.text == body
    assert [b.text for b in doc.blocks] == ["第一章 总体要求", "到2025年,森林覆盖率达到40%。"]
    assert doc.encoding in ("utf-8", "gb18030")
    _spans_hold(doc)


def test_html_chrome_tables_and_meta_charset(tmp_path: Path) -> None:
    page = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'><title>某县规划</title>"
        "<script>var x = '第一章 不是正文';</script><style>p{}</style></head><body>"
        "<div class='nav'>首页 | 政务公开 | 规划计划</div><div class='breadcrumb'>您现在的位置:首页 > 正文</div>"
        "<h1>某县“十四五”规划纲要</h1><p>第一章 发展基础</p><p>全县经济<br>持续增长。</p>"
        "<table><tr><th>指标</th><th>2025年</th></tr><tr><td>森林覆盖率(%)</td><td>40</td></tr></table>"
        "<div class='share'>分享到: 微信 微博</div><p>[ 打印 ] [ 关闭窗口 ]</p><div class='footer'>主办:某县人民政府</div>"
        "</body></html>"
    )
    f = tmp_path / "page.htm"
    f.write_bytes(page.encode("gb18030"))
    doc = read(f)
    assert "不是正文" not in doc.text and "p{}" not in doc.text
    assert "首页 | 政务公开" not in doc.text and "主办" not in doc.text and "分享到" not in doc.text
    texts = [b.text for b in doc.blocks]
    assert texts[:4] == ["某县“十四五”规划纲要", "第一章 发展基础", "全县经济", "持续增长。"]
    rows = [b for b in doc.blocks if b.kind == BlockKind.TABLE_ROW]
    assert [[c.text for c in r.cells] for r in rows] == [["指标", "2025年"], ["森林覆盖率(%)", "40"]]
    assert doc.blocks[0].kind == BlockKind.HEADING and doc.meta["html_title"] == "某县规划"
    _spans_hold(doc)
    parsed = parse(doc)
    assert parsed.roles[texts.index("[ 打印 ] [ 关闭窗口 ]")] == Role.CHROME


def _numbered(document: docx.document.Document, fmt: str, text: str) -> None:
    """Attach Word automatic numbering (one level, given format, text like '%1、') to the last paragraph."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    lvl = OxmlElement("w:lvl")
    lvl.set(qn("w:ilvl"), "0")
    for tag, val in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        lvl.append(el)
    abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    for p in document.paragraphs[-2:]:
        p_pr = p._p.get_or_add_pPr()
        num_pr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", "0"), ("w:numId", "90")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            num_pr.append(el)
        p_pr.append(num_pr)


def test_docx_styles_numbering_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    make_docx(
        path,
        [("Title", "某县政府工作报告"), ("Heading 1", "过去一年工作回顾"), ("Heading 1", "今年工作安排")],
        tables=[[["指标", "完成"], ["地区生产总值(亿元)", "120"]]],
    )
    document = docx.Document(str(path))
    _numbered(document, "chineseCounting", "%1、")
    document.save(str(path))
    doc = read(path)
    heads = [b for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert [(b.text, b.style) for b in heads] == [
        ("某县政府工作报告", "Title"),
        ("一、过去一年工作回顾", "Heading 1"),
        ("二、今年工作安排", "Heading 1"),
    ]
    rows = [b for b in doc.blocks if b.kind == BlockKind.TABLE_ROW]
    assert [c.text for c in rows[1].cells] == ["地区生产总值(亿元)", "120"]
    _spans_hold(doc)
    assert [h.title for h in parse(doc).outline] == ["过去一年工作回顾", "今年工作安排"]


@pytest.mark.slow
def test_pdf_paragraphs_page_numbers_and_running_heads(tmp_path: Path, soffice: str) -> None:
    """GIVEN a three-page Word file with a running header and page-number footer, exported to PDF by
    LibreOffice WHEN read THEN paragraphs are re-joined, the header/footer lines are gone, pages are kept."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "某县人民政府公报"
    footer = section.footer.paragraphs[0]
    run = footer.add_run()
    for tag, text in (("w:fldChar", None), ("w:instrText", "PAGE"), ("w:fldChar", None)):
        el = OxmlElement(tag)
        if tag == "w:fldChar":
            el.set(
                qn("w:fldCharType"),
                "begin" if text is None and not run._r.findall(qn("w:fldChar")) else "end",
            )
        else:
            el.text = text
        run._r.append(el)
    long_para = "全县上下坚持稳中求进工作总基调,统筹推进经济社会发展和生态环境保护,各项事业取得新的进展。" * 4
    for n in range(1, 25):
        document.add_paragraph(f"第{'一二三四五六七八九十'[n % 10 - 1] if n <= 10 else n}章 第{n}部分内容")
        document.add_paragraph(long_para)
    source = tmp_path / "gazette.docx"
    document.save(str(source))
    doc = read(to_pdf(soffice, source, tmp_path))
    texts = [b.text for b in doc.blocks]
    assert "某县人民政府公报" not in texts
    assert not any(t.strip().isdigit() for t in texts)
    assert texts.count(long_para) == 24  # each paragraph re-joined across its line breaks
    assert doc.meta["pages"] >= 3 and max(b.page or 0 for b in doc.blocks) == doc.meta["pages"]
    _spans_hold(doc)
