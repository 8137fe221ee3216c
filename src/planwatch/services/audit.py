"""The audit log (审计日志): every login, upload, publication change … as an append-only event with
who, when, what and the object's state before and after. Callers pass their own session, so that an
event commits with the change it records (or not at all)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from planwatch.auth.policy import Principal
from planwatch.store.engine import Database
from planwatch.store.repo import audit as repo

# never written to the log, whatever a caller passes
_SECRET_KEYS = frozenset({"password", "password_hash", "token", "session", "csrf_token", "secret"})


@dataclass(frozen=True)
class Actor:
    """Who did it: a signed-in user, or a command-line user (``cli:root``)."""

    name: str | None
    id: int | None = None
    ip: str | None = None

    @classmethod
    def of(cls, who: Principal, ip: str | None = None) -> Actor:
        """The actor of a web request."""
        return cls(who.username, who.id, ip)


@dataclass(frozen=True)
class Event:
    """One logged event, as pages and the API show it."""

    id: int
    at: datetime
    actor: str | None
    action: str
    object_type: str | None
    object_id: str | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    ip: str | None
    note: str | None


def scrub(state: dict[str, Any] | None) -> dict[str, Any] | None:
    """A state without secrets (passwords, hashes, tokens), at any depth."""
    if state is None:
        return None
    return {
        k: scrub(v) if isinstance(v, dict) else v for k, v in state.items() if k.lower() not in _SECRET_KEYS
    }


def record(
    session: Session, actor: Actor, action: str, object_type: str | None = None, object_id: object = None,
    before: dict[str, Any] | None = None, after: dict[str, Any] | None = None, note: str | None = None,
) -> None:  # fmt: skip
    """Append one event in the caller's transaction."""
    repo.append(session, {
        "actor": (actor.name or "")[:128] or None, "actor_id": actor.id, "action": action,
        "object_type": object_type, "object_id": None if object_id is None else str(object_id)[:128],
        "before": scrub(before), "after": scrub(after), "ip": actor.ip, "note": note,
    })  # fmt: skip


def events(
    db: Database, *, action: str | None = None, object_type: str | None = None, object_id: str | None = None,
    limit: int = 50, offset: int = 0,
) -> tuple[list[Event], int]:  # fmt: skip
    """Events, newest first, and how many match."""
    with db.session() as session:
        rows, total = repo.page(session, action=action, object_type=object_type, object_id=object_id,
                                limit=limit, offset=offset)  # fmt: skip
        return [Event(r.id, r.at, r.actor, r.action, r.object_type, r.object_id, r.before, r.after, r.ip,
                      r.note) for r in rows], total  # fmt: skip
