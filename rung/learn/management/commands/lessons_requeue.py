from typing import Any

from django.core.management.base import BaseCommand

from rung.learn.services import lessons_requeue


class Command(BaseCommand):
    help = (
        "Enqueue lessons still waiting to be processed, and those left processing by a worker "
        "that stopped (run after a restart, or from cron)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        queued = lessons_requeue()
        self.stdout.write(f"{len(queued)} lessons queued for processing.")
