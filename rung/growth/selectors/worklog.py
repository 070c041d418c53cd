"""Reads for the work log and self-review drafts, paged so deep pages cost the same."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from rung.accounts.models import User
from rung.growth.models import CheckIn, Goal, LogEntry, SelfReview
from rung.ladder.models import Axis

LOG_PAGE_SIZE = 30
SELF_REVIEW_LIST_LIMIT = 100


@dataclass(frozen=True)
class LogPage:
    entries: list[LogEntry]
    # The public id of the last entry shown; the next page starts after it.
    next_cursor: str | None


def owner_goals(owner: User) -> QuerySet[Goal]:
    """Return every goal in a member's plans, with its plan, for choosing one."""
    return (
        Goal.objects.filter(plan__owner=owner)
        .select_related("plan")
        .order_by("plan__title", "plan_id", "created_at", "id")
    )


def log_entry_for_question(owner: User, question_id: int) -> LogEntry | None:
    """Return the entry that records the outcome of the owner's question, if they added it."""
    return LogEntry.objects.filter(owner=owner, question_id=question_id).first()


def log_page(
    owner: User,
    *,
    axis: Axis | None = None,
    goal: Goal | None = None,
    after: str | None = None,
    size: int = LOG_PAGE_SIZE,
) -> LogPage:
    """Return one page of a member's log, newest first, optionally for one axis or goal.

    `after` is the public id of the last entry of the previous page; the cursor names a
    row rather than its date and internal id so an address reveals neither.
    """
    entries = LogEntry.objects.filter(owner=owner)
    if axis is not None:
        entries = entries.filter(axis=axis)
    if goal is not None:
        entries = entries.filter(goal=goal)
    if after:
        last = LogEntry.objects.filter(owner=owner, public_id=after).values("date", "id").first()
        if last is not None:
            entries = entries.filter(
                Q(date__lt=last["date"]) | Q(date=last["date"], id__lt=last["id"])
            )
    rows = list(
        entries.select_related("axis", "goal", "goal__plan").order_by("-date", "-id")[: size + 1]
    )
    next_cursor = rows[size - 1].public_id if len(rows) > size else None
    return LogPage(entries=rows[:size], next_cursor=next_cursor)


def self_review_material(
    owner: User, *, start: datetime.date, end: datetime.date, limit: int
) -> tuple[list[LogEntry], list[CheckIn]]:
    """Return a period's log entries and check-ins, oldest first, at most `limit` of each.

    Entries are the oldest `limit`: a caller that gets `limit` back should treat the period
    as too big to draft. Check-ins are the newest `limit`, enough to show each goal's latest.
    """
    entries = list(
        LogEntry.objects.filter(owner=owner, date__gte=start, date__lte=end)
        .select_related("axis", "goal", "goal__axis")
        .order_by("date", "id")[:limit]
    )
    # Newest first, so a cut keeps the latest check-in of each goal; then back to oldest.
    newest_check_ins = list(
        CheckIn.objects.filter(goal__plan__owner=owner, date__gte=start, date__lte=end)
        .select_related("goal", "goal__axis")
        .order_by("-date", "-id")[:limit]
    )
    return entries, newest_check_ins[::-1]


def self_reviews_for_owner(owner: User, *, limit: int = SELF_REVIEW_LIST_LIMIT) -> list[SelfReview]:
    """Return a member's newest self-review drafts, without their text."""
    return list(
        SelfReview.objects.filter(owner=owner).defer("text").order_by("-created_at", "-id")[:limit]
    )
