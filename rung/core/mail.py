"""Mail that stays on this machine: where it went, and the recent messages for a developer.

Without `EMAIL_HOST` Rung has no mail server: it writes each message to the console, or as a
file into `EMAIL_FILE_PATH`. Pages that would say "we have sent you an email" say where the
message went instead (`delivery_note`), and with `DEBUG` on the last `KEPT` messages are kept
so that /-/mail/ can list them (`kept_mail`), reset and confirmation links included.

The kept messages are files in a folder under var/, one per message, not a list in memory:
`make run` serves with two gunicorn worker processes, and the page must list a message
whichever worker wrote it. Each file is written whole and then renamed into place, so no lock
is needed, and the list survives a restart. They are kept only with `DEBUG` on: nothing shows
them otherwise, and links that log someone in have no business lying in a folder.
"""

import json
import os
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.core.mail.backends import console, dummy, filebased, locmem
from django.utils.translation import gettext as _

KEPT = 50


@dataclass(frozen=True)
class KeptMail:
    sent: datetime
    sender: str
    to: list[str]
    subject: str
    body: str


def _kept_dir() -> Path:
    return Path(settings.RUNG_KEPT_MAIL_DIR)


def keep(messages: Sequence[EmailMessage]) -> None:
    """Keep a copy of each message for /-/mail/ (with DEBUG on), and only the newest KEPT."""
    if not settings.DEBUG or not messages:
        return
    folder = _kept_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for message in messages:
        record = {
            "sent": time.time(),
            "sender": str(message.from_email),
            "to": [str(address) for address in message.to],
            "subject": str(message.subject),
            "body": str(message.body),
        }
        # Nanoseconds first, so names sort by time; the random part keeps two workers apart.
        name = f"{time.time_ns():020d}-{secrets.token_hex(4)}.json"
        partial = folder / f".{name}.partial"
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, folder / name)
    for old in sorted(folder.glob("*.json"))[:-KEPT]:
        old.unlink(missing_ok=True)


def kept_mail() -> list[KeptMail]:
    """Return the kept messages, newest first."""
    folder = _kept_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.glob("*.json"), reverse=True)[:KEPT]:
        try:
            record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # pruned by another worker while we listed, or not ours
        found.append(
            KeptMail(
                sent=datetime.fromtimestamp(float(record["sent"]), tz=UTC),
                sender=record["sender"],
                to=list(record["to"]),
                subject=record["subject"],
                body=record["body"],
            )
        )
    return found


class ConsoleBackend(console.EmailBackend):
    """Django's console backend, keeping a copy of each message for /-/mail/."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = super().send_messages(email_messages)
        keep(email_messages)
        return sent


class FileBackend(filebased.EmailBackend):
    """Django's file backend, keeping a copy of each message for /-/mail/."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = super().send_messages(email_messages)
        keep(email_messages)
        return sent


def _default_mailer() -> Any:
    # Through `mailers`, so this reads MAILERS once the settings move to it from EMAIL_*.
    return mailers.default


def delivery_note() -> str:
    """Say where a message went when no mail server sends it on, else return ""."""
    backend = _default_mailer()
    if isinstance(backend, filebased.EmailBackend):
        return _(
            "No mail server is configured: the message was saved as a file in %(folder)s "
            "on the server, not sent to an inbox."
        ) % {"folder": backend.file_path}
    if isinstance(backend, console.EmailBackend):
        return _(
            "No mail server is configured: the message was written to the server's console "
            "(the terminal Rung runs in), not sent to an inbox."
        )
    if isinstance(backend, locmem.EmailBackend):
        return _(
            "No mail server is configured: the message was kept in the server's memory, "
            "not sent to an inbox."
        )
    if isinstance(backend, dummy.EmailBackend):
        return _("No mail server is configured: the message was thrown away, not sent.")
    return ""


def mailbox_open() -> bool:
    """Whether /-/mail/ lists the kept messages: only with DEBUG on, and mail kept here."""
    return bool(settings.DEBUG) and isinstance(_default_mailer(), (ConsoleBackend, FileBackend))


def site_link(path: str = "/") -> str:
    """Return the absolute address of a path on this site (RUNG_SITE_URL), for mail and
    outside services, which cannot follow a relative link."""
    return settings.RUNG_SITE_URL.rstrip("/") + path
