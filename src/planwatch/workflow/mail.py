"""Reminder e-mails (督办提醒): the message for one recipient, and sending a batch through the
configured SMTP server (plain, STARTTLS or implicit TLS). No database here: the reminder service
decides who gets what."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from planwatch.errors import PlanWatchError, ValidationError


@dataclass(frozen=True)
class SmtpConfig:
    """Where reminders go out: host, port, sender, TLS mode (none | starttls | ssl), optional login."""

    host: str
    port: int
    sender: str
    tls: str = "none"
    user: str = ""
    password: str = ""
    timeout: float = 10.0

    def check(self) -> None:
        """ValidationError when the configuration cannot send anything."""
        if not self.host or not self.sender:
            raise ValidationError("未配置邮件服务器 (SMTP host or sender missing)",
                                  hint="set PLANWATCH_SMTP_HOST and PLANWATCH_SMTP_FROM")  # fmt: skip
        if self.tls not in ("none", "starttls", "ssl"):
            raise ValidationError(f"PLANWATCH_SMTP_TLS={self.tls!r} is not none, starttls or ssl")


@dataclass(frozen=True)
class Line:
    """One thing a reminder lists."""

    what: str  # 任务 / 节点 / 报送
    title: str
    due: str  # YYYY-MM-DD
    late_days: int  # > 0: overdue by so many days; ≤ 0: due in -late_days days


@dataclass(frozen=True)
class Reminder:
    """One e-mail: to whom, for which unit, about which lines."""

    to: str
    name: str
    unit: str
    lines: tuple[Line, ...]

    @property
    def subject(self) -> str:
        """The subject line."""
        overdue = sum(1 for line in self.lines if line.late_days > 0)
        soon = len(self.lines) - overdue
        return f"【督办提醒】{self.unit}:逾期 {overdue} 项,即将到期 {soon} 项"

    def body(self, link: str | None = None) -> str:
        """The plain-text body."""
        rows = []
        for line in self.lines:
            when = f"已逾期 {line.late_days} 天" if line.late_days > 0 else f"{-line.late_days} 天后到期"
            rows.append(f"  · [{line.what}] {line.title}(时限 {line.due},{when})")
        tail = [f"请登录系统办理:{link}"] if link else []
        return "\n".join([f"{self.name}:", "", f"{self.unit}有以下督办事项需要办理:", *rows, "", *tail,
                          "(本邮件由规划实施监测评估系统自动发送)"])  # fmt: skip


def message(reminder: Reminder, sender: str, link: str | None = None) -> EmailMessage:
    """The e-mail of a reminder."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, reminder.to, reminder.subject
    msg["Date"], msg["Message-ID"] = formatdate(localtime=False), make_msgid(domain="planwatch.local")
    msg.set_content(reminder.body(link), charset="utf-8")
    return msg


def send(reminders: Sequence[Reminder], config: SmtpConfig, link: str | None = None) -> int:
    """Send every reminder over one connection; the number sent. SMTP failures become PlanWatchError."""
    config.check()
    if not reminders:
        return 0
    try:
        smtp: smtplib.SMTP
        if config.tls == "ssl":
            smtp = smtplib.SMTP_SSL(config.host, config.port, timeout=config.timeout,
                                    context=ssl.create_default_context())  # fmt: skip
        else:
            smtp = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with smtp:
            if config.tls == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if config.user:
                smtp.login(config.user, config.password)
            for reminder in reminders:
                smtp.send_message(message(reminder, config.sender, link))
    except (OSError, smtplib.SMTPException) as exc:
        raise PlanWatchError(f"发送提醒邮件失败 ({type(exc).__name__}: {exc})",
                             where=f"{config.host}:{config.port}",
                             hint="check PLANWATCH_SMTP_HOST/PORT/TLS, or run with --dry-run") from exc  # fmt: skip
    return len(reminders)
