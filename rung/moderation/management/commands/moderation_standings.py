from typing import Any

from django.core.management.base import BaseCommand

from rung.accounts.models import User
from rung.moderation import services


class Command(BaseCommand):
    help = "Count every member's trust level again and lift suspensions that have run out."

    def handle(self, *args: Any, **options: Any) -> None:
        raised = 0
        for member in User.objects.filter(is_active=True).iterator(chunk_size=500):
            before = getattr(getattr(member, "standing", None), "trust_level", None)
            after = services.standing_recompute(member=member).trust_level
            raised += before is not None and after > before
        lifted = services.penalties_expire()
        self.stdout.write(f"standings counted; {raised} raised; {lifted} suspensions lifted")
