"""Pages run a fixed number of queries whatever the data size."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rung.accounts.models import User
from rung.qa import services
from rung.qa.models import Question
from rung.testing import make_answer, make_card, make_member, make_question

pytestmark = pytest.mark.django_db

# Counted once by hand from the captured SQL, then pinned: any change must be deliberate.
# Members add one query for their user row (sessions come from the cache) and, on a
# question page, one for what they liked. Views are buffered, so they add none.
TOPIC_PAGE_QUERIES = {"visitor": 3, "member": 4}
QUESTION_PAGE_QUERIES = {"visitor": 4, "member": 6}
HOME_QUERIES = {"visitor": 2, "member": 3}


def _grow(asker: User, answerers: list[User], *, questions: int, answers: int) -> Question:
    """Add questions to mid-level and one question with `answers` answers, each with a reply."""
    for _ in range(questions):
        make_question(
            answerers[0], topics=["mid-level", "promotions"], card=make_card(), is_anonymous=False
        )
    target = make_question(asker, topics=["mid-level"], card=make_card())
    for i in range(answers):
        answer = make_answer(target, answerers[i % len(answerers)])
        make_answer(target, asker, parent=answer, body="Thanks")
        services.like_toggle(user=asker, target=answer)
    services.like_toggle(user=answerers[0], target=target)
    return target


def _count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("visitor", ["visitor", "member"])
def test_pages_run_constant_queries_at_two_sizes(
    alice: User, bob: User, charlie: User, visitor: str, buffered_views: None
) -> None:
    client = Client()
    if visitor == "member":
        client.force_login(charlie)
        client.get(reverse("home"))  # warm the session cache, as for any returning member
    answerers = [bob, make_member("dana"), make_member("eve")]
    target = _grow(alice, answerers, questions=3, answers=30)
    sizes = []
    for _size in range(2):
        topic_url = reverse("qa:topic", args=["mid-level"])
        sizes.append(
            (
                _count(client, topic_url),
                _count(client, topic_url + "?sort=top"),
                _count(client, target.get_absolute_url()),
                _count(client, reverse("home")),
            )
        )
        target = _grow(alice, answerers, questions=40, answers=30)
    assert sizes[0] == sizes[1]
    topic, top, question_page, home = sizes[0]
    assert topic == top == TOPIC_PAGE_QUERIES[visitor]
    assert question_page == QUESTION_PAGE_QUERIES[visitor]
    assert home == HOME_QUERIES[visitor]


def test_question_page_with_30_answers_and_replies_renders_them_all(
    alice: User, bob: User, client: Client
) -> None:
    target = _grow(alice, [bob, make_member("dana")], questions=0, answers=30)
    html = client.get(target.get_absolute_url()).content.decode()
    assert html.count('<article class="answer') == 30
    assert html.count('class="reply"') == 30
