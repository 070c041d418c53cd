"""Every naughty string, posted through the forms, gets a page or a clear 400, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.qa.models import Question, Topic
from rung.testing import CORPORA

pytestmark = pytest.mark.django_db
CORPUS = CORPORA / "naughty" / "blns.txt"


def _naughty() -> list[str]:
    assert CORPUS.exists(), f"the shared corpus is missing at {CORPUS}"
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    return [line for line in lines if line and not line.startswith("#")]


def test_naughty_strings_through_ask_answer_and_profile(
    alice_client: Client, bob_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level").pk
    failures = []
    question = None
    for text in _naughty():
        response = alice_client.post(
            reverse("qa:ask"),
            {"title": text, "body": text, "topics": [topic], "focus": text, "company": text},
        )
        if response.status_code not in {302, 400}:
            failures.append(("ask", text, response.status_code))
        if response.status_code == 302 and question is None:
            question = Question.objects.latest("pk")
            page = alice_client.get(response["Location"])
            if page.status_code != 200:
                failures.append(("page", text, page.status_code))
        profile = alice_client.post(
            reverse("accounts:profile_edit"), {"display_name": text[:80], "headline": text[:120]}
        )
        if profile.status_code not in {302, 400}:
            failures.append(("profile", text, profile.status_code))
    assert question is not None
    for text in _naughty():
        response = bob_client.post(reverse("qa:answer_create", args=[question.pk]), {"body": text})
        if response.status_code not in {302, 400}:
            failures.append(("answer", text, response.status_code))
    assert alice_client.get(question.get_absolute_url()).status_code == 200
    assert alice_client.get(reverse("qa:topic", args=["mid-level"])).status_code == 200
    assert alice_client.get(reverse("accounts:profile", args=["alice"])).status_code == 200
    assert not failures, failures[:5]
