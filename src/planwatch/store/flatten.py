"""Fact models ↔ table rows, derived from the models themselves (STYLE.md point 3).

A nested value becomes prefixed columns (``baseline.value`` → ``baseline_value``), ``evidence``
becomes ``evidence_start/end/quote``, and keys the contract allows beyond the model's fields are
kept in the ``extra`` JSON column, so that a stored fact reads back as the same JSON.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from planwatch.model.facts import Evidence


def _nested(annotation: Any) -> type[BaseModel] | None:
    """The model class of a nested field (``CellValue``), or None for a plain value."""
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def columns_of(model: type[BaseModel]) -> list[str]:
    """The column names a fact model maps to, in field order."""
    out: list[str] = []
    for name, field in model.model_fields.items():
        nested = _nested(field.annotation)
        if nested is None:
            out.append(name)
        else:
            out.extend(f"{name}_{sub}" for sub in nested.model_fields)
    return out


def flatten(fact: BaseModel) -> dict[str, Any]:
    """Column values of a fact, with ``extra`` holding the keys beyond the model's fields (or None)."""
    row: dict[str, Any] = {}
    extra: dict[str, Any] = dict(fact.model_extra or {})
    for name, field in type(fact).model_fields.items():
        value = getattr(fact, name)
        if _nested(field.annotation) is None:
            row[name] = list(value) if isinstance(value, tuple) else value
            continue
        for sub in type(value).model_fields:
            row[f"{name}_{sub}"] = getattr(value, sub)
        if value.model_extra:
            extra[name] = dict(value.model_extra)
    row["extra"] = extra or None
    return row


def unflatten(model: type[BaseModel], row: dict[str, Any]) -> BaseModel:
    """The fact a row was made from (the inverse of ``flatten``)."""
    extra: dict[str, Any] = dict(row.get("extra") or {})
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        nested = _nested(field.annotation)
        if nested is None:
            if name in row:
                data[name] = row[name]
            continue
        sub = {s: row[f"{name}_{s}"] for s in nested.model_fields if f"{name}_{s}" in row}
        sub.update(extra.pop(name, None) or {})
        if nested is not Evidence or sub.get("quote") is not None:
            data[name] = sub
    data.update(extra)
    return model.model_validate(data)
