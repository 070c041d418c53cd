"""Placeholder until this part is built."""

from django.http import Http404, HttpRequest, HttpResponse


def translate_post(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
