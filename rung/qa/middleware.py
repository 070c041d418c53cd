"""Serve visitors' stored pages before the rest of the middleware runs."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.middleware.common import CommonMiddleware
from django.middleware.locale import LocaleMiddleware

from rung.qa import visitor_pages


class VisitorPageMiddleware:
    """Answer a visitor's request for a stored page early (rung/qa/visitor_pages.py).

    Placed after the security, content security policy and static file middleware (their
    work applies to every response) and before sessions. For the requests it answers it
    first does what CommonMiddleware and LocaleMiddleware do before a view (refuse a
    blocked user agent, check the host, redirect to "www." when asked to, choose the
    language from the cookie or Accept-Language), with their own code.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.common = CommonMiddleware(get_response)
        self.locale = LocaleMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not visitor_pages.early_eligible(request):
            return self.get_response(request)
        if self.common.process_request(request) is None:
            self.locale.process_request(request)
            response = visitor_pages.serve_early(request)
            if response is not None:
                return response
        response = self.get_response(request)
        visitor_pages.keep_headers(request, response)
        return response
