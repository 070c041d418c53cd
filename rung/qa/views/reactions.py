"""Likes and the most helpful answer: htmx fragments, plain form posts without JavaScript."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from rung.accounts.requests import MemberRequest
from rung.core.ratelimit import Limited, limited_response
from rung.qa import services, thread_selectors
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.models import Post
from rung.qa.posts import post_kind


def _like(request: MemberRequest, target: Post) -> HttpResponse:
    try:
        liked, count = services.like_toggle(user=request.user, target=target)
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain")
    except Limited as limited:
        return limited_response(request, limited)
    if request.htmx:
        return render(
            request,
            "qa/_like_button.html",
            {"target": target, "liked": liked, "count": count, "kind": post_kind(target)},
        )
    return redirect(thread_selectors.post_location(target))


@login_required
@require_POST
def question_like(request: MemberRequest, pk: int) -> HttpResponse:
    return _like(request, question_for_reader(request.user, pk))


@login_required
@require_POST
def answer_like(request: MemberRequest, pk: int) -> HttpResponse:
    return _like(request, answer_for_reader(request.user, pk))


@login_required
@require_POST
def answer_mark_helpful(request: MemberRequest, pk: int) -> HttpResponse:
    answer = answer_for_reader(request.user, pk)
    try:
        services.answer_mark_helpful(
            question=answer.question,
            answer=answer,
            actor=request.user,
        )
    except ValidationError as error:
        return HttpResponse(" ".join(error.messages), status=400, content_type="text/plain")
    except Limited as limited:
        return limited_response(request, limited)
    return redirect(thread_selectors.answer_location(answer))
