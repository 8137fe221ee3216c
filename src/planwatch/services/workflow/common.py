"""What every workflow service shares: local dates, the conflict guard around a write, the actor."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from planwatch.errors import ConflictError
from planwatch.store.engine import Database

LOCAL = timezone(timedelta(hours=8), "CST")  # deadlines and periods are Beijing dates (no DST)
STALE = "该记录已被他人修改,请刷新页面查看最新内容后再提交 (someone changed it first: reload and try again)"


def local_date(when: datetime | None = None) -> date:
    """The Beijing date of a moment (now by default)."""
    return (when or datetime.now(UTC)).astimezone(LOCAL).date()


def now() -> datetime:
    """Now, in UTC."""
    return datetime.now(UTC)


@contextmanager
def write(db: Database) -> Iterator[Session]:
    """A transaction whose lost race is a ConflictError (409): an UPDATE that found its version gone
    (StaleDataError) or a second insert of the same report (unique key)."""
    try:
        with db.transaction() as session:
            yield session
    except StaleDataError as exc:
        raise ConflictError(STALE, hint="reload the page") from exc
    except IntegrityError as exc:
        if "unique" not in str(exc.orig).lower() and "duplicate" not in str(exc.orig).lower():
            raise
        raise ConflictError(STALE, hint="reload the page") from exc


def check_version(current: int, expected: int | None, what: str) -> None:
    """ConflictError unless the client edited the version that is stored."""
    if expected is not None and current != expected:
        raise ConflictError(
            f"{what}已被他人修改(当前版本 {current},您提交的是版本 {expected}),请刷新后在最新内容上修改",
            hint="reload and apply your change again",
        )
