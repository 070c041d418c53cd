"""Top contributors on topic pages, and the experts page with its filters."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.qa.models import Topic
from rung.reputation import experts
from rung.reputation.expert_views import EXPERTS_PER_PAGE
from rung.reputation.models import Standing, TopicStanding
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def _get(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url, HTTP_USER_AGENT="Mozilla/5.0")
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def _standing(member: User, slug: str, points: int, **counts: int) -> None:
    TopicStanding.objects.update_or_create(
        member=member, topic=Topic.objects.get(slug=slug), defaults={"points": points, **counts}
    )


def test_a_topic_page_shows_its_top_contributors(alice: User, bob: User, charlie: User) -> None:
    User.objects.filter(pk=bob.pk).update(verified_companies=["Meta"])
    _standing(bob, "mid-level", 42, answers=3, helpful=2, likes=4)
    question = make_question(alice, topics=["mid-level"])
    make_answer(question, charlie)
    html = _get(Client(), reverse("qa:topic", args=["mid-level"]))
    section = html[
        html.index('id="experts"') : html.index("</section>", html.index('id="experts"'))
    ]
    assert "Top contributors" in section and "Last 14 days" in section and "All time" in section
    assert (
        "Bob Rivera" in section
        and '✓ <span translate="no">Meta</span>' in section
        and "42 points" in section
    )
    assert "3 answers" in section and "2 helpful" in section
    # charlie's answer is recent: 2 points in the last 14 days.
    assert "Charlie Okafor" in section and "2 points" in section
    assert f"{reverse('reputation:experts')}?topic=mid-level" in section


def test_a_topic_with_no_contributors_shows_no_section(client: Client) -> None:
    assert 'id="experts"' not in _get(client, reverse("qa:topic", args=["senior"]))


def test_an_anonymous_askers_answers_never_show_on_the_topic_page(alice: User) -> None:
    secret = make_question(alice, topics=["mid-level"], is_anonymous=True)
    make_answer(secret, alice)
    html = _get(Client(), reverse("qa:topic", args=["mid-level"]))
    assert 'id="experts"' not in html and "Alice Chen" not in html


@pytest.mark.parametrize("member", [False, True])
def test_the_section_is_kept_for_its_time_bucket_even_in_a_visitors_kept_page(
    bob: User, charlie: User, monkeypatch: pytest.MonkeyPatch, member: bool
) -> None:
    """Likes move experts without moving the topic's feed version: the section follows a
    time bucket, on members' pages and in visitors' kept copies alike."""
    client = Client()
    if member:
        client.force_login(make_member("reader"))
    url = reverse("qa:topic", args=["mid-level"])
    monkeypatch.setattr(experts, "experts_bucket", lambda now=None: 1)
    _standing(bob, "mid-level", 10)
    for _round in range(3):  # rendered, kept, then (for visitors) served early
        assert "Bob Rivera" in _get(client, url)
    _standing(charlie, "mid-level", 20)
    assert "Charlie Okafor" not in _get(client, url)
    monkeypatch.setattr(experts, "experts_bucket", lambda now=None: 2)
    for _round in range(2):
        html = _get(client, url)
        assert html.index("Charlie Okafor") < html.index("Bob Rivera")


def test_experts_page_lists_site_and_topic_experts_by_window(
    alice: User, bob: User, charlie: User
) -> None:
    Standing.objects.update_or_create(member=bob, defaults={"reputation": 30})
    Standing.objects.update_or_create(member=charlie, defaults={"reputation": 60})
    _standing(bob, "promotions", 7, answers=1)
    question = make_question(alice, topics=["mid-level"])
    make_answer(question, bob)
    url = reverse("reputation:experts")
    everyone = _get(Client(), f"{url}?window=all")
    assert everyone.index("Charlie Okafor") < everyone.index("Bob Rivera")
    assert "60 points" in everyone
    in_topic = _get(Client(), f"{url}?window=all&topic=promotions")
    assert "Bob Rivera" in in_topic and "Charlie Okafor" not in in_topic
    assert "7 points" in in_topic and "Experts in" in in_topic
    # The default window is the last 14 days: bob's answer there, no credits yet.
    recent = _get(Client(), f"{url}?topic=mid-level")
    assert "Bob Rivera" in recent and "2 points" in recent
    assert "Charlie Okafor" not in _get(Client(), url)


def test_experts_page_pages_by_number(db: None) -> None:
    topic = Topic.objects.get(slug="mid-level")
    for n in range(EXPERTS_PER_PAGE + 3):
        TopicStanding.objects.create(
            member=make_member(f"expert{n:02d}"), topic=topic, points=1000 - n
        )
    url = f"{reverse('reputation:experts')}?window=all&topic=mid-level"
    first = _get(Client(), url)
    assert "Expert00" in first and f"Expert{EXPERTS_PER_PAGE - 1:02d}" in first
    assert f"Expert{EXPERTS_PER_PAGE:02d}" not in first
    assert 'rel="next"' in first
    second = _get(Client(), f"{url}&page=2")
    assert f"Expert{EXPERTS_PER_PAGE:02d}" in second and "Expert00" not in second
    assert 'rel="next"' not in second and 'rel="prev"' in second
    assert "No more experts." in _get(Client(), f"{url}&page=5")


@pytest.mark.parametrize("page", ["0", "-1", "26", "99999999999999999999"])
def test_experts_page_numbers_out_of_range_show_a_page(db: None, page: str) -> None:
    html = _get(Client(), f"{reverse('reputation:experts')}?page={page}")
    assert 'class="errors"' not in html


@pytest.mark.parametrize(
    "query",
    [
        "topic=no-such-topic",
        "window=junk",
        "page=abc",
        "topic=%00",
    ],
)
def test_experts_page_refuses_bad_filters_with_a_message(db: None, query: str) -> None:
    html = _get(Client(), f"{reverse('reputation:experts')}?{query}", status=400)
    assert 'class="errors" role="alert"' in html


def test_experts_page_for_members_and_unknown_parameters(charlie: User) -> None:
    cache.clear()
    client = Client()
    client.force_login(charlie)
    assert "Experts" in _get(client, f"{reverse('reputation:experts')}?utm_source=x")
