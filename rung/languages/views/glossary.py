"""Placeholder until this part is built."""

from django.http import Http404, HttpRequest, HttpResponse


def glossary_page(request: HttpRequest, **kwargs: object) -> HttpResponse:
    raise Http404
