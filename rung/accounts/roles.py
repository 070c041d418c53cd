"""Who a member is to the site: a moderator, an administrator, or neither.

Moderators are a role, not a flag: staff members, superusers and members of the
Moderators group all act as one. Every check asks here, so a page, a task and an API
decide the same way.
"""

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser, Group

from rung.accounts.models import User
from rung.core.prepared_sql import PreparedRows

MODERATORS_GROUP = "Moderators"
# Asked on most pages a member opens, so compiled once (rung/core/prepared_sql.py).
_in_moderators = PreparedRows(
    lambda pk: Group.objects.filter(user=pk, name=MODERATORS_GROUP).values_list("pk")[:1]
)

Member = User | AnonymousUser | None


def is_moderator(member: Member) -> bool:
    """Say whether a member may moderate: active and staff, superuser or in the group."""
    if not isinstance(member, User) or not member.is_active:
        return False
    if member.is_superuser or member.is_staff:
        return True
    # Kept on the member object: a page asks several times per request.
    cached: bool | None = getattr(member, "_rung_in_moderators", None)
    if cached is None:
        cached = bool(_in_moderators.rows(member.pk))
        member._rung_in_moderators = cached  # type: ignore[attr-defined]
    return cached


def is_administrator(member: Member) -> bool:
    """Say whether a member administers the site: an active superuser."""
    return isinstance(member, User) and member.is_active and member.is_superuser


def can_reveal_anonymous(member: Member) -> bool:
    """Say whether a member may see who wrote an anonymous post: administrators only."""
    return is_administrator(member)


# Trust levels are earned in the moderation app, above this layer; apps beside it (growth's
# invitations) ask here. Without moderation installed every member counts as trusted.
NEW_MEMBER = 0
_trust_source: Callable[[User], int] | None = None


def trust_level_source_set(source: Callable[[User], int] | None) -> None:
    """Say where members' trust levels come from (moderation sets it when it starts)."""
    global _trust_source
    _trust_source = source


def is_new_member(member: User) -> bool:
    """Say whether a member is at the lowest trust level, where limits are tightest."""
    if is_moderator(member) or _trust_source is None:
        return False
    return _trust_source(member) <= NEW_MEMBER
