"""Writes to a member's own account."""

from django.db import transaction

from rung.accounts.avatars import avatar_file_discard, avatar_file_name
from rung.accounts.forms import ProfileForm
from rung.accounts.models import User


def profile_save(*, form: ProfileForm) -> User:
    """Save a valid profile form; a replaced or cleared avatar's file goes after the commit."""
    with transaction.atomic():
        # The form has already put the new value on its instance; the row still has the old.
        previous = avatar_file_name(form.instance.pk)
        member = form.save()
        if previous != member.avatar.name:
            avatar_file_discard(previous)
    return member
