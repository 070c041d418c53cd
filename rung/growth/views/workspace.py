"""The workspace home: a member's overview of their growth and what others shared with them."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from rung.growth.selectors.sharing import workspace_overview
from rung.growth.views.form_posts import current_member


def render_home(request: HttpRequest, *, status: int = 200) -> HttpResponse:
    """Render the workspace home for the member asking (also after a refused invitation)."""
    context = {"overview": workspace_overview(current_member(request))}
    return render(request, "growth/home.html", context, status=status)


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render_home(request)
