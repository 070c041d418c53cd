"""Topic feeds page by keyset: every question once, in order, whatever the page depth."""

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.qa import selectors, services
from rung.qa.models import Question, Topic
from rung.testing import make_answer, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(alice: User, bob: User) -> list[Question]:
    """Create 45 mid-level questions, some sharing a timestamp, with varied likes and answers."""
    now = timezone.now()
    questions = []
    for i in range(45):
        # Pairs share a created_at so the id tie-breaker is exercised.
        question = make_question(alice, created_at=now - timedelta(hours=i // 2))
        if i % 3 == 0:
            services.like_toggle(user=bob, target=question)
        if i % 4 == 0:
            make_answer(question, bob)
        questions.append(question)
    return questions


def _walk(topic: Topic, sort: selectors.FeedSort, size: int = 7) -> list[int]:
    seen: list[int] = []
    cursor = None
    for _ in range(50):
        page = selectors.topic_feed(topic, sort=sort, cursor=cursor, size=size)
        seen += [q.pk for q in page.questions]
        if page.next_cursor is None:
            return seen
        cursor = page.next_cursor
    raise AssertionError("the feed never ended")


@pytest.mark.parametrize("sort", ["newest", "top", "unanswered"])
def test_walking_every_page_yields_each_question_once_in_order(
    many: list[Question], sort: selectors.FeedSort
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    seen = _walk(topic, sort)
    visible = Question.objects.filter(pk__in=[q.pk for q in many])
    if sort == "unanswered":
        visible = visible.filter(answer_count=0)
        expected = list(visible.order_by("-created_at", "-id").values_list("pk", flat=True))
    elif sort == "top":
        expected = list(
            visible.order_by("-like_count", "-created_at", "-id").values_list("pk", flat=True)
        )
    else:
        expected = list(visible.order_by("-created_at", "-id").values_list("pk", flat=True))
    assert seen == expected


def test_deleted_questions_leave_the_feed(many: list[Question], alice: User) -> None:
    services.question_delete(question=many[0], actor=alice)
    topic = Topic.objects.get(slug="mid-level")
    assert many[0].pk not in _walk(topic, "newest")
    assert len(_walk(topic, "newest")) == 44


@pytest.mark.parametrize(
    "cursor",
    ["garbage", "1.2.3.4", "-5.3", "99999999999999999999999.1", "", "1e9.1", "١٢.٣", "'; DROP"],
)
def test_malformed_cursor_shows_the_first_page(
    many: list[Question], client: Client, cursor: str
) -> None:
    url = reverse("qa:topic", args=["mid-level"])
    response = client.get(url, {"after": cursor, "sort": "top"})
    assert response.status_code == 200
    first = client.get(url, {"sort": "top"})
    assert _titles(response) == _titles(first)


def test_unknown_sort_falls_back_to_newest(many: list[Question], client: Client) -> None:
    url = reverse("qa:topic", args=["mid-level"])
    assert _titles(client.get(url, {"sort": "<script>"})) == _titles(client.get(url))


def test_next_link_and_htmx_fragment(many: list[Question], client: Client) -> None:
    url = reverse("qa:topic", args=["mid-level"])
    page = client.get(url).content.decode()
    match = re.search(r'href="\?sort=newest&amp;after=([0-9.]+)"', page)
    assert match, "page 1 links to page 2"
    fragment = client.get(url, {"after": match.group(1)}, HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert "<html" not in body and body.count('class="card question-card"') == 20
    assert "Vary" in fragment and "HX-Request" in fragment["Vary"]


def test_topic_page_shows_level_guide_and_card_details(
    many: list[Question], client: Client
) -> None:
    html = client.get(reverse("qa:topic", args=["mid-level"])).content.decode()
    assert "Mid-level Engineer — Career Development Videos, Forum, and Q&amp;A" in html
    assert "Learn about Mid-level Engineer" in html and "Show more" in html
    for axis in ["Impact", "Teamwork", "Technical Skills", "Leadership &amp; Ownership"]:
        assert axis in html
    assert "Alice Chen" in html and "ML Engineer at Acme" in html
    assert re.search(r'<time datetime="[^"]+" title="[^"]+" data-relative>', html)
    assert "0 views" in html and "1 answer" in html


def _titles(response: Any) -> list[str]:
    html = response.content.decode()
    return re.findall(r'<h3 class="card-title"><a href="[^"]+">([^<]+)</a>', html)
