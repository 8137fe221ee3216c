"""Checks that run before any parser touches a file: existence, size, archive inflation."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from planwatch.errors import FileTooLargeError, ReadError
from planwatch.settings import Settings


def check_file(path: Path, settings: Settings) -> int:
    """Refuse missing, unreadable or oversized files; return the size in bytes."""
    where = str(path)
    if not path.exists():
        raise ReadError("no such file", where=where, hint="check the path")
    if not path.is_file():
        raise ReadError("not a regular file", where=where, hint="give a file or a directory of files")
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise FileTooLargeError(
            f"the file is {size / 1048576:.1f} MB, over the limit of {settings.max_file_mb:g} MB",
            where=where,
            hint="raise PLANWATCH_MAX_FILE_MB or split the document",
        )
    return size


def check_zip(data: bytes, where: str, settings: Settings, kind: str = "DOCX") -> None:
    """Refuse damaged archives and archives whose entries would inflate past the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError(
            f"not a valid {kind} file (the zip container is damaged: {exc})",
            where=where,
            hint=f"open it in Word/WPS and save it again as {kind}",
        ) from exc
    total = sum(i.file_size for i in infos)
    limit = settings.max_unzipped_mb * 1024 * 1024
    if total > limit:
        raise FileTooLargeError(
            f"the {kind} would inflate to {total / 1048576:.0f} MB, over the limit of {settings.max_unzipped_mb:g} MB",
            where=where,
            hint="this looks like a zip bomb; if the file is genuine, raise PLANWATCH_MAX_UNZIPPED_MB",
        )
    for info in infos:
        if (
            info.compress_size
            and info.file_size / info.compress_size > settings.max_zip_ratio
            and info.file_size > 1048576
        ):
            raise FileTooLargeError(
                f"entry {info.filename} inflates {info.file_size / info.compress_size:.0f}-fold "
                f"(limit {settings.max_zip_ratio:g})",
                where=where,
                hint="this looks like a zip bomb; if the file is genuine, raise PLANWATCH_MAX_ZIP_RATIO",
            )
