from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from rung.core import mail

# Browsers ask for /favicon.ico whatever the page links to; pages link the SVG.
FAVICON_ICO = (Path(__file__).resolve().parents[1] / "static" / "favicon.ico").read_bytes()


@require_safe
def health(request: HttpRequest) -> HttpResponse:
    """Answer load balancers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def kept_mail(request: HttpRequest) -> HttpResponse:
    """List the mail this server kept instead of sending (DEBUG only; 404 otherwise)."""
    if not mail.mailbox_open():
        raise Http404
    return render(request, "core/kept_mail.html", {"kept": mail.kept_mail()})


@require_safe
@cache_control(max_age=86_400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Serve the site icon at the address browsers request without being told."""
    return HttpResponse(FAVICON_ICO, content_type="image/x-icon")


def _private_prefixes() -> list[str]:
    """Return the address prefixes crawlers should leave alone: private pages, forms, results."""
    return [
        reverse("growth:home"),
        "/accounts/",
        "/moderation/",
        "/admin/",
        reverse("search:search"),
        reverse("qa:ask"),
        reverse("accounts:profile_edit"),
        reverse("languages:switch"),
        "/translate/",
        "/-/",
    ]


@require_safe
@cache_control(max_age=3_600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Let crawlers read the public questions, levels, topics and profiles, and nothing private."""
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {prefix}" for prefix in _private_prefixes()]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
