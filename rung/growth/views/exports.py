"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def plan_markdown(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def plan_print(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def self_review_print(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def self_review_markdown(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
