"""Storage cleanup that must follow every way a member row disappears, and the version of
what pages show of members."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from rung.accounts.avatars import avatar_file_discard
from rung.accounts.models import User
from rung.core.people_version import people_changed


# A signal, not a service: members are also deleted from the admin, in bulk and by
# cascades, and only the signal sees every one of those.
@receiver(post_delete, sender=User, dispatch_uid="rung.accounts.avatar_file_on_delete")
def avatar_file_on_delete(sender: type[User], instance: User, **kwargs: Any) -> None:
    avatar_file_discard(instance.avatar.name or "")


# Fields a save may write without changing anything a page shows of the member.
_UNSHOWN_FIELDS = frozenset({"last_login", "password", "ui_language", "email"})


@receiver(post_save, sender=User, dispatch_uid="rung.accounts.people_version_on_save")
def people_version_on_save(
    sender: type[User],
    instance: User,
    created: bool = False,
    update_fields: frozenset[str] | None = None,
    **kwargs: Any,
) -> None:
    """A member's name, headline, level or avatar may have changed: cached pages showing them
    are rendered again (rung/core/people_version.py). A new member is on no page yet."""
    if created or (update_fields is not None and update_fields <= _UNSHOWN_FIELDS):
        return
    people_changed()


@receiver(post_delete, sender=User, dispatch_uid="rung.accounts.people_version_on_delete")
def people_version_on_delete(sender: type[User], instance: User, **kwargs: Any) -> None:
    people_changed()
