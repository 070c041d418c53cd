"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def home(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
