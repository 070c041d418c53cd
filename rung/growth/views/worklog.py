"""The work log and the self-review drafts made from it; both private to their owner."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, save_form
from rung.core.submit_once import announce_create
from rung.growth.access import log_entry_for_owner, question_asked_by, self_review_for_owner
from rung.growth.forms.worklog import (
    LogEntryCreateForm,
    LogEntryForm,
    LogFilterForm,
    SelfReviewCreateForm,
    SelfReviewForm,
)
from rung.growth.selectors import worklog as selectors
from rung.growth.services import worklog as services
from rung.growth.views.workspace import render_home


def _entry_fields(data: dict[str, Any]) -> dict[str, Any]:
    return {"date": data["date"], "text": data["text"], "axis": data["axis"], "goal": data["goal"]}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def log_list(request: MemberRequest) -> HttpResponse:
    member = request.user
    status = 200
    # Its own id prefix: the add form on the same page has fields of the same names.
    filters = LogFilterForm(request.GET or None, owner=member, auto_id="filter_%s")
    axis = goal = None
    if filters.is_bound:
        if filters.is_valid():
            axis, goal = filters.cleaned_data["axis"], filters.cleaned_data["goal"]
        else:
            status = FORM_ERROR_STATUS
    if request.method == "POST":
        form = LogEntryCreateForm(request.POST, owner=member)
        entry = save_form(
            form,
            lambda data: services.log_entry_create(
                owner=member, submit_token=data["submit_token"], **_entry_fields(data)
            ),
        )
        if entry is not None:
            announce_create(
                request,
                entry,
                saved=_("Added to your work log."),
                already=_("This entry was already in your work log, so it was not added twice."),
            )
            # Back to the first page, keeping the filter, where the new entry shows.
            query = request.GET.copy()
            query.pop("after", None)
            return redirect(f"{reverse('growth:log')}?{query.urlencode()}".rstrip("?"))
        status = FORM_ERROR_STATUS
    else:
        # Adding while a filter is on tags the new entry the same way.
        form = LogEntryCreateForm(
            owner=member,
            initial={
                "axis": axis.slug if axis else None,
                "goal": goal.public_id if goal else None,
            },
        )
    page = selectors.log_page(member, axis=axis, goal=goal, after=request.GET.get("after"))
    return render(
        request,
        "growth/log.html",
        {
            "form": form,
            "filters": filters,
            "page": page,
            "is_first_page": not request.GET.get("after"),
            "is_filtered": axis is not None or goal is not None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def log_edit(request: MemberRequest, public_id: str) -> HttpResponse:
    member = request.user
    entry = log_entry_for_owner(request.user, public_id)
    status = 200
    if request.method == "POST":
        form = LogEntryForm(request.POST, owner=member)
        if save_form(
            form, lambda data: services.log_entry_update(entry=entry, **_entry_fields(data))
        ):
            messages.success(request, _("The log entry was updated."))
            return redirect("growth:log")
        status = FORM_ERROR_STATUS
    else:
        form = LogEntryForm(owner=member, initial=LogEntryForm.initial_for(entry))
    return render(request, "growth/log_form.html", {"form": form, "entry": entry}, status=status)


@login_required
@require_POST
def log_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    entry = log_entry_for_owner(request.user, public_id)
    services.log_entry_delete(entry=entry)
    messages.success(request, _("The log entry was deleted."))
    return redirect("growth:log")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def self_review_list(request: MemberRequest) -> HttpResponse:
    member = request.user
    status = 200
    if request.method == "POST":
        form = SelfReviewCreateForm(request.POST)
        review = save_form(form, lambda data: services.self_review_create(owner=member, **data))
        if review is not None:
            announce_create(
                request,
                review,
                saved=_("Your draft is ready. Edit it until it sounds like you."),
                already=_("You had already drafted this self-review, so it was not drafted twice."),
            )
            return redirect("growth:self_review", review.public_id)
        status = FORM_ERROR_STATUS
    else:
        form = SelfReviewCreateForm()
    reviews = selectors.self_reviews_for_owner(member)
    return render(
        request,
        "growth/self_reviews.html",
        {
            "form": form,
            "reviews": reviews,
            "limited": len(reviews) >= selectors.SELF_REVIEW_LIST_LIMIT,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def self_review_detail(request: MemberRequest, public_id: str) -> HttpResponse:
    review = self_review_for_owner(request.user, public_id)
    status = 200
    if request.method == "POST":
        form = SelfReviewForm(request.POST)
        if save_form(form, lambda data: services.self_review_update(review=review, **data)):
            messages.success(request, _("Your draft was saved."))
            return redirect("growth:self_review", review.public_id)
        status = FORM_ERROR_STATUS
    else:
        form = SelfReviewForm(initial={"title": review.title, "text": review.text})
    return render(
        request, "growth/self_review.html", {"form": form, "review": review}, status=status
    )


@login_required
@require_POST
def self_review_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    review = self_review_for_owner(request.user, public_id)
    services.self_review_delete(review=review)
    messages.success(request, _("The self-review draft was deleted."))
    return redirect("growth:self_reviews")


@login_required
@require_POST
def outcome_to_log(request: MemberRequest, question_id: int) -> HttpResponse:
    """Add the outcome of the member's own question to their work log (once)."""
    question = question_asked_by(request.user, question_id)
    try:
        _entry, added = services.log_entry_from_outcome(owner=request.user, question=question)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return render_home(request, status=FORM_ERROR_STATUS)
    if added:
        messages.success(request, _("The outcome was added to your work log."))
    else:
        messages.info(request, _("This outcome is already in your work log."))
    return redirect(f"{question.get_absolute_url()}#outcome")
