"""Text lines of a PDF page from PDFium's glyph boxes.

PDFium (C++, through pypdfium2) parses the page; the grouping of glyphs into words and lines follows
pdfplumber's defaults, so a page reads as it did through pdfplumber:

* glyphs are clustered into lines by their top edge (3 pt tolerance, chained), left to right within
  a line;
* a word ends at a whitespace glyph, a step back, a gap over 3 pt or a jump over 3 pt in height; the
  words of a line are joined by one space.

Coordinates are pdfplumber's: points from the top-left corner of the page's MediaBox, the page's
/Rotate applied, a glyph's box running from its baseline up by its font size and across its advance.

Two things differ on purpose:

* PDFium writes some space glyphs as "generated" spaces and generates others where it sees a gap.
  Where such a space lies right between two glyphs closer than 3 pt, it splits them only if neither
  is Chinese: Latin words keep their spaces, Chinese text gets none between its characters.
* Pieces of text at the same height, more than an em apart and drawn at different places of the
  content stream (the columns of a multi-column page), are not merged into one line. They become
  lines of their own; the stretch of lines sharing their gutter is read in content-stream order,
  column by column, and its lines carry their column's left and right edges for paragraph joining.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby, pairwise
from typing import Any, Final

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]

X_TOLERANCE = 3.0
Y_TOLERANCE = 3.0
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_CJK = re.compile(
    "[\u1100-\u11ff\u2e80-\u2fdf\u3000-\u30ff\u3100-\u31ff\u3200-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_MAX_FORM_DEPTH = 8


@dataclass(frozen=True, slots=True)
class TextLine:
    """A line of text and its box (points, top-down from the top of the page)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    column: tuple[float, float] | None = None  # (left, right) of its column on a multi-column stretch


# A glyph is a plain tuple (the fastest thing to build by the hundred thousand):
# (x0, x1, top, bottom, text, index in PDFium's character list, upright,
#  index of the glyph before the whitespace right before this one in PDFium's list, else -1)
_Char = tuple[float, float, float, float, str, int, bool, int]
_X0: Final = 0
_X1: Final = 1
_TOP: Final = 2
_BOTTOM: Final = 3
_TEXT: Final = 4
_IDX: Final = 5
_UPRIGHT: Final = 6
_SOFT: Final = 7


class _Word:
    __slots__ = ("bottom", "first", "indices", "last", "text", "top", "upright", "x0", "x1")

    def __init__(self, chars: list[_Char]) -> None:
        self.text = "".join([_LIGATURES.get(c[_TEXT], c[_TEXT]) for c in chars])
        self.x0 = min([c[_X0] for c in chars])
        self.x1 = max([c[_X1] for c in chars])
        self.top = min([c[_TOP] for c in chars])
        self.bottom = max([c[_BOTTOM] for c in chars])
        self.upright = chars[0][_UPRIGHT]
        self.indices = [c[_IDX] for c in chars]
        self.first = self.indices[0]
        self.last = self.indices[-1]


@dataclass(frozen=True, slots=True)
class PageText:
    """What the reader needs of a page: its lines, its height, and whether it draws vector paths."""

    lines: list[TextLine]
    height: float
    ruled: bool


class _Transform:
    """PDF user space -> pdfplumber's page space (the MediaBox origin, /Rotate, y down)."""

    def __init__(self, mediabox: tuple[float, float, float, float], rotation: int) -> None:
        x0, y0, x1, y1 = mediabox
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        self.rotation = rotation % 360
        # pdfminer's device matrix for the rotation (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f
        self.m = {
            90: (0.0, -1.0, 1.0, 0.0, -y0, x1),
            180: (-1.0, 0.0, 0.0, -1.0, x1, y1),
            270: (0.0, 1.0, -1.0, 0.0, y1, -x0),
        }.get(self.rotation, (1.0, 0.0, 0.0, 1.0, -x0, -y0))
        self.height = (x1 - x0) if self.rotation in (90, 270) else (y1 - y0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.m
        return a * x + c * y + e, self.height - (b * x + d * y + f)

    def vector(self, x: float, y: float) -> tuple[float, float]:
        """A direction in user space as (dx, dy) in page space with y up."""
        a, b, c, d, _, _ = self.m
        return a * x + c * y, b * x + d * y


def _transform(page: pdfium.PdfPage) -> _Transform:
    box = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    return _Transform(box, page.get_rotation())


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _fast(fn: Any, restype: Any, *argtypes: Any) -> Any:
    """A private prototype of a PDFium function that takes plain addresses and integers: ctypes converts
    these several times faster than pypdfium2's typed pointers. The shared binding stays untouched."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))


_P, _INT, _DOUBLE = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
_count_chars = _fast(pdfium_c.FPDFText_CountChars, _INT, _P)
_unicode = _fast(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, _INT)
_is_generated = _fast(pdfium_c.FPDFText_IsGenerated, _INT, _P, _INT)
_origin = _fast(pdfium_c.FPDFText_GetCharOrigin, _INT, _P, _INT, _P, _P)
_loose_box = _fast(pdfium_c.FPDFText_GetLooseCharBox, _INT, _P, _INT, _P)
_text_object = _fast(pdfium_c.FPDFText_GetTextObject, _P, _P, _INT)
_font_size = _fast(pdfium_c.FPDFText_GetFontSize, _DOUBLE, _P, _INT)
_char_matrix = _fast(pdfium_c.FPDFText_GetMatrix, _INT, _P, _INT, _P)
_count_objects = _fast(pdfium_c.FPDFPage_CountObjects, _INT, _P)
_page_object = _fast(pdfium_c.FPDFPage_GetObject, _P, _P, _INT)
_count_form_objects = _fast(pdfium_c.FPDFFormObj_CountObjects, _INT, _P)
_form_object = _fast(pdfium_c.FPDFFormObj_GetObject, _P, _P, ctypes.c_ulong)
_object_type = _fast(pdfium_c.FPDFPageObj_GetType, _INT, _P)


def _has_paths(page: int, text_objects: set[int]) -> bool:
    """Whether the page draws any path (ruling lines, rectangles, curves), also inside Form XObjects.
    The text objects already met through the page's glyphs need no second look."""
    path, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM

    def scan(objects: Iterator[int], depth: int) -> bool:
        for obj in objects:
            if obj in text_objects:
                continue
            kind = _object_type(obj)
            if kind == path:
                return True
            if kind == form and depth < _MAX_FORM_DEPTH:
                inner = (_form_object(obj, i) for i in range(_count_form_objects(obj)))
                if scan(inner, depth + 1):
                    return True
        return False

    return scan((_page_object(page, i) for i in range(_count_objects(page))), 0)


def _chars(textpage: int, tf: _Transform) -> tuple[list[_Char], set[int]]:
    """The page's glyphs with pdfplumber-style boxes, in PDFium's order (content-stream order), and the
    text objects they come from."""
    n = _count_chars(textpage)
    unicode, is_generated, origin, loose_box = _unicode, _is_generated, _origin, _loose_box
    text_object, char_matrix, font_size = _text_object, _char_matrix, _font_size
    xy = (ctypes.c_double * 2)()
    px, py = ctypes.addressof(xy), ctypes.addressof(xy) + ctypes.sizeof(ctypes.c_double)
    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    pbox = ctypes.addressof(box)
    matrix = (ctypes.c_float * 6)()  # FS_MATRIX: a, b, c, d, e, f
    pmatrix = ctypes.addressof(matrix)
    # per (font size, matrix): (font size on the page, upright, layout): layout 0 = plain horizontal text
    # on an unrotated page, 1 = a horizontal baseline otherwise (skewed italics, /Rotate), 2 = turned text
    styles: dict[tuple[float, ...], tuple[float, bool, int]] = {}
    objects: set[int] = set()
    e, f, height = tf.m[4], tf.m[5], tf.height
    out: list[_Char] = []
    append = out.append
    last = -1  # index of the last glyph that is not whitespace
    soft = -1  # the same when whitespace came since
    prev_obj: int | None = -1
    size, upright, layout = 0.0, True, 0
    for i in range(n):
        code = unicode(textpage, i)
        text = chr(code) if 0 < code < 0x110000 else "\ufffd"
        if text.isspace():
            if text in "\r\n":  # PDFium's line breaks
                continue
            soft = last
            if is_generated(textpage, i) == 1:
                continue
        obj = text_object(textpage, i)
        if obj != prev_obj:  # a new text object: its font size and matrix
            if obj:
                objects.add(obj)
            char_matrix(textpage, i, pmatrix)
            key = (font_size(textpage, i), matrix[0], matrix[1], matrix[2], matrix[3])
            style = styles.get(key)
            if style is None:
                style = styles[key] = _style(key, tf)
            size, upright, layout = style
            prev_obj = obj
        loose_box(textpage, i, pbox)
        origin(textpage, i, px, py)
        if layout == 0:
            x0 = xy[0] + e
            bottom = height - (xy[1] + f)
            x1 = box[2] + e
            append((x0, x1 if x1 > x0 else x0, bottom - size, bottom, text, i, True, soft))
        else:
            left, top, right, low = box
            corners = [tf.point(x, y) for x in (left, right) for y in (low, top)]
            xs = [p[0] for p in corners]
            if layout == 1:  # box from the origin up by the font size, as for plain text
                x0, bottom = tf.point(xy[0], xy[1])
                append((x0, max(x0, *xs), bottom - size, bottom, text, i, upright, soft))
            else:  # the bounding box of PDFium's loose box, turned to page space
                ys = [p[1] for p in corners]
                append((min(xs), max(xs), min(ys), max(ys), text, i, upright, soft))
        if not text.isspace():
            last, soft = i, -1
    return out, objects


def _style(key: tuple[float, ...], tf: _Transform) -> tuple[float, bool, int]:
    """Font size on the page, uprightness (pdfminer's test) and layout kind for a text object's font
    size and matrix (a, b, c, d)."""
    size, a, b, c, d = key
    (xa, xb), (yc, yd) = tf.vector(a, b), tf.vector(c, d)
    upright = xa * yd > 0 and xb * yc <= 0
    if abs(xb) < 1e-6 and xa > 0 and yd > 0:
        layout = 0 if abs(yc) < 1e-6 and tf.rotation == 0 else 1
        return yd * size, True, layout
    return (yc * yc + yd * yd) ** 0.5 * size if upright else (xa * xa + xb * xb) ** 0.5 * size, upright, 2


def _cluster_ids(values: list[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's cluster_list: sorted distinct values, chained while each is within tolerance of the last."""
    ids: dict[float, int] = {}
    cluster, prev = -1, None
    for v in sorted(set(values)):
        if prev is None or v > prev + tolerance:
            cluster += 1
        ids[v] = cluster
        prev = v
    return ids


def _cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _words(chars: list[_Char]) -> Iterator[_Word]:
    """pdfplumber's WordExtractor (default settings), plus the generated-space rule for Latin text."""
    for upright, run in groupby(chars, key=lambda c: c[_UPRIGHT]):
        group = list(run)
        if upright:  # lines: chained clusters of tops; left to right within a line
            ids = _cluster_ids([c[_TOP] for c in group], Y_TOLERANCE)
            group.sort(key=lambda c: (ids[c[_TOP]], c[_X0]))
            lines = groupby(group, key=lambda c: ids[c[_TOP]])
        else:  # turned text: columns of x0, top to bottom
            ids = _cluster_ids([c[_X0] for c in group], X_TOLERANCE)
            group.sort(key=lambda c: (ids[c[_X0]], c[_TOP], c[_BOTTOM]))
            lines = groupby(group, key=lambda c: ids[c[_X0]])
        for _, line in lines:
            word: list[_Char] = []
            p: _Char | None = None
            for c in line:
                if c[_TEXT].isspace():
                    if word:
                        yield _Word(word)
                    word, p = [], None
                    continue
                if p is not None:
                    if upright:
                        new = (
                            c[_X0] < p[_X0]
                            or c[_X0] > p[_X1] + X_TOLERANCE
                            or abs(c[_TOP] - p[_TOP]) > Y_TOLERANCE
                        )
                    else:
                        new = (
                            c[_TOP] < p[_TOP]
                            or c[_TOP] > p[_BOTTOM] + Y_TOLERANCE
                            or abs(c[_X0] - p[_X0]) > X_TOLERANCE
                        )
                    if not new and c[_SOFT] == p[_IDX]:
                        # PDFium saw a space right between them where pdfplumber saw too narrow a gap: a
                        # word space in Latin text, justification or CJK/Latin spacing at Chinese text
                        new = not (_cjk(p[_TEXT][-1:]) or _cjk(c[_TEXT][:1]))
                    if new:
                        yield _Word(word)
                        word = []
                word.append(c)
                p = c
            if word:
                yield _Word(word)


def _split(rows: list[list[_Word]]) -> list[list[list[_Word]]]:
    """Cut lines where a wide gap separates pieces drawn apart in the content stream (columns)."""
    row_of: dict[int, int] | None = None
    out = []
    for r, row in enumerate(rows):
        pieces = [[row[0]]]
        for a, b in pairwise(row):
            if a.upright and b.upright and b.x0 - a.x1 > max(a.bottom - a.top, b.bottom - b.top, X_TOLERANCE):
                if row_of is None:
                    row_of = {i: k for k, line in enumerate(rows) for w in line for i in w.indices}
                lo, hi = sorted((a.last, b.first))
                if any(row_of.get(i, r) != r for i in range(lo + 1, hi)):  # other lines' glyphs in between
                    pieces.append([b])
                    continue
            pieces[-1].append(b)
        out.append(pieces)
    return out


def _line(words: list[_Word], column: tuple[float, float] | None) -> TextLine:
    return TextLine(
        " ".join(w.text for w in words),
        min(w.x0 for w in words),
        max(w.x1 for w in words),
        min(w.top for w in words),
        max(w.bottom for w in words),
        column,
    )


def _narrow(gutter: tuple[float, float], row: list[list[_Word]]) -> tuple[float, float] | None:
    """The widest part of the gutter the row's pieces leave free, if at least X_TOLERANCE wide."""
    free = [gutter]
    for piece in row:
        p0, p1 = piece[0].x0, max(w.x1 for w in piece)
        kept = []
        for f0, f1 in free:
            if p1 <= f0 or p0 >= f1:
                kept.append((f0, f1))
                continue
            if p0 > f0:
                kept.append((f0, p0))
            if p1 < f1:
                kept.append((p1, f1))
        free = kept
    widest = max(free, key=lambda f: f[1] - f[0], default=None)
    return widest if widest is not None and widest[1] - widest[0] >= X_TOLERANCE else None


def _order(rows: list[list[list[_Word]]]) -> list[tuple[list[_Word], tuple[float, float] | None]]:
    """Reading order: rows top-down, except that a band of rows sharing a gutter (a vertical strip no
    text crosses, found from a line cut in _split) is read in content-stream order, column by column."""
    if all(len(r) == 1 for r in rows):
        return [(r[0], None) for r in rows]
    band_of: list[int | None] = [None] * len(rows)
    bands: list[tuple[list[int], list[tuple[float, float]]]] = []
    for s, row in enumerate(rows):
        if len(row) < 2 or band_of[s] is not None:
            continue
        seed = [(a[-1].x1, b[0].x0) for a, b in pairwise(row)]
        members = [s]
        for step in (-1, 1):
            gutters = seed
            r = s + step
            while 0 <= r < len(rows) and band_of[r] is None:
                narrowed = [_narrow(g, rows[r]) for g in gutters]
                if any(g is None for g in narrowed):
                    break
                gutters = [g for g in narrowed if g is not None]
                members.append(r)
                r += step
        members.sort()
        gutters = seed
        for r in members:
            gutters = [g for g in (_narrow(g, rows[r]) for g in gutters) if g is not None]
        for r in members:
            band_of[r] = len(bands)
        bands.append((members, gutters))
    out: list[tuple[list[_Word], tuple[float, float] | None]] = []
    done: set[int] = set()
    for r, row in enumerate(rows):
        band = band_of[r]
        if band is None:
            out.extend((p, None) for p in row)
        elif band not in done:
            done.add(band)
            members, gutters = bands[band]
            pieces = sorted((p for i in members for p in rows[i]), key=lambda p: min(w.first for w in p))
            column = [sum(1 for g in gutters if g[1] <= p[0].x0) for p in pieces]
            bounds = {}
            for k in set(column):
                mine = [p for p, c in zip(pieces, column, strict=True) if c == k]
                ends = sorted(max(w.x1 for w in p) for p in mine)
                bounds[k] = (min(p[0].x0 for p in mine), ends[int(len(ends) * 0.9)])
            out.extend((p, bounds[c]) for p, c in zip(pieces, column, strict=True))
    return out


def page_text(page: pdfium.PdfPage) -> PageText:
    """A page's text lines in reading order, its height, and whether it draws vector paths."""
    tf = _transform(page)
    textpage = page.get_textpage()
    try:
        chars, text_objects = _chars(_address(textpage.raw), tf)
    finally:
        textpage.close()
    ruled = _has_paths(_address(page.raw), text_objects)
    if not chars:
        return PageText([], tf.height, ruled)
    words = list(_words(chars))
    # pdfplumber's text map: consecutive words whose tops fall in one cluster form a line
    ids = _cluster_ids([w.top for w in words], Y_TOLERANCE)
    rows = [list(g) for _, g in groupby(words, key=lambda w: ids[w.top])]
    lines = [_line(p, column) for p, column in _order(_split(rows))]
    return PageText(lines, tf.height, ruled)
