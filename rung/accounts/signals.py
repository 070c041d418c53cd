"""Storage cleanup that must follow every way a member row disappears."""

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver

from rung.accounts.avatars import avatar_file_discard
from rung.accounts.models import User


# A signal, not a service: members are also deleted from the admin, in bulk and by
# cascades, and only the signal sees every one of those.
@receiver(post_delete, sender=User, dispatch_uid="rung.accounts.avatar_file_on_delete")
def avatar_file_on_delete(sender: type[User], instance: User, **kwargs: Any) -> None:
    avatar_file_discard(instance.avatar.name or "")
