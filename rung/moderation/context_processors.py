from functools import cached_property

from django.http import HttpRequest

from rung.accounts.roles import is_moderator
from rung.moderation.selectors import review_queue_count


class QueueLink:
    """The header's link to the review queue: its count for moderators, None for anyone else.

    Nothing is asked of the database until a template reads `count`.
    """

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def count(self) -> int | None:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated or not is_moderator(user):
            return None
        return review_queue_count()


def moderation(request: HttpRequest) -> dict[str, object]:
    """Put the review queue's header link in every page's context."""
    return {"moderation_queue": QueueLink(request)}
