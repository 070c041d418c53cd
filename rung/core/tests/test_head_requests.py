"""HEAD answers every readable page as GET does, without a body and without side effects."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.qa.models import Question

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "home",
    "health",
    "glossary",
    "search",
    "topic",
    "question",
    "history",
    "profile",
    "login",
    "signup",
]


def _url(name: str, question: Question, alice: User) -> str:
    return {
        "home": reverse("home"),
        "health": reverse("health"),
        "glossary": reverse("languages:glossary"),
        "search": reverse("search:search") + "?q=promotion",
        "topic": reverse("qa:topic", args=["mid-level"]),
        "question": question.get_absolute_url(),
        "history": reverse("qa:question_history", args=[question.pk]),
        "profile": alice.get_absolute_url(),
        "login": reverse("account_login"),
        "signup": reverse("account_signup"),
    }[name]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_head_answers_like_get(client: Client, name: str, question: Question, alice: User) -> None:
    """A HEAD request gets the status and headers of GET and no body (not 405)."""
    url = _url(name, question, alice)
    head = client.head(url)
    get = client.get(url)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def test_head_on_a_member_page_answers_200(alice_client: Client) -> None:
    """Pages behind a log-in and form pages accept HEAD as well."""
    for url in (reverse("growth:home"), reverse("qa:ask"), reverse("accounts:profile_edit")):
        assert alice_client.head(url).status_code == 200, url


def test_head_does_not_count_a_view(client: Client, question: Question) -> None:
    """A HEAD request is not a reader: it leaves the view count alone."""
    client.head(question.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 Firefox/130.0")
    question.refresh_from_db()
    assert question.view_count == 0
    client.get(question.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 Firefox/130.0")
    question.refresh_from_db()
    assert question.view_count == 1


def test_a_head_response_leaves_its_body_behind_for_any_wsgi_server() -> None:
    """The body is dropped in the app, not left to the server; the length stays GET's."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from rung.core.middleware import HeadMiddleware

    def view(request: object) -> HttpResponse:
        response = HttpResponse(b"<p>page</p>")
        response["Content-Length"] = "11"
        return response

    head = HeadMiddleware(view)(RequestFactory().head("/"))
    get = HeadMiddleware(view)(RequestFactory().get("/"))
    assert head.content == b"" and head["Content-Length"] == "11"
    assert get.content == b"<p>page</p>"
