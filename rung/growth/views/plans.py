"""Placeholder until this area is built."""

from django.http import Http404, HttpRequest, HttpResponse


def plan_list(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def plan_create(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def plan_detail(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def plan_edit(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def plan_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def goal_create(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def goal_edit(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def goal_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def action_create(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def action_toggle(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def action_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def checkin_create(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def checkin_edit(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404


def checkin_delete(request: HttpRequest, **kwargs: str) -> HttpResponse:
    raise Http404
