"""The answers rendered in Python are the same HTML as `qa/_threads.html` renders."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from rung.accounts.models import User
from rung.core.relative_time import label_slot_mark
from rung.ladder.models import CompanyLevel, Level
from rung.qa import services, thread_selectors
from rung.qa.fragments import READER_POST_MARK, GenericMember
from rung.qa.models import Answer, Question, Visibility
from rung.qa.thread_html import threads_html
from rung.testing.factories import make_answer, make_member, make_question
from rung.testing.html import assert_same_html

pytestmark = pytest.mark.django_db


def _story() -> dict[str, Any]:
    """An anonymous question with every kind of post a thread can show."""
    asker = make_member("asker")
    bob = make_member("bob", display_name='<b>Bob & "co"</b>', headline="Staff <engineer>")
    wen = make_member("wen", display_name="文")
    dave = make_member("dave")
    moderator = make_member("moderator", is_staff=True)
    question = make_question(asker, is_anonymous=True)
    helpful = make_answer(
        question, bob, body="Ask for a *promotion* plan & a PIP-free path: <script>x</script>"
    )
    chinese = make_answer(question, wen, body="先和经理谈谈晋升标准，OKR 要写清楚。")
    Answer.objects.filter(pk=chinese.pk).update(language="zh-hans", like_count=3)
    held = make_answer(question, dave, body="My answer, waiting for review.")
    hidden = make_answer(question, dave, body="A hidden answer.")
    Answer.objects.filter(pk=held.pk).update(visibility=Visibility.HELD)
    Answer.objects.filter(pk=hidden.pk).update(
        visibility=Visibility.HIDDEN, visibility_reason="Off <topic> & rude"
    )
    Answer.objects.filter(pk=helpful.pk).update(edited_at=timezone.now())
    make_answer(question, asker, body="Thanks, I will ask.", parent=helpful)
    for n in range(5):
        make_answer(question, bob, body=f"Reply number {n} about calibration.", parent=chinese)
    held_reply = make_answer(question, dave, body="A held reply.", parent=helpful)
    Answer.objects.filter(pk=held_reply.pk).update(visibility=Visibility.HELD)
    services.answer_mark_helpful(question=question, answer=helpful, actor=asker)
    return {
        "question": Question.objects.get(pk=question.pk),
        "asker": asker,
        "bob": bob,
        "dave": dave,
        "moderator": moderator,
        "liked": {chinese.pk},
    }


def _both(
    question: Question, viewer: Any, *, reader: User | None, is_asker: bool, **page: Any
) -> tuple[str, str]:
    liked = page.pop("liked", set())
    context = {
        "question": question,
        "page": thread_selectors.question_thread_page(question, liked=liked, viewer=reader, **page),
        "user": viewer,
        "is_asker": is_asker,
        "can_moderate": bool(reader and reader.is_staff),
        "csrf_token": "csrf-mark",
        "form_token": "form-mark",
        "started_token": "started-mark",
        READER_POST_MARK: "post-mark.",
    }
    request = RequestFactory().get(question.get_absolute_url())
    request.user = viewer
    reset = label_slot_mark.set("time-mark.")
    try:
        old = render_to_string("qa/_threads.html", context, request=request)
        new = threads_html({"request": request, **context})
    finally:
        label_slot_mark.reset(reset)
    return old, new


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("who", ["visitor", "member", "asker", "held author", "moderator"])
def test_answers_render_the_same_html_as_the_templates(language: str, who: str) -> None:
    story = _story()
    question = story["question"]
    viewer: Any = {
        "visitor": AnonymousUser(),
        "member": GenericMember(),
        "asker": story["asker"],
        "held author": story["dave"],
        "moderator": story["moderator"],
    }[who]
    reader = viewer if isinstance(viewer, User) else None
    with translation.override(language):
        old, new = _both(
            question, viewer, reader=reader, is_asker=who == "asker", liked=story["liked"]
        )
    assert_same_html(new, old)
    # The story reaches every part it is meant to.
    assert "post-mark.answer." in new
    assert "time-mark." in new
    if who in ("held author", "moderator"):
        assert "visibility-" in new
    if who == "moderator":
        assert "&lt;topic&gt; &amp; rude" in new
    assert "&lt;b&gt;Bob &amp; &quot;co&quot;&lt;/b&gt;" in new


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_pages_after_the_first_and_the_empty_page_render_the_same(language: str) -> None:
    story = _story()
    question = story["question"]
    with translation.override(language):
        moderator = story["moderator"]
        first_old, first_new = _both(question, moderator, reader=moderator, is_asker=False, size=1)
        assert "more-answers" in first_new
        assert_same_html(first_new, first_old)
        late = thread_selectors.AnswerCursor(
            rank=0, created_at=timezone.now() + timedelta(days=1), pk=0
        )
        empty_old, empty_new = _both(
            question, AnonymousUser(), reader=None, is_asker=False, cursor=late
        )
    assert 'class="empty"' in empty_new
    assert_same_html(empty_new, empty_old)


def test_a_post_offered_for_translation_renders_the_same(settings: Any) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
    settings.RUNG_LIBRETRANSLATE_URL = "http://translate.invalid"
    story = _story()
    with translation.override("en"):
        old, new = _both(story["question"], AnonymousUser(), reader=None, is_asker=False)
    assert "translate-control" in new
    assert_same_html(new, old)


def test_bylines_need_nothing_the_thread_left_out(django_assert_num_queries: Any) -> None:
    """The thread reads its authors' levels without the levels' guides, in any language,
    and the answers' HTML is written from what it read, with no query of its own."""
    story = _story()
    question = story["question"]
    tencent = CompanyLevel.objects.get(company__slug="tencent", code="12")
    User.objects.filter(pk=story["bob"].pk).update(
        level=Level.objects.get(slug="senior"), company_level=tencent
    )
    User.objects.filter(pk=story["dave"].pk).update(level=Level.objects.get(slug="staff"))
    page = thread_selectors.question_thread_page(question, viewer=story["moderator"])
    authors = [thread.answer.author for thread in page.threads]
    levels = [author.level for author in authors if author.level is not None]
    assert levels and all("summary_zh_hans" in level.get_deferred_fields() for level in levels)
    request = RequestFactory().get(question.get_absolute_url())
    request.user = story["moderator"]
    for language in ("en", "zh-hans"):
        with translation.override(language), django_assert_num_queries(0):
            html = threads_html(
                {
                    "request": request,
                    "question": question,
                    "page": page,
                    "user": story["moderator"],
                    "is_asker": False,
                    "can_moderate": True,
                    READER_POST_MARK: "post-mark.",
                }
            )
        assert "level-pill" in html
