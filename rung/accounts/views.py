from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from rung.accounts import selectors, services
from rung.accounts.forms import DirectoryFilterForm, MemberSuggestForm, ProfileForm
from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.accounts.slots import (
    answer_totals_source,
    directory_extension,
    profile_actions,
    profile_highlights,
    profile_sections,
)
from rung.core import ratelimit
from rung.core.forms import FORM_ERROR_STATUS

MEMBERS_PER_PAGE = 30
DIRECTORY_SORT_LABELS = [
    ("reputation", gettext_lazy("Reputation")),
    ("answers", gettext_lazy("Most answers")),
    ("newest", gettext_lazy("Newest")),
]


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    """List active members, searchable by name or headline, filtered by level, company and
    expertise, sorted by reputation, answers or join date.

    Numbered pages, since readers jump around a directory; a page number that is not one
    (or is past the end) shows the nearest page there is.
    """
    extension = directory_extension()
    counts_answers = answer_totals_source() is not None
    sorts = [
        (value, label)
        for value, label in DIRECTORY_SORT_LABELS
        if (value != "reputation" or extension is not None)
        and (value != "answers" or counts_answers)
    ]
    default_sort = sorts[0][0] if sorts else "newest"
    sort = request.GET.get("sort", default_sort)
    if sort not in {value for value, _label in sorts} | {"newest"}:
        sort = default_sort
    form = DirectoryFilterForm(request.GET)
    context: dict[str, object] = {
        "form": form,
        "sort": sort,
        "sorts": sorts if len(sorts) > 1 else [],
        "counts_answers": counts_answers,
        "keeps_reputation": extension is not None,
        "links": extension.links() if extension is not None else (),
        "page": None,
    }
    if not form.is_valid():
        return render(request, "accounts/directory.html", context, status=FORM_ERROR_STATUS)
    filters = form.cleaned_data
    members = selectors.member_directory(
        query=filters["q"],
        level=filters["level"],
        company=filters["company"],
        expertise=filters["expertise"],
        sort=sort,  # type: ignore[arg-type]
    )
    page = Paginator(members, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    selectors.directory_answer_totals(rows)
    if extension is not None:
        extension.decorate(rows)
    context.update(
        page=page,
        rows=rows,
        filtered=any(filters[name] for name in ("q", "level", "company", "expertise")),
    )
    return render(request, "accounts/directory.html", context)


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    try:
        member = User.objects.select_related(*selectors.byline_related(), "track").get(
            username=username, is_active=True
        )
    except User.DoesNotExist:
        raise Http404("No such member.") from None
    return render(
        request,
        "accounts/profile.html",
        {
            "member": member,
            # Reputation and badges, the member's posts and whatever else apps above
            # accounts show (accounts/slots.py).
            "highlights": profile_highlights.render(request, member),
            "sections": profile_sections.render(request, member),
            "actions": profile_actions.render(request, member),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def profile_edit(request: MemberRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES, instance=user)
        if form.is_valid():
            member = services.profile_save(form=form)
            if member.ui_language:
                # Confirm in the language just chosen: the next page will be in it too.
                translation.activate(member.ui_language)
            messages.success(request, _("Your profile was saved."))
            return redirect(user.get_absolute_url())
        status = 400
    else:
        form = ProfileForm(instance=user)
        status = 200
    return render(request, "accounts/profile_edit.html", {"form": form}, status=status)


# The editor asks as a member types, a request per pause; this leaves room for fast typing
# and bounds a script to a few index reads a second.
SUGGEST_RATE = ratelimit.Rate(120, 60)
SUGGEST_CACHE_SECONDS = 60


@login_required
@require_safe
def member_suggest(request: MemberRequest) -> HttpResponse:
    """Return, as JSON, up to eight active members whose username or name starts with `q`.

    For the editor's @mention suggestions: members only, a bounded index read, limited per
    member, and cached by the browser for a minute.
    """
    form = MemberSuggestForm(request.GET)
    if not form.is_valid():
        errors = [str(message) for field in form.errors.values() for message in field]
        return JsonResponse({"error": " ".join(errors)}, status=FORM_ERROR_STATUS)
    if settings.RUNG_RATE_LIMITS:
        verdict = ratelimit.hit("member-suggest", str(request.user.pk), SUGGEST_RATE)
        if not verdict.allowed:
            response = JsonResponse({"error": _("Too many look-ups; wait a moment.")}, status=429)
            response["Retry-After"] = str(verdict.retry_after)
            return response
    members = selectors.member_suggestions(form.cleaned_data["q"])
    response = JsonResponse(
        {"members": [{"username": member.username, "name": member.name} for member in members]}
    )
    response["Cache-Control"] = f"private, max-age={SUGGEST_CACHE_SECONDS}"
    return response
