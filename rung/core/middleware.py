"""Request annotations shared by every view."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class HtmxMiddleware:
    """Set `request.htmx` when the request was sent by htmx, and vary caches on it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.htmx = request.headers.get("HX-Request") == "true"  # type: ignore[attr-defined]
        response = self.get_response(request)
        if request.htmx:  # type: ignore[attr-defined]
            response.headers["Vary"] = ", ".join(
                filter(None, [response.headers.get("Vary"), "HX-Request"])
            )
        return response
