"""The full-text index of documents, which the models cannot declare: an FTS5 table with the trigram
tokenizer (SQLite, kept in step with ``documents`` by triggers) or trigram GIN indexes (pg_trgm on
PostgreSQL). Migration 0002 creates them with the DDL below; ``include_name`` keeps them out of the
comparison of models and schema (autogenerate would otherwise propose to drop them).

Note for later migrations: a SQLite batch migration that rebuilds ``documents`` drops its triggers;
such a migration must call ``create_sqlite(op)`` again (``rebuild`` refills the index).
"""

from __future__ import annotations

from typing import Any

FTS_TABLE = "documents_fts"
TRGM_INDEXES = ("ix_documents_text_trgm", "ix_documents_title_trgm")
_TRIGGERS = ("documents_fts_ai", "documents_fts_ad", "documents_fts_au")
AUDIT_GUARDS = ("audit_log_no_update", "audit_log_no_delete")
NAMES = frozenset(
    {FTS_TABLE, *(f"{FTS_TABLE}_{s}" for s in ("data", "idx", "docsize", "config", "content")), *TRGM_INDEXES}
)

SQLITE_UP = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, content='documents', content_rowid='id', "
    "tokenize='trigram')",
    f"CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    f"CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    f"CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'audit_log is append-only'); END",
]
SQLITE_DOWN = [
    *(f"DROP TRIGGER IF EXISTS {t}" for t in (*_TRIGGERS, *AUDIT_GUARDS)),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_GUARD = [
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
]
POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
    "DROP FUNCTION IF EXISTS audit_log_append_only()",
    *(f"DROP INDEX IF EXISTS {name}" for name in TRGM_INDEXES),
]


def include_name(name: str | None, type_: str, _parent: Any = None) -> bool:
    """Alembic's ``include_name`` hook: leave the search index out of model comparisons."""
    return not (type_ in ("table", "index") and name in NAMES)


def trgm_schema(conn: Any) -> str | None:
    """The schema pg_trgm lives in, creating the extension when it is missing and allowed (None: no
    extension; search then scans without an index)."""
    found = conn.exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'"
    ).scalar()
    if found:
        return str(found)
    savepoint = conn.begin_nested()
    try:
        has_public = conn.exec_driver_sql("SELECT 1 FROM pg_namespace WHERE nspname = 'public'").scalar()
        conn.exec_driver_sql(
            "CREATE EXTENSION IF NOT EXISTS pg_trgm" + (" SCHEMA public" if has_public else "")
        )
        savepoint.commit()
    except Exception:  # no privilege or no contrib package: search works without the index
        savepoint.rollback()
        return None
    return trgm_schema(conn)


def postgres_up(conn: Any) -> list[str]:
    """The PostgreSQL statements: trigram indexes (when pg_trgm is there) and the audit guard."""
    schema = trgm_schema(conn)
    indexes = (
        [
            f'CREATE INDEX {TRGM_INDEXES[0]} ON documents USING gin (text "{schema}".gin_trgm_ops)',
            f'CREATE INDEX {TRGM_INDEXES[1]} ON documents USING gin (title "{schema}".gin_trgm_ops)',
        ]
        if schema
        else []
    )
    return [*indexes, *POSTGRES_GUARD]
