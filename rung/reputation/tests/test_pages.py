"""The page that shows a member why their reputation is what it is."""

from typing import Any

import pytest
from django.test import Client

from rung.accounts.models import User
from rung.qa import services
from rung.reputation import rules
from rung.testing.factories import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def test_a_member_sees_every_credit_and_the_anonymous_total_apart(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    asker, answerer, reader = make_member(), make_member(), make_member()
    with django_capture_on_commit_callbacks(execute=True):
        secret = make_question(asker, is_anonymous=True, title="A question asked without a name")
        answer = make_answer(secret, answerer)
        services.like_toggle(user=reader, target=secret)
        services.like_toggle(user=reader, target=answer)

    client.force_login(asker)
    page = client.get("/reputation/").content.decode()
    assert "A question asked without a name" in page
    assert "Your anonymous posts earned 2 more points" in page
    assert reader.name not in page  # who liked stays private

    client.force_login(answerer)
    page = client.get("/reputation/").content.decode()
    assert f'<strong class="reputation-number">{rules.ANSWER_LIKE_POINTS}</strong>' in page
    assert "Your answer to “A question asked without a name”" in page
    assert "anonymous posts earned" not in page


def test_visitors_read_the_rules(client: Client) -> None:
    response = client.get("/reputation/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "How reputation is earned" in page
    assert f"+{rules.OUTCOME_POINTS}" in page
    assert "Your reputation" not in page


@pytest.mark.parametrize("page", ["abc", "-1", "99999", "1" * 50])
def test_odd_page_numbers_show_a_page(client: Client, alice: User, page: str) -> None:
    client.force_login(alice)
    assert client.get("/reputation/", {"page": page}).status_code == 200


def test_the_outcome_names_the_answers_that_helped(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    asker, answerer, other = make_member(), make_member(), make_member(display_name="Other One")
    question = make_question(asker)
    answer = make_answer(question, answerer)
    make_answer(question, other)
    own = make_answer(question, asker)
    client.force_login(asker)
    form = client.get(f"/questions/{question.pk}/outcome/").content.decode()
    assert f'value="{answer.pk}"' in form
    assert f'value="{own.pk}"' not in form  # the asker's own answer is no choice
    # An answer that is not one of the choices is refused with a message, nothing saved.
    response = client.post(
        f"/questions/{question.pk}/outcome/",
        {"kind": "promoted", "note": "", "helped": [own.pk]},
    )
    assert response.status_code == 400
    assert "Choose among the answers" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/questions/{question.pk}/outcome/",
            {"kind": "promoted", "note": "", "helped": [answer.pk]},
        )
    assert response.status_code == 302
    page = Client().get(question.get_absolute_url()).content.decode()
    assert "The asker says these answers helped:" in page
    assert answerer.name in page.split("The asker says these answers helped:")[1][:400]
    earned = rules.OUTCOME_POINTS + rules.OUTCOME_MILESTONE_POINTS
    assert User.objects.get(pk=answerer.pk).reputation == earned
