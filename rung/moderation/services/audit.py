"""The audit log: every moderator's and administrator's action, with the state before and after."""

from typing import Any

from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.moderation.models import (
    AuditEntry,
)
from rung.qa.models import Post, Question
from rung.qa.posts import post_kind, post_question


def post_label(post: Post) -> str:
    """Name a post for the audit log and the queue, never its author."""
    question = post_question(post)
    kind = post_kind(post)
    if kind == "question":
        return question.title[:200]
    return (
        _("%(kind)s %(id)s on “%(title)s”") % {"kind": kind, "id": post.pk, "title": question.title}
    )[:200]


def audit_record(
    *,
    actor: User,
    action: str,
    target_kind: str,
    target_id: int | None,
    target_label: str = "",
    reason: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Record one moderator or administrator action."""
    return AuditEntry.objects.create(
        actor=actor,
        actor_name=actor.username,
        action=action,
        target_kind=target_kind,
        target_id=target_id,
        target_label=target_label[:200],
        reason=reason[:500],
        before=before or {},
        after=after or {},
    )


def _post_state(post: Post) -> dict[str, Any]:
    state: dict[str, Any] = {"visibility": post.visibility, "deleted": post.is_deleted}
    if isinstance(post, Question):
        state |= {
            "locked": post.locked_at is not None,
            "duplicate_of": post.duplicate_of_id,
            "topics": sorted(post.topics.values_list("slug", flat=True)),
        }
    return state


def _fresh(post: Post) -> Post:
    return type(post)._default_manager.get(pk=post.pk)
