from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from rung.core import mail


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
