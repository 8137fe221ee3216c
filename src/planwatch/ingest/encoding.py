"""Decode the bytes of a text file without losing offsets.

Government sites serve UTF-8 and GB18030/GBK/GB2312 (all three decode as gb18030, its superset).
Order: a BOM decides; then strict UTF-8; then strict gb18030; then charset-normalizer's guess.
A file that is nearly valid gb18030 (a few damaged bytes) is decoded with replacement characters
and a warning naming the first bad byte offset — never a crash, never a silently wrong codec.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from planwatch.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of undecodable bytes below which a damaged gb18030 file is still read as gb18030.
_DAMAGE_LIMIT = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec used and any warnings about damaged bytes."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _first_error(data: bytes, encoding: str) -> tuple[int, int]:
    """(offset of the first undecodable byte, number of undecodable sequences)."""
    first, count = -1, 0
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    pos = 0
    while pos < len(data):
        try:
            decoder.decode(data[pos:], final=True)
            break
        except UnicodeDecodeError as exc:
            if first < 0:
                first = pos + exc.start
            count += 1
            pos += exc.end
            decoder.reset()
    return first, count


def looks_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding we read (NUL bytes, control characters)."""
    sample = data[:8192]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls / len(sample) > 0.05


def decode_text(data: bytes, where: str) -> Decoded:
    """Decode a text file's bytes (see the module docstring for the order)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(enc), "utf-8" if enc == "utf-8-sig" else enc)
            except UnicodeDecodeError as exc:
                raise ReadError(
                    f"the file starts with a {enc} byte-order mark but byte {exc.start} is not valid {enc}",
                    where=where,
                    hint="re-save the file as UTF-8",
                ) from exc
    if looks_binary(data):
        raise ReadError(
            "this is a binary file, not text",
            where=where,
            hint="give a .txt/.md file with text, or the document in .html, .docx or .pdf",
        )
    for enc in ("utf-8", "gb18030"):
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError:
            pass
    first, count = _first_error(data, "gb18030")
    if count and count / max(1, len(data)) <= _DAMAGE_LIMIT:
        utf_first, utf_count = _first_error(data, "utf-8")
        enc, first, count = (
            ("utf-8", utf_first, utf_count) if utf_count < count else ("gb18030", first, count)
        )
        warning = (
            f"{where}: {count} undecodable byte sequence(s) in {enc}, the first at byte offset {first}; "
            "replaced with U+FFFD"
        )
        return Decoded(data.decode(enc, errors="replace"), enc, (warning,))
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError("cannot tell the text encoding", where=where, hint="re-save the file as UTF-8")
    return Decoded(str(best), best.encoding)
