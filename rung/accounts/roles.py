"""Who moderates and who administers: roles asked of a member, never of a request."""

from rung.accounts.models import User

MODERATORS_GROUP = "Moderators"


def is_moderator(member: User) -> bool:
    """Say whether an active member moderates: a superuser, staff, or in the Moderators group."""
    if not member.is_authenticated or not member.is_active:
        return False
    if member.is_superuser or member.is_staff:
        return True
    return member.groups.filter(name=MODERATORS_GROUP).exists()


def is_administrator(member: User) -> bool:
    """Say whether a member administers the site: an active superuser."""
    return bool(member.is_authenticated and member.is_active and member.is_superuser)


def can_reveal_anonymous(member: User) -> bool:
    """Say whether a member may see who wrote an anonymous post (administrators only)."""
    return is_administrator(member)
