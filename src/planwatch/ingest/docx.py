"""Word documents: paragraphs with their style and rendered numbering, tables as rows of cells.

Word's automatic numbering (一、 / (一) / 1.) is not part of a paragraph's text; it lives in
numbering.xml. We render it the way Word shows it and prefix it to the paragraph, because to a
reader of the document "一、总体要求" is the heading, numbering included.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph

from planwatch.errors import ReadError
from planwatch.ingest.builder import DocumentBuilder, clean_inline
from planwatch.ingest.guards import check_zip
from planwatch.model.document import BlockKind, Document
from planwatch.settings import Settings

EXTENSIONS = (".docx",)
_DIGITS = "零一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def score(path: Path, head: bytes) -> float:
    """Extension, or a zip whose first entry names a Word part."""
    if path.suffix.lower() in EXTENSIONS:
        return 1.0
    if head.startswith(b"PK\x03\x04") and b"word/" in head[:2000]:
        return 0.7
    return 0.0


def _chinese(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN:
        while n >= v:
            out += s
            n -= v
    return out


def format_counter(n: int, fmt: str) -> str:
    """One level's counter in Word's number format."""
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "japaneseCounting",
        "ideographDigital",
        "chineseLegalSimplified",
    ):
        return _chinese(n)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "ideographTraditional":
        return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10]
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


@dataclass
class _Numbering:
    """Word numbering definitions and the running counters of one document."""

    levels: dict[str, dict[int, tuple[str, str, int]]] = field(
        default_factory=dict
    )  # numId -> ilvl -> (fmt, text, start)
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, document: Any) -> _Numbering:
        out = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return out
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            lv: dict[int, tuple[str, str, int]] = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt_el, text_el, start_el = (
                    lvl.find(qn("w:numFmt")),
                    lvl.find(qn("w:lvlText")),
                    lvl.find(qn("w:start")),
                )
                lv[ilvl] = (
                    fmt_el.get(qn("w:val"), "decimal") if fmt_el is not None else "decimal",
                    text_el.get(qn("w:val"), "") if text_el is not None else "",
                    int(start_el.get(qn("w:val"), "1")) if start_el is not None else 1,
                )
            abstract[an.get(qn("w:abstractNumId"), "")] = lv
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                aid = ref.get(qn("w:val"), "")
                out.abstract_of[num.get(qn("w:numId"), "")] = aid
                out.levels[num.get(qn("w:numId"), "")] = abstract.get(aid, {})
        return out

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        key = self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, [0] * 9)
        fmt, text, start = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""
        label = text
        for k in range(ilvl + 1):
            lf = levels.get(k, ("decimal", "", 1))[0]
            label = label.replace(f"%{k + 1}", format_counter(counts[k] or levels.get(k, ("", "", 1))[2], lf))
        return label


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num: tuple[str, int] | None


def _num_of(ppr: Any) -> tuple[str, int] | None:
    if ppr is None:
        return None
    num_pr = ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num_id, ilvl = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    return num_id.get(qn("w:val"), ""), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0


def _styles(document: Any) -> tuple[dict[str, _Style], str | None]:
    """Paragraph styles by id, read once from styles.xml (python-docx's per-paragraph lookup is slow),
    and the id of the default paragraph style."""
    table: dict[str, _Style] = {}
    default = None
    try:
        root = document.styles.element
    except (KeyError, AttributeError):
        return table, None
    for st in root.findall(qn("w:style")):
        sid = st.get(qn("w:styleId"), "")
        name_el, based = st.find(qn("w:name")), st.find(qn("w:basedOn"))
        table[sid] = _Style(
            BabelFish.internal2ui(name_el.get(qn("w:val"), sid)) if name_el is not None else sid,
            based.get(qn("w:val")) if based is not None else None,
            _num_of(st.find(qn("w:pPr"))),
        )
        if st.get(qn("w:type")) == "paragraph" and st.get(qn("w:default")) in ("1", "true"):
            default = sid
    return table, default


def _paragraph_style(
    p: Any, styles: dict[str, _Style], default: str | None
) -> tuple[str, tuple[str, int] | None]:
    """(style name, numbering): the paragraph's own numbering, else its style chain's."""
    ppr = p.find(qn("w:pPr"))
    sid = default
    if ppr is not None:
        ps = ppr.find(qn("w:pStyle"))
        if ps is not None:
            sid = ps.get(qn("w:val"), default)
    num = _num_of(ppr)
    name = styles[sid].name if sid in styles else (sid or "")
    seen = set()
    while num is None and sid in styles and sid not in seen:
        seen.add(sid)
        num = styles[sid].num
        sid = styles[sid].based_on
    return name, num


def _heading_level(style_name: str) -> int | None:
    name = style_name.lower()
    if name == "title":
        return 0
    for prefix in ("heading ", "标题 "):
        if name.startswith(prefix) and name[len(prefix) :].strip().isdigit():
            return int(name[len(prefix) :])
    return None


def _cell_text(tc: Any) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def read(path: Path, data: bytes, settings: Settings) -> Document:
    """Read body paragraphs and tables in order (headers, footers and comments are not body)."""
    where = str(path)
    check_zip(data, where, settings)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for damaged parts
        raise ReadError(
            f"not a readable Word document ({type(exc).__name__}: {exc})",
            where=where,
            hint="open it in Word/WPS and save it again as .docx",
        ) from exc
    numbering = _Numbering.load(document)
    styles, default_style = _styles(document)
    builder = DocumentBuilder(where, "docx")
    props = document.core_properties
    for key in ("title", "author", "subject"):
        value = getattr(props, key, None)
        if value:
            builder.meta["docx_" + key] = str(value)
    if props.created:
        builder.meta["docx_created"] = props.created.date().isoformat()
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            para = Paragraph(child, document)
            text = clean_inline(para.text)
            style_name, num = _paragraph_style(child, styles, default_style)
            label = numbering.label(*num) if num else ""
            if not text:
                continue
            level = _heading_level(style_name)
            kind = (
                BlockKind.HEADING
                if level is not None
                else (BlockKind.LIST_ITEM if label else BlockKind.PARAGRAPH)
            )
            builder.add(
                label + text if label else text,
                kind,
                style=style_name or None,
                level=level,
                numbering=label or None,
            )
        elif child.tag == qn("w:tbl"):
            idx = builder.new_table()
            for tr in child.iter(qn("w:tr")):
                cells: list[tuple[str, int, int]] = []
                for tc in tr.iterchildren(qn("w:tc")):
                    tcpr = tc.find(qn("w:tcPr"))
                    span = 1
                    if tcpr is not None and tcpr.find(qn("w:gridSpan")) is not None:
                        span = int(tcpr.find(qn("w:gridSpan")).get(qn("w:val"), "1"))
                    cells.append((_cell_text(tc), span, 1))
                builder.add_row(cells, idx)
    doc = builder.build("utf-8")
    if not doc.text.strip():
        raise ReadError("the Word document has no text", where=where, hint="check that it is not only images")
    return doc
