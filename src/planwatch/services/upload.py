"""Uploading a document through the web: checked (type, size), kept under ``<data_dir>/uploads``,
ingested by the ordinary ingest service, and written to the audit log with its outcome."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator
from pathlib import Path

from planwatch.errors import FileTooLargeError, UnsupportedFormatError, ValidationError
from planwatch.services.audit import Actor, record
from planwatch.services.ingest import IngestResult, ingest
from planwatch.settings import Settings
from planwatch.store.engine import Database

_UNSAFE = re.compile(r"[\x00-\x1f\\/:*?\"<>|]+")


def safe_name(filename: str | None) -> str:
    """The file's own name, without folders or characters a file system or shell would misread."""
    name = unicodedata.normalize("NFC", (filename or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = _UNSAFE.sub("_", name).strip(" .")[:120]
    if not name or "." not in name:
        raise ValidationError("上传的文件需要带扩展名的文件名 (the file needs a name with an extension)")
    return name


def check_type(name: str, settings: Settings) -> str:
    """The extension of an accepted file; UnsupportedFormatError otherwise."""
    ext = name.rsplit(".", 1)[-1].lower()
    if ext not in settings.upload_extensions:
        allowed = ", ".join(sorted(settings.upload_extensions))
        raise UnsupportedFormatError(
            f"不支持的文件类型 .{ext} (unsupported type)", where=name, hint=f"upload one of: {allowed}"
        )
    return ext


async def save(chunks: AsyncIterator[bytes], filename: str | None, settings: Settings) -> Path:
    """Write an upload to the uploads folder, refusing it once it passes the size limit. A file of the
    same name is replaced, so that uploading a revised file makes a new version of its document."""
    name = safe_name(filename)
    check_type(name, settings)
    folder = settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    target, partial = folder / name, folder / (name + ".part")
    size = 0
    try:
        with partial.open("wb") as out:
            async for chunk in chunks:
                size += len(chunk)
                if size > settings.upload_max_bytes:
                    raise FileTooLargeError(
                        f"文件超过 {settings.upload_max_mb:g} MB 上限 (file too large)", where=name,
                        hint="split the file, or ask for PLANWATCH_UPLOAD_MAX_MB to be raised",
                    )  # fmt: skip
                out.write(chunk)
        if size == 0:
            raise ValidationError("上传的文件是空的 (empty file)", where=name)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def ingest_upload(db: Database, settings: Settings, path: Path, actor: Actor) -> IngestResult:
    """Ingest one uploaded file and log the upload with its outcome."""
    result = ingest(db, settings, [path])[0]
    with db.transaction() as session:
        record(session, actor, "upload", "document", result.document_id, None, {
            "file": path.name, "size": path.stat().st_size, "outcome": result.outcome,
            "version": result.version, "error": result.error,
        })  # fmt: skip
    return result
