"""The live help beside the ask form: possible duplicates and the question coach."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.testing import make_question

pytestmark = pytest.mark.django_db


def test_assist_suggests_a_duplicate_in_another_language(alice: User, bob_client: Client) -> None:
    english = make_question(
        alice,
        title="Should I switch jobs for a higher salary?",
        body="My current company is stable but another offers thirty percent more pay.",
    )
    response = bob_client.post(
        reverse("search:ask_assist"), {"title": "我应该为了更高的薪水跳槽吗？", "body": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "These may already answer you" in html
    assert english.get_absolute_url() in html


def test_assist_coaches_on_length_questions_and_context(bob_client: Client) -> None:
    body = "Should I ask for a raise? Should I look elsewhere? Should I wait a year? " * 3
    html = bob_client.post(
        reverse("search:ask_assist"), {"title": "Raise timing", "body": body, "level": ""}
    ).content.decode()
    assert 'data-code="split"' in html
    assert 'data-code="title-not-question"' in html
    assert 'data-code="missing-context"' in html


def test_assist_needs_a_member_and_a_post(client: Client, bob_client: Client) -> None:
    url = reverse("search:ask_assist")
    assert client.post(url, {"title": "x"}).status_code == 302
    assert bob_client.get(url).status_code == 405


def test_assist_survives_hostile_input(bob_client: Client) -> None:
    for text in ["", "\x00", '" * ( ) : NEAR OR -', "x" * 200_000, "晋升" * 5000]:
        response = bob_client.post(reverse("search:ask_assist"), {"title": text, "body": text})
        assert response.status_code == 200


def test_ask_page_loads_the_assist_panel(bob_client: Client) -> None:
    html = bob_client.get(reverse("qa:ask")).content.decode()
    assert reverse("search:ask_assist") in html
