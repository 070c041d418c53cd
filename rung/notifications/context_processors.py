from functools import cached_property

from django.http import HttpRequest

from rung.notifications.selectors import UNREAD_CAP, unread_count


class Bell:
    """The header's bell: read only when a template asks, and only for members."""

    cap = UNREAD_CAP

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    @cached_property
    def unread(self) -> int | None:
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        return unread_count(user)


def bell(request: HttpRequest) -> dict[str, object]:
    return {"bell": Bell(request)}
