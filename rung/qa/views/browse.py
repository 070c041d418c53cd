"""Reading pages: home, topic feeds, question pages and revision history."""

import difflib
import secrets

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from rung.qa import selectors, view_counter
from rung.qa.forms import AnswerForm, ReplyForm
from rung.qa.models import Answer, Question
from rung.qa.selectors import FEED_SORTS

VISITOR_COOKIE_AGE = 365 * 24 * 3600


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    levels, subjects = selectors.topics_by_kind()
    return render(
        request,
        "qa/home.html",
        {
            "level_topics": levels,
            "subject_topics": subjects,
            "questions": selectors.latest_questions(limit=20),
        },
    )


@require_GET
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    topic = selectors.topic_get(slug)
    sort = request.GET.get("sort", "newest")
    if sort not in FEED_SORTS:
        sort = "newest"
    cursor = request.GET.get("after") or None
    page = selectors.topic_feed(topic, sort=sort, cursor=cursor)  # type: ignore[arg-type]
    context = {
        "topic": topic,
        "level": topic.level,
        "expectations": list(topic.level.expectations.select_related("axis"))
        if topic.level
        else [],
        "page": page,
        "sort": sort,
        "sorts": FEED_SORTS,
        "is_first_page": cursor is None,
    }
    template = "qa/_feed.html" if request.htmx else "qa/topic.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@require_GET
def question_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    question = selectors.question_get_visible(pk)
    canonical = question.get_absolute_url()
    if request.path != canonical:
        return redirect(canonical, permanent=True)
    question_liked, liked_answers = selectors.liked_post_ids(request.user, question)  # type: ignore[arg-type]
    threads = selectors.question_threads(question)
    for thread in threads:
        for post in (thread.answer, *thread.replies):
            post.liked = post.pk in liked_answers  # type: ignore[attr-defined]
    response = render(
        request,
        "qa/question.html",
        {
            "question": question,
            "threads": threads,
            "question_liked": question_liked,
            "answer_form": AnswerForm(),
            "reply_form": ReplyForm(),
            "is_asker": request.user.pk == question.author_id,
        },
    )
    _count_view(request, response, question.pk)
    return response


def _count_view(request: HttpRequest, response: HttpResponse, question_id: int) -> None:
    if view_counter.is_bot(request):
        return
    visitor_id = request.COOKIES.get(view_counter.VISITOR_COOKIE)
    if not request.user.is_authenticated and not (visitor_id and len(visitor_id) <= 64):
        visitor_id = secrets.token_urlsafe(16)
        response.set_cookie(
            view_counter.VISITOR_COOKIE,
            visitor_id,
            max_age=VISITOR_COOKIE_AGE,
            httponly=True,
            samesite="Lax",
        )
    viewer = view_counter.viewer_key(request, visitor_id)
    if viewer is not None:
        view_counter.record_view(question_id, viewer)


@require_GET
def question_history(request: HttpRequest, pk: int) -> HttpResponse:
    question = selectors.question_get_visible(pk)
    return render(
        request,
        "qa/history.html",
        {
            "question": question,
            "post": question,
            "revisions": _with_diffs(question),
            "hide_editor": question.is_anonymous,
        },
    )


@require_GET
def answer_history(request: HttpRequest, pk: int) -> HttpResponse:
    answer = selectors.answer_get_visible(pk)
    question = answer.question
    return render(
        request,
        "qa/history.html",
        {
            "question": question,
            "post": answer,
            "revisions": _with_diffs(answer),
            # Editor names would unmask an anonymous asker's replies.
            "hide_editor": question.is_anonymous and answer.author_id == question.author_id,
        },
    )


def _with_diffs(post: Question | Answer) -> list[dict[str, object]]:
    """Return revisions newest first, each with a line diff against the one before."""
    revisions = list(selectors.post_revisions(post))
    rows: list[dict[str, object]] = []
    previous = None
    for number, revision in enumerate(revisions, start=1):
        diff: list[str] = []
        if previous is not None:
            before = f"{previous.title}\n\n{previous.body}".splitlines()
            after = f"{revision.title}\n\n{revision.body}".splitlines()
            diff = [
                line
                for line in difflib.unified_diff(before, after, lineterm="", n=1)
                if not line.startswith(("---", "+++"))
            ]
        rows.append({"number": number, "revision": revision, "diff": diff})
        previous = revision
    rows.reverse()
    return rows
