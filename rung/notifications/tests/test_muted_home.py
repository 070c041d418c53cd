"""Muting a topic takes its questions off the member's home feed, and only theirs."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from rung.accounts.models import User
from rung.notifications import services
from rung.notifications.models import WatchLevel
from rung.qa.models import Topic
from rung.testing import make_question

pytestmark = pytest.mark.django_db


def _titles(html: str) -> list[str]:
    return re.findall(r"(?:Muted test|Kept test) \d+", html)


def _mute(user: User, slug: str) -> None:
    services.follow_set(user, level=WatchLevel.MUTED, topic=Topic.objects.get(slug=slug))


def test_questions_in_a_muted_topic_leave_the_members_home_feed(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    client = Client()
    make_question(bob, title="Kept test 1", topics=["mid-level"])
    # In a muted topic and another: any muted topic is enough to leave the feed.
    make_question(bob, title="Muted test 1", topics=["mid-level", "promotions"])
    make_question(bob, title="Muted test 2", topics=["promotions"])
    # Bob and a visitor fill the shared copies first: alice must not get them.
    assert len(_titles(bob_client.get(reverse("home")).content.decode())) == 3
    assert len(_titles(client.get(reverse("home")).content.decode())) == 3
    _mute(alice, "promotions")
    assert _titles(alice_client.get(reverse("home")).content.decode()) == ["Kept test 1"]
    # Others still see everything, from cache or not.
    assert len(_titles(bob_client.get(reverse("home")).content.decode())) == 3
    assert len(_titles(client.get(reverse("home")).content.decode())) == 3
    # The muted topic's own page still lists them: muting is about the home feed.
    topic = alice_client.get(reverse("qa:topic", args=["promotions"])).content.decode()
    assert len(_titles(topic)) == 2


def test_unmuting_brings_the_questions_back_at_once(
    alice: User, bob: User, alice_client: Client
) -> None:
    make_question(bob, title="Muted test 1", topics=["promotions"])
    _mute(alice, "promotions")
    assert _titles(alice_client.get(reverse("home")).content.decode()) == []
    services.follow_set(alice, level=None, topic=Topic.objects.get(slug="promotions"))
    assert _titles(alice_client.get(reverse("home")).content.decode()) == ["Muted test 1"]


def test_watching_or_tracking_a_topic_leaves_the_feed_as_it_is(
    alice: User, bob: User, alice_client: Client
) -> None:
    make_question(bob, title="Kept test 1", topics=["promotions"])
    topic = Topic.objects.get(slug="promotions")
    for level in (WatchLevel.WATCHING, WatchLevel.TRACKING):
        services.follow_set(alice, level=level, topic=topic)
        assert _titles(alice_client.get(reverse("home")).content.decode()) == ["Kept test 1"]


def test_older_questions_page_on_past_muted_ones(
    alice: User, bob: User, alice_client: Client
) -> None:
    """The ?after= cursor keeps working: every kept question once, none of the muted."""
    for n in range(30):
        make_question(bob, title=f"Kept test {n}", topics=["mid-level"])
        make_question(bob, title=f"Muted test {n}", topics=["promotions"])
    _mute(alice, "promotions")
    seen: list[str] = []
    url = reverse("home")
    pages = 0
    while url:
        html = alice_client.get(url).content.decode()
        seen += _titles(html)
        match = re.search(r'href="\?after=([0-9.]+)', html)
        url = reverse("home") + f"?after={match[1]}" if match else ""
        pages += 1
    assert seen == [f"Kept test {n}" for n in range(29, -1, -1)]
    assert pages == 2
    # htmx's "Older questions" asks for the next cards alone, muted ones left out too.
    first = alice_client.get(reverse("home")).content.decode()
    cursor = re.search(r'href="\?after=([0-9.]+)', first)
    assert cursor is not None
    more = alice_client.get(
        reverse("home") + f"?after={cursor[1]}", headers={"HX-Request": "true"}
    ).content.decode()
    assert _titles(more) == [f"Kept test {n}" for n in range(9, -1, -1)]


def test_a_visitors_home_reads_no_mutes(client: Client, bob: User) -> None:
    make_question(bob, title="Kept test 1", topics=["promotions"])
    client.get(reverse("home"))
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("home"))
    assert not any("notifications_" in q["sql"] for q in ctx.captured_queries)


def test_members_with_the_same_mutes_share_one_cached_feed(
    alice: User, bob: User, charlie: User, alice_client: Client, charlie_client: Client
) -> None:
    make_question(bob, title="Kept test 1", topics=["mid-level"])
    _mute(alice, "promotions")
    _mute(charlie, "promotions")
    alice_client.get(reverse("home"))
    with CaptureQueriesContext(connection) as ctx:
        html = charlie_client.get(reverse("home")).content.decode()
    assert _titles(html) == ["Kept test 1"]
    assert not any('FROM "qa_question"' in q["sql"] for q in ctx.captured_queries)
