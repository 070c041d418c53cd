"""`manage.py reputation_rebuild`: compute every credit, reputation and topic standing again."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from rung.reputation import ledger
from rung.reputation.models import Standing, TopicStanding


class Command(BaseCommand):
    help = (
        "Compute reputation from scratch: every credit from likes, most-helpful marks and "
        "outcomes, then each member's total and standing per topic. The running ledger "
        "reaches the same numbers; run this after an import or a change of rules."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch", type=int, default=500, help="Questions read at a time (default 500)."
        )
        parser.add_argument(
            "--weights",
            action="store_true",
            help="Also weigh every question's answers again for 'most helpful first'.",
        )

    def handle(self, *args: Any, batch: int, weights: bool, **options: Any) -> None:
        if batch < 1:
            self.stderr.write("--batch must be at least 1.")
            raise SystemExit(2)
        started = time.monotonic()
        credits = ledger.ledger_rebuild(batch=batch)
        self.stdout.write(
            f"{credits} credits; {Standing.objects.count()} members with a reputation; "
            f"{TopicStanding.objects.count()} topic standings "
            f"({time.monotonic() - started:.1f} s)"
        )
        if weights:
            started = time.monotonic()
            count = ledger.weights_rebuild()
            self.stdout.write(
                f"answers of {count} questions weighed ({time.monotonic() - started:.1f} s)"
            )
