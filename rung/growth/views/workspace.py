"""The workspace home: a member's overview of their growth and what others shared with them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from rung.accounts.requests import MemberRequest
from rung.growth.selectors.sharing import workspace_overview


def render_home(request: MemberRequest, *, status: int = 200) -> HttpResponse:
    """Render the workspace home for the member asking (also after a refused invitation)."""
    context = {"overview": workspace_overview(request.user)}
    return render(request, "growth/home.html", context, status=status)


@login_required
@require_safe
def home(request: MemberRequest) -> HttpResponse:
    return render_home(request)
