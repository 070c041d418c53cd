"""Reading pages: home, topic feeds, question pages and revision history."""

import hashlib
import secrets
import uuid

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.core.human_check import started_token
from rung.core.requests import HtmxRequest
from rung.core.templatetags.rung import views_label
from rung.qa import (
    fragments,
    invitation_selectors,
    selectors,
    thread_html,
    thread_selectors,
    view_counter,
    visitor_pages,
)
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.diffs import word_diff_html
from rung.qa.models import BODY_MAX_LENGTH, AnswerInvitation, Post, Question, Topic
from rung.qa.outcomes import outcome_helped_answers, outcome_open, question_outcome
from rung.qa.selectors import FEED_SORTS
from rung.qa.slots import (
    home_page_sections,
    muted_topics_source,
    outcome_actions,
    question_page_actions,
    question_page_end,
    topic_page_actions,
    topic_page_sections,
)

VISITOR_COOKIE_AGE = 365 * 24 * 3600


def _home_topics(request: HttpRequest) -> tuple[list[Topic], list[Topic], int]:
    """Return the home page's topics and their versions' sum, read once per request: when
    the early lookup finds no stored page, the view reuses what it read."""
    found: tuple[list[Topic], list[Topic], int] | None = getattr(
        request, "visitor_home_topics", None
    )
    if found is None:
        found = selectors.home_topics()
        request.visitor_home_topics = found  # type: ignore[attr-defined]
    return found


def _home_early(request: HttpRequest) -> visitor_pages.Early:
    return visitor_pages.Early(("home", _home_topics(request)[2]))


@visitor_pages.early_lookup(_home_early)
@require_safe
def home(request: HtmxRequest) -> HttpResponse:
    levels, subjects, version = _home_topics(request)
    if visitor_pages.eligible(request):
        return visitor_pages.serve(
            request, ("home", version), lambda marks: _home(request, levels, subjects, version)
        )
    return _home(request, levels, subjects, version)


def _home(
    request: HtmxRequest, levels: list[Topic], subjects: list[Topic], version: int
) -> HttpResponse:
    # A cursor that is not one of ours reads as the first page, never an error.
    cursor = fragments.cursor_key(request.GET.get("after"))
    muted = _muted_topics(request)
    feed = fragments.render_cached(
        request,
        # Members who muted topics share copies with those who muted the same ones.
        fragments.fragment_key("homefeed", version, cursor, _muted_key(muted)),
        "qa/_home_feed.html",
        lambda: {
            "page": selectors.latest_questions(cursor=cursor or None, muted_topics=muted),
            "is_first_page": not cursor,
        },
    )
    if request.htmx:
        # "Load more": the next page of cards alone, put where the link was.
        response = HttpResponse(feed)
        patch_vary_headers(response, ["HX-Request"])
        return response

    def topics_context() -> dict[str, object]:
        return {"level_topics": levels, "subject_topics": subjects}

    response = render(
        request,
        "qa/home.html",
        {
            "is_first_page": not cursor,
            "ladder": fragments.render_cached(
                request,
                fragments.fragment_key("home", version),
                "qa/_home_main.html",
                topics_context,
            ),
            "topic_aside": fragments.render_cached(
                request,
                fragments.fragment_key("hometopics", version),
                "qa/_home_topics.html",
                topics_context,
            ),
            "feed": feed,
            "home_sections": home_page_sections.render(request, version) if not cursor else [],
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


def _muted_topics(request: HttpRequest) -> list[int]:
    """Return the topics the reader muted, sorted; none for visitors (and no query)."""
    source = muted_topics_source()
    if source is None or not request.user.is_authenticated:
        return []
    return sorted(set(source(request.user)))


def _muted_key(muted: list[int]) -> str:
    if not muted:
        return ""
    return "m" + hashlib.sha256(",".join(map(str, muted)).encode()).hexdigest()[:24]


def _topic_get(request: HttpRequest, slug: str) -> Topic:
    """Return the topic, read once per request as the home page's topics are."""
    topic: Topic | None = getattr(request, "visitor_topic", None)
    if topic is None or topic.slug != slug:
        topic = selectors.topic_get(slug)
        request.visitor_topic = topic  # type: ignore[attr-defined]
    return topic


def _topic_sections(request: HttpRequest, topic: Topic) -> str:
    # What apps add (videos, top contributors) is filled in for each response: a section
    # may change with what the feed version does not follow (likes move the experts), and
    # each keeps its own rendering in the cache, so a warm page reads nothing for it.
    return "".join(topic_page_sections.render(request, topic))


def _topic_early(request: HttpRequest, slug: str) -> visitor_pages.Early:
    topic = _topic_get(request, slug)
    request.user = AnonymousUser()
    return visitor_pages.Early(
        ("topic", topic.pk, topic.feed_version),
        slots={"sections": lambda: _topic_sections(request, topic)},
    )


@visitor_pages.early_lookup(_topic_early)
@require_safe
def topic(request: HtmxRequest, slug: str) -> HttpResponse:
    topic = _topic_get(request, slug)
    if visitor_pages.eligible(request):
        return visitor_pages.serve(
            request,
            ("topic", topic.pk, topic.feed_version),
            lambda marks: _topic(request, topic, sections=[SafeString(marks["sections"])]),
            slots={"sections": lambda: _topic_sections(request, topic)},
        )
    return _topic(request, topic)


def _topic(
    request: HtmxRequest, topic: Topic, sections: list[SafeString] | None = None
) -> HttpResponse:
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
    if request.htmx:
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
            "topic_actions": topic_page_actions.render(request, topic),
            "topic_sections": (
                topic_page_sections.render(request, topic) if sections is None else sections
            ),
        },
    )


def _question_shown(request: HttpRequest, pk: int) -> Question:
    """Return what a visitor's copy of a question page is looked up by, or raise 404.

    A visitor's copy is looked up by the question's version alone: no other read. The
    feeds version comes with it, for the similar questions kept beside the page. Read
    once per request: when the early lookup finds no stored page, the view reuses it.
    """
    shown: Question | None = getattr(request, "visitor_question", None)
    if shown is None or shown.pk != pk:
        version, title, feeds = selectors.question_version(pk)
        shown = Question(pk=pk, version=version, title=title)
        shown.feeds_version = feeds  # type: ignore[attr-defined]
        request.visitor_question = shown  # type: ignore[attr-defined]
    return shown


def _question_end(request: HttpRequest, shown: Question) -> str:
    # What apps add at the end (similar questions) is filled in for each response, so a
    # question hidden since the copy was kept drops out at once, as on other pages.
    return "".join(question_page_end.render(request, shown))


def _question_early(
    request: HttpRequest, pk: int, slug: str | None = None
) -> visitor_pages.Early | None:
    shown = _question_shown(request, pk)
    if request.path != shown.get_absolute_url():
        return None
    request.user = AnonymousUser()
    return visitor_pages.Early(
        ("question", pk, shown.version),
        slots=_visitor_question_slots(request, shown),
        after=lambda response: _count_view(request, response, pk),
    )


def _visitor_question_slots(request: HttpRequest, shown: Question) -> visitor_pages.Slots:
    """Return what a visitor's copy of a question page reads for each response.

    The similar questions at the end, and the closed-as-duplicate notice: it shows the
    original's title and link, which are the original's own and not under this
    question's version, so an original retitled, hidden or deleted since the copy was
    kept shows as it is now. Only a closed question's copy has the notice's slot, so
    other pages read nothing for it.
    """
    return {
        "end": lambda: _question_end(request, shown),
        "status": lambda: _visitor_question_status(shown.pk),
    }


def _visitor_question_status(pk: int) -> str:
    try:
        question = question_for_reader(AnonymousUser(), pk)
    except Http404:
        # Gone since the lookup: the page goes with the next request.
        return ""
    return render_to_string("qa/_question_status.html", {"question": question})


@visitor_pages.early_lookup(_question_early)
@require_safe
def question_detail(request: HtmxRequest, pk: int, slug: str | None = None) -> HttpResponse:
    if visitor_pages.eligible(request):
        shown = _question_shown(request, pk)
        canonical = shown.get_absolute_url()
        if request.path != canonical:
            return _to_canonical(request, canonical)
        response = visitor_pages.serve(
            request,
            ("question", pk, shown.version),
            lambda marks: _question(
                request,
                question_for_reader(request.user, pk),
                end_sections=[SafeString(marks["end"])],
                status_mark=marks["status"],
            ),
            slots=_visitor_question_slots(request, shown),
        )
    else:
        question = question_for_reader(request.user, pk)
        canonical = question.get_absolute_url()
        if request.path != canonical:
            return _to_canonical(request, canonical)
        response = _question(request, question)
    if not request.htmx:
        _count_view(request, response, pk)
    return response


def _to_canonical(request: HttpRequest, canonical: str) -> HttpResponse:
    query = request.GET.urlencode()
    return redirect(f"{canonical}?{query}" if query else canonical, permanent=True)


def _question(
    request: HtmxRequest,
    question: Question,
    end_sections: list[SafeString] | None = None,
    status_mark: str | None = None,
) -> HttpResponse:
    user = request.user
    # A cursor that is not one of ours pages like the first page, never an error.
    cursor = thread_selectors.answer_cursor_parse(request.GET.get("answers_after"))
    # Any other value is the default order: a made-up one is never an error.
    sort = thread_selectors.answer_sort_parse(request.GET.get("sort"))
    question_liked, liked_answers = thread_selectors.liked_post_ids(user, question)
    viewer = _thread_viewer(request, question, liked_answers)
    if request.htmx:
        # "Show more answers": the next page of answers alone, appended where the link was.
        response = HttpResponse(
            _threads_html(request, question, viewer, liked_answers, cursor, sort)
        )
        patch_vary_headers(response, ["HX-Request"])
        return response
    is_asker = user.pk == question.author_id
    invite_panel, invitation = _invitations(question, user)
    page: dict[str, object] = {
        "question": question,
        "is_first_page": cursor is None,
        "answer_sort": sort,
        "body_max_length": BODY_MAX_LENGTH,
    }
    if end_sections is None and _reads_shared_copy(question, viewer, question_liked, invitation):
        page["page_main"] = _question_shared_main(request, question, viewer, cursor, sort, page)
    else:
        page.update(
            {
                "question_crumbs": _question_crumbs(request, question),
                "question_main": _question_main(request, question),
                "outcome_html": _outcome_html(request, question),
                "asker_outcome": _asker_outcome(request, question) if is_asker else None,
                "threads_html": _threads_html(
                    request, question, viewer, liked_answers, cursor, sort
                ),
                "end_sections": (
                    question_page_end.render(request, question)
                    if end_sections is None
                    else end_sections
                ),
                "question_actions": question_page_actions.render(request, question),
                "question_liked": question_liked,
                "form_token": uuid.uuid4().hex,
                "started_token": started_token(),
                "is_asker": is_asker,
                "can_moderate": is_moderator(user),
                "invite_panel": invite_panel,
                "invitation": invitation,
            }
        )
        if status_mark is not None and question.closed_at is not None:
            # A visitor's kept copy: the notice is read for each response (see above).
            page["question_status"] = SafeString(status_mark)
    response = render(request, "qa/question.html", page)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _reads_shared_copy(
    question: Question,
    viewer: tuple[object, object, bool],
    question_liked: bool,
    invitation: AnswerInvitation | None,
) -> bool:
    """Whether a member reads the copy of a question page every member with nothing of
    their own on it shares: no post, like or invitation there, not the asker, not a
    moderator (`_thread_viewer` says "member" for the rest), and a published question.
    What is theirs (the header, the watch control, tokens) is filled in per response."""
    return (
        viewer[0] == "member"
        and not question_liked
        and invitation is None
        and question.is_published
    )


def _question_card_part(
    request: HttpRequest, question: Question, name: str, template_name: str
) -> SafeString:
    """Return a part of the question that shows its card (crumbs "qcrumbs", body "qmain")."""
    return fragments.render_cached(
        request,
        fragments.fragment_key(name, question.pk, question.version),
        template_name,
        lambda: {"question": selectors.question_load_card(question)},
    )


def _question_crumbs(request: HttpRequest, question: Question) -> SafeString:
    return _question_card_part(request, question, "qcrumbs", "qa/_question_crumbs.html")


def _question_main(request: HttpRequest, question: Question) -> SafeString:
    return _question_card_part(request, question, "qmain", "qa/_question_main.html")


def _question_shared_main(
    request: HtmxRequest,
    question: Question,
    viewer: tuple[object, object, bool],
    cursor: thread_selectors.AnswerCursor | None,
    sort: str,
    page: dict[str, object],
) -> SafeString:
    """Return the main part of a question page as a member with nothing on it reads it.

    Kept as one fragment under the question's version, the order and the page. What is
    not the same for every such member is a part filled in for each response: the other
    fragments (whose slots take the reader's tokens and controls), the actions and
    sections apps add for the reader, the view count and the closed notice, which are
    not under the question's version.
    """

    parts: fragments.Parts = {
        "crumbs": lambda: _question_crumbs(request, question),
        "main": lambda: _question_main(request, question),
        "outcome": lambda: _outcome_html(request, question),
        "threads": lambda: _threads_html(request, question, viewer, set(), cursor, sort),
        "actions": lambda: "".join(question_page_actions.render(request, question)),
        "end": lambda: "".join(question_page_end.render(request, question)),
        "views": lambda: escape(views_label(question.view_count)),
        "status": lambda: render_to_string("qa/_question_status.html", {"question": question}),
    }

    def context(marks: dict[str, str]) -> dict[str, object]:
        return {
            **page,
            "user": fragments.GenericMember(),
            "question_crumbs": marks["crumbs"],
            "question_main": marks["main"],
            # Whether there is an outcome is the question's, under its version.
            "outcome_html": marks["outcome"] if _outcome_html(request, question) else "",
            "threads_html": marks["threads"],
            "question_actions": [marks["actions"]],
            "end_sections": [marks["end"]],
            "question_views": marks["views"],
            "question_status": marks["status"],
            "question_liked": False,
            "is_asker": False,
            "can_moderate": False,
        }

    return fragments.render_cached(
        request,
        fragments.fragment_key(
            "qpage", question.pk, question.version, sort, cursor or "", "member"
        ),
        "qa/_question_page.html",
        context,
        parts,
    )


def _outcome_html(request: HttpRequest, question: Question) -> str:
    """Render the question's outcome as everyone sees it, from cache; "" when there is none."""
    html = fragments.render_cached(
        request,
        fragments.fragment_key("qoutcome", question.pk, question.version),
        "qa/_outcome.html",
        lambda: _outcome_context(question),
    )
    return html if html.strip() else ""


def _outcome_context(question: Question) -> dict[str, object]:
    outcome = question_outcome(question)
    return {"outcome": outcome, "helped": outcome_helped_answers(outcome) if outcome else []}


def _asker_outcome(request: HttpRequest, question: Question) -> dict[str, object] | None:
    """Return what the asker alone gets beside the outcome; never part of a cached fragment.

    With an outcome: the link to change it and what apps above qa add (outcome_actions).
    Without one: the invitation to post it, once the question is open for one.
    """
    outcome = question_outcome(question)
    if outcome is None:
        return {"outcome": None} if outcome_open(question) else None
    return {"outcome": outcome, "sections": outcome_actions.render(request, question)}


def _invitations(
    question: Question, user: User | AnonymousUser
) -> tuple[invitation_selectors.InvitePanel | None, AnswerInvitation | None]:
    """Return the asker's invitation panel, or the reader's own open invitation, if any.

    Both are the reader's own, so they are rendered into the page, never into the cached
    parts every reader shares.
    """
    open_for_answers = question.takes_answers and question.is_published and not question.is_deleted
    if not open_for_answers or not isinstance(user, User):
        return None, None
    if user.pk == question.author_id:
        return invitation_selectors.invite_panel(question), None
    return None, invitation_selectors.invitation_for_reader(question, user)


def _thread_viewer(
    request: HttpRequest, question: Question, liked_answers: set[int]
) -> tuple[object, object, bool]:
    """Return (cache variant, user to render for, is asker) for a question's answers.

    Visitors share one copy and members with nothing on the question share another; both
    show published posts only. Whoever may see more (the author of a held or hidden
    post, a moderator) is among those who get a copy of their own.
    """
    user = request.user
    if not user.is_authenticated:
        return "visitor", AnonymousUser(), False
    authors_key = fragments.fragment_key("authors", question.pk, question.version)
    authors = cache.get(authors_key)
    if authors is None:
        authors = thread_selectors.answer_author_ids(question)
        cache.set(authors_key, authors, fragments.FRAGMENT_SECONDS)
    if liked_answers or is_moderator(user) or user.pk == question.author_id or user.pk in authors:
        # Their likes, controls and the posts they may read differ from everyone else's
        # (moderators see controls and held posts everywhere), so they get a copy of their
        # own, which their next like or post replaces by raising the version.
        return user.pk, user, user.pk == question.author_id
    return "member", fragments.GenericMember(), False


def _threads_html(
    request: HttpRequest,
    question: Question,
    viewer: tuple[object, object, bool],
    liked_answers: set[int],
    cursor: thread_selectors.AnswerCursor | None,
    sort: str,
) -> str:
    """Render one page of answers from cache, keyed on the question's version, the order
    and the page, for the copy `_thread_viewer` chose."""
    variant, reader_as, is_asker = viewer
    # Only a copy of one's own may hold posts that are not published.
    reader = reader_as if isinstance(reader_as, User) else None
    return fragments.render_cached(
        request,
        fragments.fragment_key(
            "threads", question.pk, question.version, sort, cursor or "", variant
        ),
        # The same HTML as qa/_threads.html, written in Python: see rung/qa/thread_html.py.
        thread_html.threads_html,
        lambda: {
            "question": question,
            "page": thread_selectors.question_thread_page(
                question, cursor=cursor, liked=liked_answers, viewer=reader, sort=sort
            ),
            "user": reader_as,
            "is_asker": is_asker,
            "can_moderate": is_moderator(reader),
        },
    )


@require_safe
def answer_permalink(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a link to an answer or reply to the page that shows it, at its anchor."""
    return redirect(thread_selectors.answer_location(answer_for_reader(request.user, pk)))


@require_safe
def answer_replies(request: HtmxRequest, pk: int) -> HttpResponse:
    """Show the replies of an answer after a cursor: appended by htmx, or as a page."""
    answer = answer_for_reader(request.user, pk)
    if answer.parent_id is not None:
        raise Http404("Replies belong to answers.")
    question = answer.question
    cursor = thread_selectors.answer_cursor_parse(request.GET.get("after"))
    _liked_question, liked = thread_selectors.liked_post_ids(request.user, question)
    context = {
        "question": question,
        "answer": answer,
        "thread": thread_selectors.answer_replies_page(
            answer, cursor=cursor, liked=liked, viewer=request.user
        ),
        "is_asker": request.user.pk == question.author_id,
        "can_moderate": is_moderator(request.user),
        "form_token": uuid.uuid4().hex,
        "is_first_page": cursor is None,
    }
    if request.htmx:
        response = render(request, "qa/_replies.html", context)
    else:
        response = render(request, "qa/replies_page.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


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
    question = question_for_reader(request.user, pk)
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
    answer = answer_for_reader(request.user, pk)
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


def _with_diffs(post: Post) -> list[dict[str, object]]:
    """Return revisions newest first, each with its title and body marked against the last."""
    revisions = list(selectors.post_revisions(post))
    rows: list[dict[str, object]] = []
    previous = None
    for number, revision in enumerate(revisions, start=1):
        row: dict[str, object] = {"number": number, "revision": revision}
        if previous is not None:
            row["title_diff"] = word_diff_html(previous.title, revision.title)
            row["body_diff"] = word_diff_html(previous.body, revision.body)
            row["unchanged"] = (previous.title, previous.body) == (revision.title, revision.body)
        rows.append(row)
        previous = revision
    rows.reverse()
    return rows
