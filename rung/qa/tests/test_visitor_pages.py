"""Whole pages for visitors from the shared cache (rung/qa/visitor_pages.py)."""

import re
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils.cache import get_max_age

from rung.accounts.models import User
from rung.qa import moderation_services, services
from rung.qa.models import Question, Visibility
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

_NONCE = re.compile(r'nonce="([^"]+)"')


def _visitor_copies() -> int:
    return sum(1 for key in _keys() if ":vpage:" in key)


def _keys() -> list[str]:
    # The shared cache is a SQLite file; its keys say what is stored.
    backend = cache._connections[cache._alias]  # type: ignore[attr-defined]
    return [row[0] for row in backend._db().execute("SELECT key FROM entry")]


def test_a_visitors_second_request_is_the_stored_page_with_no_session_or_token(
    question: Question, django_assert_num_queries: object
) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    first = visitor.get(url)
    assert first.status_code == 200
    assert _visitor_copies() == 1
    # The question's version is read; nothing else is.
    with django_assert_num_queries(1):  # type: ignore[operator]
        second = visitor.get(url)
    assert second.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in second.cookies
    assert settings.CSRF_COOKIE_NAME not in second.cookies
    assert settings.CSRF_COOKIE_NAME not in first.cookies
    html = second.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert question.title in html
    assert "Cookie" in second["Vary"] and "Accept-Language" in second["Vary"]
    assert get_max_age(second) is None


@pytest.mark.parametrize("path", ["/", "/topics/mid-level/"])
def test_home_and_topic_pages_are_stored_for_visitors(question: Question, path: str) -> None:
    visitor = Client()
    assert visitor.get(path).status_code == 200
    assert _visitor_copies() == 1
    first, second = (_NONCE.sub("", visitor.get(path).content.decode()) for _ in range(2))
    assert first == second


def test_each_response_carries_its_own_nonce_matching_its_policy(question: Question) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    visitor.get(url)
    nonces = []
    for _ in range(2):
        response = visitor.get(url)
        found = set(_NONCE.findall(response.content.decode()))
        assert len(found) == 1
        (nonce,) = found
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_a_new_answer_shows_to_the_next_visitor(question: Question, bob: User) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    assert "Keep a weekly log of decisions" not in visitor.get(url).content.decode()
    make_answer(question, bob, body="Keep a weekly log of decisions.")
    assert "Keep a weekly log of decisions" in visitor.get(url).content.decode()


def test_a_renamed_member_shows_under_the_new_name(question: Question, alice: User) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    assert "Alice Chen" in visitor.get(url).content.decode()
    alice.display_name = "Alice Zhang"
    alice.save()
    html = visitor.get(url).content.decode()
    assert "Alice Zhang" in html
    assert "Alice Chen" not in html


def test_members_never_get_the_visitors_copy(
    question: Question, alice: User, bob_client: Client
) -> None:
    url = question.get_absolute_url()
    Client().get(url)
    html = bob_client.get(url).content.decode()
    assert "Bob Rivera" in html
    assert "csrfmiddlewaretoken" in html
    assert _visitor_copies() == 1


def test_languages_are_stored_apart(question: Question) -> None:
    english, chinese = Client(), Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    chinese.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    url = question.get_absolute_url()
    for _ in range(2):
        assert 'lang="en"' in english.get(url).content.decode()
        assert 'lang="zh-hans"' in chinese.get(url).content.decode()
    assert _visitor_copies() == 2


def test_a_waiting_message_is_shown_once_not_the_stored_page(
    question: Question, alice_client: Client
) -> None:
    url = question.get_absolute_url()
    Client().get(url)
    # Logging out leaves a message in the session for the next page.
    alice_client.post("/accounts/logout/")
    first = alice_client.get(url).content.decode()
    assert 'class="messages"' in first
    assert 'class="messages"' not in alice_client.get(url).content.decode()


def test_a_visitor_switches_language_without_a_token(question: Question) -> None:
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post("/language/", {"language": "zh-hans", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"


def test_a_members_switch_still_needs_its_token(alice: User) -> None:
    member = Client(enforce_csrf_checks=True)
    member.force_login(alice)
    assert member.post("/language/", {"language": "zh-hans", "next": "/"}).status_code == 403


def test_stored_pages_say_how_long_ago_at_the_time_they_are_read(question: Question) -> None:
    from datetime import timedelta
    from unittest import mock

    from django.utils import timezone

    visitor = Client()
    url = question.get_absolute_url()
    assert ">just now</time>" in visitor.get(url).content.decode()
    later = timezone.now() + timedelta(hours=3)
    with mock.patch("django.utils.timezone.now", return_value=later):
        html = visitor.get(url).content.decode()
    assert ">just now</time>" not in html
    assert ">3 hours ago</time>" in html
    assert _visitor_copies() == 1


def test_after_a_write_the_worker_renders_the_visitors_pages(
    question: Question, bob: User, settings: object, django_capture_on_commit_callbacks: Any
) -> None:
    settings.RUNG_PRERENDER = True  # type: ignore[attr-defined]
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(question, bob, body="Keep a weekly log of decisions.")
    # Tasks run inline in tests: the page, its two topics and the home page, in English
    # and in Chinese, are all waiting before any visitor asks.
    assert _visitor_copies() == 8, sorted(_keys())
    visitor = Client()
    html = visitor.get(question.get_absolute_url()).content.decode()
    assert "Keep a weekly log of decisions" in html
    assert _visitor_copies() == 8, sorted(_keys())


def test_made_up_query_strings_are_not_kept(question: Question) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    for number in range(3):
        assert visitor.get(f"{url}?utm_source={number}").status_code == 200
    assert visitor.get("/topics/mid-level/?sort=top").status_code == 200
    assert _visitor_copies() == 1


@pytest.mark.parametrize("path", ["/topics/mid-level/", "question"])
def test_an_operators_edit_of_ladder_or_topic_text_reaches_visitors(
    question: Question, path: str
) -> None:
    """Topic names and level guides are on stored pages: an admin edit shows at once."""
    from rung.ladder.models import Level
    from rung.qa.models import Topic

    visitor = Client()
    url = question.get_absolute_url() if path == "question" else path
    assert visitor.get(url).status_code == 200
    topic = Topic.objects.get(slug="mid-level")
    topic.name = "Mid-level topic (renamed)"
    topic.save()
    assert "Mid-level topic (renamed)" in visitor.get(url).content.decode()
    if path != "question":
        level = Level.objects.get(slug="mid-level")
        level.summary = "A rewritten guide to the level."
        level.save()
        assert "A rewritten guide to the level." in visitor.get(url).content.decode()


def test_a_kept_copy_shows_the_closed_notice_as_the_original_is_now(
    question: Question, alice: User, django_assert_num_queries: object
) -> None:
    """The notice names the original, whose title and visibility are its own: an original
    retitled, hidden or deleted since the duplicate's copy was kept shows as it is now,
    and a hidden original's title never reaches visitors through the copy."""
    original = make_question(alice, title="How do I show ownership of a system?")
    moderation_services.question_close_as_duplicate(
        question=question, duplicate_of=original, actor=make_member("mo", is_staff=True)
    )
    visitor = Client()
    url = question.get_absolute_url()

    def notice() -> str:
        found = re.search(r'<p class="question-status".*?</p>', visitor.get(url).content.decode())
        assert found is not None
        return found[0]

    first = notice()
    assert "How do I show ownership of a system?" in first
    assert f'href="{original.get_absolute_url()}"' in first
    assert first.endswith("</a>. It takes no new answers.</p>")
    # In Chinese the sentence is the translator's, its full stop after the link included.
    chinese = Client()
    chinese.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    for _ in range(2):
        html = chinese.get(url).content.decode()
        assert "原问题：<a href=" in html
        assert "How do I show ownership of a system?</a>。不再接受新的回答。</p>" in html
    assert _visitor_copies() == 2  # one a language
    # Changes the original alone: the duplicate's version, and its kept copies, stay.
    moderator = make_member("mo2", is_staff=True)
    Question.objects.filter(pk=original.pk).update(title="Owning a system, step by step")
    assert "Owning a system, step by step" in notice()
    assert _visitor_copies() == 2
    moderation_services.post_visibility_set(
        post=original, visibility=Visibility.HIDDEN, actor=moderator, reason="spam"
    )
    hidden = notice()
    assert "Owning a system" not in hidden and "Closed as a duplicate." in hidden
    page = visitor.get(url).content.decode()
    assert original.get_absolute_url() not in page and "Owning a system" not in page
    moderation_services.post_visibility_set(
        post=original, visibility=Visibility.PUBLISHED, actor=moderator
    )
    assert "Owning a system, step by step" in notice()
    services.question_delete(question=original, actor=moderator)
    assert "Owning a system" not in notice()
    question.refresh_from_db()
    assert _visitor_copies() >= 1 and question.closed_at is not None


def test_an_open_questions_kept_copy_reads_nothing_for_the_notice(
    question: Question, django_assert_num_queries: object
) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    visitor.get(url)
    # The version's read alone, as for any kept page: no slot for a notice there is not.
    with django_assert_num_queries(1):  # type: ignore[operator]
        assert visitor.get(url).status_code == 200


def test_a_visitors_miss_keeps_the_page_in_one_write(
    question: Question, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The early lookup's miss is not asked again, and the page is written once, with the
    headers the full stack gave it, which the next visitor's early answer replays."""
    backend = cache._connections[cache._alias]  # type: ignore[attr-defined]
    reads: list[str] = []
    writes: list[str] = []
    get, set_ = backend.get, backend.set

    def counted_get(key: str, *args: Any, **kwargs: Any) -> Any:
        reads.append(key)
        return get(key, *args, **kwargs)

    def counted_set(key: str, *args: Any, **kwargs: Any) -> None:
        writes.append(key)
        set_(key, *args, **kwargs)

    monkeypatch.setattr(backend, "get", counted_get)
    monkeypatch.setattr(backend, "set", counted_set)
    visitor = Client()
    url = question.get_absolute_url()
    first = visitor.get(url)
    assert first.status_code == 200
    pages_read = [key for key in reads if key.startswith("vpage:")]
    pages_written = [key for key in writes if key.startswith("vpage:")]
    assert len(pages_read) == 1 and pages_written == pages_read
    reads.clear()
    second = visitor.get(url)
    assert [key for key in reads if key.startswith("vpage:")] == pages_read
    assert _NONCE.sub("", second.content.decode()) == _NONCE.sub("", first.content.decode())
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert second.get(header) is not None and header in first


def _answer_fragments(variant: str) -> list[str]:
    return [key for key in _keys() if ":threads:" in key and key.endswith(f":{variant}")]


def test_a_visitors_answers_are_kept_inside_the_page_alone(
    question: Question, bob: User, alice: User
) -> None:
    """The visitor's copy of the answers is only ever read inside the visitor's page, which
    is kept whole, so it is not stored a second time beside it. A member's shared copy
    and a visitor's next page of answers (htmx) are still kept as parts."""
    answers = [make_answer(question, bob, body=f"Answer number {n}.") for n in range(3)]
    url = question.get_absolute_url()
    first = Client().get(url)
    assert first.status_code == 200
    assert _visitor_copies() == 1
    assert _answer_fragments("visitor") == []
    for answer in answers:
        assert f'id="answer-{answer.pk}"' in first.content.decode()
    # Served again from the kept page, with the answers in it.
    again = Client().get(url)
    assert _NONCE.sub("", again.content.decode()) == _NONCE.sub("", first.content.decode())

    member = Client()
    member.force_login(make_member("dora"))
    assert member.get(url).status_code == 200
    assert len(_answer_fragments("member")) == 1

    more = Client().get(f"{url}?answers_after=0.0.0", HTTP_HX_REQUEST="true")
    assert more.status_code == 200
    assert len(_answer_fragments("visitor")) == 1


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_closed_notice_shows_the_originals_title_as_typed(
    question: Question, alice: User, language: str
) -> None:
    """The title goes into the translated sentence as text: markup escaped, and a
    placeholder in it left as it was typed."""
    title = 'Is <b>"senior"</b> & %(url)s the same everywhere?'
    original = make_question(alice, title=title)
    moderation_services.question_close_as_duplicate(
        question=question, duplicate_of=original, actor=make_member("mo", is_staff=True)
    )
    visitor = Client()
    visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for _ in range(2):
        html = visitor.get(question.get_absolute_url()).content.decode()
        escaped = "Is &lt;b&gt;&quot;senior&quot;&lt;/b&gt; &amp; %(url)s the same everywhere?</a>"
        assert escaped in html and "<b>" not in html
