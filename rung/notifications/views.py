"""The notifications page, the bell's count, and opening a notice."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST, require_safe

from rung.accounts.requests import MemberRequest
from rung.notifications import selectors, services
from rung.notifications.describe import describe


def _bad(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "400.html", {"message": message}, status=400)


def _cursor(value: str | None) -> int | bool | None:
    if value is None or value == "":
        return None
    return int(value) if value.isdigit() and len(value) < 19 else False


@login_required
@require_safe
def notification_list(request: MemberRequest) -> HttpResponse:
    before = _cursor(request.GET.get("before"))
    if before is False:
        return _bad(request, _("“before” takes the number of a notice."))
    assert before is not True
    lines, more = selectors.notification_lines(request.user, before=before)
    context = {"lines": lines, "more": more, "unread": selectors.unread_count(request.user)}
    return render(request, "notifications/list.html", context)


@never_cache
@require_safe
def bell(request: HttpRequest) -> HttpResponse:
    """The unread count for the header's script; logged out it is simply zero."""
    count = selectors.unread_count(request.user) if request.user.is_authenticated else 0
    return JsonResponse({"unread": count, "cap": selectors.UNREAD_CAP})


@login_required
@require_POST
def mark_read(request: MemberRequest) -> HttpResponse:
    raw = request.POST.getlist("id")
    if raw and not all(value.isdigit() and len(value) < 19 for value in raw):
        return _bad(request, _("Say which notices to mark read by their numbers."))
    services.mark_read(request.user, [int(v) for v in raw] if raw else None)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_GET
def notice_open(request: MemberRequest, notice_id: int) -> HttpResponse:
    """Mark a notice (and the others of its line) read, then go where it leads."""
    notice = selectors.notice_for(request.user, notice_id)
    if notice is None:
        return render(request, "404.html", status=404)
    raw = [v for v in request.GET.getlist("also") if v.isdigit() and len(v) < 19]
    services.mark_read(request.user, {notice.pk, *(int(v) for v in raw)})
    return redirect(describe(notice).url)
