"""Bad input gets a clear error naming the file and what to do — never a crash, never lost data."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from planwatch.errors import FileTooLargeError, NoTextLayerError, ReadError, UnsupportedFormatError
from planwatch.ingest.registry import read_path
from planwatch.settings import Settings
from tests.docfactory import make_docx, to_pdf


def test_empty_file(tmp_path: Path) -> None:
    """GIVEN an empty .txt WHEN read THEN 'the file is empty' with the path."""
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(ReadError, match="empty") as exc:
        read_path(f)
    assert str(f) in str(exc.value)
    assert exc.value.hint


def test_whitespace_only_file(tmp_path: Path) -> None:
    f = tmp_path / "blank.txt"
    f.write_bytes(b"  \r\n\t\n")
    with pytest.raises(ReadError, match="empty"):
        read_path(f)


def test_binary_named_txt(tmp_path: Path) -> None:
    f = tmp_path / "photo.txt"
    f.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReadError, match="binary") as exc:
        read_path(f)
    assert "photo.txt" in str(exc.value)


def test_unknown_extension_binary(tmp_path: Path) -> None:
    f = tmp_path / "data.xyz"
    f.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(UnsupportedFormatError, match=r"unknown format '\.xyz'") as exc:
        read_path(f)
    assert ".docx" in (exc.value.hint or "")


def test_unknown_extension_with_text_is_sniffed(tmp_path: Path) -> None:
    """Content sniffing: text under an unknown extension is still read as text."""
    f = tmp_path / "notes.dat"
    f.write_text("第一章 总则\n到2025年,森林覆盖率达到12%。\n", encoding="utf-8")
    doc = read_path(f)
    assert doc.format == "txt"
    assert doc.blocks[0].text == "第一章 总则"


def test_corrupt_docx(tmp_path: Path) -> None:
    f = tmp_path / "broken.docx"
    f.write_bytes(b"PK\x03\x04 this is not really a zip file" * 10)
    with pytest.raises(ReadError, match="damaged") as exc:
        read_path(f)
    assert "save it again" in (exc.value.hint or "")


def test_docx_zip_bomb(tmp_path: Path) -> None:
    """GIVEN a .docx whose entry inflates 1000-fold past the limit WHEN read THEN refused before parsing."""
    f = tmp_path / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\x00" * (8 * 1024 * 1024))
    settings = Settings(max_unzipped_mb=4)
    with pytest.raises(FileTooLargeError, match="inflate") as exc:
        read_path(f, settings)
    assert "zip bomb" in (exc.value.hint or "")
    with pytest.raises(FileTooLargeError, match="inflates"):
        read_path(f, Settings(max_unzipped_mb=100, max_zip_ratio=50))


def test_file_over_size_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("规划" * 400_000, encoding="utf-8")
    with pytest.raises(FileTooLargeError, match="over the limit of 1 MB") as exc:
        read_path(f, Settings(max_file_mb=1))
    assert "PLANWATCH_MAX_FILE_MB" in (exc.value.hint or "")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_gb18030_with_damaged_bytes(tmp_path: Path) -> None:
    """GIVEN a GB18030 file with two invalid bytes in the middle WHEN read THEN decoded with U+FFFD and a
    warning giving the byte offset."""
    good = "第一章 总体要求\n到2025年,地区生产总值年均增长6%左右。\n".encode("gb18030")
    bad = good + b"\xff\xff" + "第二章 发展环境\n".encode("gb18030") * 50
    f = tmp_path / "damaged.txt"
    f.write_bytes(bad)
    doc = read_path(f)
    assert doc.encoding == "gb18030"
    assert "\ufffd" in doc.text
    assert doc.text.startswith("第一章 总体要求")
    assert any(f"byte offset {len(good)}" in w for w in doc.warnings)
    assert doc.text.count("第二章 发展环境") == 50


def test_image_only_pdf(tmp_path: Path) -> None:
    f = tmp_path / "scan.pdf"
    Image.new("RGB", (600, 800), "white").save(f, "PDF")
    with pytest.raises(NoTextLayerError, match="no text layer; OCR is not supported"):
        read_path(f)


@pytest.mark.slow
def test_encrypted_pdf(tmp_path: Path, soffice: str) -> None:
    source = make_docx(tmp_path / "secret.docx", ["第一章 总则", "这是一份加密文件。"])
    plain = to_pdf(soffice, source, tmp_path)
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    f = tmp_path / "locked.pdf"
    with f.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(NoTextLayerError, match="encrypted") as exc:
        read_path(f)
    assert "password" in (exc.value.hint or "")


def test_damaged_pdf(tmp_path: Path) -> None:
    f = tmp_path / "cut.pdf"
    f.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog" + b"\x00" * 10)
    with pytest.raises(ReadError, match="PDF"):
        read_path(f)


def test_utf16_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes("第一章 总则\r\n内容。\r\n".encode("utf-16"))
    doc = read_path(f)
    assert doc.text == "第一章 总则\r\n内容。\r\n"
    assert [b.text for b in doc.blocks] == ["第一章 总则", "内容。"]


def test_pillow_pdf_is_really_a_pdf(tmp_path: Path) -> None:
    """The image-only fixture is a genuine PDF (sanity check of the fixture itself)."""
    buf = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(buf, "PDF")
    assert buf.getvalue().startswith(b"%PDF")
