"""The indicator catalogue as data: canonical indicators read from ``planwatch/data/catalog.toml``.

Each entry declares a name, a unit (and its dimension), which way is better, whether it is a level
or a yearly rate (``rate_of`` names the level a growth rate belongs to) and its synonyms. The file
is the source; the database keeps a copy (plus the ``auto`` entries made for unmatched plan rows).
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from planwatch.errors import ValidationError
from planwatch.normalize.units import dimension_of

Direction = Literal["higher", "lower", "neutral"]
Kind = Literal["level", "rate"]
_DIRECTIONS = ("higher", "lower", "neutral")
_KINDS = ("level", "rate")


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One canonical indicator."""

    code: str
    name: str
    unit: str | None
    dimension: str | None
    direction: Direction = "higher"
    kind: Kind = "level"
    rate_of: str | None = None
    category: str | None = None
    synonyms: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every synonym."""
        return (self.name, *self.synonyms)


def packaged_text() -> str:
    """The text of the catalogue file shipped with the package."""
    return resources.files("planwatch").joinpath("data/catalog.toml").read_text(encoding="utf-8")


def load_catalogue(path: Path | None = None, extra: Path | None = None) -> tuple[list[CatalogEntry], str]:
    """Entries of the packaged file (or ``path``), overlaid by ``extra``; and a hash of the sources."""
    texts = [
        (str(path or "planwatch/data/catalog.toml"), path.read_text("utf-8") if path else packaged_text())
    ]
    if extra is not None:
        texts.append((str(extra), extra.read_text("utf-8")))
    by_code: dict[str, CatalogEntry] = {}
    for where, text in texts:
        for entry in parse_catalogue(text, where):
            by_code[entry.code] = entry
    entries = list(by_code.values())
    _check_refs(entries, texts[-1][0])
    digest = hashlib.sha256("\0".join(t for _, t in texts).encode("utf-8")).hexdigest()
    return entries, digest


def parse_catalogue(text: str, where: str = "catalog.toml") -> list[CatalogEntry]:
    """Parse and validate catalogue TOML (a list of ``[[indicator]]`` tables)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(
            f"not valid TOML: {exc}", where=where, hint="fix the syntax of the file"
        ) from exc
    entries = [_entry(raw, f"{where}: indicator {i + 1}") for i, raw in enumerate(data.get("indicator", []))]
    codes = [e.code for e in entries]
    dupes = sorted({c for c in codes if codes.count(c) > 1})
    if dupes:
        raise ValidationError(
            f"duplicate codes {', '.join(dupes)}", where=where, hint="give each entry its own code"
        )
    return entries


def _entry(raw: dict[str, Any], where: str) -> CatalogEntry:
    """One ``[[indicator]]`` table, checked."""
    for key in ("code", "name"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise ValidationError(f"missing {key}", where=where, hint=f'add {key} = "…"')
    unit = raw.get("unit") or None
    dimension = raw.get("dimension") or (dimension_of(unit) if unit else None)
    known = dimension_of(unit) if unit else None
    if known is not None and dimension != known:
        raise ValidationError(
            f"{raw['code']}: unit {unit} is {known}, not {dimension}",
            where=where,
            hint="fix unit or dimension",
        )
    direction, kind = raw.get("direction", "higher"), raw.get("kind", "level")
    if direction not in _DIRECTIONS or kind not in _KINDS:
        raise ValidationError(
            f"{raw['code']}: direction must be one of {_DIRECTIONS}, kind one of {_KINDS}", where=where
        )
    return CatalogEntry(
        code=raw["code"], name=raw["name"], unit=unit, dimension=dimension, direction=direction, kind=kind,
        rate_of=raw.get("rate_of"), category=raw.get("category"), synonyms=tuple(raw.get("synonyms", ())),
    )  # fmt: skip


def _check_refs(entries: list[CatalogEntry], where: str) -> None:
    """Every ``rate_of`` names a level entry of the catalogue."""
    levels = {e.code for e in entries if e.kind == "level"}
    for e in entries:
        if e.rate_of is not None and (e.kind != "rate" or e.rate_of not in levels):
            raise ValidationError(
                f"{e.code}: rate_of {e.rate_of!r} must name a level entry, on a rate entry",
                where=where, hint="point rate_of at the code of the level indicator",
            )  # fmt: skip
