"""Reading a table of rows from CSV (UTF-8 or GB18030) or XLSX, with headers in Chinese or English.

Rows come back as ``(row number as a person sees it, {canonical column: value})``: the header is
row 1, so the first data row is row 2, in a spreadsheet and in a text editor alike.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from planwatch.errors import ValidationError

Row = tuple[int, dict[str, Any]]


def read_rows(path: Path, columns: Mapping[str, str]) -> list[Row]:
    """Rows of a CSV or XLSX file; ``columns`` maps each accepted header (any case) to its canonical name."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        raw = _xlsx(path)
    elif suffix in (".csv", ".txt", ".tsv"):
        raw = _csv(path)
    else:
        raise ValidationError(
            f"unsupported file type {suffix or '(none)'}", where=str(path), hint="use a .csv or .xlsx file"
        )
    if not raw:
        raise ValidationError("the file is empty", where=str(path), hint="add a header row and data rows")
    header_row, header = raw[0]
    keys = {k.strip().lower(): v for k, v in columns.items()}
    names = [keys.get(str(h or "").strip().lower()) for h in header]
    unknown = [str(h) for h, n in zip(header, names, strict=True) if n is None and str(h or "").strip()]
    if unknown:
        raise ValidationError(
            f"unknown column(s) {', '.join(unknown)}", where=f"{path}:{header_row}",
            hint="accepted headers: " + ", ".join(columns),
        )  # fmt: skip
    rows: list[Row] = []
    for number, cells in raw[1:]:
        record = {n: _clean(c) for n, c in zip(names, cells, strict=False) if n is not None}
        if any(v not in (None, "") for v in record.values()):
            rows.append((number, record))
    return rows


def _clean(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _csv(path: Path) -> list[tuple[int, list[Any]]]:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError("not UTF-8 or GB18030 text", where=str(path), hint="save the file as UTF-8 CSV")
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect)
    return [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]


def _xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook  # only when a spreadsheet is read

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ValidationError(
            f"cannot open the workbook ({exc})",
            where=str(path),
            hint="open and re-save it in a spreadsheet program",
        ) from exc
    try:
        sheet = book.worksheets[0]
        out = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(c is not None and str(c).strip() for c in row):
                out.append((number, list(row)))
        return out
    finally:
        book.close()
