"""Reads for sharing: a plan's shares and view log, invitations, and the workspace home."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.growth.access import PlanAccess, goal_access, plan_for_owner
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

SHARES_SHOWN = 200
VIEW_LOG_ROWS = 100
# Raw records read to build the log: enough for VIEW_LOG_ROWS rows after collapsing.
VIEW_LOG_SCAN = 1_000
VIEW_LOG_COLLAPSE = timedelta(minutes=10)
HOME_PLANS = 20
HOME_INVITATIONS = 50
HOME_SHARED = 100

VIEW_LABELS = {
    "plan": _("the plan"),
    "reviews": _("the review history"),
    "export": _("an export of the plan"),
}


def _member(request: HttpRequest) -> User:
    user = request.user
    if not user.is_authenticated:
        raise Http404
    assert isinstance(user, User)
    return user


def share_for_owner(request: HttpRequest, public_id: str) -> Share:
    """Return a share of a plan to that plan's owner: 404 to outsiders, 403 to grantees."""
    _member(request)
    share = Share.objects.select_related("plan", "grantee").filter(public_id=public_id).first()
    if share is None:
        raise Http404
    share.plan = plan_for_owner(request, share.plan.public_id)
    return share


def invitation_for_invitee(request: HttpRequest, public_id: str) -> Share:
    """Return a share addressed to the member asking, in any state; 404 to everyone else."""
    member = _member(request)
    share = (
        Share.objects.select_related("plan", "plan__owner")
        .filter(public_id=public_id, grantee=member)
        .first()
    )
    if share is None:
        raise Http404
    return share


def comment_access(request: HttpRequest, public_id: str) -> tuple[Comment, PlanAccess]:
    """Return a comment and the access to its plan, on the same terms as `goal_access`."""
    _member(request)
    comment = Comment.objects.select_related("goal").filter(public_id=public_id).first()
    if comment is None:
        raise Http404
    goal, access = goal_access(request, comment.goal.public_id)
    comment.goal = goal
    return comment, access


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
    """One or more views of the same part of a plan by one person, close together in time."""

    viewer: User
    what: str
    first_viewed_at: datetime
    last_viewed_at: datetime
    count: int

    @property
    def label(self) -> str:
        return str(VIEW_LABELS.get(self.what, self.what))


def plan_view_log(
    plan: GrowthPlan, *, limit: int = VIEW_LOG_ROWS, window: timedelta = VIEW_LOG_COLLAPSE
) -> list[ViewLogRow]:
    """Return who viewed what of a plan and when, newest first.

    Views of the same part by the same person less than `window` apart are one row, so a
    mentor reading a plan for an hour does not push everyone else off the list.
    """
    records = (
        ShareView.objects.filter(share__plan=plan)
        .select_related("share__grantee")
        .order_by("-viewed_at", "-id")[:VIEW_LOG_SCAN]
    )
    rows: list[ViewLogRow] = []
    # The row a person's next (older) view of a part may join.
    open_rows: dict[tuple[int, str], int] = {}
    for record in records:
        viewer = record.share.grantee
        key = (viewer.pk, record.what)
        index = open_rows.get(key)
        if index is not None and rows[index].first_viewed_at - record.viewed_at <= window:
            row = rows[index]
            rows[index] = ViewLogRow(
                viewer=viewer,
                what=record.what,
                first_viewed_at=record.viewed_at,
                last_viewed_at=row.last_viewed_at,
                count=row.count + 1,
            )
            continue
        if len(rows) == limit:
            break
        open_rows[key] = len(rows)
        rows.append(
            ViewLogRow(
                viewer=viewer,
                what=record.what,
                first_viewed_at=record.viewed_at,
                last_viewed_at=record.viewed_at,
                count=1,
            )
        )
    return rows


def _pending_invitations(member: User) -> QuerySet[Share]:
    return Share.objects.filter(
        grantee=member, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("plan", "plan__owner")


def _shared_with(member: User) -> QuerySet[Share]:
    return Share.objects.filter(
        grantee=member, accepted_at__isnull=False, revoked_at__isnull=True
    ).select_related("plan", "plan__owner")


@dataclass(frozen=True)
class WorkspaceOverview:
    plans: Sequence[GrowthPlan]  # each with `goal_count`
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
