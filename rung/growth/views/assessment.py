"""Self-assessment against the ladder, the gaps it shows, and asking the community from one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, add_service_errors
from rung.growth.forms.assessment import AskFromGapForm, LevelForm, SelfAssessmentForm
from rung.growth.selectors import assessment as selectors
from rung.growth.selectors import plans as plan_selectors
from rung.growth.services import assessment as services
from rung.ladder.models import Axis
from rung.qa.views.posting import ASK_PREFILL_SESSION_KEY


def _pick_level(request: MemberRequest, member: User) -> HttpResponse:
    if request.method == "POST":
        form = LevelForm(request.POST)
        if form.is_valid():
            services.member_level_set(member=member, level=form.cleaned_data["level"])
            messages.success(request, _("Your level was saved. Now mark each expectation."))
            return redirect("growth:assessment")
        status = FORM_ERROR_STATUS
    else:
        form = LevelForm()
        status = 200
    return render(request, "growth/assessment.html", {"level_form": form}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def self_assessment(request: MemberRequest) -> HttpResponse:
    member = request.user
    position = selectors.ladder_position(member)
    if position.level is None:
        return _pick_level(request, member)
    expectations = selectors.assessable_expectations(position)
    if request.method == "POST":
        form = SelfAssessmentForm(
            request.POST, expectations=expectations, next_level=position.next_level
        )
        if form.is_valid():
            try:
                services.self_assessment_save(owner=member, entries=form.entries())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your self-assessment was saved."))
                return redirect("growth:assessment")
        status = FORM_ERROR_STATUS
    else:
        existing = selectors.self_assessments_for(member, expectations)
        form = SelfAssessmentForm(
            initial=SelfAssessmentForm.initial_for(existing),
            expectations=expectations,
            next_level=position.next_level,
        )
        status = 200
    return render(
        request,
        "growth/assessment.html",
        {"form": form, "position": position},
        status=status,
    )


@login_required
@require_safe
def gaps(request: MemberRequest) -> HttpResponse:
    report = selectors.axis_gaps(request.user)
    latest_plan = plan_selectors.latest_plan(request.user)
    return render(request, "growth/gaps.html", {"report": report, "latest_plan": latest_plan})


def _ask_data(request: MemberRequest, rated_slugs: set[str]) -> QueryDict | None:
    """Return the choices to bind, or None on a first visit with nothing picked yet."""
    if request.method == "POST":
        return request.POST
    if "step" in request.GET:
        return request.GET
    if "axes" not in request.GET:
        return None
    # Arriving from the gap view: offer the ratings of the picked axes, nothing else.
    data = request.GET.copy()
    data.setlist("ratings", [slug for slug in data.getlist("axes") if slug in rated_slugs])
    return data


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def ask_from_gap(request: MemberRequest) -> HttpResponse:
    member = request.user
    axes = list(Axis.objects.all())
    review = selectors.latest_review(member)
    rated = {axis.slug for axis in axes if axis.pk in review.ratings}
    data = _ask_data(request, rated)
    form = AskFromGapForm(data, axes=axes, ratings=review.ratings)
    if data is None:
        return render(request, "growth/ask_from_gap.html", {"form": form})
    if not form.is_valid():
        return render(request, "growth/ask_from_gap.html", {"form": form}, status=FORM_ERROR_STATUS)
    draft = selectors.ask_draft(
        member,
        axes=form.chosen_axes(),
        rating_axes=form.rating_axes(),
        include_company=form.cleaned_data["include_company"],
        include_notes=form.cleaned_data["include_notes"],
        review=review,
    )
    if request.method == "POST":
        # Nothing is posted here: the ask form shows the draft once, and the member
        # decides there whether to publish it.
        request.session[ASK_PREFILL_SESSION_KEY] = draft.as_initial()
        messages.info(request, _("Your draft is below. Edit it, then post it when ready."))
        return redirect("qa:ask")
    return render(request, "growth/ask_from_gap.html", {"form": form, "draft": draft})
