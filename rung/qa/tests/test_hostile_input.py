"""Every naughty string gets a post or a clear refusal, never an error.

The whole corpus goes through the forms and services that the ask, answer and profile pages
use, and the pages holding the results are then read over HTTP; a sample of the strings is
also posted through the pages themselves.
"""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.forms import ProfileForm
from rung.accounts.models import User
from rung.core.forms import save_form
from rung.qa import services
from rung.qa.forms import AnswerForm, QuestionForm
from rung.qa.models import Answer, Question, Topic
from rung.testing import naughty_strings
from rung.testing.corpora import sample

pytestmark = pytest.mark.django_db


def _ask(author: User, text: str, topic: Topic) -> tuple[Question | None, QuestionForm]:
    data = {"title": text, "body": text, "topics": [topic.pk], "focus": text, "company": text}
    form = QuestionForm(data, user=author)
    return form.ask(author), form


def _answer(question: Question, author: User, text: str) -> tuple[Answer | None, AnswerForm]:
    form = AnswerForm({"body": text})
    answer = save_form(
        form,
        lambda clean: services.answer_create(question=question, author=author, body=clean["body"]),
    )
    return answer, form


def _profile(member: User, text: str) -> ProfileForm:
    form = ProfileForm({"display_name": text[:80], "headline": text[:120]}, instance=member)
    if form.is_valid():
        form.save()
    return form


def test_every_naughty_string_through_the_forms_and_services(
    alice: User, bob: User, client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    lines = naughty_strings()
    refused_silently: list[tuple[str, str]] = []
    asked: list[Question] = []
    for text in lines:
        question, form = _ask(alice, text, topic)
        if question is None:
            if not form.errors:
                refused_silently.append(("ask", text))
        else:
            asked.append(question)
        if not _profile(alice, text).is_valid() and not form.errors:
            refused_silently.append(("profile", text))
    assert asked, "no naughty string made a question"
    target = asked[0]
    answered = 0
    for text in lines:
        answer, answer_form = _answer(target, bob, text)
        if answer is None and not answer_form.errors:
            refused_silently.append(("answer", text))
        answered += answer is not None
    assert not refused_silently, refused_silently[:5]
    assert answered, "no naughty string made an answer"

    # The pages that list the posts and show the profile still render; the pages of single
    # questions are read for the sample below.
    pages = [
        reverse("home"),
        reverse("qa:topic", args=["mid-level"]),
        reverse("accounts:profile", args=["alice"]),
        target.get_absolute_url(),
    ]
    failures = [(url, status) for url in pages if (status := client.get(url).status_code) != 200]
    assert not failures, failures[:5]


def test_a_sample_of_naughty_strings_through_the_pages(
    alice_client: Client, bob_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level").pk
    failures: list[tuple[str, str, int]] = []
    question = None

    def expect_post_or_refusal(what: str, text: str, response: Any) -> None:
        if response.status_code not in {302, 400}:
            failures.append((what, text, response.status_code))

    for text in sample(naughty_strings(), 40):
        response = alice_client.post(
            reverse("qa:ask"),
            {"title": text, "body": text, "topics": [topic], "focus": text, "company": text},
        )
        expect_post_or_refusal("ask", text, response)
        if response.status_code == 302:
            question = question or Question.objects.latest("pk")
            page = alice_client.get(response["Location"])
            if page.status_code != 200:
                failures.append(("page", text, page.status_code))
        profile = alice_client.post(
            reverse("accounts:profile_edit"), {"display_name": text[:80], "headline": text[:120]}
        )
        expect_post_or_refusal("profile", text, profile)
        if question is not None:
            answer = bob_client.post(
                reverse("qa:answer_create", args=[question.pk]), {"body": text}
            )
            expect_post_or_refusal("answer", text, answer)
    assert question is not None
    assert alice_client.get(question.get_absolute_url()).status_code == 200
    assert alice_client.get(reverse("accounts:profile", args=["alice"])).status_code == 200
    assert not failures, failures[:5]
