"""Reminders (督办提醒): for every unit with something overdue or due soon, one e-mail to each of its
reporters that has an address; sent through the configured SMTP server, or listed (``--dry-run``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from planwatch.services.audit import Actor, record
from planwatch.services.library import region_codes
from planwatch.services.regions import RegionIndex
from planwatch.services.workflow.board import Board, Entry
from planwatch.services.workflow.common import local_date, write
from planwatch.settings import Settings
from planwatch.store.engine import Database
from planwatch.store.repo import workflow as repo
from planwatch.workflow.mail import Line, Reminder, SmtpConfig, send


def smtp_config(settings: Settings) -> SmtpConfig:
    """The SMTP settings as the mailer takes them."""
    return SmtpConfig(settings.smtp_host, settings.smtp_port, settings.smtp_from, settings.smtp_tls.lower(),
                      settings.smtp_user, settings.smtp_password)  # fmt: skip


@dataclass
class RemindResult:
    """Who is (or would be) reminded, and the units nobody can be reminded for."""

    reminders: list[Reminder] = field(default_factory=list)
    sent: int = 0
    unreachable: list[str] = field(default_factory=list)  # units with entries but no reporter e-mail


def plan(
    db: Database,
    settings: Settings,
    today: date | None = None,
    days: int | None = None,
    region: str | None = None,
) -> RemindResult:
    """The reminders that would go out today."""
    today = today or local_date()
    days = settings.due_soon_days if days is None else days
    with db.session() as session:
        index = RegionIndex.load(session)
        board = Board.load(session, settings, today, region_codes(index, region))
        overdue, soon = board.entries(days)
        per_unit: dict[int, list[Entry]] = defaultdict(list)
        for entry in [*overdue, *soon]:
            for unit_id in entry.unit_ids:
                per_unit[unit_id].append(entry)
        people = repo.recipients(session, list(per_unit))
        names = {u.id: u.name for u in repo.units(session, list(per_unit)).values()}
    result = RemindResult()
    for unit_id, entries in sorted(per_unit.items(), key=lambda kv: names.get(kv[0], "")):
        lines = tuple(Line(e.kind_label, f"{e.title[:40]}{' · ' + e.detail if e.kind != 'task' else ''}",
                           f"{e.due:%Y-%m-%d}", e.days) for e in entries)  # fmt: skip
        if not people.get(unit_id):
            result.unreachable.append(names.get(unit_id, str(unit_id)))
        for user in people.get(unit_id, []):
            assert user.email is not None
            result.reminders.append(
                Reminder(user.email, user.display_name or user.username, names[unit_id], lines)
            )
    return result


def remind(
    db: Database, settings: Settings, actor: Actor, *, dry_run: bool = False, today: date | None = None,
    days: int | None = None, region: str | None = None,
) -> RemindResult:  # fmt: skip
    """Send today's reminders (or only list them); the sending is logged."""
    result = plan(db, settings, today, days, region)
    if dry_run or not result.reminders:
        return result
    link = settings.public_url or f"http://{settings.web_host}:{settings.web_port}/supervision"
    result.sent = send(result.reminders, smtp_config(settings), link)
    with write(db) as session:
        record(session, actor, "reminder_sent", "reminder", None, None,
               {"sent": result.sent, "to": sorted({r.to for r in result.reminders})})  # fmt: skip
    return result
