"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def log_list(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def log_edit(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def log_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def self_review_list(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def self_review_detail(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def self_review_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
