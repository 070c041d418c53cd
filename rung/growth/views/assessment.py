"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def self_assessment(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def gaps(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def ask_from_gap(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
