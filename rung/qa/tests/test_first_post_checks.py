"""A member's first posts carry sign-up's checks: the hidden field scripts fill, and a
minimum time between showing the form and sending it."""

import re
import time
from typing import Any

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.core.human_check import started_token
from rung.qa.models import Answer, Question, Topic
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db
STARTED = re.compile(r'name="started" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _checks_on(settings: Any) -> None:
    settings.RUNG_FIRST_POST_MIN_SECONDS = 5
    settings.RUNG_FIRST_POSTS_CHECKED = 3


def _shown_ago(seconds: float) -> str:
    return signing.dumps(time.time() - seconds, salt="rung.core.form-started")


@pytest.fixture
def newcomer_client(db: None) -> Client:
    client = Client()
    client.force_login(make_member("newcomer"))
    return client


def _answer(client: Client, question: Question, **data: str) -> Any:
    return client.post(
        reverse("qa:answer_create", args=[question.pk]), {"body": "Own the runbook.", **data}
    )


def test_a_first_answer_sent_at_once_is_refused_and_one_sent_later_is_taken(
    question: Question, newcomer_client: Client
) -> None:
    quick = _answer(newcomer_client, question, started=started_token())
    assert quick.status_code == 400
    assert "quicker than a person types" in quick.content.decode()
    assert not Answer.objects.exists()
    later = _answer(newcomer_client, question, started=_shown_ago(30))
    assert later.status_code == 302 and Answer.objects.count() == 1


@pytest.mark.parametrize("started", ["", "forged", signing.dumps(1.0, salt="elsewhere")])
def test_a_first_post_without_a_good_start_time_is_refused(
    question: Question, newcomer_client: Client, started: str
) -> None:
    response = _answer(newcomer_client, question, started=started)
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert not Answer.objects.exists()


def test_the_hidden_field_filled_in_is_refused_for_anyone(
    question: Question, bob: User, bob_client: Client
) -> None:
    for n in range(3):
        make_answer(question, bob, body=f"Earlier answer {n}")
    response = _answer(bob_client, question, website="https://cheap.example")
    assert response.status_code == 400 and "Leave the last field empty" in response.content.decode()
    assert Answer.objects.filter(author=bob).count() == 3


def test_after_the_first_posts_the_time_is_not_checked(
    question: Question, bob: User, bob_client: Client
) -> None:
    for n in range(3):
        make_question(bob, title=f"Earlier question {n} about reviews")
    assert _answer(bob_client, question).status_code == 302


def test_the_ask_form_checks_a_first_question(newcomer_client: Client) -> None:
    data = {
        "title": "How do I show ownership before my next review?",
        "body": "I lead small features and want to own a system.",
        "topics": [Topic.objects.get(slug="mid-level").pk],
    }
    assert (
        newcomer_client.post(reverse("qa:ask"), {**data, "started": started_token()}).status_code
        == 400
    )
    assert not Question.objects.exists()
    assert (
        newcomer_client.post(reverse("qa:ask"), {**data, "started": _shown_ago(60)}).status_code
        == 302
    )


def test_every_post_form_a_member_is_shown_carries_a_fresh_start_time(
    question: Question, bob: User, newcomer_client: Client
) -> None:
    make_answer(question, bob)
    pages = [
        newcomer_client.get(question.get_absolute_url()).content.decode(),
        newcomer_client.get(reverse("qa:ask")).content.decode(),
    ]
    tokens = [token for page in pages for token in STARTED.findall(page)]
    # The answer form, the reply form under bob's answer, and the ask form.
    assert len(tokens) >= 3
    for token in tokens:
        shown = float(signing.loads(token.replace("&#x27;", "'"), salt="rung.core.form-started"))
        assert abs(time.time() - shown) < 60
    # Cached parts of the page are filled per reader: a second reading gets new times.
    again = STARTED.findall(newcomer_client.get(question.get_absolute_url()).content.decode())
    assert set(again).isdisjoint(tokens)
