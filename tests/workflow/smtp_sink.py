"""A local SMTP sink for tests (stdlib only): accepts every message on a free port and keeps it.

Speaks just enough SMTP for ``smtplib``: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage, Message


@dataclass
class Received:
    """One message the sink accepted."""

    sender: str
    recipients: list[str]
    message: EmailMessage | Message


@dataclass
class Sink:
    """Where the test finds the messages and the port to send to."""

    port: int
    messages: list[Received] = field(default_factory=list)


class _Handler(socketserver.StreamRequestHandler):
    sink: Sink

    def reply(self, line: str) -> None:
        self.wfile.write((line + "\r\n").encode("ascii"))

    def handle(self) -> None:
        self.reply("220 sink ESMTP")
        sender, recipients = "", []
        while raw := self.rfile.readline():
            command = raw.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip().strip("<>").split(">")[0], []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                lines = []
                while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    lines.append(line[1:] if line.startswith(b"..") else line)
                parsed = message_from_bytes(b"".join(lines), policy=policy.default)
                self.sink.messages.append(Received(sender, recipients, parsed))
                self.reply("250 queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@contextmanager
def smtp_sink() -> Iterator[Sink]:
    """A running sink on 127.0.0.1 and a free port, stopped afterwards."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    sink = Sink(server.server_address[1])
    _Handler.sink = sink
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        server.shutdown()
        server.server_close()
