"""Fetch growth rows for the person asking, or fail without saying whether they exist.

Every growth view goes through these helpers; none filters by hand. Someone who may not
see a row gets the same 404 as for a row that never existed, so an address reveals
nothing. A person a plan is shared with may see it (and, when the owner ticked it, the
review history), and gets 403 on what their share does not allow: they already know the
plan exists, so saying "not allowed" leaks nothing and explains more.
"""

from dataclasses import dataclass
from typing import TypeVar

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.growth.models import Goal, GrowthPlan, Share, ShareRole, ShareView

M = TypeVar("M", bound=models.Model)


def _member(request: HttpRequest) -> User:
    user = request.user
    if isinstance(user, AnonymousUser) or not user.is_authenticated:
        raise Http404
    assert isinstance(user, User)
    return user


def owned_or_404[M: models.Model](
    queryset: models.QuerySet[M], request: HttpRequest, public_id: str
) -> M:
    """Return the row with this public id if the member asking owns it, else raise 404.

    The queryset's model must have an `owner` field.
    """
    member = _member(request)
    row = queryset.filter(public_id=public_id, owner=member).first()
    if row is None:
        raise Http404
    return row


@dataclass(frozen=True)
class PlanAccess:
    """A plan and what the member asking may do with it."""

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


def _access(request: HttpRequest, plan: GrowthPlan, what: str | None) -> PlanAccess:
    member = _member(request)
    if plan.owner_id == member.pk:
        return PlanAccess(plan=plan, viewer=member, share=None)
    share = active_share(plan, member)
    if share is None:
        raise Http404
    if what:
        ShareView.objects.create(share=share, what=what)
    return PlanAccess(plan=plan, viewer=member, share=share)


def plan_access(request: HttpRequest, public_id: str, *, what: str | None = None) -> PlanAccess:
    """Return a plan the member asking owns or has an active share of, else raise 404.

    `what` names the part being looked at ("plan", "reviews", "export"); a view by
    someone other than the owner is then recorded for the owner to see.
    """
    _member(request)
    try:
        plan = GrowthPlan.objects.select_related("owner").get(public_id=public_id)
    except GrowthPlan.DoesNotExist:
        raise Http404 from None
    return _access(request, plan, what)


def plan_for_owner(request: HttpRequest, public_id: str) -> GrowthPlan:
    """Return a plan only to its owner: 404 to outsiders, 403 to those it is shared with."""
    access = plan_access(request, public_id)
    access.require_owner()
    return access.plan


def goal_access(
    request: HttpRequest, public_id: str, *, what: str | None = None
) -> tuple[Goal, PlanAccess]:
    """Return a goal and the access to its plan, on the same terms as `plan_access`."""
    _member(request)
    try:
        goal = Goal.objects.select_related("plan", "plan__owner", "axis").get(public_id=public_id)
    except Goal.DoesNotExist:
        raise Http404 from None
    return goal, _access(request, goal.plan, what)
