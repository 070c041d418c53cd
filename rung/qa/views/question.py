"""A question's page: the question, its answers and replies, and its view count."""

import secrets
import uuid
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.views.decorators.http import require_safe

from rung.accounts.models import User
from rung.accounts.roles import is_moderator
from rung.core import page_csrf
from rung.core.human_check import started_token
from rung.core.requests import HtmxRequest
from rung.core.templatetags.rung import views_label
from rung.qa import (
    fragments,
    invitation_selectors,
    question_html,
    selectors,
    thread_html,
    thread_selectors,
    view_counter,
    visitor_pages,
)
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.models import BODY_MAX_LENGTH, AnswerInvitation, Question
from rung.qa.outcomes import outcome_helped_answers, outcome_open, question_outcome
from rung.qa.slots import (
    outcome_actions,
    question_page_actions,
    question_page_end,
)

VISITOR_COOKIE_AGE = 365 * 24 * 3600


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
    return question_html.status_html(question)


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
    """Render a question page for the request's reader.

    `end_sections` and `status_mark` are given when the page is the visitors' copy that
    `visitor_pages.serve` keeps whole: marks for the parts it fills in per response.
    """
    visitors_copy = end_sections is not None
    user = request.user
    # A cursor that is not one of ours pages like the first page, never an error.
    cursor = thread_selectors.answer_cursor_parse(request.GET.get("answers_after"))
    # Any other value is the default order: a made-up one is never an error.
    sort = thread_selectors.answer_sort_parse(request.GET.get("sort"))
    marks = thread_selectors.reader_marks(user, question)
    question_liked, liked_answers = marks.question_liked, marks.liked_answers
    viewer = _thread_viewer(request, question, marks)
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
    if not visitors_copy and _reads_shared_copy(question, viewer, question_liked, invitation):
        page["page_main"] = _question_shared_main(request, question, viewer, cursor, sort, page)
    else:
        page.update(
            {
                "question_crumbs": _question_crumbs(request, question),
                "question_main": _question_main(request, question),
                "outcome_html": _outcome_html(request, question),
                "asker_outcome": _asker_outcome(request, question) if is_asker else None,
                # The visitors' copy of the answers is only read inside that page, which
                # is kept whole: keeping them apart as well would store the HTML twice.
                "threads_html": _threads_html(
                    request,
                    question,
                    viewer,
                    liked_answers,
                    cursor,
                    sort,
                    keep=not visitors_copy,
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
        # Most readers' pages are written in Python (rung/qa/question_html.py); the rest
        # are left to the template, which question.html includes when there is no main.
        # The CSRF token is the one templates get, masked only if a member's form asks.
        page["page_main"] = question_html.question_page_html(
            {**page, "request": request, "user": user, **page_csrf.csrf(request)}
        )
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
    request: HttpRequest, question: Question, name: str, renderer: fragments.Renderer
) -> SafeString:
    """Return a part of the question that shows its card (crumbs "qcrumbs", body "qmain")."""
    return fragments.render_cached(
        request,
        fragments.fragment_key(name, question.pk, question.version),
        renderer,
        lambda: {"question": selectors.question_load_card(question)},
    )


# The same HTML as qa/_question_crumbs.html and qa/_question_main.html, written in Python:
# see rung/qa/question_html.py.
def _question_crumbs(request: HttpRequest, question: Question) -> SafeString:
    return _question_card_part(request, question, "qcrumbs", question_html.crumbs_html)


def _question_main(request: HttpRequest, question: Question) -> SafeString:
    return _question_card_part(request, question, "qmain", question_html.question_main_html)


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
        "status": lambda: question_html.status_html(question),
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
        _question_page_html,
        context,
        parts,
    )


def _question_page_html(context: dict[str, Any]) -> str:
    """Render qa/_question_page.html, in Python for the readers rung/qa/question_html.py
    renders: every member with nothing of their own on the page is one."""
    return question_html.question_page_html(context) or render_to_string(
        "qa/_question_page.html", context, request=context["request"]
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
    request: HttpRequest, question: Question, marks: thread_selectors.ReaderMarks
) -> tuple[object, object, bool]:
    """Return (cache variant, user to render for, is asker) for a question's answers.

    Visitors share one copy and members with nothing on the question share another; both
    show published posts only. Whoever may see more (the author of a held or hidden
    post, a moderator) is among those who get a copy of their own.
    """
    user = request.user
    if not user.is_authenticated:
        return "visitor", AnonymousUser(), False
    if marks.liked_answers or marks.wrote or is_moderator(user) or user.pk == question.author_id:
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
    *,
    keep: bool = True,
) -> str:
    """Render one page of answers from cache, keyed on the question's version, the order
    and the page, for the copy `_thread_viewer` chose (rendered but not kept when `keep`
    is false)."""
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
        keep=keep,
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
    liked = thread_selectors.reader_marks(request.user, question).liked_answers
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
