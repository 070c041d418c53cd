"""What Rung's middleware adds to a request, as types for view annotations.

These classes are never instantiated: Django builds a plain `HttpRequest`, and
`HtmxMiddleware` sets `htmx` on it. Annotating a view's request with them lets mypy check
what the view reads. A view for signed-in members takes `accounts.requests.MemberRequest`,
whose `user` is a member.
"""

from django.http import HttpRequest


class HtmxRequest(HttpRequest):
    """A request as every view sees it: `htmx` says whether htmx sent it."""

    htmx: bool
