"""Reads of the notifications app: the bell's count, the notifications page, follows."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from rung.accounts.models import User
from rung.core.prepared_sql import PreparedRows
from rung.notifications.describe import Described, describe, grouped, open_path
from rung.notifications.models import Notification

# The bell shows "99+" past this: counting further would read more rows for nothing.
UNREAD_CAP = 99
PAGE_SIZE = 30


def unread_count(user: User) -> int:
    """The member's unread notices, up to UNREAD_CAP + 1: one query on a partial index."""
    return len(_unread_ids.rows(user.pk))


# The bell reads this on every page a member opens, so it is compiled once.
_unread_ids = PreparedRows(
    lambda pk: (
        Notification.objects.filter(recipient=pk, read_at=None)
        .order_by()
        .values_list("pk")[: UNREAD_CAP + 1]
    )
)


@dataclass(frozen=True)
class Line:
    """One line of the notifications page: a notice, or several of one kind on one thing."""

    notice: Notification
    ids: list[int]
    unread: bool
    said: Described
    url: str  # opens the line: marks it read, then goes where it leads


def _notices(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related("actor", "question", "topic")


def notification_lines(user: User, *, before: int | None = None) -> tuple[list[Line], int | None]:
    """A page of the member's notices, newest first, grouped; and the cursor for the next.

    Notices of a grouping kind about one question, all read or all unread, make one line
    ("3 new answers on …") where the newest of them stood.
    """
    notices = _notices(user)
    if before is not None:
        # The cursor is the last notice of the page before: only the member's own counts.
        last = Notification.objects.filter(recipient=user, pk=before).values("created_at").first()
        if last is None:
            return [], None
        notices = notices.filter(
            Q(created_at__lt=last["created_at"]) | Q(created_at=last["created_at"], pk__lt=before)
        )
    page = list(notices.order_by("-created_at", "-pk")[: PAGE_SIZE + 1])
    more = page[PAGE_SIZE - 1].pk if len(page) > PAGE_SIZE else None
    page = page[:PAGE_SIZE]
    lines = [
        Line(
            group[0],
            [n.pk for n in group],
            group[0].read_at is None,
            describe(group[0], len(group)),
            open_path(group),
        )
        for group in grouped(page)
    ]
    return lines, more


def notice_for(user: User, notice_id: int) -> Notification | None:
    """One of the member's own notices, or None: nobody opens another's."""
    return _notices(user).filter(pk=notice_id).first()
