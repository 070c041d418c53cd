"""Request annotations shared by every view."""

import ipaddress
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from rung.core.requests import HtmxRequest


class ResolvedUserMiddleware:
    """Put the member (or AnonymousUser) itself in `request.user`, not a lazy stand-in.

    AuthenticationMiddleware leaves a lazy object that loads the member on first use. Every
    page uses it at once (the member's language is read right after), and then reads it
    hundreds of times: the header, each post's controls and per-reader parts, the
    templates. Each read through the stand-in costs a few Python calls more than a plain
    attribute, which came to a tenth of a member's question page; loading it here once
    costs nothing the page would not spend anyway.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if hasattr(request, "user"):
            request.user = get_user(request)
        return self.get_response(request)


class HtmxMiddleware:
    """Set `request.htmx` when the request was sent by htmx, and vary caches on it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HtmxRequest) -> HttpResponse:
        request.htmx = request.headers.get("HX-Request") == "true"
        response = self.get_response(request)
        if request.htmx:
            patch_vary_headers(response, ["HX-Request"])
        return response


class ClientAddressMiddleware:
    """Put the client's own address in REMOTE_ADDR when Rung runs behind trusted proxies.

    With RUNG_TRUSTED_PROXIES = n, the client is the n-th address from the right of
    X-Forwarded-For: each of the operator's proxies appends the address it was called from,
    and anything further left was written by the client and proves nothing. A request
    with fewer entries did not come through all the proxies; its connecting address stays.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        proxies = settings.RUNG_TRUSTED_PROXIES
        if proxies > 0:
            hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
            if len(hops) >= proxies:
                try:
                    client = ipaddress.ip_address(hops[-proxies])
                except ValueError:
                    pass
                else:
                    request.META["REMOTE_ADDR"] = str(client)
        return self.get_response(request)


def mark_rate_limited(request: HttpRequest, retry_after: int) -> None:
    """Note that a limit refused this request; the response becomes a 429 with Retry-After."""
    request.rung_retry_after = retry_after  # type: ignore[attr-defined]


class RateLimitedMiddleware:
    """Answer a request a limit refused with 429 and Retry-After, whatever page it shows.

    The page itself (a form with the limit's message, say) is rendered by the view; this
    only makes the status say what happened, so scripts and proxies can tell too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        retry_after = getattr(request, "rung_retry_after", None)
        if (
            retry_after is not None
            and not 300 <= response.status_code < 400
            and response.status_code < 500
        ):
            response.status_code = 429
            response.reason_phrase = "Too Many Requests"
            response["Retry-After"] = str(retry_after)
        return response


class HeadMiddleware:
    """Send a HEAD response's headers without its body, as HTTP asks.

    Django renders HEAD like GET; its development server drops the body, but a WSGI server
    such as gunicorn has to, and warns each time. Outermost, so Content-Length (set by
    CommonMiddleware) stays the length GET would send.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            response.content = b""
        return response
