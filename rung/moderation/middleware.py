"""Once a day per session: count the member's visit; once a minute: show their notices."""

import time
from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from rung.moderation import services

_DAY_KEY = "moderation_visit_day"
_NOTICES_KEY = "moderation_notices_at"
NOTICE_EVERY_SECONDS = 60


class VisitMiddleware:
    """Record the days a member visits (a trust level needs some) and hand them their notices.

    The session remembers the day and the last look at the notices, so a page view costs
    nothing more except once a day and once a minute.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and request.method == "GET":
            session = request.session
            today = timezone.localdate().isoformat()
            if session.get(_DAY_KEY) != today:
                services.visit_record(member=user)
                session[_DAY_KEY] = today
            now = time.time()
            if now - float(session.get(_NOTICES_KEY, 0)) >= NOTICE_EVERY_SECONDS:
                for text in services.notices_take(member=user):
                    messages.warning(request, text)
                session[_NOTICES_KEY] = now
        return self.get_response(request)
