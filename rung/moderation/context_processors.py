from functools import cached_property

from django.http import HttpRequest

from rung.moderation.selectors import review_queue_count


class ModerationHeader:
    """The header's link to the review queue, with its size, for staff moderators.

    Members of the Moderators group who are not staff use /moderation/ without the link:
    telling them apart would cost every member's every page a query. Nothing is read until
    a template asks, and then only for staff.
    """

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def queue_count(self) -> int | None:
        """The open reviews for a staff moderator; None for anyone else."""
        user = getattr(self.request, "user", None)
        if user is None or not user.is_active or not (user.is_staff or user.is_superuser):
            return None
        return review_queue_count()


def moderation(request: HttpRequest) -> dict[str, object]:
    """Put the header's moderation link in every page's context."""
    return {"moderation": ModerationHeader(request)}
