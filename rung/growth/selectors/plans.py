"""Reads for plans, goals, actions and check-ins, each page in a fixed number of queries."""

from typing import Any

from django.db.models import Count, Prefetch, Q

from rung.accounts.models import User
from rung.growth.models import Comment, Goal, GoalStatus, GrowthPlan

PLAN_LIST_LIMIT = 100


def plans_for_owner(owner: User, *, limit: int = PLAN_LIST_LIMIT) -> list[GrowthPlan]:
    """Return a member's newest plans, each with `goal_count` and `done_count`."""
    return list(
        GrowthPlan.objects.filter(owner=owner)
        .annotate(
            goal_count=Count("goals"),
            done_count=Count("goals", filter=Q(goals__status=GoalStatus.DONE)),
        )
        .order_by("-created_at", "-id")[:limit]
    )


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
