"""Keep how far a member has watched a lesson."""

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from rung.accounts.models import User
from rung.learn.models import Lesson, Progress
from rung.learn.selectors import COMPLETE_SHARE


def watching_key(member_id: int) -> str:
    """Return the cache key under which pages keep what a member has watched."""
    return f"learn-watching:{member_id}"


def progress_save(
    *, member: User, lesson: Lesson, position_ms: int, ended: bool = False
) -> Progress:
    """Record a member's position in a lesson; past 90 % (or at its end) it counts as watched.

    The furthest point only grows and a watched lesson stays watched, so a reader who
    goes back to rewatch a minute keeps what they finished. Reports come from several tabs
    and retries in any order; the row is one per member and lesson, locked while written.
    """
    duration = lesson.duration_ms
    position = max(0, min(position_ms, duration) if duration else position_ms)
    if ended and duration:
        # The end was reached: the next visit starts again rather than at the last report.
        position = duration
    now = timezone.now()
    with transaction.atomic():
        row, _created = Progress.objects.select_for_update().get_or_create(
            member=member, lesson=lesson
        )
        row.position_ms = position
        row.furthest_ms = max(row.furthest_ms, position)
        if row.completed_at is None and (
            ended or (duration and row.furthest_ms >= duration * COMPLETE_SHARE)
        ):
            row.completed_at = now
        row.updated_at = now
        row.save(update_fields=["position_ms", "furthest_ms", "completed_at", "updated_at"])
    # Forgotten now and once the write is visible, so no page keeps what it read before.
    cache.delete(watching_key(member.pk))
    transaction.on_commit(lambda: cache.delete(watching_key(member.pk)))
    return row
