"""Opening the database: the one place that turns settings into a ready ``Database``.

``open_database`` migrates to head when behind and syncs the seeded data (the gazetteer's 3,217
regions and the indicator catalogue) when their sources changed, so every command and the web app
start on a current schema.
"""

from __future__ import annotations

from dataclasses import dataclass

from planwatch.catalog import load_catalogue
from planwatch.normalize.regions import Gazetteer
from planwatch.settings import Settings
from planwatch.store import migrate, seed
from planwatch.store.engine import Database


@dataclass(frozen=True)
class SetupReport:
    """What ``prepare`` did."""

    migrated: bool
    regions: int
    catalogue: int


def connect(settings: Settings) -> Database:
    """A handle on the configured database, without touching its schema."""
    return Database(settings.effective_database_url, schema=settings.database_schema or None)


def prepare(db: Database, settings: Settings, *, force: bool = False) -> SetupReport:
    """Migrate to head (or only check, when at head) and sync the seeded data."""
    if force:
        migrate.upgrade(db)
    migrated = force or migrate.ensure_schema(db)
    entries, digest = load_catalogue(extra=settings.catalog_file)
    with db.transaction() as session:
        regions = seed.sync_regions(session, Gazetteer.load().all())
        catalogue = seed.sync_catalogue(session, entries, digest)
    if catalogue:
        from planwatch.services.relink import relink_catalogue

        relink_catalogue(db)
    return SetupReport(migrated, regions, catalogue)


def open_database(settings: Settings) -> Database:
    """The configured database, migrated and seeded: what commands call first."""
    db = connect(settings)
    prepare(db, settings)
    return db


def describe(db: Database) -> dict[str, object]:
    """What the database holds: URL, revision, documents by state, rows per table."""
    from planwatch.store.repo.documents import counts, table_counts

    with db.session() as session:
        return {
            "database": repr(db),
            "revision": migrate.current_revision(db),
            **counts(session),
            **table_counts(session),
        }
