"""Check every active member for badges they earned but do not have (after an import)."""

from typing import Any

from django.core.management.base import BaseCommand

from rung.accounts.models import User
from rung.reputation.badges import badges_check


class Command(BaseCommand):
    help = "Award every active member the badges their public posts earned; safe to re-run."

    def handle(self, *args: Any, **options: Any) -> None:
        members = awarded = 0
        for member in User.objects.filter(is_active=True).order_by("pk").iterator():
            members += 1
            awarded += len(badges_check(member))
        self.stdout.write(f"Checked {members} members; awarded {awarded} badges.")
