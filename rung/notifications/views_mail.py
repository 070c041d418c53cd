"""The notification settings page, and the unsubscribe links of notification mail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from rung.accounts.requests import MemberRequest
from rung.notifications import mailing, preferences, unsubscribe
from rung.notifications.forms import PreferencesForm


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def preferences_page(request: MemberRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            preferences.mail_choices_save(
                request.user, deliveries=form.deliveries(), digest=form.digest_frequency()
            )
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:preferences")
        status = 400
    else:
        choices = preferences.mail_choices(request.user)
        form = PreferencesForm(initial=PreferencesForm.initial_from(choices))
    context = {"form": form, "why_no_mail": mailing.why_no_mail(request.user)}
    return render(request, "notifications/preferences.html", context, status=status)


# Mail programs send RFC 8058's one-click POST with no cookie and no CSRF token; the signed
# token in the address is what proves the request came from the mail.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_page(request: HttpRequest, token: str) -> HttpResponse:
    """Ask before stopping (GET: link scanners open links), stop on POST, log-in or not."""
    template = "notifications/unsubscribe.html"
    try:
        subject = unsubscribe.token_read(token)
    except unsubscribe.BadToken as error:
        return render(request, template, {"error": error.message}, status=400)
    context = {
        "labels": unsubscribe.labels(subject.what),
        "digest": subject.what == [unsubscribe.DIGEST],
    }
    if request.method == "POST":
        if not unsubscribe.unsubscribe_apply(subject):
            gone = _("This unsubscribe link is not valid any more: its account is gone.")
            return render(request, template, {"error": gone}, status=400)
        context["done"] = True
    response = render(request, template, context)
    response["X-Robots-Tag"] = "noindex"
    return response
