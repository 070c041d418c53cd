"""Reads for sharing: a plan's shares and view log, invitations, and the workspace home."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.growth.models import (
    Comment,
    Goal,
    GrowthPlan,
    LogEntry,
    ReviewCycle,
    SelfReview,
    Share,
    ShareView,
)
from rung.growth.selectors.plans import overdue_goals

SHARES_SHOWN = 200
VIEW_LOG_ROWS = 100
HOME_PLANS = 20
HOME_INVITATIONS = 50
HOME_SHARED = 100

VIEW_LABELS = {
    "plan": _("the plan"),
    "reviews": _("the review history"),
    "export": _("an export of the plan"),
}


def goal_with_comments(goal: Goal) -> Goal:
    """Return the goal again with its comments and their authors loaded, as the plan page does."""
    return (
        Goal.objects.select_related("plan", "plan__owner")
        .prefetch_related(Prefetch("comments", queryset=Comment.objects.select_related("author")))
        .get(pk=goal.pk)
    )


def plan_shares(plan: GrowthPlan) -> list[Share]:
    """Return a plan's shares, newest first: pending, active and revoked."""
    return list(plan.shares.select_related("grantee")[:SHARES_SHOWN])


@dataclass(frozen=True)
class ViewLogRow:
    """One visit by someone a plan is shared with to one part of it."""

    viewer: User
    what: str
    viewed_at: datetime

    @property
    def label(self) -> str:
        return str(VIEW_LABELS.get(self.what, self.what))


def plan_view_log(plan: GrowthPlan, *, limit: int = VIEW_LOG_ROWS) -> list[ViewLogRow]:
    """Return who viewed what of a plan and when, newest first.

    Each row is one visit: repeated looks close together are recorded once (see
    `share_view_record`), so the rows need no merging here.
    """
    records = (
        ShareView.objects.filter(share__plan=plan)
        .select_related("share__grantee")
        .order_by("-viewed_at", "-id")[:limit]
    )
    return [
        ViewLogRow(viewer=record.share.grantee, what=record.what, viewed_at=record.viewed_at)
        for record in records
        # Only an accepted share can be viewed through, and accepting names its member.
        if record.share.grantee is not None
    ]


def invitations_open_to(member: User) -> QuerySet[Share]:
    """Return the shares addressed to a member by name.

    An invitation by email address opens only through the link mailed to it: matching it
    to a member's confirmed address would hand it to whoever got that address confirmed
    on their account, and the mailbox is the one proof that cannot be borrowed.
    """
    return Share.objects.filter(grantee=member)


def _pending_invitations(member: User) -> QuerySet[Share]:
    return (
        invitations_open_to(member)
        .filter(accepted_at__isnull=True, revoked_at__isnull=True)
        .select_related("plan", "plan__owner")
    )


def _shared_with(member: User) -> QuerySet[Share]:
    return Share.objects.filter(
        grantee=member, accepted_at__isnull=False, revoked_at__isnull=True
    ).select_related("plan", "plan__owner")


@dataclass(frozen=True)
class WorkspaceOverview:
    plans: Sequence[GrowthPlan]  # each with `goal_count` and `overdue_count`
    plan_count: int
    latest_review: ReviewCycle | None
    review_count: int
    log_count: int
    self_review_count: int
    invitations: list[Share]
    shared_with_me: list[Share]


def workspace_overview(member: User) -> WorkspaceOverview:
    """Return what the workspace home shows a member, in a fixed number of queries."""
    plans = list(
        GrowthPlan.objects.filter(owner=member).annotate(
            goal_count=Count("goals", distinct=True),
            overdue_count=Count("goals", filter=overdue_goals(), distinct=True),
        )[:HOME_PLANS]
    )
    return WorkspaceOverview(
        plans=plans,
        plan_count=(
            len(plans)
            if len(plans) < HOME_PLANS
            else GrowthPlan.objects.filter(owner=member).count()
        ),
        latest_review=ReviewCycle.objects.filter(owner=member)
        .select_related("overall", "level", "scale")
        .first(),
        review_count=ReviewCycle.objects.filter(owner=member).count(),
        log_count=LogEntry.objects.filter(owner=member).count(),
        self_review_count=SelfReview.objects.filter(owner=member).count(),
        invitations=list(_pending_invitations(member).order_by("-created_at")[:HOME_INVITATIONS]),
        shared_with_me=list(_shared_with(member).order_by("-accepted_at")[:HOME_SHARED]),
    )
