"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def scale_list(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def scale_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def review_list(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def review_create(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def review_detail(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def review_edit(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def review_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
