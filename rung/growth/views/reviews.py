"""Rating scales and review history: list, record, change and delete, for the owner only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, add_service_errors, save_form
from rung.core.submit_once import announce_create
from rung.growth.access import review_for_owner, scale_for_owner
from rung.growth.forms.reviews import (
    BaseScaleLevelFormSet,
    ReviewCycleCreateForm,
    ReviewCycleForm,
    ScaleForm,
    scale_level_formset,
)
from rung.growth.models import ReviewCycle
from rung.growth.selectors import reviews as selectors
from rung.growth.services import reviews as services
from rung.ladder.forms import wants_levels


def _render_scales(
    request: MemberRequest,
    *,
    form: ScaleForm | None = None,
    levels: BaseScaleLevelFormSet | None = None,
    delete_error: str = "",
    status: int = 200,
) -> HttpResponse:
    scales = selectors.scales_with_choices(request.user)
    context = {
        "presets": [scale for scale in scales if scale.owner_id is None],
        "custom_scales": [scale for scale in scales if scale.owner_id is not None],
        "form": form or ScaleForm(),
        "levels": levels if levels is not None else scale_level_formset(),
        "delete_error": delete_error,
    }
    return render(request, "growth/scales.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def scale_list(request: MemberRequest) -> HttpResponse:
    if request.method != "POST":
        return _render_scales(request)
    form = ScaleForm(request.POST)
    levels = scale_level_formset(request.POST)
    if form.is_valid() and levels.is_valid():
        try:
            scale = services.rating_scale_create(
                owner=request.user,
                name=form.cleaned_data["name"],
                levels=levels.levels(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Your scale “%(name)s” is ready to use.") % {"name": scale.name}
            )
            return redirect("growth:scales")
    return _render_scales(request, form=form, levels=levels, status=FORM_ERROR_STATUS)


@login_required
@require_POST
def scale_delete(request: MemberRequest, slug: str) -> HttpResponse:
    scale = scale_for_owner(request.user, slug)
    try:
        services.rating_scale_delete(scale=scale)
    except ValidationError as error:
        return _render_scales(
            request, delete_error=" ".join(error.messages), status=FORM_ERROR_STATUS
        )
    messages.success(request, _("The scale “%(name)s” was deleted.") % {"name": scale.name})
    return redirect("growth:scales")


@login_required
@require_safe
def review_list(request: MemberRequest) -> HttpResponse:
    history = selectors.review_history(request.user)
    return render(request, "growth/reviews.html", {"history": history})


def _render_form(
    request: MemberRequest, form: ReviewCycleForm, cycle: ReviewCycle | None, status: int
) -> HttpResponse:
    return render(request, "growth/review_form.html", {"form": form, "cycle": cycle}, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review_create(request: MemberRequest) -> HttpResponse:
    member = request.user
    if request.method != "POST":
        return _render_form(request, ReviewCycleCreateForm(owner=member), None, 200)
    if wants_levels(request.POST):
        # "Show levels" without JavaScript: the form again, with the chosen scale's levels.
        sent = ReviewCycleCreateForm(request.POST, owner=member)
        return _render_form(
            request, ReviewCycleCreateForm(owner=member, initial=sent.as_typed()), None, 200
        )
    form = ReviewCycleCreateForm(request.POST, owner=member)
    cycle = save_form(
        form,
        lambda data: services.review_cycle_create(
            owner=member, submit_token=data["submit_token"], **form.service_kwargs()
        ),
    )
    if cycle is not None:
        announce_create(
            request,
            cycle,
            saved=_("Review “%(name)s” saved.") % {"name": cycle.name},
            already=_("You had already saved the review “%(name)s”, so it was not saved twice.")
            % {"name": cycle.name},
        )
        return redirect(cycle.get_absolute_url())
    return _render_form(request, form, None, FORM_ERROR_STATUS)


@login_required
@require_safe
def review_detail(request: MemberRequest, public_id: str) -> HttpResponse:
    cycle = review_for_owner(request.user, public_id)
    return render(request, "growth/review_detail.html", {"cycle": cycle})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review_edit(request: MemberRequest, public_id: str) -> HttpResponse:
    member = request.user
    cycle = review_for_owner(request.user, public_id)
    if request.method != "POST":
        form = ReviewCycleForm(owner=member, initial=ReviewCycleForm.initial_for(cycle))
        return _render_form(request, form, cycle, 200)
    if wants_levels(request.POST):
        sent = ReviewCycleForm(request.POST, owner=member)
        return _render_form(
            request, ReviewCycleForm(owner=member, initial=sent.as_typed()), cycle, 200
        )
    form = ReviewCycleForm(request.POST, owner=member)
    if save_form(
        form, lambda data: services.review_cycle_update(cycle=cycle, **form.service_kwargs())
    ):
        messages.success(request, _("Review “%(name)s” updated.") % {"name": cycle.name})
        return redirect(cycle.get_absolute_url())
    return _render_form(request, form, cycle, FORM_ERROR_STATUS)


@login_required
@require_POST
def review_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    cycle = review_for_owner(request.user, public_id)
    services.review_cycle_delete(cycle=cycle)
    messages.success(request, _("Review “%(name)s” deleted.") % {"name": cycle.name})
    return redirect("growth:reviews")
