"""Follows and bookmarks: the controls' form posts, the Following page and the Saved page.

Every control is a plain form: without JavaScript it posts, then goes back where it came
from with a message; with htmx it swaps in the control as it now stands. Members see and
change only their own follows and bookmarks.
"""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from rung.accounts.models import User
from rung.accounts.requests import MemberRequest
from rung.notifications import sections, selectors_follow, services
from rung.notifications.models import WatchLevel
from rung.qa import thread_selectors
from rung.qa.access import answer_for_reader, question_for_reader
from rung.qa.models import Topic

TOPIC_LEVELS: dict[str, WatchLevel | None] = {
    WatchLevel.WATCHING: WatchLevel.WATCHING,
    WatchLevel.TRACKING: WatchLevel.TRACKING,
    sections.NORMAL: None,
    WatchLevel.MUTED: WatchLevel.MUTED,
}
QUESTION_LEVELS: dict[str, WatchLevel | None] = {
    WatchLevel.WATCHING: WatchLevel.WATCHING,
    sections.NORMAL: None,
    WatchLevel.MUTED: WatchLevel.MUTED,
}
MEMBER_LEVELS: dict[str, WatchLevel | None] = {
    WatchLevel.WATCHING: WatchLevel.WATCHING,
    sections.NORMAL: None,
}


def _refuse(request: MemberRequest, message: str, status: int = 400) -> HttpResponse:
    """Say what was wrong with a post, on a page of its own (the control stays as it was)."""
    return render(request, "notifications/refused.html", {"message": message}, status=status)


def _back(request: MemberRequest) -> str:
    """The page the control was on, when it is one of ours; else ""."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def _level(request: MemberRequest, levels: dict[str, WatchLevel | None]) -> WatchLevel | None:
    """Return the level asked for, or raise KeyError for one not offered here."""
    return levels[request.POST.get("level", "")]


def _done(
    request: MemberRequest, said: str, control: Callable[[str], SafeString], fallback: str
) -> HttpResponse:
    if request.htmx:
        return HttpResponse(control(said))
    messages.success(request, said)
    return redirect(_back(request) or fallback)


# --- follows ------------------------------------------------------------------------------


TOPIC_SAID = {
    WatchLevel.WATCHING: gettext_lazy(
        "You are watching %(name)s: a notice for every new question."
    ),
    WatchLevel.TRACKING: gettext_lazy(
        "You are tracking %(name)s: its new questions come in your digest."
    ),
    sections.NORMAL: gettext_lazy("%(name)s is back to normal: no notices for its new questions."),
    WatchLevel.MUTED: gettext_lazy(
        "You muted %(name)s: no notices, and its questions leave your home feed."
    ),
}


@login_required
@require_POST
def follow_topic(request: MemberRequest, pk: int) -> HttpResponse:
    topic = Topic.objects.filter(pk=pk).first()
    if topic is None:
        raise Http404("No such topic.")
    try:
        level = _level(request, TOPIC_LEVELS)
    except KeyError:
        return _refuse(request, _("Choose watching, tracking, normal or muted."))
    services.follow_set(request.user, level=level, topic=topic)
    chosen = level or sections.NORMAL
    said = str(TOPIC_SAID[chosen]) % {"name": topic.name}
    return _done(
        request,
        said,
        lambda said: sections.topic_follow_html(
            request, topic, chosen, said=said, back=_back(request)
        ),
        topic.get_absolute_url(),
    )


@login_required
@require_POST
def follow_question(request: MemberRequest, pk: int) -> HttpResponse:
    question = question_for_reader(request.user, pk)
    try:
        level = _level(request, QUESTION_LEVELS)
    except KeyError:
        return _refuse(request, _("Choose watching, normal or muted."))
    services.follow_set(request.user, level=level, question=question)
    said = {
        WatchLevel.WATCHING: _("You are watching this question: a notice for every answer."),
        WatchLevel.MUTED: _(
            "You stopped watching this question; Rung will not watch it for you again."
        ),
        None: _("This question is back to normal."),
    }[level]
    return _done(
        request,
        said,
        lambda said: sections.question_watch_html(
            request, question, level, False, said=said, back=_back(request)
        ),
        question.get_absolute_url(),
    )


@login_required
@require_POST
def follow_member(request: MemberRequest, pk: int) -> HttpResponse:
    member = User.objects.filter(pk=pk, is_active=True).first()
    if member is None:
        raise Http404("No such member.")
    if member.pk == request.user.pk:
        return _refuse(request, _("You cannot follow yourself."))
    try:
        level = _level(request, MEMBER_LEVELS)
    except KeyError:
        return _refuse(request, _("Choose to follow (watching) or not (normal)."))
    services.follow_set(request.user, level=level, member=member)
    if level is None:
        said = _("You no longer follow %(name)s.") % {"name": member.name}
    else:
        said = _("You follow %(name)s: a notice when they post.") % {"name": member.name}
    return _done(
        request,
        said,
        lambda said: sections.member_follow_html(
            request, member, level is not None, said=said, back=_back(request)
        ),
        member.get_absolute_url(),
    )


# --- bookmarks ----------------------------------------------------------------------------


def _saved(request: MemberRequest) -> bool | None:
    return {"1": True, "0": False}.get(request.POST.get("saved", ""))


def _bookmark_done(
    request: MemberRequest, kind: str, post_id: int, saved: bool, fallback: str
) -> HttpResponse:
    said = _("Saved. Find it on your Saved page.") if saved else _("Removed from your saved posts.")
    return _done(
        request,
        said,
        lambda said: sections.save_toggle_html(request, kind, post_id, saved, back=_back(request)),
        fallback,
    )


SAVED_CHOICE = gettext_lazy("Say whether to save it (1) or not (0).")


@login_required
@require_POST
def bookmark_question(request: MemberRequest, pk: int) -> HttpResponse:
    question = question_for_reader(request.user, pk)
    saved = _saved(request)
    if saved is None:
        return _refuse(request, str(SAVED_CHOICE))
    services.bookmark_set(request.user, saved=saved, question=question)
    return _bookmark_done(request, "question", question.pk, saved, question.get_absolute_url())


@login_required
@require_POST
def bookmark_answer(request: MemberRequest, pk: int) -> HttpResponse:
    answer = answer_for_reader(request.user, pk)
    if answer.parent_id is not None:
        # Replies are part of their answer's thread: the answer is what gets saved.
        raise Http404("Replies are not saved; save their answer.")
    saved = _saved(request)
    if saved is None:
        return _refuse(request, str(SAVED_CHOICE))
    services.bookmark_set(request.user, saved=saved, answer=answer)
    return _bookmark_done(
        request, "answer", answer.pk, saved, thread_selectors.answer_location(answer)
    )


@login_required
@require_POST
def bookmark_remove(request: MemberRequest, pk: int) -> HttpResponse:
    """Take one of the member's saved posts off the list, even one since deleted or hidden."""
    if not services.bookmark_remove(request.user, pk):
        raise Http404("No such saved post.")
    if request.htmx:
        return HttpResponse("")
    messages.success(request, _("Removed from your saved posts."))
    return redirect(_back(request) or "notifications:bookmarks")


@login_required
@require_safe
def bookmark_list(request: MemberRequest) -> HttpResponse:
    after = selectors_follow.bookmark_cursor_parse(request.GET.get("after"))
    if after is False:
        return _refuse(request, _("That is not a place in your saved posts."))
    page = selectors_follow.saved_page(request.user, after=after or None)  # type: ignore[arg-type]
    return render(
        request,
        "notifications/bookmarks.html",
        {"page": page, "is_first_page": after is None},
    )


# --- the Following page -------------------------------------------------------------------


@login_required
@require_safe
def following(request: MemberRequest) -> HttpResponse:
    """What the member watches, tracks and muted: all of it at a glance, or one kind paged."""
    kind = request.GET.get("kind", "")
    if kind and kind not in selectors_follow.FOLLOWING_KINDS:
        return _refuse(request, _("Show topics, questions or members."))
    raw = request.GET.get("before", "")
    if raw and not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        return _refuse(request, _("That is not a place in this list."))
    before = int(raw) if raw else None
    user = request.user
    context: dict[str, object] = {"kind": kind, "is_first_page": before is None}
    if kind in ("", "topics"):
        context["topics"] = selectors_follow.followed_topics(user)
    if kind == "":
        size = selectors_follow.FOLLOWING_OVERVIEW_SIZE
        context["questions"] = selectors_follow.followed_questions(user, size=size)
        context["members"] = selectors_follow.followed_members(user, size=size)
    elif kind == "questions":
        context["questions"] = selectors_follow.followed_questions(user, before=before)
    elif kind == "members":
        context["members"] = selectors_follow.followed_members(user, before=before)
    return render(request, "notifications/following.html", context)
