"""Visitors' stored pages answered before sessions run (rung/qa/middleware.py)."""

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from rung.accounts.models import User
from rung.qa import moderation_services, view_counter
from rung.qa.models import Question, Visibility
from rung.testing import make_question

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0"
_NONCE = re.compile(r'nonce="([^"]+)"')
_FULL_STACK = [m for m in settings.MIDDLEWARE if m != "rung.qa.middleware.VisitorPageMiddleware"]
# What the two ways to the same page must agree on (CSP compared with its nonce taken out).
_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Length",
    "Vary",
    "X-Frame-Options",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cache-Control",
    "Expires",
)


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _early(response: Any) -> bool:
    """Whether the response was answered before the session middleware ran."""
    return not hasattr(response.wsgi_request, "session")


def _headers(response: Any) -> dict[str, str | None]:
    found: dict[str, str | None] = {name: response.get(name) for name in _HEADERS}
    (nonce,) = set(_NONCE.findall(response.content.decode()))
    found["csp"] = response["Content-Security-Policy"].replace(nonce, "NONCE")
    return found


def _body(response: Any) -> str:
    return _NONCE.sub("", response.content.decode())


def _pages(question: Question) -> list[str]:
    return ["/", "/topics/mid-level/", "/topics/mid-level/?sort=top", question.get_absolute_url()]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("by", ["cookie", "accept-language"])
def test_the_early_answer_matches_the_full_stacks(
    question: Question, language: str, by: str
) -> None:
    """Headers and body are those the full stack sends, in the visitor's language."""
    headers = {"Accept-Language": language} if by == "accept-language" else {}
    for url in _pages(question):
        visitor = Client(HTTP_USER_AGENT=BROWSER, headers=headers)
        if by == "cookie":
            visitor.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        # A view counted on the question page: the visitor cookie is set once, either way.
        visitor.cookies[view_counter.VISITOR_COOKIE] = "known-visitor"
        first = visitor.get(url)
        assert not _early(first)
        early = visitor.get(url)
        assert early.status_code == 200
        assert _early(early), url
        with override_settings(MIDDLEWARE=_FULL_STACK):
            # A client loads the middleware on its first request: a new one for the setting.
            full_stack = Client(HTTP_USER_AGENT=BROWSER, headers=headers)
            full_stack.cookies = visitor.cookies
            full = full_stack.get(url)
        assert not _early(full)
        assert early["Content-Language"] == language
        assert f'lang="{language}"' in early.content.decode()
        assert _headers(early) == _headers(full), url
        assert _body(early) == _body(full), url
        assert not early.cookies and not full.cookies


def test_each_early_answer_has_a_fresh_nonce_matching_its_policy(question: Question) -> None:
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    url = question.get_absolute_url()
    visitor.get(url)
    nonces = []
    for _ in range(2):
        response = visitor.get(url)
        assert _early(response)
        (nonce,) = set(_NONCE.findall(response.content.decode()))
        assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_head_gets_the_headers_of_get_and_no_body(question: Question) -> None:
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    for url in _pages(question):
        visitor.get(url)
        got = visitor.get(url)
        head = visitor.head(url)
        assert _early(head)
        assert head.status_code == 200
        assert head.content == b""
        assert head["Content-Length"] == got["Content-Length"] == str(len(got.content))
        assert head["Content-Type"] == got["Content-Type"]


def test_a_visitor_with_a_session_cookie_goes_the_long_way(question: Question) -> None:
    url = question.get_absolute_url()
    Client().get(url)
    Client().get(url)
    visitor = Client()
    visitor.cookies[settings.SESSION_COOKIE_NAME] = "not-a-session"
    response = visitor.get(url)
    assert response.status_code == 200
    assert not _early(response)


def test_a_visitor_with_a_waiting_message_gets_it(question: Question) -> None:
    url = question.get_absolute_url()
    Client().get(url)
    Client().get(url)
    # A message waiting in the messages cookie, as after a visitor's own action.
    storage = CookieStorage(RequestFactory().get("/"))
    response = HttpResponse()
    storage.add(20, "Your message is on its way.")
    storage.update(response)
    visitor = Client()
    visitor.cookies["messages"] = response.cookies["messages"].value
    shown = visitor.get(url)
    assert not _early(shown)
    assert "Your message is on its way." in shown.content.decode()


def test_htmx_and_other_query_strings_go_the_long_way(question: Question) -> None:
    visitor = Client()
    visitor.get("/")
    visitor.get("/")
    assert not _early(visitor.get("/", headers={"HX-Request": "true"}))
    assert not _early(visitor.get("/?utm_source=mail"))
    assert _early(visitor.get("/"))


def test_a_question_address_without_its_slug_still_redirects(question: Question) -> None:
    visitor = Client()
    url = question.get_absolute_url()
    visitor.get(url)
    visitor.get(url)
    response = visitor.get(f"/questions/{question.pk}/?sort=top")
    assert response.status_code == 301
    assert response["Location"] == f"{url}?sort=top"
    assert visitor.get("/topics/no-such-topic/").status_code == 404


@pytest.fixture
def raise_questions(alice: User, bob: User) -> tuple[Question, Question]:
    """Two questions each other's similar questions list shows."""
    return (
        make_question(alice, title="How should I ask my manager for a raise?", body="Soon."),
        make_question(
            bob, title="Asking my manager for a raise after a great year", body="Before review."
        ),
    )


def test_a_hidden_question_leaves_its_page_and_the_similar_lists_at_once(
    raise_questions: tuple[Question, Question],
    mod: User,
    django_assert_num_queries: Any,
    buffered_views: None,
) -> None:
    first, second = raise_questions
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    for _ in range(2):
        page = visitor.get(first.get_absolute_url())
        assert second.get_absolute_url() in page.content.decode()
        assert visitor.get(second.get_absolute_url()).status_code == 200
    assert _early(page)
    # Kept with its similar questions: the one read is the question's and feeds' versions.
    with django_assert_num_queries(1):
        assert second.get_absolute_url() in visitor.get(first.get_absolute_url()).content.decode()
    moderation_services.post_visibility_set(post=second, visibility=Visibility.HIDDEN, actor=mod)
    page = visitor.get(first.get_absolute_url())
    assert page.status_code == 200
    assert second.get_absolute_url() not in page.content.decode()
    assert "Similar questions" not in page.content.decode()
    assert visitor.get(second.get_absolute_url()).status_code == 404


def test_a_members_page_shares_the_kept_similar_list_and_drops_a_hidden_question_at_once(
    raise_questions: tuple[Question, Question],
    alice: User,
    bob: User,
    mod: User,
    django_assert_num_queries: Any,
    buffered_views: None,
) -> None:
    first, second = raise_questions
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    shown = visitor.get(first.get_absolute_url()).content.decode()
    section = re.search(r'<section class="similar".*?</section>', shown, re.S)
    assert section is not None and second.get_absolute_url() in section.group(0)
    member = Client(HTTP_USER_AGENT=BROWSER)
    member.force_login(bob)
    member.get(first.get_absolute_url())
    # Warm, the member's page reads the same kept rendering: the similar questions are
    # not loaded again (no query on the search or question tables beyond the page's own).
    with django_assert_num_queries(6) as captured:
        page = member.get(first.get_absolute_url()).content.decode()
    assert section.group(0) in page
    assert not [q for q in captured.captured_queries if '"qa_question"."id" IN (' in q["sql"]]
    moderation_services.post_visibility_set(post=second, visibility=Visibility.HIDDEN, actor=mod)
    page = member.get(first.get_absolute_url()).content.decode()
    assert second.get_absolute_url() not in page
    assert "Similar questions" not in page


def test_views_served_early_are_counted(question: Question, buffered_views: None) -> None:
    url = question.get_absolute_url()
    Client(HTTP_USER_AGENT=BROWSER).get(url)
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    response = visitor.get(url)
    assert _early(response)
    assert view_counter.VISITOR_COOKIE in response.cookies
    cookie = response.cookies[view_counter.VISITOR_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    again = visitor.get(url)
    assert _early(again)
    assert view_counter.VISITOR_COOKIE not in again.cookies
    assert visitor.head(url).status_code == 200
    view_counter.flush_views()
    question.refresh_from_db()
    # The first visitor, then the second once (a repeat and a HEAD add nothing).
    assert question.view_count == 2


def test_a_stored_page_is_not_replayed_after_its_header_settings_change(
    question: Question,
) -> None:
    """A deploy that changes what the headers come from renders the page again."""
    url = question.get_absolute_url()
    visitor = Client(HTTP_USER_AGENT=BROWSER)
    visitor.get(url)
    assert _early(visitor.get(url))
    with override_settings(X_FRAME_OPTIONS="SAMEORIGIN"):
        changed = Client(HTTP_USER_AGENT=BROWSER)
        first = changed.get(url)
        assert not _early(first)
        assert first["X-Frame-Options"] == "SAMEORIGIN"
        again = changed.get(url)
        assert _early(again)
        assert again["X-Frame-Options"] == "SAMEORIGIN"
