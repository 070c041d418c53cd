"""Back, then Post again: a new rendering of a form with the same text makes no second post."""

import datetime
import re
import uuid
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.core.submit_once import is_repeat
from rung.ladder.models import Level
from rung.qa import services, thread_selectors
from rung.qa.models import Answer, Question, Topic
from rung.testing import make_answer, make_question

pytestmark = pytest.mark.django_db

TOKEN_INPUT = re.compile(r'name="submit_token" value="([0-9a-f-]{32,36})"')
ASKED: dict[str, Any] = {
    "title": "How do I ask for a scope review?",
    "body": "My manager is new to the team.",
}


def _past_the_window(rows: Any) -> None:
    seconds = settings.RUNG_REPOST_WINDOW_SECONDS + 1
    rows.update(created_at=timezone.now() - datetime.timedelta(seconds=seconds))


def _ask(author: User, **fields: Any) -> Question:
    return make_question(author, submit_token=uuid.uuid4(), **{**ASKED, **fields})


def test_the_same_question_from_a_new_rendering_returns_the_first(alice: User) -> None:
    first = _ask(alice)
    again = _ask(alice)
    assert again.pk == first.pk
    assert is_repeat(again) and not is_repeat(first)
    assert Question.objects.filter(author=alice).count() == 1


@pytest.mark.parametrize(
    "change",
    [
        {"title": "How do I ask for a scope review, politely?"},
        {"body": "My manager is new to the company."},
        {"is_anonymous": True},
    ],
)
def test_a_question_with_other_values_is_posted_too(alice: User, change: dict[str, Any]) -> None:
    first = _ask(alice)
    other = _ask(alice, **change)
    assert other.pk != first.pk and not is_repeat(other)


def test_a_question_with_another_context_card_is_posted_too(alice: User) -> None:
    first = _ask(alice)
    card = services.ContextCard(level=Level.objects.get(slug="senior"))
    assert _ask(alice, card=card).pk != first.pk


def test_the_same_question_past_the_window_is_posted_again(alice: User) -> None:
    first = _ask(alice)
    _past_the_window(Question.objects.filter(pk=first.pk))
    assert _ask(alice).pk != first.pk


def test_a_deleted_question_is_not_given_back(alice: User) -> None:
    first = _ask(alice)
    services.question_delete(question=first, actor=alice)
    again = _ask(alice)
    assert again.pk != first.pk and not again.is_deleted


def test_another_members_identical_question_is_their_own(alice: User, bob: User) -> None:
    assert _ask(bob).pk != _ask(alice).pk


def test_questions_posted_without_a_token_are_never_merged(alice: User) -> None:
    """Imports and code that call the service ask for no repeat check."""
    first = make_question(alice, **ASKED)
    assert make_question(alice, **ASKED).pk != first.pk


def test_the_same_answer_from_a_new_rendering_returns_the_first(
    question: Question, bob: User
) -> None:
    first = make_answer(question, bob, submit_token=uuid.uuid4())
    again = make_answer(question, bob, submit_token=uuid.uuid4())
    assert again.pk == first.pk and is_repeat(again)
    other = make_answer(question, bob, body="Something else", submit_token=uuid.uuid4())
    assert other.pk != first.pk
    question.refresh_from_db()
    assert question.answer_count == 2


def test_the_same_answer_to_another_question_is_posted(question: Question, bob: User) -> None:
    elsewhere = make_question(question.author)
    first = make_answer(question, bob, submit_token=uuid.uuid4())
    assert make_answer(elsewhere, bob, submit_token=uuid.uuid4()).pk != first.pk


def test_the_same_reply_from_a_new_rendering_returns_the_first(
    question: Question, alice: User, bob: User
) -> None:
    answer = make_answer(question, bob)
    reply = {"body": "Thanks, that helps.", "parent": answer}
    first = make_answer(question, alice, submit_token=uuid.uuid4(), **reply)
    again = make_answer(question, alice, submit_token=uuid.uuid4(), **reply)
    assert again.pk == first.pk and is_repeat(again)
    # The same words under another answer are another reply.
    other_answer = make_answer(question, bob, body="Another view")
    elsewhere = make_answer(
        question, alice, submit_token=uuid.uuid4(), body=reply["body"], parent=other_answer
    )
    assert elsewhere.pk != first.pk


def test_the_same_answer_past_the_window_is_posted_again(question: Question, bob: User) -> None:
    first = make_answer(question, bob, submit_token=uuid.uuid4())
    _past_the_window(Answer.objects.filter(pk=first.pk))
    assert make_answer(question, bob, submit_token=uuid.uuid4()).pk != first.pk


def test_a_window_of_zero_turns_the_check_off(alice: User, settings: Any) -> None:
    settings.RUNG_REPOST_WINDOW_SECONDS = 0
    assert _ask(alice).pk != _ask(alice).pk


def _fresh_token(client: Client, url: str) -> str:
    match = TOKEN_INPUT.search(client.get(url).content.decode())
    assert match, f"no submit token on {url}"
    return match.group(1)


def test_ask_back_and_ask_again_lands_on_the_first_question(alice_client: Client) -> None:
    data = {**ASKED, "topics": [Topic.objects.get(slug="mid-level").pk]}
    first = alice_client.post(
        reverse("qa:ask"), {**data, "submit_token": _fresh_token(alice_client, reverse("qa:ask"))}
    )
    assert "already" not in alice_client.get(first["Location"]).content.decode()
    second = alice_client.post(
        reverse("qa:ask"), {**data, "submit_token": _fresh_token(alice_client, reverse("qa:ask"))}
    )
    question = Question.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == question.get_absolute_url()
    page = alice_client.get(second["Location"]).content.decode()
    assert "You had already posted this question, so it was not posted twice." in page


@pytest.mark.parametrize("kind", ["answer", "reply"])
def test_answer_or_reply_back_and_again_lands_on_the_first(
    question: Question, alice: User, bob_client: Client, kind: str
) -> None:
    parent = make_answer(question, alice, body="The answer replied to")
    url = (
        reverse("qa:answer_create", args=[question.pk])
        if kind == "answer"
        else reverse("qa:reply_create", args=[parent.pk])
    )
    body = {"body": f"The same {kind}, sent from two renderings"}
    replies = [
        bob_client.post(
            url, {**body, "submit_token": _fresh_token(bob_client, question.get_absolute_url())}
        )
        for _ in range(2)
    ]
    post = Answer.objects.get(author__username="bob")
    assert [reply.status_code for reply in replies] == [302, 302]
    assert (
        replies[0]["Location"] == replies[1]["Location"] == thread_selectors.answer_location(post)
    )
    page = bob_client.get(replies[1]["Location"]).content.decode()
    assert f"You had already posted this {kind}, so it was not posted twice." in page
