"""Reads for plans, goals, actions and check-ins, each page in a fixed number of queries."""

from typing import Any

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import CLOSED_STATUSES, Comment, Goal, GoalStatus, GrowthPlan

PLAN_LIST_LIMIT = 100


def overdue_goals() -> Q:
    """Return the filter, from a plan, on its goals whose target date passed unfinished."""
    return Q(goals__target_date__lt=timezone.localdate()) & ~Q(goals__status__in=CLOSED_STATUSES)


def plans_for_owner(owner: User, *, limit: int = PLAN_LIST_LIMIT) -> list[GrowthPlan]:
    """Return a member's newest plans with `goal_count`, `done_count` and `overdue_count`."""
    return list(
        GrowthPlan.objects.filter(owner=owner)
        .annotate(
            goal_count=Count("goals"),
            done_count=Count("goals", filter=Q(goals__status=GoalStatus.DONE)),
            overdue_count=Count("goals", filter=overdue_goals()),
        )
        .order_by("-created_at", "-id")[:limit]
    )


def latest_plan(owner: User) -> GrowthPlan | None:
    """Return the plan the member changed last, the likeliest home for a new goal."""
    return GrowthPlan.objects.filter(owner=owner).order_by("-updated_at", "-id").first()


def plan_goals(plan: GrowthPlan, *, comments: bool = True) -> list[Goal]:
    """Return a plan's goals with their axis, actions, check-ins and (or not) comments."""
    related: list[Any] = ["actions", "check_ins"]
    if comments:
        related.append(Prefetch("comments", queryset=Comment.objects.select_related("author")))
    return list(
        Goal.objects.filter(plan=plan)
        .select_related("axis")
        .prefetch_related(*related)
        .order_by("created_at", "id")
    )
