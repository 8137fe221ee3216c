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

    web_host: str = field(default="127.0.0.1", metadata={"help": "address `planwatch serve` listens on"})
    web_port: int = field(default=8000, metadata={"help": "port `planwatch serve` listens on"})
    web_workers: int = field(default=1, metadata={"help": "uvicorn worker processes of `planwatch serve`"})
    default_region: str = field(
        default="",
        metadata={"help": "region the dashboard opens with (default: the first region with a plan)"},
    )
    upload_max_mb: float = field(
        default=20.0, metadata={"help": "largest file accepted by the web upload, in MB"}
    )
    upload_types: str = field(
        default="txt,html,htm,docx,pdf",
        metadata={"help": "file extensions the web upload accepts (comma-separated)"},
    )
    session_hours: float = field(default=12.0, metadata={"help": "how long a sign-in lasts, in hours"})
    login_max_failures: int = field(
        default=5, metadata={"help": "failed logins in a row after which an account is locked"}
    )
    login_lockout_minutes: float = field(
        default=15.0, metadata={"help": "how long a locked account stays locked, in minutes"}
    )
    secure_cookies: bool = field(
        default=False,
        metadata={"help": "always mark cookies Secure (they are anyway when the request came over https)"},
    )
    static_packages_dir: Path | None = field(
        default=None,
        metadata={
            "help": "node_modules folder the web app serves ECharts, htmx and Swagger UI from "
            "(default: the repository's node_modules)"
        },
    )

    report_period: str = field(
        default="quarterly",
        metadata={
            "help": "how often units report progress: monthly, quarterly, half_yearly or yearly "
            "(a region or plan can differ: `planwatch workflow period`)"
        },
    )
    report_grace_days: int = field(
        default=10, metadata={"help": "days after a period ends within which its progress report is due"}
    )
    due_soon_days: int = field(
        default=14,
        metadata={"help": "deadlines this many days ahead count as due soon (督办 lists, reminders)"},
    )
    attachment_max_mb: float = field(
        default=10.0, metadata={"help": "largest attachment of a progress report, in MB"}
    )
    attachment_types: str = field(
        default="pdf,doc,docx,xls,xlsx,jpg,jpeg,png,txt",
        metadata={"help": "file extensions a progress report may attach (comma-separated)"},
    )
    smtp_host: str = field(
        default="", metadata={"help": "SMTP server for reminder e-mails (empty: no e-mail)"}
    )
    smtp_port: int = field(default=25, metadata={"help": "SMTP port (587 for STARTTLS, 465 for TLS)"})
    smtp_from: str = field(default="", metadata={"help": "sender address of reminder e-mails"})
    smtp_tls: str = field(default="none", metadata={"help": "none, starttls or ssl"})
    smtp_user: str = field(default="", metadata={"help": "SMTP login (empty: no login)"})
    smtp_password: str = field(
        default="", repr=False, metadata={"help": "SMTP password (never printed or logged)"}
    )
    public_url: str = field(
        default="", metadata={"help": "the app's address in reminder e-mails (default http://host:port/)"}
    )
    login_ip_max_failures: int = field(
        default=20,
        metadata={
            "help": "failed logins from one client address within the window before it is refused (429)"
        },
    )
    login_ip_window_minutes: float = field(
        default=15.0, metadata={"help": "the window of the per-address login limit, in minutes"}
    )
    feedback_max: int = field(
        default=5, metadata={"help": "public comments one client address may send within the window"}
    )
    feedback_window_minutes: float = field(
        default=60.0, metadata={"help": "the window of the public-comment limit, in minutes"}
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

    @property
    def upload_max_bytes(self) -> int:
        """The web upload limit in bytes."""
        return int(self.upload_max_mb * 1024 * 1024)

    @property
    def upload_extensions(self) -> frozenset[str]:
        """Accepted upload extensions, lower case, without the dot."""
        return frozenset(e.strip().lower().lstrip(".") for e in self.upload_types.split(",") if e.strip())

    @property
    def attachments_dir(self) -> Path:
        """Where progress-report attachments are kept (by checksum)."""
        return self.data_dir / "attachments"

    @property
    def attachment_max_bytes(self) -> int:
        """The attachment limit in bytes."""
        return int(self.attachment_max_mb * 1024 * 1024)

    @property
    def attachment_extensions(self) -> frozenset[str]:
        """Accepted attachment extensions, lower case, without the dot."""
        return frozenset(e.strip().lower().lstrip(".") for e in self.attachment_types.split(",") if e.strip())

    @property
    def uploads_dir(self) -> Path:
        """Where uploaded files are kept (they stay: a document's source path points at its file)."""
        return self.data_dir / "uploads"


def describe() -> list[tuple[str, str, str]]:
    """(env var, default, help) for every setting — used by docs and ``planwatch settings``."""
    out = []
    for f in fields(Settings):
        default = repr(f.default) if f.default is not MISSING else "(computed)"
        out.append(("PLANWATCH_" + f.name.upper(), default, str(f.metadata.get("help", ""))))
    return out
