"""Downloads and printable pages of a plan and of a self-review draft.

A plan's exports follow the plan: its owner and the people it is shared with get them,
and each look by someone else is recorded for the owner. Self-reviews are the owner's only.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from rung.accounts.requests import MemberRequest
from rung.growth.access import plan_access, self_review_for_owner
from rung.growth.export import export_filename, render_plan_markdown, render_self_review_markdown
from rung.growth.selectors.plans import plan_goals

MARKDOWN_CONTENT_TYPE = "text/markdown; charset=utf-8"


def _markdown_download(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type=MARKDOWN_CONTENT_TYPE)
    # The name is built from [a-z0-9-] only, so quoting it needs no escaping.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_safe
@never_cache
def plan_markdown(request: MemberRequest, public_id: str) -> HttpResponse:
    access = plan_access(request.user, public_id, what="export")
    goals = plan_goals(access.plan, comments=False)
    return _markdown_download(
        render_plan_markdown(access.plan, goals),
        export_filename(access.plan.title, fallback="growth-plan"),
    )


@login_required
@require_safe
@never_cache
def plan_print(request: MemberRequest, public_id: str) -> HttpResponse:
    access = plan_access(request.user, public_id, what="export")
    return render(
        request,
        "growth/plan_print.html",
        {
            "plan": access.plan,
            "access": access,
            "goals": plan_goals(access.plan, comments=False),
        },
    )


@login_required
@require_safe
@never_cache
def self_review_markdown(request: MemberRequest, public_id: str) -> HttpResponse:
    review = self_review_for_owner(request.user, public_id)
    return _markdown_download(
        render_self_review_markdown(review),
        export_filename(review.title, fallback="self-review"),
    )


@login_required
@require_safe
@never_cache
def self_review_print(request: MemberRequest, public_id: str) -> HttpResponse:
    review = self_review_for_owner(request.user, public_id)
    return render(request, "growth/self_review_print.html", {"review": review})
