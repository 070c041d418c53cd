"""Sharing a plan, answering invitations, the shared review history, and goal comments."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.core.forms import FORM_ERROR_STATUS, save_form
from rung.core.middleware import mark_rate_limited
from rung.core.submit_once import announce_create
from rung.growth import access as growth_access
from rung.growth.forms.sharing import CommentForm, ShareInviteForm
from rung.growth.models import Goal, GrowthPlan, Share
from rung.growth.selectors import sharing as selectors
from rung.growth.selectors.reviews import review_history
from rung.growth.services import sharing as services
from rung.growth.views.workspace import render_home


def _render_sharing(
    request: MemberRequest, plan: GrowthPlan, form: ShareInviteForm, status: int = 200
) -> HttpResponse:
    context = {
        "plan": plan,
        "form": form,
        "shares": selectors.plan_shares(plan),
        "view_log": selectors.plan_view_log(plan),
    }
    return render(request, "growth/sharing.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def share_list(request: MemberRequest, public_id: str) -> HttpResponse:
    plan = growth_access.plan_for_owner(request.user, public_id)
    if request.method != "POST":
        return _render_sharing(request, plan, ShareInviteForm())
    form = ShareInviteForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            share = services.growth_plan_share(
                plan=plan,
                owner=request.user,
                invitee_identifier=data["invitee"],
                role=data["role"],
                include_reviews=data["include_reviews"],
            )
        except ValidationError as error:
            if isinstance(error, services.InvitationLimitReached):
                mark_rate_limited(request, error.retry_after)
            for message in error.messages:
                form.add_error("invitee", message)
        else:
            messages.success(
                request,
                _("Invitation sent to %(name)s. They see the plan once they accept.")
                % {"name": share.invitee_label},
            )
            return redirect("growth:sharing", public_id=plan.public_id)
    return _render_sharing(request, plan, form, status=FORM_ERROR_STATUS)


@login_required
@require_POST
def share_revoke(request: MemberRequest, public_id: str) -> HttpResponse:
    share = growth_access.share_for_owner(request.user, public_id)
    try:
        services.share_revoke(share=share, owner=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return _render_sharing(request, share.plan, ShareInviteForm(), status=FORM_ERROR_STATUS)
    if share.accepted_at is None:
        message = _("The invitation to %(name)s was withdrawn.")
    else:
        message = _("%(name)s can no longer see this plan.")
    messages.success(request, message % {"name": share.invitee_label})
    return redirect("growth:sharing", public_id=share.plan.public_id)


@login_required
@require_safe
def shared_reviews(request: MemberRequest, public_id: str) -> HttpResponse:
    access = growth_access.plan_access(request.user, public_id)
    if access.is_owner:
        return redirect("growth:reviews")
    if access.share is None or not access.can_see_reviews:
        raise Http404
    # Recorded only once the history is shown, so a refused look never reaches the log.
    services.share_view_record(share=access.share, what="reviews")
    context = {
        "plan": access.plan,
        "access": access,
        "history": review_history(access.plan.owner),
        "can_edit": False,
        "shared_view": True,
    }
    return render(request, "growth/shared_reviews.html", context)


def _answer_invitation(
    request: MemberRequest, public_id: str, answer: Callable[..., object]
) -> tuple[Share, HttpResponse | None]:
    """Accept or decline an invitation to the member asking; when refused, say why at home."""
    share = growth_access.invitation_for_invitee(request.user, public_id)
    try:
        answer(share=share, member=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return share, render_home(request, status=FORM_ERROR_STATUS)
    return share, None


@login_required
@require_POST
def invite_accept(request: MemberRequest, public_id: str) -> HttpResponse:
    share, refused = _answer_invitation(request, public_id, services.share_accept)
    if refused is not None:
        return refused
    messages.success(
        request,
        _("You can now see %(owner)s's plan “%(plan)s”.")
        % {"owner": share.plan.owner.name, "plan": share.plan.title},
    )
    return redirect(share.plan.get_absolute_url())


@require_http_methods(["GET", "HEAD", "POST"])
def invite_link(request: HttpRequest, public_id: str, token: str) -> HttpResponse:
    """The page an emailed invitation links to: log in or sign up, then accept or decline."""
    share = growth_access.invitation_by_link(request.user, public_id, token)
    if share.accepted_at is not None:
        return redirect(share.plan.get_absolute_url())
    if request.method == "POST":
        # Visitors may read the invitation; answering it takes an account.
        if not isinstance(request.user, User):
            return redirect_to_login(request.get_full_path())
        answer = services.share_accept if "accept" in request.POST else services.share_decline
        try:
            answer(share=share, member=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("growth:home")
        if answer is services.share_decline:
            messages.success(request, _("Invitation declined."))
            return redirect("growth:home")
        messages.success(
            request,
            _("You can now see %(owner)s's plan “%(plan)s”.")
            % {"owner": share.plan.owner.name, "plan": share.plan.title},
        )
        return redirect(share.plan.get_absolute_url())
    # No workspace menu: the reader may be a visitor, or a member seeing someone else's plan.
    return render(request, "growth/invitation.html", {"share": share, "shared_view": True})


@login_required
@require_POST
def invite_decline(request: MemberRequest, public_id: str) -> HttpResponse:
    _share, refused = _answer_invitation(request, public_id, services.share_decline)
    if refused is not None:
        return refused
    messages.success(request, _("Invitation declined."))
    return redirect("growth:home")


def _comments_response(
    request: MemberRequest,
    goal: Goal,
    access: growth_access.PlanAccess,
    form: CommentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """Answer a comment post: the updated comments for htmx, else the plan or the form again."""
    if request.htmx or form is not None:
        context = {
            "goal": selectors.goal_with_comments(goal),
            "access": access,
            "comment_form": form,
            "shared_view": not access.is_owner,
        }
        template = "growth/_goal_comments.html" if request.htmx else "growth/comment_form.html"
        return render(request, template, context, status=status)
    return redirect(f"{goal.plan.get_absolute_url()}#comments-{goal.public_id}")


@login_required
@require_POST
def comment_create(request: MemberRequest, public_id: str) -> HttpResponse:
    goal, access = growth_access.goal_access(request.user, public_id)
    access.require_comment()
    form = CommentForm(request.POST, goal=goal)
    posted = save_form(
        form,
        lambda data: services.comment_create(
            goal=goal,
            author=request.user,
            body=data["body"],
            parent=data["parent"],
            submit_token=data["submit_token"],
        ),
    )
    if posted is not None:
        if not request.htmx:
            announce_create(
                request,
                posted,
                already=_("You had already posted this comment, so it was not posted twice."),
            )
        return _comments_response(request, goal, access)
    return _comments_response(request, goal, access, form, status=FORM_ERROR_STATUS)


@login_required
@require_POST
def comment_delete(request: MemberRequest, public_id: str) -> HttpResponse:
    comment, access = growth_access.comment_access(request.user, public_id)
    services.comment_delete(comment=comment, actor=request.user)
    if not request.htmx:
        messages.success(request, _("Comment deleted."))
    return _comments_response(request, comment.goal, access)
