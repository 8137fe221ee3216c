"""Attachments of progress reports: checked (type and size from the settings), kept under
``<data_dir>/attachments`` by their sha256, and served only to those allowed to read the report's unit
(checking the checksum again on the way out)."""

from __future__ import annotations

import hashlib
import mimetypes
import os
import secrets
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path

from planwatch.auth.policy import Action, Principal, require
from planwatch.errors import (
    FileTooLargeError,
    NotFoundError,
    PlanWatchError,
    UnsupportedFormatError,
    ValidationError,
)
from planwatch.services.upload import safe_name
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.tables import Attachment, ProgressReport


@dataclass(frozen=True)
class Incoming:
    """A received file, waiting in the attachments folder's ``tmp`` until its report is stored."""

    filename: str
    path: Path
    size: int
    sha256: str
    media_type: str

    def discard(self) -> None:
        """Remove the waiting file (the report was not stored)."""
        self.path.unlink(missing_ok=True)


def check_name(filename: str | None, settings: Settings) -> str:
    """A safe file name with an accepted extension."""
    name = safe_name(filename)
    ext = name.rsplit(".", 1)[-1].lower()
    if ext not in settings.attachment_extensions:
        allowed = "、".join(sorted(settings.attachment_extensions))
        raise UnsupportedFormatError(f"附件类型 .{ext} 不在允许范围内 (attachment type not allowed)", where=name,
                                     hint=f"可上传:{allowed}")  # fmt: skip
    return name


async def receive(chunks: AsyncIterator[bytes], filename: str | None, settings: Settings) -> Incoming:
    """Stream an upload to a waiting file, refusing it past the size limit."""
    name = check_name(filename, settings)
    folder = settings.attachments_dir / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / secrets.token_hex(16)
    digest, size = hashlib.sha256(), 0
    try:
        with path.open("wb") as out:
            async for chunk in chunks:
                size += len(chunk)
                if size > settings.attachment_max_bytes:
                    raise _too_large(name, settings)
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise ValidationError("附件是空文件 (empty attachment)", where=name)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Incoming(name, path, size, digest.hexdigest(), _media_type(name))


def from_bytes(filename: str, data: bytes, settings: Settings) -> Incoming:
    """A waiting file from bytes in memory (commands, imports, tests)."""
    name = check_name(filename, settings)
    if len(data) > settings.attachment_max_bytes:
        raise _too_large(name, settings)
    if not data:
        raise ValidationError("附件是空文件 (empty attachment)", where=name)
    folder = settings.attachments_dir / "tmp"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / secrets.token_hex(16)
    path.write_bytes(data)
    return Incoming(name, path, len(data), hashlib.sha256(data).hexdigest(), _media_type(name))


def _too_large(name: str, settings: Settings) -> FileTooLargeError:
    return FileTooLargeError(f"附件超过 {settings.attachment_max_mb:g} MB 上限 (attachment too large)", where=name,
                             hint="压缩或拆分后再上传")  # fmt: skip


def _media_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def keep(files: Iterable[Incoming], settings: Settings) -> list[str]:
    """Move waiting files to their place (``attachments/ab/abcdef…``); their paths, relative to the data dir."""
    out = []
    for f in files:
        rel = f"attachments/{f.sha256[:2]}/{f.sha256}"
        target = settings.data_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            f.discard()  # the same bytes are kept once
        else:
            os.replace(f.path, target)
        out.append(rel)
    return out


@dataclass(frozen=True)
class Download:
    """A file to send."""

    path: Path
    filename: str
    media_type: str
    size: int


def open_attachment(db: Database, settings: Settings, who: Principal, attachment_id: int) -> Download:
    """An attachment for someone allowed to read its report's unit, after checking its checksum."""
    with db.session() as session:
        found = session.get(Attachment, attachment_id)
        report = session.get(ProgressReport, found.report_id) if found else None
        if found is None or report is None:
            raise NotFoundError(f"附件 {attachment_id} 不存在 (no attachment {attachment_id})")
        require(who, Action.READ_ATTACHMENT, report.unit_id)
    path = settings.data_dir / found.path
    if not path.is_file():
        raise NotFoundError(
            f"附件文件缺失:{found.filename} (file missing)", hint="restore the data directory"
        )
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    if digest.hexdigest() != found.sha256:
        raise PlanWatchError(f"附件校验失败:{found.filename} 的 sha256 与入库时不同 (checksum mismatch)",
                             hint="the stored file was changed; restore it from a backup")  # fmt: skip
    return Download(path, found.filename, found.media_type, found.size)
