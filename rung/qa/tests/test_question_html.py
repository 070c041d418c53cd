"""A question's page, crumbs and card rendered in Python are the same HTML as their templates."""

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.safestring import SafeString

from rung.accounts.models import User
from rung.core.relative_time import label_slot_mark
from rung.ladder.models import Axis, CompanyLevel, Level, RatingScale
from rung.qa import selectors
from rung.qa.fragments import READER_POST_MARK, GenericMember
from rung.qa.models import Question, Visibility
from rung.qa.moderation_services import question_close_as_duplicate, question_lock_set
from rung.qa.question_html import crumbs_html, question_main_html, question_page_html
from rung.qa.services import ContextCard
from rung.testing.factories import make_answer, make_card, make_member, make_question
from rung.testing.html import assert_same_html

pytestmark = pytest.mark.django_db

HOSTILE = "<script>alert(\"x\")</script> & 'quotes'"


def _questions(asker: User) -> dict[str, Question]:
    """Questions with every part of a card, none of it, and member text that needs escaping."""
    words = RatingScale.objects.get(slug="exceeds-meets-below")
    made = {
        "full": make_question(
            asker,
            topics=["mid-level", "promotions"],
            card=make_card(
                company=f"Initech {HOSTILE}",
                company_level=CompanyLevel.objects.get(company__slug="tencent", code="12"),
                focus=f"Owning a system {HOSTILE}",
                feedback_wanted=f"Which habits {HOSTILE}",
            ),
        ),
        "one year, words for marks": make_question(
            asker,
            card=ContextCard(
                level=Level.objects.get(slug="senior"),
                years=1,
                scale=words,
                ratings={
                    Axis.objects.get(slug=axis): words.choices.get(code=code)
                    for axis, code in (("impact", "Exceeds"), ("teamwork", "Meets"))
                },
            ),
        ),
        "bare": make_question(asker, topics=["mid-level"]),
        "chinese": make_question(
            asker,
            title="怎样从中级工程师成长为高级工程师？",
            body="我负责一些小功能，想知道**怎样**才能体现主人翁意识。",
            language="zh-hans",
            card=make_card(company="腾讯", years=0),
        ),
    }
    return made


def _loaded(question: Question) -> Question:
    fresh = selectors.question_get_visible(question.pk)
    return selectors.question_load_card(fresh)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_card_and_crumbs_render_the_same_html_as_the_templates(language: str) -> None:
    asker = make_member("asker")
    request = RequestFactory().get("/")
    request.user = asker
    for name, made in _questions(asker).items():
        question = _loaded(made)
        context: dict[str, Any] = {"question": question}
        with translation.override(language):
            old_main = render_to_string("qa/_question_main.html", context, request=request)
            new_main = question_main_html({"request": request, **context})
            old_crumbs = render_to_string("qa/_question_crumbs.html", context, request=request)
            new_crumbs = crumbs_html({"request": request, **context})
        assert_same_html(new_main, old_main)
        assert_same_html(new_crumbs, old_crumbs)
        if name == "full":
            # The story reaches every part it is meant to, escaped.
            assert 'class="context-card"' in new_main
            assert 'class="rating"' in new_main
            assert 'translate="no"' in new_main
            assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;" in (
                new_main
            )
            assert "<script>" not in new_main
            assert new_crumbs.count('class="topic-pill"') == 2
        if name == "bare":
            assert "context-card" not in new_main


def test_a_card_offered_for_translation_renders_the_same(settings: Any) -> None:
    settings.RUNG_TRANSLATION_PROVIDER = "libretranslate"
    settings.RUNG_LIBRETRANSLATE_URL = "http://translate.invalid"
    asker = make_member("asker")
    question = _loaded(_questions(asker)["chinese"])
    request = RequestFactory().get("/")
    request.user = asker
    with translation.override("en"):
        old = render_to_string("qa/_question_main.html", {"question": question}, request=request)
        new = question_main_html({"request": request, "question": question})
    assert "translate-control" in new
    assert_same_html(new, old)


def _page_story() -> dict[str, Any]:
    asker = make_member("asker")
    bob = make_member("bob", display_name='<b>Bob & "co"</b>')
    moderator = make_member("moderator", is_staff=True)
    open_question = make_question(asker, title=f"Promotion packet {HOSTILE}")
    for n in range(2):
        make_answer(open_question, bob, body=f"Answer {n}")
    anonymous = make_question(asker, is_anonymous=True, title="一个匿名的问题", language="zh-hans")
    closed = make_question(asker)
    question_close_as_duplicate(question=closed, duplicate_of=open_question, actor=moderator)
    locked = make_question(asker)
    question_lock_set(question=locked, actor=moderator, locked=True)
    Question.objects.filter(pk=anonymous.pk).update(edited_at=timezone.now(), view_count=1234)
    return {
        "asker": asker,
        "bob": bob,
        "moderator": moderator,
        "questions": {
            name: selectors.question_get_visible(q.pk)
            for name, q in (
                ("open", open_question),
                ("anonymous", anonymous),
                ("closed", closed),
                ("locked", locked),
            )
        },
    }


def _page_context(question: Question, viewer: Any, **more: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "question": question,
        "user": viewer,
        "is_first_page": True,
        "answer_sort": "helpful",
        "body_max_length": 20000,
        "question_crumbs": SafeString('<nav class="crumbs">crumbs</nav>'),
        "question_main": SafeString('<div class="prose">body</div>'),
        "outcome_html": "",
        "asker_outcome": None,
        "threads_html": SafeString("<p>threads</p>"),
        "end_sections": [SafeString("<section>similar</section>"), "<b>not safe</b>"],
        "question_actions": [SafeString('<a href="/x">watch</a>')],
        "question_liked": False,
        "form_token": "form-mark",
        "started_token": "started-mark",
        "is_asker": False,
        "can_moderate": False,
        "invite_panel": None,
        "invitation": None,
        "csrf_token": "csrf-mark",
    }
    context.update(more)
    return context


def _page_both(context: dict[str, Any]) -> tuple[str, str | None]:
    request = RequestFactory().get(context["question"].get_absolute_url() + "?x=<y>")
    request.user = context["user"] if isinstance(context["user"], User) else AnonymousUser()
    reset = label_slot_mark.set("time-mark.")
    try:
        old = render_to_string("qa/_question_page.html", context, request=request)
        new = question_page_html({"request": request, **context})
    finally:
        label_slot_mark.reset(reset)
    return old, new


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_readers_question_page_renders_the_same_html_as_the_template(language: str) -> None:
    story = _page_story()
    questions = story["questions"]
    cases: list[tuple[str, dict[str, Any]]] = []
    for name, question in questions.items():
        cases += [
            (f"{name}, visitor", _page_context(question, AnonymousUser())),
            (
                f"{name}, shared member copy",
                _page_context(
                    question,
                    GenericMember(),
                    question_views="views-mark",
                    question_status=SafeString("status-mark"),
                    **{READER_POST_MARK: "post-mark."},
                ),
            ),
            (f"{name}, member", _page_context(question, story["bob"], question_liked=True)),
        ]
    cases += [
        (
            "later answers, newest",
            _page_context(
                questions["open"],
                AnonymousUser(),
                is_first_page=False,
                answer_sort="newest",
                outcome_html=SafeString("<p>outcome</p>"),
            ),
        ),
        (
            "later answers, helpful",
            _page_context(questions["open"], story["bob"], is_first_page=False),
        ),
    ]
    for name, context in cases:
        with translation.override(language):
            old, new = _page_both(context)
        assert new is not None, name
        assert_same_html(new, old)
    # The story reaches the parts it is meant to.
    with translation.override(language):
        _old, visitor_page = _page_both(_page_context(questions["open"], AnonymousUser()))
        _old, closed_page = _page_both(_page_context(questions["closed"], story["bob"]))
    assert visitor_page is not None and closed_page is not None
    assert "&lt;script&gt;" in visitor_page and "<script>" not in visitor_page
    assert "answer-sort" in visitor_page and "?next=" in visitor_page
    assert "&lt;b&gt;not safe&lt;/b&gt;" in visitor_page
    assert 'class="question-status"' in closed_page and 'class="like-form"' in closed_page


def test_the_asker_a_moderator_and_an_invited_member_get_the_template() -> None:
    story = _page_story()
    question = story["questions"]["open"]
    held = make_question(story["asker"])
    Question.objects.filter(pk=held.pk).update(visibility=Visibility.HELD)
    for context in (
        _page_context(question, story["asker"], is_asker=True),
        _page_context(question, story["moderator"], can_moderate=True),
        _page_context(question, story["bob"], invitation=object()),
        _page_context(question, story["asker"], asker_outcome={"outcome": None}),
        _page_context(question, story["asker"], invite_panel=object()),
        _page_context(
            selectors.question_get_visible(held.pk, viewer=story["asker"]), AnonymousUser()
        ),
    ):
        assert question_page_html({"request": RequestFactory().get("/"), **context}) is None
