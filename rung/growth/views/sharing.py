"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def share_list(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def shared_reviews(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def share_revoke(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def invite_accept(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def invite_decline(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def comment_create(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def comment_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
