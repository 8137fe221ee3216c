"""Regions as the services see them: the gazetteer plus the custom regions of the database.

``RegionIndex`` answers every region question (resolve a name in a context, ancestors, descendants)
from memory; it is built from the ``regions`` table, so custom regions (白鹭市) resolve like real ones.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from planwatch.errors import NotFoundError, ValidationError
from planwatch.normalize.regions import Gazetteer, Region, short_name
from planwatch.store.repo import regions as repo

LEVELS = ("province", "prefecture", "county")
_REFERENCE = re.compile(r"[全本我](?:自治区|自治州|自治县|自治旗|省|市|州|地区|盟|县|区|旗)")


@functools.lru_cache(maxsize=8)
def _gazetteer(custom: tuple[Region, ...]) -> Gazetteer:
    """The packaged gazetteer, extended by custom regions (built once per set of custom regions)."""
    return Gazetteer([*Gazetteer.load().all(), *custom]) if custom else Gazetteer.load()


@dataclass
class RegionIndex:
    """Every region of the database, indexed for lookups and hierarchy queries."""

    gazetteer: Gazetteer
    aliases: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, session: Session) -> RegionIndex:
        """The index of the database's regions: the packaged gazetteer plus the custom regions."""
        custom = tuple(
            Region(r.code, r.name, r.short, r.level, r.parent_code)  # type: ignore[arg-type]
            for r in repo.custom_regions(session)
        )
        return cls(_gazetteer(custom), repo.aliases(session))

    def get(self, code: str | None) -> Region | None:
        """The region with this code."""
        return self.gazetteer.get(code) if code else None

    def resolve(self, name: str | None, context: Region | None = None) -> Region | None:
        """The region a name denotes (全州/我县 in the context's terms), or None if unknown or ambiguous."""
        if not name:
            return None
        key = "".join(name.split())
        if key in self.aliases:
            return self.get(self.aliases[key])
        return self.gazetteer.resolve_reference(key, context) or self.gazetteer.resolve(key, context)

    def resolve_in_text(self, text: str | None, context: Region | None) -> Region | None:
        """The region an observation's region text denotes, read leniently: a name, a reference
        inside it (年末全县 → 全县), one region named in it; with no region named at all, the context."""
        if not text:
            return context
        found = self.resolve(text, context)
        if found is not None:
            return found
        ref = _REFERENCE.search(text)
        if ref is not None:
            return self.gazetteer.resolve_reference(ref.group(0), context)
        named = {r.code: r for r, _start, _end in self.gazetteer.find_regions(text, context)}
        if named:
            return next(iter(named.values())) if len(named) == 1 else None
        return context

    def require(self, name: str, context: Region | None = None) -> Region:
        """Like ``resolve``, but a clear error when the name is unknown or ambiguous."""
        region = self.get(name) or self.resolve(name, context)
        if region is not None:
            return region
        many = self.gazetteer.lookup(name)
        if many:
            options = "、".join(f"{r.name}({r.code})" for r in many[:6])
            raise ValidationError(
                f"region {name!r} is ambiguous: {options}", hint="qualify it (乌海市海南区) or give the code"
            )
        raise NotFoundError(
            f"unknown region {name!r}",
            hint="check the name, or add it: planwatch region add NAME --level county --parent PARENT",
        )

    def ancestors(self, region: Region) -> list[Region]:
        """Regions above, nearest first."""
        return self.gazetteer.ancestors(region)

    def descendants(self, region: Region) -> list[Region]:
        """Every region below, breadth first."""
        out: list[Region] = []
        todo = [region]
        while todo:
            children = [c for r in todo for c in self.gazetteer.children(r)]
            out.extend(children)
            todo = children
        return out

    def contains(self, outer: Region, inner: Region) -> bool:
        """Whether inner lies within outer (a region contains itself)."""
        return self.gazetteer.contains(outer, inner)

    def path(self, region: Region) -> str:
        """青海省 › 海北藏族自治州 › 海晏县."""
        return " › ".join(r.name for r in [*reversed(self.ancestors(region)), region])


def add_region(
    session: Session, index: RegionIndex, name: str, level: str, parent: str | None,
    code: str | None = None, aliases: Sequence[str] = (),
) -> tuple[Region, bool]:  # fmt: skip
    """Add a custom region (idempotent: the same name under the same parent is returned, not added)."""
    name = "".join(name.split())
    if level not in LEVELS:
        raise ValidationError(
            f"level {level!r} is not one of {', '.join(LEVELS)}",
            hint="use --level county, prefecture or province",
        )
    parent_region = index.require(parent) if parent else None
    if parent_region is None and level != "province":
        raise ValidationError(f"{name}: a {level} needs a parent", hint="add --parent, e.g. --parent 青海省")
    existing = [
        r
        for r in index.gazetteer.lookup(name)
        if parent_region is None or r.parent_code == parent_region.code
    ]
    if existing:
        return existing[0], False
    if code and index.get(code) is not None:
        raise ValidationError(
            f"region code {code} is already used by {index.get(code)}",
            hint="leave the code out to get a new one",
        )
    code = code or repo.next_custom_code(session)
    short = short_name(name, level)  # type: ignore[arg-type]
    repo.add_region(session, code, name, short, level, parent_region.code if parent_region else None, aliases)
    return Region(code, name, short, level, parent_region.code if parent_region else None), True  # type: ignore[arg-type]
