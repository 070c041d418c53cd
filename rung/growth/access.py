"""Fetch growth rows for a member, or fail without saying whether they exist.

Every growth view goes through these helpers, one per kind of row; none filters by hand.
They take the member, not the request, so a task, an export or an API answers alike.
Someone who may not see a row gets the same 404 as for a row that never existed, so an
address reveals nothing. A person a plan is shared with may see it (and, when the owner
ticked it, the review history), and gets 403 on what their share does not allow: they
already know the plan exists, so saying "not allowed" leaks nothing and explains more.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.growth.models import (
    Action,
    CheckIn,
    Comment,
    Goal,
    GrowthPlan,
    LogEntry,
    ReviewCycle,
    SelfReview,
    Share,
    ShareRole,
)
from rung.growth.selectors.reviews import review_cycles_for
from rung.growth.selectors.sharing import invitations_open_to
from rung.growth.services.sharing import invitation_link_matches, share_view_record
from rung.ladder.models import RatingScale
from rung.qa.access import question_for_asker
from rung.qa.models import Question


def owned_or_404[M: models.Model](queryset: models.QuerySet[M], member: User, public_id: str) -> M:
    """Return the row with this public id if the member owns it, else raise 404.

    The queryset's model must have an `owner` field.
    """
    row = queryset.filter(public_id=public_id, owner=member).first()
    if row is None:
        raise Http404
    return row


@dataclass(frozen=True)
class PlanAccess:
    """A plan and what a member may do with it."""

    plan: GrowthPlan
    viewer: User
    share: Share | None  # None for the owner

    @property
    def is_owner(self) -> bool:
        return self.share is None

    @property
    def can_comment(self) -> bool:
        return self.share is None or self.share.role == ShareRole.COMMENT

    @property
    def can_see_reviews(self) -> bool:
        return self.share is None or self.share.include_reviews

    def require_owner(self) -> None:
        if not self.is_owner:
            raise PermissionDenied(_("Only the owner of this plan can change it."))

    def require_comment(self) -> None:
        if not self.can_comment:
            raise PermissionDenied(_("This plan is shared with you to read, not to comment."))


def active_share(plan: GrowthPlan, member: User) -> Share | None:
    """Return the accepted, unrevoked share of a plan with a member, if there is one."""
    return (
        Share.objects.filter(
            plan=plan, grantee=member, accepted_at__isnull=False, revoked_at__isnull=True
        )
        .order_by("-id")
        .first()
    )


def _access(member: User, plan: GrowthPlan, what: str | None) -> PlanAccess:
    if plan.owner_id == member.pk:
        return PlanAccess(plan=plan, viewer=member, share=None)
    share = active_share(plan, member)
    if share is None:
        raise Http404
    if what:
        share_view_record(share=share, what=what)
    return PlanAccess(plan=plan, viewer=member, share=share)


def _in_plan[M: models.Model](
    member: User,
    queryset: models.QuerySet[M],
    public_id: str,
    plan_of: Callable[[M], GrowthPlan],
    what: str | None = None,
) -> tuple[M, PlanAccess]:
    """Return a row of some plan and the access to that plan, on the terms of `plan_access`.

    The queryset must load the plan with its owner, so the check costs no further query.
    """
    row = queryset.filter(public_id=public_id).first()
    if row is None:
        raise Http404
    return row, _access(member, plan_of(row), what)


def plan_access(member: User, public_id: str, *, what: str | None = None) -> PlanAccess:
    """Return a plan the member owns or has an active share of, else raise 404.

    `what` names the part being looked at ("plan", "reviews", "export"); a view by
    someone other than the owner is then recorded for the owner to see.
    """
    queryset = GrowthPlan.objects.select_related("owner")
    return _in_plan(member, queryset, public_id, lambda plan: plan, what)[1]


def plan_for_owner(member: User, public_id: str) -> GrowthPlan:
    """Return a plan only to its owner: 404 to outsiders, 403 to those it is shared with."""
    access = plan_access(member, public_id)
    access.require_owner()
    return access.plan


def goal_access(
    member: User, public_id: str, *, what: str | None = None
) -> tuple[Goal, PlanAccess]:
    """Return a goal and the access to its plan, on the same terms as `plan_access`."""
    queryset = Goal.objects.select_related("plan", "plan__owner", "axis")
    return _in_plan(member, queryset, public_id, lambda goal: goal.plan, what)


def _under_goal[M: models.Model](model: type[M]) -> models.QuerySet[M]:
    return model._default_manager.select_related("goal__plan__owner", "goal__axis")


def action_access(member: User, public_id: str) -> tuple[Action, PlanAccess]:
    """Return an action and the access to its plan, on the terms of `plan_access`."""
    return _in_plan(member, _under_goal(Action), public_id, lambda row: row.goal.plan)


def checkin_access(member: User, public_id: str) -> tuple[CheckIn, PlanAccess]:
    """Return a check-in and the access to its plan, on the terms of `plan_access`."""
    return _in_plan(member, _under_goal(CheckIn), public_id, lambda row: row.goal.plan)


def comment_access(member: User, public_id: str) -> tuple[Comment, PlanAccess]:
    """Return a comment and the access to its plan, on the same terms as `goal_access`."""
    return _in_plan(member, _under_goal(Comment), public_id, lambda row: row.goal.plan)


def share_for_owner(member: User, public_id: str) -> Share:
    """Return a share of a plan to that plan's owner: 404 to outsiders, 403 to grantees."""
    queryset = Share.objects.select_related("plan", "plan__owner", "grantee")
    share, access = _in_plan(member, queryset, public_id, lambda share: share.plan)
    access.require_owner()
    return share


def invitation_for_invitee(member: User, public_id: str) -> Share:
    """Return a share addressed to the member, in any state; 404 to everyone else."""
    share = (
        invitations_open_to(member)
        .select_related("plan", "plan__owner")
        .filter(public_id=public_id)
        .first()
    )
    if share is None:
        raise Http404
    return share


def invitation_by_link(viewer: User | AnonymousUser, public_id: str, token: str) -> Share:
    """Return the email invitation a mailed link names, to anyone holding that link.

    The link's secret proves the mailbox; a wrong secret, a withdrawn invitation, or one
    another member accepted all get the same 404. Its own grantee may open it again. The
    viewer may be a visitor, who signs up or logs in from the invitation.
    """
    share = (
        Share.objects.select_related("plan", "plan__owner")
        .filter(public_id=public_id, revoked_at__isnull=True)
        .exclude(invitee_email="")
        .first()
    )
    if share is None or not invitation_link_matches(share, token):
        raise Http404
    if share.grantee_id is not None and share.grantee_id != viewer.pk:
        raise Http404
    return share


def review_for_owner(member: User, public_id: str) -> ReviewCycle:
    """Return one of the member's review cycles with its ratings loaded, else raise 404."""
    return owned_or_404(review_cycles_for(member), member, public_id)


def log_entry_for_owner(member: User, public_id: str) -> LogEntry:
    """Return one of the member's work-log entries with its tags loaded, else raise 404."""
    return owned_or_404(LogEntry.objects.select_related("axis", "goal"), member, public_id)


def question_asked_by(member: User, question_id: int) -> Question:
    """Return a question the member asked and may read, for their own work log, else raise 404.

    Someone else's question, even a public one, is the same 404 as one that does not exist:
    what a member keeps of it in their workspace is theirs alone.
    """
    try:
        return question_for_asker(member, question_id)
    except PermissionDenied:
        raise Http404 from None


def self_review_for_owner(member: User, public_id: str) -> SelfReview:
    """Return one of the member's self-review drafts, else raise 404."""
    return owned_or_404(SelfReview.objects.all(), member, public_id)


def scale_for_owner(member: User, slug: str) -> RatingScale:
    """Return a custom rating scale the member defined, else raise 404.

    Preset scales are everyone's, so they are refused like anyone else's custom scale.
    """
    scale = RatingScale.objects.filter(slug=slug, owner=member, is_preset=False).first()
    if scale is None:
        raise Http404
    return scale
