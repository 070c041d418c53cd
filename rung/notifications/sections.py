"""What notifications adds to pages of lower apps: the follow and watch controls on topic,
question and profile pages, the Save toggles under posts, and the home feed's muted topics.

Every control here is the reader's own, so none is ever stored in a shared cached part:
the topic, question and profile controls fill slots rendered for each response, and the
Save toggles fill the per-post slots qa keeps in its cached answers (qa/fragments.py),
all of a question page's from one read (selectors_follow.question_state_for).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext, gettext_noop, pgettext

from rung.accounts.models import User
from rung.accounts.slots import profile_actions
from rung.core.fast_urls import fast_reverser
from rung.core.page_csrf import page_csrf_token
from rung.notifications import selectors_follow
from rung.notifications.models import WatchLevel
from rung.qa.models import Question, Topic
from rung.qa.slots import (
    PostRef,
    muted_topics_source_set,
    question_page_actions,
    reader_post_source_register,
    topic_page_actions,
)

NORMAL = "normal"


def login_url(request: HttpRequest) -> str:
    return f"{reverse('account_login')}?{urlencode({'next': request.get_full_path()})}"


def topic_follow_html(
    request: HttpRequest, topic: Topic, level: str | None, *, said: str = "", back: str = ""
) -> SafeString:
    """Render the topic's level menu for the reader, or a log-in link for a visitor."""
    return render_to_string(
        "notifications/_topic_follow.html",
        {
            "topic": topic,
            "level": level or NORMAL,
            "said": said,
            "back": back or request.get_full_path(),
            "login_url": login_url(request),
        },
        request=request,
    )


def question_watch_html(
    request: HttpRequest,
    question: Question,
    level: str | None,
    automatic: bool,
    *,
    said: str = "",
    back: str = "",
) -> SafeString:
    """Render Watch / Unwatch for the reader, saying why when Rung watches it for them."""
    return render_to_string(
        "notifications/_question_watch.html",
        {
            "question": question,
            "watching": level == WatchLevel.WATCHING,
            "muted": level == WatchLevel.MUTED,
            "automatic": automatic and level == WatchLevel.WATCHING,
            "asked": question.author_id == request.user.pk,
            "said": said,
            "back": back or request.get_full_path(),
        },
        request=request,
    )


def member_follow_html(
    request: HttpRequest, member: User, following: bool, *, said: str = "", back: str = ""
) -> SafeString:
    """Render Follow / Unfollow for a member's profile, or a log-in link for a visitor."""
    return render_to_string(
        "notifications/_member_follow.html",
        {
            "member": member,
            "following": following,
            "said": said,
            "back": back or request.get_full_path(),
            "login_url": login_url(request),
        },
        request=request,
    )


def save_toggle_html(
    request: HttpRequest, kind: str, post_id: int, saved: bool, *, back: str = ""
) -> SafeString:
    """Render one Save / Saved toggle; many render per page, so without context processors."""
    shared = _ToggleShared.of(request)
    where = escape(back) if back else shared.back(kind, post_id)
    return shared.toggle(kind, post_id, saved, where)


_SAVED_TITLE = gettext_noop("On your Saved page; click to remove it")
_SAVE_TITLE = gettext_noop("Keep it on your Saved page")


@dataclass(frozen=True)
class _ToggleShared:
    """What every Save toggle of one response shares, escaped once: a question page holds
    one toggle per post, so they are put together in Python rather than from a template."""

    language: str
    token: str
    path: str
    saved_title: str
    saved_label: str
    save_title: str
    save_label: str
    # The toggles' addresses, their pattern looked up once per response.
    question_address: Callable[[int], str]
    answer_address: Callable[[int], str]

    @classmethod
    def of(cls, request: HttpRequest) -> "_ToggleShared":
        shared: _ToggleShared | None = getattr(request, "_rung_save_toggle", None)
        if shared is None or shared.language != get_language():
            shared = cls(
                language=get_language(),
                token=escape(page_csrf_token(request)),
                path=escape(request.get_full_path()),
                saved_title=escape(gettext(_SAVED_TITLE)),
                saved_label=escape(gettext("Saved")),
                save_title=escape(gettext(_SAVE_TITLE)),
                save_label=escape(pgettext("bookmark", "Save")),
                question_address=fast_reverser("notifications:bookmark_question"),
                answer_address=fast_reverser("notifications:bookmark_answer"),
            )
            request._rung_save_toggle = shared  # type: ignore[attr-defined]
        return shared

    def back(self, kind: str, post_id: int) -> str:
        return f"{self.path}#question" if kind == "question" else f"{self.path}#answer-{post_id}"

    def toggle(self, kind: str, post_id: int, saved: bool, back: str) -> SafeString:
        address = self.question_address if kind == "question" else self.answer_address
        action = escape(address(post_id))
        if saved:
            flip, extra, pressed, title, label = (
                "0",
                " saved",
                "true",
                self.saved_title,
                self.saved_label,
            )
        else:
            flip, extra, pressed, title, label = "1", "", "false", self.save_title, self.save_label
        # Every value above is escaped: the address, token and path here, the words in `of`.
        return SafeString(
            f'<form class="save-form inline" method="post" action="{action}" hx-post="{action}"'
            ' hx-swap="outerHTML"><input type="hidden" name="csrfmiddlewaretoken"'
            f' value="{self.token}"><input type="hidden" name="next" value="{back}">'
            f'<input type="hidden" name="saved" value="{flip}"><button type="submit"'
            f' class="link save{extra}" aria-pressed="{pressed}" title="{title}">{label}</button>'
            "</form>\n"
        )


# --- the slots' sections ------------------------------------------------------------------


def topic_follow_section(request: HttpRequest, topic: Topic) -> SafeString:
    level = selectors_follow.follow_level(request.user, topic=topic)  # type: ignore[arg-type]
    return topic_follow_html(request, topic, level)


def question_watch_section(request: HttpRequest, question: Question) -> SafeString | str:
    state = selectors_follow.question_state_for(request, question.pk)
    if state is None:
        return ""
    return question_watch_html(request, question, state.level, state.automatic)


def member_follow_section(request: HttpRequest, member: User) -> SafeString | str:
    if request.user.pk == member.pk:
        return ""
    following = selectors_follow.follow_level(request.user, member=member) is not None  # type: ignore[arg-type]
    return member_follow_html(request, member, following)


def save_toggles(request: HttpRequest, posts: Sequence[PostRef]) -> Mapping[PostRef, str]:
    """Render the Save toggles of a page's questions and answers (replies have none)."""
    out: dict[PostRef, str] = {}
    if not request.user.is_authenticated:
        return out
    shared = _ToggleShared.of(request)
    for post in posts:
        if post.kind not in ("question", "answer"):
            continue
        state = selectors_follow.question_state_for(request, post.question_id)
        assert state is not None
        saved = state.question_saved if post.kind == "question" else post.pk in state.saved_answers
        out[post] = shared.toggle(post.kind, post.pk, saved, shared.back(post.kind, post.pk))
    return out


def register() -> None:
    topic_page_actions.register("notifications.follow", topic_follow_section)
    question_page_actions.register("notifications.watch", question_watch_section)
    profile_actions.register("notifications.follow", member_follow_section)
    reader_post_source_register("notifications.saved", save_toggles)
    muted_topics_source_set(selectors_follow.muted_topic_ids)
