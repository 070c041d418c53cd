"""Growth plans, their goals, the actions towards them and dated check-ins.

A plan page is seen by its owner and by the people it is shared with; every change is the
owner's alone. Rows are fetched through rung/growth/access.py, so outsiders get 404 and
people it is shared with get 403 on writes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, save_form
from rung.core.submit_once import announce_create
from rung.growth.access import (
    action_access,
    checkin_access,
    goal_access,
    plan_access,
    plan_for_owner,
)
from rung.growth.forms.plans import (
    ActionForm,
    CheckInCreateForm,
    CheckInForm,
    GoalCreateForm,
    GoalForm,
    PlanCreateForm,
    PlanForm,
    PlanFromGapsForm,
)
from rung.growth.models import Goal
from rung.growth.selectors import assessment as gap_selectors
from rung.growth.selectors import plans as selectors
from rung.growth.services import plans as services
from rung.ladder.models import Axis


def _goal_url(goal: Goal) -> str:
    return f"{goal.plan.get_absolute_url()}#goal-{goal.public_id}"


@login_required
@require_safe
def plan_list(request: MemberRequest) -> HttpResponse:
    plans = selectors.plans_for_owner(request.user)
    return render(
        request,
        "growth/plans.html",
        {"plans": plans, "limited": len(plans) >= selectors.PLAN_LIST_LIMIT},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_create(request: MemberRequest) -> HttpResponse:
    status = 200
    if request.method == "POST":
        form = PlanCreateForm(request.POST)
        member = request.user
        plan = save_form(form, lambda data: services.plan_create(owner=member, **data))
        if plan is not None:
            announce_create(
                request,
                plan,
                saved=_("Your plan was created. Add a first goal."),
                already=_("You had already created this plan, so it was not created twice."),
            )
            return redirect(plan.get_absolute_url())
        status = FORM_ERROR_STATUS
    else:
        form = PlanCreateForm()
    return render(request, "growth/plan_form.html", {"form": form}, status=status)


def _ticked_axes(slugs: list[str]) -> list[Axis]:
    """Return the rubric axes named, in the rubric's order; unknown names are left out."""
    return list(Axis.objects.filter(slug__in=slugs[:50]).order_by("order", "pk"))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_from_gaps(request: MemberRequest) -> HttpResponse:
    """Start a plan with one goal per gap ticked on the gaps page, each worded first."""
    member = request.user
    data = request.POST if request.method == "POST" else request.GET
    axes = _ticked_axes(data.getlist("axes"))
    review = gap_selectors.latest_review(member)
    position = gap_selectors.ladder_position(member)
    titles = {
        axis.pk: gap_selectors.gap_goal_title(axis, review=review, position=position)
        for axis in axes
    }
    if request.method != "POST":
        form = PlanFromGapsForm(
            initial={"title": gap_selectors.gap_plan_title(position)}, axes=axes, goal_titles=titles
        )
        status = 200 if axes else FORM_ERROR_STATUS
        return render(request, "growth/plan_from_gaps.html", {"form": form}, status=status)
    form = PlanFromGapsForm(request.POST, axes=axes, goal_titles=titles)
    plan = save_form(
        form,
        lambda data: services.plan_create_from_gaps(
            owner=member,
            title=data["title"],
            summary=data["summary"],
            goals=form.goals(),
            target_date=data.get("target_date"),
            submit_token=data.get("submit_token"),
        ),
    )
    if plan is not None:
        messages.success(request, _("Your plan was created with a goal for each gap you ticked."))
        return redirect(plan.get_absolute_url())
    return render(request, "growth/plan_from_gaps.html", {"form": form}, status=FORM_ERROR_STATUS)


@login_required
@require_safe
def plan_detail(request: MemberRequest, public_id: str) -> HttpResponse:
    access = plan_access(request.user, public_id, what="plan")
    return render(
        request,
        "growth/plan_detail.html",
        {
            "plan": access.plan,
            "access": access,
            "goals": selectors.plan_goals(access.plan),
            "shared_view": not access.is_owner,
            "action_max_length": ActionForm.base_fields["text"].max_length,  # type: ignore[attr-defined]
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_edit(request: MemberRequest, public_id: str) -> HttpResponse:
    plan = plan_for_owner(request.user, public_id)
    status = 200
    if request.method == "POST":
        form = PlanForm(request.POST)
        if save_form(form, lambda data: services.plan_update(plan=plan, **data)):
            messages.success(request, _("Your plan was updated."))
            return redirect(plan.get_absolute_url())
        status = FORM_ERROR_STATUS
    else:
        form = PlanForm(initial={"title": plan.title, "summary": plan.summary})
    return render(request, "growth/plan_form.html", {"form": form, "plan": plan}, status=status)


@login_required
@require_POST
def plan_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    plan = plan_for_owner(request.user, public_id)
    services.plan_delete(plan=plan)
    messages.success(request, _("Your plan was deleted."))
    return redirect("growth:plans")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_create(request: MemberRequest, public_id: str) -> HttpResponse:
    plan = plan_for_owner(request.user, public_id)
    status = 200
    if request.method == "POST":
        form = GoalCreateForm(request.POST)
        goal = save_form(form, lambda data: services.goal_create(plan=plan, **data))
        if goal is not None:
            announce_create(
                request,
                goal,
                already=_("You had already added this goal, so it was not added twice."),
            )
            return redirect(_goal_url(goal))
        status = FORM_ERROR_STATUS
    else:
        form = GoalCreateForm(initial=_goal_from_gap(request, member=request.user))
    return render(request, "growth/goal_form.html", {"form": form, "plan": plan}, status=status)


def _goal_from_gap(request: MemberRequest, *, member: User) -> dict[str, object]:
    """Return a new goal's first values from the gap it is opened from (`?axis=<slug>`)."""
    slug = request.GET.get("axis")
    axis = Axis.objects.filter(slug=slug).first() if slug else None
    if axis is None:
        return {}
    title = gap_selectors.gap_goal_title(
        axis,
        review=gap_selectors.latest_review(member),
        position=gap_selectors.ladder_position(member),
    )
    return {"axis": axis.pk, "title": title}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def goal_edit(request: MemberRequest, public_id: str) -> HttpResponse:
    goal, access = goal_access(request.user, public_id)
    access.require_owner()
    status = 200
    if request.method == "POST":
        form = GoalForm(request.POST)
        if save_form(form, lambda data: services.goal_update(goal=goal, **data)):
            messages.success(request, _("The goal was updated."))
            return redirect(_goal_url(goal))
        status = FORM_ERROR_STATUS
    else:
        form = GoalForm(initial=GoalForm.initial_for(goal))
    return render(
        request,
        "growth/goal_form.html",
        {"form": form, "plan": goal.plan, "goal": goal},
        status=status,
    )


@login_required
@require_POST
def goal_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    goal, access = goal_access(request.user, public_id)
    access.require_owner()
    services.goal_delete(goal=goal)
    messages.success(request, _("The goal was deleted."))
    return redirect(goal.plan.get_absolute_url())


@login_required
@require_POST
def action_create(request: MemberRequest, public_id: str) -> HttpResponse:
    goal, access = goal_access(request.user, public_id)
    access.require_owner()
    form = ActionForm(request.POST)
    action = save_form(form, lambda data: services.action_create(goal=goal, **data))
    if action is not None:
        announce_create(
            request,
            action,
            already=_("You had already added this step, so it was not added twice."),
        )
        return redirect(_goal_url(goal))
    return render(
        request,
        "growth/action_form.html",
        {"form": form, "goal": goal, "plan": goal.plan},
        status=FORM_ERROR_STATUS,
    )


@login_required
@require_POST
def action_toggle(request: MemberRequest, public_id: str) -> HttpResponse:
    action, access = action_access(request.user, public_id)
    access.require_owner()
    services.action_toggle(action=action)
    if request.htmx:
        return render(request, "growth/_action.html", {"action": action, "access": access})
    return redirect(_goal_url(action.goal))


@login_required
@require_POST
def action_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    action, access = action_access(request.user, public_id)
    access.require_owner()
    services.action_delete(action=action)
    return redirect(_goal_url(action.goal))


@login_required
@require_POST
def checkin_create(request: MemberRequest, public_id: str) -> HttpResponse:
    goal, access = goal_access(request.user, public_id)
    access.require_owner()
    form = CheckInCreateForm(request.POST)
    check_in = save_form(form, lambda data: services.checkin_create(goal=goal, **data))
    if check_in is not None:
        announce_create(
            request,
            check_in,
            saved=_("Your check-in was saved."),
            already=_("You had already saved this check-in, so it was not saved twice."),
        )
        return redirect(_goal_url(goal))
    return render(
        request,
        "growth/checkin_form.html",
        {"form": form, "goal": goal, "plan": goal.plan},
        status=FORM_ERROR_STATUS,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin_edit(request: MemberRequest, public_id: str) -> HttpResponse:
    check_in, access = checkin_access(request.user, public_id)
    access.require_owner()
    status = 200
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if save_form(form, lambda data: services.checkin_update(check_in=check_in, **data)):
            messages.success(request, _("Your check-in was updated."))
            return redirect(_goal_url(check_in.goal))
        status = FORM_ERROR_STATUS
    else:
        form = CheckInForm(initial={"date": check_in.date, "note": check_in.note})
    return render(
        request,
        "growth/checkin_form.html",
        {"form": form, "goal": check_in.goal, "plan": check_in.goal.plan, "check_in": check_in},
        status=status,
    )


@login_required
@require_POST
def checkin_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    check_in, access = checkin_access(request.user, public_id)
    access.require_owner()
    services.checkin_delete(check_in=check_in)
    messages.success(request, _("The check-in was deleted."))
    return redirect(_goal_url(check_in.goal))
