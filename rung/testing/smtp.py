"""A real SMTP server on loopback (aiosmtpd) for the mail tests, and what it was sent.

    with loopback_smtp(settings) as server:
        ...  # Django's SMTP backend now sends to it
        (message,) = server.messages

Each message arrives parsed (`email.message.EmailMessage`, modern policy), so a test reads
headers and parts as a mail program would. `server.refuse(n, code=451)` answers the next n
messages with an error at the end of DATA: 4xx for "try again later", 5xx for "never".
"""

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage
    raw: bytes  # as it came over the wire


class _Handler:
    def __init__(self) -> None:
        self.received: list[Received] = []
        self.refusals: list[int] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.refusals:
                code = self.refusals.pop(0)
                return f"{code} {'4.3.0 Try again later' if code < 500 else '5.7.1 Refused'}"
            raw = envelope.original_content or envelope.content
            parsed = BytesParser(policy=policy.default).parsebytes(raw)
            assert isinstance(parsed, EmailMessage)
            self.received.append(
                Received(envelope.mail_from, list(envelope.rcpt_tos), parsed, bytes(raw))
            )
        return "250 Message accepted"


class LoopbackSMTP:
    def __init__(self, handler: _Handler, host: str, port: int) -> None:
        self._handler = handler
        self.host = host
        self.port = port

    @property
    def received(self) -> list[Received]:
        with self._handler.lock:
            return list(self._handler.received)

    @property
    def messages(self) -> list[EmailMessage]:
        return [r.message for r in self.received]

    def refuse(self, count: int = 1, *, code: int = 451) -> None:
        """Answer the next `count` messages with `code` instead of taking them (0: take all)."""
        with self._handler.lock:
            self._handler.refusals[:] = [code] * count


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def loopback_smtp(settings: Any) -> Iterator[LoopbackSMTP]:
    """Run an SMTP server on 127.0.0.1 and point Django's SMTP backend at it."""
    handler = _Handler()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    try:
        # MAILERS, Django's newer mail setting, takes over from the EMAIL_* ones while set.
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 10},
            }
        }
        yield LoopbackSMTP(handler, "127.0.0.1", port)
    finally:
        controller.stop()
