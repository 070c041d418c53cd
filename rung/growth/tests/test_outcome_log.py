"""One click keeps a question's outcome in the asker's own work log, once, seen by nobody else."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.core.markdown import render_markdown
from rung.growth.models import LogEntry
from rung.growth.services.worklog import log_entry_from_outcome
from rung.qa.models import Question
from rung.qa.outcomes import outcome_post
from rung.testing import make_answer, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(alice: User, bob: User) -> Question:
    question = make_question(alice, title="How do I get [promoted] to *senior*?")
    make_answer(question, bob)
    question.refresh_from_db()
    return question


@pytest.fixture
def with_outcome(answered: Question, alice: User) -> Question:
    outcome_post(
        question=answered,
        member=alice,
        kind="promoted",
        note="Promoted in the June cycle.\n# Not a heading",
    )
    return answered


def _log_url(question: Question) -> str:
    return reverse("growth:outcome_log", args=[question.pk])


def test_one_click_adds_the_outcome_to_the_askers_log(
    with_outcome: Question, alice: User, alice_client: Client
) -> None:
    response = alice_client.post(_log_url(with_outcome))
    assert response.status_code == 302
    assert response["Location"] == f"{with_outcome.get_absolute_url()}#outcome"
    entry = LogEntry.objects.get(owner=alice)
    assert entry.question_id == with_outcome.pk
    assert entry.date == with_outcome.outcome.created_at.date()
    html = render_markdown(entry.text, raw_html=False)
    # The title reads as typed, links to the question, and the note cannot become a heading.
    link = reverse("qa:question", args=[with_outcome.pk])
    assert re.search(rf'<a href="{link}"[^>]*>How do I get \[promoted\] to \*senior\*\?</a>', html)
    assert "Promoted." in html
    assert "Promoted in the June cycle." in html and "<h1>" not in html


def test_a_second_click_adds_nothing_and_the_page_says_it_is_there(
    with_outcome: Question, alice: User, alice_client: Client
) -> None:
    page = alice_client.get(with_outcome.get_absolute_url()).content.decode()
    assert "Add to my work log" in page and "In your work log" not in page
    alice_client.post(_log_url(with_outcome))
    alice_client.post(_log_url(with_outcome))
    assert LogEntry.objects.filter(owner=alice).count() == 1
    page = alice_client.get(with_outcome.get_absolute_url()).content.decode()
    assert "In your work log" in page and "Add to my work log" not in page
    # Its entry deleted, the outcome may be added again.
    LogEntry.objects.filter(owner=alice).delete()
    page = alice_client.get(with_outcome.get_absolute_url()).content.decode()
    assert "Add to my work log" in page


def test_the_service_returns_the_entry_already_there(with_outcome: Question, alice: User) -> None:
    first, added = log_entry_from_outcome(owner=alice, question=with_outcome)
    again, added_again = log_entry_from_outcome(owner=alice, question=with_outcome)
    assert (added, added_again) == (True, False)
    assert again.pk == first.pk


def test_nobody_else_can_log_it_or_see_the_button(
    with_outcome: Question,
    bob_client: Client,
    mod_client: Client,
    alice: User,
) -> None:
    assert bob_client.post(_log_url(with_outcome)).status_code == 404
    assert mod_client.post(_log_url(with_outcome)).status_code == 404
    assert Client().post(_log_url(with_outcome)).status_code == 302
    assert not LogEntry.objects.exists()
    # Once alice logged it, nobody else learns that she did.
    log_entry_from_outcome(owner=alice, question=with_outcome)
    for client in (bob_client, mod_client, Client()):
        page = client.get(with_outcome.get_absolute_url()).content.decode()
        assert "Promoted in the June cycle." in page
        assert "work log" not in page


def test_a_question_without_an_outcome_is_refused_with_a_message(
    answered: Question, alice: User, alice_client: Client
) -> None:
    response = alice_client.post(_log_url(answered))
    assert response.status_code == 400
    assert "This question has no outcome yet." in response.content.decode()
    assert not LogEntry.objects.exists()


def test_the_button_is_a_post_form_only(with_outcome: Question, alice_client: Client) -> None:
    assert alice_client.get(_log_url(with_outcome)).status_code == 405
    assert not LogEntry.objects.exists()
