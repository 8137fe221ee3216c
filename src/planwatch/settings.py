"""Settings, read once at the edge (environment variables ``PLANWATCH_*``) and passed down frozen.

Each setting is declared once, as data, with its default and a help text; ``docs/settings.md`` is
checked against this table by a test so that no setting goes undocumented.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path


def _default_data_dir() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "planwatch"


@dataclass(frozen=True)
class Settings:
    """Runtime configuration; build it with :meth:`from_env` and pass it down."""

    data_dir: Path = field(
        default_factory=_default_data_dir,
        metadata={"help": "where the SQLite file, uploads and attachments live"},
    )
    database_url: str = field(
        default="", metadata={"help": "SQLAlchemy URL; default sqlite:///<data_dir>/planwatch.db"}
    )
    database_schema: str = field(
        default="",
        metadata={
            "help": "PostgreSQL schema (search_path) to use, created if missing; empty for the server default"
        },
    )
    catalog_file: Path | None = field(
        default=None,
        metadata={
            "help": "extra indicator catalogue (TOML, the format of planwatch/data/catalog.toml) merged over the packaged one"
        },
    )
    max_file_mb: float = field(
        default=50.0, metadata={"help": "largest document accepted by the readers, in MB"}
    )
    max_unzipped_mb: float = field(
        default=200.0, metadata={"help": "largest total uncompressed size of a DOCX (zip-bomb guard), in MB"}
    )
    max_zip_ratio: float = field(
        default=200.0, metadata={"help": "largest compression ratio of a DOCX entry (zip-bomb guard)"}
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read ``PLANWATCH_<NAME>`` variables; unknown values fall back to the defaults."""
        env = os.environ if env is None else env
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get("PLANWATCH_" + f.name.upper())
            if raw is None or raw == "":
                continue
            if f.type in ("Path", Path, "Path | None"):
                kwargs[f.name] = Path(raw)
            elif f.type in ("float", float):
                kwargs[f.name] = float(raw)
            elif f.type in ("int", int):
                kwargs[f.name] = int(raw)
            elif f.type in ("bool", bool):
                kwargs[f.name] = raw.lower() in ("1", "true", "yes", "on")
            else:
                kwargs[f.name] = raw
        return cls(**kwargs)  # type: ignore[arg-type]

    @property
    def effective_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{self.data_dir / 'planwatch.db'}"

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)


def describe() -> list[tuple[str, str, str]]:
    """(env var, default, help) for every setting — used by docs and ``planwatch settings``."""
    out = []
    for f in fields(Settings):
        default = repr(f.default) if f.default is not MISSING else "(computed)"
        out.append(("PLANWATCH_" + f.name.upper(), default, str(f.metadata.get("help", ""))))
    return out
