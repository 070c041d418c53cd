import json
import logging
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, close_old_connections

from rung.notifications import due_work, tasks_mail

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Do the notification work that comes due with time: daily and weekly digests, mail "
        "whose task was lost, and the work other apps register (rung.notifications.due_work). "
        "By default this enqueues one task for the task worker; --here does the work in "
        "this process. Run it from cron, or keep it running with --every."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--here",
            action="store_true",
            help="Do the work in this process and print what was done, instead of enqueueing.",
        )
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Keep running, once every SECONDS, until stopped.",
        )

    def handle(self, *args: Any, here: bool, every: int | None, **options: Any) -> None:
        if every is not None and every < 1:
            raise CommandError("--every takes a whole number of seconds, at least 1.")
        if every is None:
            self._once(here)
            return
        try:
            while True:
                started = time.monotonic()
                close_old_connections()
                try:
                    self._once(here)
                except DatabaseError as error:
                    # A busy or restarting database: the next round tries again.
                    logger.warning("notifications_due: %s", error)
                time.sleep(max(0.0, every - (time.monotonic() - started)))
        except KeyboardInterrupt:
            return

    def _once(self, here: bool) -> None:
        if here:
            report = due_work.run_due()
            self.stdout.write(json.dumps(report, default=str))
        else:
            tasks_mail.run_due.enqueue()
