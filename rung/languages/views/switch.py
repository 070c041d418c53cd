"""Switch the interface language from any page, without JavaScript."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from rung.accounts.interface_language import (
    language_cookie_set,
    member_language_set,
    supported_language,
)
from rung.accounts.models import User


def _safe_next(request: HttpRequest) -> str:
    """Return the POSTed `next` if it stays on this site, else the home page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@csrf_exempt
@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """Set the interface language in a cookie and, for a member, on their profile.

    A visitor's switch carries no CSRF token: it only sets their language cookie, which a
    forged request could do no harm with, and pages for visitors hold no per-reader token,
    so they can be served whole from the cache (rung/qa/visitor_pages.py). A member's
    switch writes their profile, so theirs is checked as every other form is.
    """
    if isinstance(request.user, User) and request.user.is_authenticated:
        return _member_switch(request)
    return _switch(request)


@csrf_protect
def _member_switch(request: HttpRequest) -> HttpResponse:
    return _switch(request)


def _switch(request: HttpRequest) -> HttpResponse:
    language = supported_language(request.POST.get("language"))
    if not language:
        return render(request, "languages/language_unknown.html", status=400)
    if isinstance(request.user, User) and request.user.is_authenticated:
        member_language_set(member=request.user, language=language)
    # The redirect's own body is never read; activating only keeps Content-Language right.
    translation.activate(language)
    response = HttpResponseRedirect(_safe_next(request))
    language_cookie_set(response, language)
    return response
