"""Reputation pages: a member's own ledger, and how reputation is earned."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from rung.accounts.models import User
from rung.reputation import rules, selectors

CREDITS_PER_PAGE = 50


@require_safe
def reputation_mine(request: HttpRequest) -> HttpResponse:
    """Show a member why their reputation is what it is; visitors see how it is earned."""
    context: dict[str, object] = {
        "rules_table": selectors.rules_table(),
        "milestone_points": rules.OUTCOME_MILESTONE_POINTS,
        "sybil_hours": int(rules.SYBIL_WINDOW.total_seconds() // 3600),
    }
    member = request.user
    if isinstance(member, User):
        page = Paginator(selectors.member_credits(member), CREDITS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context.update(
            totals=selectors.member_totals(member),
            breakdown=selectors.member_breakdown(member),
            page=page,
        )
    return render(request, "reputation/mine.html", context)
