"""The registry of units of government, built from the units that tasks name.

A unit belongs to one government: 市发改委 in a 海东市 document is 海东市's; 县教育局 in a 海晏县
document is 海晏县's; 海东市发展改革委 names its region outright. Within a region, spellings fold to
one unit by ``planwatch.catalog.govunits.unit_key`` (市发展改革委 = 市发改委 = 市发展和改革委员会),
and by the aliases people add with ``planwatch unit alias``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from planwatch.catalog.govunits import clean, is_collective, split_level, unit_key
from planwatch.errors import NotFoundError, ValidationError
from planwatch.normalize.regions import Region
from planwatch.services.regions import RegionIndex
from planwatch.store.engine import Database
from planwatch.store.repo import govunits as repo
from planwatch.store.tables import GovUnit


class UnitRegistry:
    """Finds or creates the unit a written name denotes, within one session."""

    def __init__(self, session: Session, index: RegionIndex) -> None:
        self.session = session
        self.index = index
        self._keys: dict[str | None, dict[str, int]] = {}

    def place(self, written: str, doc_region: Region | None) -> tuple[Region | None, str, str]:
        """(region, name without region or level, key) of a written unit name."""
        name = clean(written)
        lead = self.index.gazetteer.region_of_title(name)
        region = self.index.resolve(lead, doc_region) if lead else None
        if region is not None and lead:
            name = name[len(lead) :]
        prefix, rest = split_level(name)
        if region is None and prefix is not None:
            region = self.index.gazetteer.resolve_reference("本" + prefix, doc_region) or doc_region
        return region or doc_region, rest, unit_key(rest)

    def unit_for(self, written: str, doc_region: Region | None) -> int:
        """The id of the unit a written name denotes, registering it (and the spelling) when new."""
        region, _rest, key = self.place(written, doc_region)
        code = region.code if region else None
        keys = self._region_keys(code)
        unit_id = keys.get(key)
        if unit_id is None:
            unit = GovUnit(region_code=code, name=clean(written), key=key, collective=is_collective(written))
            self.session.add(unit)
            self.session.flush()
            unit_id = keys[key] = unit.id
        repo.add_alias(self.session, unit_id, clean(written))
        return unit_id

    def _region_keys(self, code: str | None) -> dict[str, int]:
        """key → unit id for a region: the units' own keys and the keys of their aliases."""
        if code not in self._keys:
            units = repo.units_of(self.session, code)
            keys = {u.key: u.id for u in units}
            for unit_id, aliases in repo.aliases_of(self.session, [u.id for u in units]).items():
                for alias in aliases:
                    keys.setdefault(unit_key(split_level(alias)[1]), unit_id)
            self._keys[code] = keys
        return self._keys[code]


@dataclass(frozen=True)
class UnitView:
    """A unit as listed: its id, region, name, written forms and number of task assignments."""

    id: int
    region_code: str | None
    name: str
    key: str
    collective: bool
    aliases: list[str]
    tasks: int


def list_units(db: Database, region: str | None) -> list[UnitView]:
    """The units of one region's government (without ``region``: units of no known region)."""
    with db.session() as session:
        code = RegionIndex.load(session).require(region).code if region else None
        units = repo.units_of(session, code)
        ids = [u.id for u in units]
        aliases, counts = repo.aliases_of(session, ids), repo.task_counts(session, ids)
        return [
            UnitView(u.id, u.region_code, u.name, u.key, u.collective, aliases[u.id], counts.get(u.id, 0))
            for u in units
        ]


def add_unit_alias(db: Database, unit_id: int, alias: str) -> tuple[str, bool]:
    """Record another spelling of a unit; (unit name, whether new)."""
    with db.transaction() as session:
        unit = session.get(GovUnit, unit_id)
        if unit is None:
            raise NotFoundError(f"no unit {unit_id}", hint="see `planwatch unit list --region R`")
        return unit.name, repo.add_alias(session, unit_id, clean(alias))


def merge_units(db: Database, keep_id: int, other_id: int) -> str:
    """Fold one unit into another of the same region (aliases and task assignments move)."""
    with db.transaction() as session:
        keep, other = session.get(GovUnit, keep_id), session.get(GovUnit, other_id)
        if keep is None or other is None or keep_id == other_id:
            raise NotFoundError(
                f"units {keep_id} and {other_id} must be two existing units", hint="see `planwatch unit list`"
            )
        if keep.region_code != other.region_code:
            raise ValidationError(
                "units of different governments cannot be merged", hint="merge units of one region"
            )
        repo.merge(session, keep, other)
        return keep.name
