"""HTML pages: encoding from the bytes and the meta tag; paragraphs, headings and tables as blocks.

Scripts, styles, forms and navigation containers are dropped here; finer site chrome (breadcrumbs,
share buttons, related-news lists) is recognised later, line by line, by ``parse.boilerplate``,
so that no body line is lost to an over-eager DOM rule.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import lxml.html
from lxml import etree

from planwatch.errors import ReadError
from planwatch.ingest.builder import DocumentBuilder, clean_inline
from planwatch.ingest.encoding import Decoded, decode_text
from planwatch.model.document import BlockKind, Document

EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"}
_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "head",
    "nav",
    "footer",
    "aside",
    "map",
    "object",
    "embed",
}
_CHROME_TOKENS = {
    "nav",
    "navbar",
    "navigation",
    "menu",
    "mainnav",
    "subnav",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "footer",
    "copyright",
    "share",
    "bdshare",
    "bdsharebuttonbox",
    "toolbar",
    "sidebar",
    "friendlink",
    "topbar",
    "skip",
    "accessibility",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "form",
    "body",
    "html",
    "hr",
    "figure",
    "figcaption",
    "address",
    "caption",
    "tbody",
    "thead",
    "tfoot",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")


def score(path: Path, head: bytes) -> float:
    """Extension first; otherwise an HTML doctype or <html> tag at the start."""
    if path.suffix.lower() in EXTENSIONS:
        return 1.0
    lead = head.lstrip()[:200].lower()
    if lead.startswith((b"<!doctype html", b"<html")) or b"<html" in lead:
        return 0.8
    return 0.0


def decode_html(data: bytes, where: str) -> Decoded:
    """The declared charset when it decodes strictly, else the text-file rules."""
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        enc = "gb18030" if declared in _GB_FAMILY else declared
        try:
            return Decoded(data.decode(enc), enc)
        except (UnicodeDecodeError, LookupError):
            pass
    return decode_text(data, where)


def _elements(el: etree._Element, path: str) -> list[lxml.html.HtmlElement]:
    """Typed XPath for element results."""
    return cast(list[lxml.html.HtmlElement], el.xpath(path))


def _is_chrome(el: etree._Element) -> bool:
    attrs = " ".join(str(el.get(a) or "") for a in ("id", "class", "role")).lower()
    if not attrs:
        return False
    if "navigation" in attrs or attrs.strip() == "banner":
        return True
    return any(tok in _CHROME_TOKENS for tok in _TOKEN_SPLIT.split(attrs) if tok)


def _is_data_table(table: etree._Element) -> bool:
    """Data tables hold short cells and no nested tables; layout tables are walked as containers."""
    if _elements(table, ".//table"):
        return False
    cells = _elements(table, ".//td|.//th")
    if not cells:
        return False
    lengths = [len(clean_inline(c.text_content())) for c in cells]
    return max(lengths) <= 400 and sum(lengths) / len(lengths) <= 120


class _Walker:
    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.buf: list[str] = []

    def flush(
        self, kind: BlockKind = BlockKind.PARAGRAPH, level: int | None = None, style: str | None = None
    ) -> None:
        text = clean_inline("".join(self.buf))
        self.buf.clear()
        if text:
            self.b.add(text, kind, level=level, style=style)

    def table(self, table: etree._Element) -> None:
        idx = self.b.new_table()
        for tr in _elements(table, ".//tr"):
            cells: list[tuple[str, int, int]] = []
            for td in _elements(tr, "./td|./th"):
                cs = int(td.get("colspan") or 1) if str(td.get("colspan") or "1").isdigit() else 1
                rs = int(td.get("rowspan") or 1) if str(td.get("rowspan") or "1").isdigit() else 1
                cells.append((td.text_content(), cs, rs))
            self.b.add_row(cells, idx)

    def walk(self, el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _DROP_TAGS or (tag and _is_chrome(el)):
            if el.tail:
                self.buf.append(el.tail)
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            self.table(el)
            if el.tail:
                self.buf.append(el.tail)
            return
        block = tag in _BLOCK_TAGS or tag in ("td", "th")
        if block:
            self.flush()
        if tag == "br":
            self.flush()
        elif el.text and tag:
            self.buf.append(el.text)
        for child in el:
            if isinstance(child, etree._Comment | etree._ProcessingInstruction):
                if child.tail:
                    self.buf.append(child.tail)
                continue
            self.walk(child)
        if tag in _HEADINGS:
            self.flush(BlockKind.HEADING, level=_HEADINGS[tag], style=tag)
        elif block:
            self.flush()
        if el.tail:
            self.buf.append(el.tail)


def read(path: Path, data: bytes) -> Document:
    """Parse the page into blocks; the title element goes to ``meta['html_title']``."""
    where = str(path)
    if not data.strip():
        raise ReadError("the file is empty", where=where, hint="check that the download finished")
    decoded = decode_html(data, where)
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", decoded.text)
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(
            f"cannot parse the HTML ({exc})", where=where, hint="save the page again from the browser"
        ) from exc
    builder = DocumentBuilder(where, "html")
    builder.warnings.extend(decoded.warnings)
    title = root.findtext(".//title")
    if title:
        builder.meta["html_title"] = clean_inline(title)
    for name in ("ArticleTitle", "PubDate", "ContentSource", "Keywords", "Description"):
        content = cast(str, root.xpath(f"string(//meta[@name='{name}']/@content)"))
        if content:
            builder.meta["meta_" + name] = clean_inline(str(content))
    body = root.find("body")
    walker = _Walker(builder)
    walker.walk(body if body is not None else root)
    walker.flush()
    doc = builder.build(decoded.encoding)
    if not doc.text.strip():
        raise ReadError("the page has no visible text", where=where, hint="save the page after it has loaded")
    return doc
