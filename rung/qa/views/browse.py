"""Reading pages: home, topic feeds, question pages and revision history."""

import secrets
import uuid

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from rung.qa import fragments, selectors, view_counter
from rung.qa.diffs import line_diff
from rung.qa.models import BODY_MAX_LENGTH, Answer, Question
from rung.qa.selectors import FEED_SORTS
from rung.search.selectors import similar_questions

VISITOR_COOKIE_AGE = 365 * 24 * 3600


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    levels, subjects = selectors.topics_by_kind()
    # Every question sits in a topic, so any change raises this sum.
    version = sum(topic.feed_version for topic in (*levels, *subjects))
    home_main = fragments.render_cached(
        request,
        fragments.fragment_key("home", version),
        "qa/_home_main.html",
        lambda: {
            "level_topics": levels,
            "subject_topics": subjects,
            "questions": selectors.latest_questions(limit=20),
        },
    )
    return render(request, "qa/home.html", {"home_main": home_main})


@require_safe
def topic(request: HttpRequest, slug: str) -> HttpResponse:
    topic = selectors.topic_get(slug)
    sort = request.GET.get("sort", "newest")
    if sort not in FEED_SORTS:
        sort = "newest"
    cursor = fragments.cursor_key(request.GET.get("after"))
    is_first_page = not cursor

    def feed_context() -> dict[str, object]:
        page = selectors.topic_feed(topic, sort=sort, cursor=cursor or None)  # type: ignore[arg-type]
        return {"page": page, "sort": sort, "is_first_page": is_first_page}

    feed = fragments.render_cached(
        request,
        fragments.fragment_key("feed", topic.pk, topic.feed_version, sort, cursor),
        "qa/_feed.html",
        feed_context,
    )
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponse(feed)
    guide = fragments.render_cached(
        request,
        fragments.fragment_key("guide", topic.pk, topic.level_id),
        "qa/_guide.html",
        lambda: {
            "topic": topic,
            "level": topic.level,
            "expectations": selectors.level_expectations(topic.level),
        },
    )
    return render(
        request,
        "qa/topic.html",
        {
            "topic": topic,
            "level": topic.level,
            "guide": guide,
            "feed": feed,
            "sort": sort,
        },
    )


@require_safe
def question_detail(request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
    question = selectors.question_get_visible(pk)
    canonical = question.get_absolute_url()
    if request.path != canonical:
        return redirect(canonical, permanent=True)
    user = request.user
    question_liked, liked_answers = selectors.liked_post_ids(user, question)  # type: ignore[arg-type]
    response = render(
        request,
        "qa/question.html",
        {
            "question": question,
            "question_crumbs": fragments.render_cached(
                request,
                fragments.fragment_key("qcrumbs", question.pk, question.version),
                "qa/_question_crumbs.html",
                lambda: {"question": selectors.question_load_card(question)},
            ),
            "question_main": fragments.render_cached(
                request,
                fragments.fragment_key("qmain", question.pk, question.version),
                "qa/_question_main.html",
                lambda: {"question": selectors.question_load_card(question)},
            ),
            "threads_html": _threads_html(request, question, liked_answers),
            "similar": similar_questions(question),
            "question_liked": question_liked,
            "answer_token": uuid.uuid4().hex,
            "body_max_length": BODY_MAX_LENGTH,
            "is_asker": user.pk == question.author_id,
        },
    )
    _count_view(request, response, question.pk)
    return response


def _threads_html(request: HttpRequest, question: Question, liked_answers: set[int]) -> str:
    """Render the answers from cache: one copy for visitors, one for uninvolved members."""
    user = request.user
    variant: object = "member" if user.is_authenticated else "visitor"
    viewer: object = fragments.GenericMember() if user.is_authenticated else AnonymousUser()
    is_asker = False
    if user.is_authenticated:
        authors_key = fragments.fragment_key("authors", question.pk, question.version)
        authors = cache.get(authors_key)
        if authors is None:
            authors = selectors.answer_author_ids(question)
            cache.set(authors_key, authors, fragments.FRAGMENT_SECONDS)
        if liked_answers or user.pk == question.author_id or user.pk in authors:
            # Their likes and controls differ from everyone else's, so they get a copy of
            # their own, which their next like or post replaces by raising the version.
            variant, viewer, is_asker = user.pk, user, user.pk == question.author_id
    return fragments.render_cached(
        request,
        fragments.fragment_key("threads", question.pk, question.version, variant),
        "qa/_threads.html",
        lambda: {
            "question": question,
            "threads": selectors.question_threads(question, liked=liked_answers),
            "user": viewer,
            "is_asker": is_asker,
        },
    )


def _count_view(request: HttpRequest, response: HttpResponse, question_id: int) -> None:
    if request.method != "GET" or view_counter.is_bot(request):
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


@require_safe
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


@require_safe
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
            diff = line_diff(
                f"{previous.title}\n\n{previous.body}", f"{revision.title}\n\n{revision.body}"
            )
        rows.append({"number": number, "revision": revision, "diff": diff})
        previous = revision
    rows.reverse()
    return rows
