"""A page of answers and their replies as HTML, written in Python.

The same HTML as `qa/_threads.html` (through `_answer.html`, `_reply.html` and their
includes), which the answers page and the replies page still use: a question's answers
are the costliest part of rendering its page when nothing is cached, and the template
engine spent most of that on lookups and includes repeated for every post. Here each
string the templates translate is looked up once per rendering, addresses come from the
kept patterns (rung/core/fast_urls.py), and every value a member or the database gave is
escaped by `format_html` / `escape`, as the templates' autoescaping does. The test in
rung/qa/tests/test_thread_html.py renders both ways and compares them.

What the languages app adds to a post (its language badge, `lang` attribute, translate
control and glossary links) comes through `post_language_parts` (rung/qa/slots.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from rung.core.fast_urls import fast_reverse, fast_reverser
from rung.core.templatetags.rung import likes_label, time_writer
from rung.qa.models import Answer, Question
from rung.qa.slots import PostLanguageParts, post_actions_for, post_language_parts
from rung.qa.templatetags.byline import byline
from rung.qa.templatetags.post_actions import reader_post_parts_tag
from rung.qa.thread_selectors import AnswerThread, ThreadPage

_HELD = "held"


class _Words:
    """The interface strings of a rendering, translated once in the active language."""

    def __init__(self) -> None:
        # Literal strings in templates are trusted: Django marks them safe, so their
        # translations are not escaped either.
        self.anonymous_asker = mark_safe(gettext("Anonymous (asker)"))
        self.helpful = gettext("Most helpful to the asker")
        self.edited = gettext("edited")
        self.edit = gettext("Edit")
        self.delete = gettext("Delete")
        self.mark_helpful = gettext("Mark most helpful")
        self.unmark_helpful = gettext("Unmark most helpful")
        self.reply = gettext("Reply")
        self.your_reply = gettext("Your reply")
        self.members_to_mention = gettext("Members to mention")
        self.post_reply = gettext("Post reply")
        self.leave_empty = gettext("Leave this empty")
        self.liked = gettext("Liked")
        self.like = gettext("Like")
        self.change_language = gettext("Change language")
        self.language_of_post = gettext("Language of this post")
        self.english = gettext("English")
        self.chinese = gettext("Chinese")
        self.save = gettext("Save")
        self.waiting = gettext(
            "Waiting for review: only you and the moderators can see this post until a "
            "moderator approves it."
        )
        self.hidden_by_moderators = gettext("Hidden by the moderators.")
        self.edit_for_review = gettext("Edit it to ask for another review.")
        self.held_for_review = gettext("Held for review")
        self.hidden = gettext("Hidden")
        self.no_answers = gettext(
            "No answers yet. If you have been through this, your experience helps."
        )
        self.no_more_answers = gettext("No more answers.")
        self.more_answers = gettext("Show more answers")


@dataclass
class _Rendering:
    """What every post of one rendering shares: the reader, the tokens and the strings."""

    context: dict[str, Any]
    question: Question
    user: Any
    is_asker: bool
    can_moderate: bool
    csrf_input: str
    form_token: str
    started_token: str
    words: _Words
    language: PostLanguageParts | None
    # `reltime` for this rendering: the zone and the language's format read once.
    when: Callable[[datetime], str] = field(default_factory=time_writer)
    likes: dict[int, str] = field(default_factory=dict)
    bylines: dict[tuple[int | None, bool], str] = field(default_factory=dict)
    addresses: dict[str, Callable[[int], str]] = field(default_factory=dict)
    actions_for: dict[tuple[str, bool], list[tuple[str, Callable[[str, int], str], str]]] = field(
        default_factory=dict
    )
    # Every reply box names it; looked up once.
    member_suggest: str = field(
        default_factory=lambda: escape(fast_reverse("accounts:member_suggest"))
    )

    def byline(self, post: Answer) -> str:
        # A member often writes several posts in a thread; their byline is the same.
        key = (post.author_id, post.by_anonymous_asker)  # type: ignore[attr-defined]
        html = self.bylines.get(key)
        if html is None:
            html = self.bylines[key] = byline(post.author, key[1], self.words.anonymous_asker)
        return html

    def likes_static(self, count: int) -> str:
        """Return the count of likes under a post the reader may not like."""
        html = self.likes.get(count)
        if html is None:
            html = self.likes[count] = escape(likes_label(count))
        return html

    def url(self, name: str, pk: int) -> str:
        """Return `{% fast_url name pk %}`, escaped as the tag's output is."""
        address = self.addresses.get(name)
        if address is None:
            address = self.addresses[name] = fast_reverser(name)
        return escape(address(pk))

    def actions(self, post: Answer, kind: str) -> str:
        """Return `{% post_actions post kind %}`."""
        if not self.user.is_authenticated:
            return ""
        key = (kind, self.user.pk == post.author_id)
        actions = self.actions_for.get(key)
        if actions is None:
            actions = self.actions_for[key] = [
                (escape(action.name), action.url, escape(action.label))
                for action in post_actions_for(
                    kind, is_author=key[1], is_moderator=self.can_moderate
                )
            ]
        return " ".join(
            f'<a class="post-action post-action-{name}" href="{escape(url(kind, post.pk))}">'
            f"{label}</a>"
            for name, url, label in actions
        )

    def lang_attr(self, post: Answer) -> str:
        return self.language.lang_attr(post) if self.language else ""

    def badge(self, post: Answer) -> str:
        return self.language.badge(post) if self.language else ""

    def translate_control(self, post: Answer) -> str:
        return self.language.translate_control(post) if self.language else ""

    def body(self, post: Answer) -> str:
        # Sanitized when stored; the templates mark it safe the same way.
        return self.language.body(post) if self.language else post.body_html


def threads_html(context: dict[str, Any]) -> SafeString:
    """Render `qa/_threads.html` for the context the template takes."""
    user = context["user"]
    csrf = context.get("csrf_token")
    page: ThreadPage = context["page"]
    question: Question = context["question"]
    words = _Words()
    rendering = _Rendering(
        context=context,
        question=question,
        user=user,
        is_asker=bool(context.get("is_asker")),
        can_moderate=bool(context.get("can_moderate")),
        csrf_input=csrf_input(csrf),
        form_token=escape(context.get("form_token", "")),
        started_token=escape(context.get("started_token", "")),
        words=words,
        language=post_language_parts(),
    )
    out: list[str] = []
    for thread in page.threads:
        _answer(out, rendering, thread)
    if not page.threads:
        empty = words.no_answers if page.is_first else words.no_more_answers
        out.append(f'<p class="empty">{empty}</p>')
    out.append("\n")
    if page.next_cursor:
        next_url = escape(f"{question.get_absolute_url()}?{page.next_query}")
        out.append(
            f'<a class="button more-answers" rel="next" href="{next_url}#answers-heading" '
            f'hx-get="{next_url}" hx-target="this" hx-swap="outerHTML">{words.more_answers}'
            '<span class="htmx-indicator" aria-hidden="true"> …</span></a>'
        )
    out.append("\n")
    # Every value above was escaped, apart from our own markup and trusted translations.
    return mark_safe("".join(out))


def _answer(out: list[str], r: _Rendering, thread: AnswerThread) -> None:
    answer, user, words = thread.answer, r.user, r.words
    pk = answer.pk
    helpful = pk == r.question.accepted_answer_id
    is_author = user.pk == answer.author_id
    may_change = is_author or r.can_moderate
    out.append(f'<article class="answer{" helpful" if helpful else ""}" id="answer-{pk}">\n  ')
    if not answer.is_published:
        out.append(_visibility_notice(r, answer))
    out.append("\n  ")
    if helpful:
        out.append(f'<p class="helpful-badge">✓ {words.helpful}</p>')
    out.append('\n  <div class="post-meta">\n    ')
    out.append(r.byline(answer))
    out.append("\n    ")
    out.append(r.when(answer.created_at))
    out.append(r.badge(answer))
    out.append("\n    ")
    if answer.edited_at:
        out.append(f'<a href="{r.url("qa:answer_history", pk)}">{words.edited}</a>')
    out.append(
        f'\n  </div>\n  <div class="prose body" id="post-body-answer-{pk}"{r.lang_attr(answer)}>'
    )
    out.append(r.body(answer))
    out.append("</div>\n  ")
    out.append(r.translate_control(answer))
    out.append('\n  <div class="post-actions">\n    ')
    if user.is_authenticated and not is_author:
        out.append(_like_button(r, answer))
    else:
        out.append(f'<span class="like-static">▲ {r.likes_static(answer.like_count)}</span>')
    out.append("\n    ")
    if r.is_asker:
        label = words.unmark_helpful if helpful else words.mark_helpful
        out.append(
            f'<form method="post" action="{r.url("qa:answer_helpful", pk)}" class="inline">'
            f'{r.csrf_input}<button class="link" type="submit">{label}</button></form>'
        )
    out.append("\n    ")
    if may_change:
        gap = "\n      "
        out.append(gap + _edit_and_delete(r, pk, gap) + "\n    ")
    out.append("\n    ")
    if may_change:
        out.append(_language_form(r, answer, "answer"))
    out.append("\n    ")
    out.append(r.actions(answer, "answer"))
    out.append("\n    ")
    out.append(reader_post_parts_tag(r.context, answer, "answer"))
    out.append("\n  </div>\n  ")
    if thread.replies or user.is_authenticated:
        out.append('\n  <div class="replies">\n    ')
        for reply in thread.replies:
            _reply(out, r, reply)
        out.append("\n    ")
        if thread.more_replies > 0:
            out.append(_more_replies(r, thread))
        out.append("\n    ")
        if user.is_authenticated and r.question.takes_answers and answer.is_published:
            out.append(
                f'\n    <details class="reply-box"><summary>{words.reply}</summary>\n      '
                f'<form method="post" action="{r.url("qa:reply_create", pk)}">{r.csrf_input}'
                f'<input type="hidden" name="submit_token" value="{r.form_token}">'
                f"{human_check(pk, words.leave_empty, r.started_token)}\n"
                f'<label class="visually-hidden" for="reply-{pk}">{words.your_reply}</label>'
                f'<textarea id="reply-{pk}" name="body" rows="3" maxlength="30000" required '
                f'data-mention-source="{r.member_suggest}" '
                f'data-mention-label="{words.members_to_mention}"></textarea>'
                f'<button class="button" type="submit">{words.post_reply}</button></form>\n    '
                "</details>\n    "
            )
        out.append("\n  </div>\n  ")
    out.append("\n</article>\n")


def _reply(out: list[str], r: _Rendering, reply: Answer) -> None:
    user, words = r.user, r.words
    pk = reply.pk
    is_author = user.pk == reply.author_id
    may_change = is_author or r.can_moderate
    out.append(f'<div class="reply" id="answer-{pk}">\n      ')
    if not reply.is_published:
        out.append(_visibility_notice(r, reply))
    out.append(f'\n      <div class="prose" id="post-body-reply-{pk}"{r.lang_attr(reply)}>')
    out.append(r.body(reply))
    out.append("</div>\n      ")
    out.append(r.translate_control(reply))
    out.append('\n      <div class="post-meta small">— ')
    out.append(r.byline(reply))
    out.append(" ")
    out.append(r.when(reply.created_at))
    out.append(r.badge(reply))
    out.append("\n        ")
    if reply.edited_at:
        out.append(f'<a href="{r.url("qa:answer_history", pk)}">{words.edited}</a>')
    out.append("\n        ")
    if user.is_authenticated and not is_author:
        out.append(_like_button(r, reply))
    out.append("\n        ")
    if may_change:
        out.append(_edit_and_delete(r, pk, " "))
    out.append("\n        ")
    if may_change:
        out.append(_language_form(r, reply, "reply"))
    out.append("\n        ")
    out.append(r.actions(reply, "reply"))
    out.append("\n      </div>\n    </div>\n")


def _edit_and_delete(r: _Rendering, pk: int, gap: str) -> str:
    """The author's or a moderator's Edit link and Delete button, `gap` between them."""
    return (
        f'<a href="{r.url("qa:answer_edit", pk)}">{r.words.edit}</a>{gap}'
        f'<form method="post" action="{r.url("qa:answer_delete", pk)}" class="inline">'
        f'{r.csrf_input}<button class="link danger" type="submit">{r.words.delete}</button>'
        "</form>"
    )


def _like_button(r: _Rendering, post: Answer) -> str:
    words = r.words
    liked = post.liked  # type: ignore[attr-defined]
    return like_form(
        r.url("qa:answer_like", post.pk),
        r.csrf_input,
        liked=liked,
        count=post.like_count,
        label=words.liked if liked else words.like,
    )


def like_form(url: str, csrf: str, *, liked: bool, count: int, label: str) -> str:
    """Return `qa/_like_button.html` for a post: `url` escaped, `csrf` from `csrf_input`."""
    return (
        f'<form class="like-form" method="post" action="{url}" hx-post="{url}" '
        f'hx-swap="outerHTML">{csrf}<button type="submit" '
        f'class="like{" liked" if liked else ""}" '
        f'aria-pressed="{"true" if liked else "false"}" ><span aria-hidden="true">▲</span> '
        f'<span class="like-label">{label}</span> '
        f'<span class="like-count">{count}</span></button></form>\n'
    )


def csrf_input(token: object) -> str:
    """Return `{% csrf_token %}` for a token (a fragment's slot mark, or the response's)."""
    if token and token != "NOTPROVIDED":
        return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
    return ""


def human_check(field_id: object, label: str, started: str) -> str:
    """Return `qa/_human_check.html`: the field people leave empty and the signed time."""
    return (
        f'<p class="hp-field"><label for="website-{field_id}">{label}</label>'
        f'<input type="text" name="website" id="website-{field_id}" autocomplete="off" '
        f'tabindex="-1"></p><input type="hidden" name="started" value="{started}">'
    )


def _language_form(r: _Rendering, post: Answer, kind: str) -> str:
    words = r.words
    action = r.url("qa:reply_language" if kind == "reply" else "qa:answer_language", post.pk)
    field = f"lang-{post.pk}-{kind}"
    english = " selected" if post.language == "en" else ""
    chinese = " selected" if post.language == "zh-hans" else ""
    return (
        f'<details class="lang-fix"><summary>{words.change_language}</summary>'
        f'<form method="post" action="{action}" class="inline">{r.csrf_input}'
        f'<label class="visually-hidden" for="{field}">{words.language_of_post}</label>'
        f'<select id="{field}" name="language"><option value="en"{english}>{words.english}'
        f'</option><option value="zh-hans"{chinese}>{words.chinese}</option></select> '
        f'<button class="link" type="submit">{words.save}</button></form></details>\n'
    )


def _visibility_notice(r: _Rendering, post: Answer) -> str:
    words = r.words
    held = post.visibility == _HELD
    if r.user.pk == post.author_id:
        if held:
            text = words.waiting
        else:
            if post.visibility_reason:
                hidden = gettext("Hidden: %(reason)s.") % {"reason": escape(post.visibility_reason)}
            else:
                hidden = words.hidden_by_moderators
            text = f"{hidden} {words.edit_for_review}"
        return f'<p class="visibility-notice" role="status">{text}</p>\n'
    if held:
        text = words.held_for_review
    else:
        reason = f": {escape(post.visibility_reason)}" if post.visibility_reason else ""
        text = f"{words.hidden}{reason}"
    return f'<p class="visibility-badge">{text}</p>\n'


def _more_replies(r: _Rendering, thread: AnswerThread) -> str:
    url = r.url("qa:answer_replies", thread.answer.pk)
    after = escape(thread.replies_cursor)
    count = thread.more_replies
    label = ngettext("Show %(counter)s more reply", "Show %(counter)s more replies", count) % {
        "counter": count
    }
    return (
        f'<a class="more-replies" href="{url}?after={after}" hx-get="{url}?after={after}" '
        f'hx-target="this" hx-swap="outerHTML">{label}'
        '<span class="htmx-indicator" aria-hidden="true"> …</span></a>\n'
    )
