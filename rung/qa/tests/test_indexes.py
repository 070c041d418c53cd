"""The levels and topics indexes, and the home feed's pages of older questions."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from rung.accounts.models import User
from rung.ladder.models import Level, Track
from rung.qa import moderation_services
from rung.qa.models import Question, QuestionTopic, Topic
from rung.testing import make_member, make_question

pytestmark = pytest.mark.django_db

CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def _html(client: Client, url: str, **headers: Any) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


# Levels


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_levels_index_lists_every_track_and_level_in_ladder_order(
    who: str, client: Client, alice: User, question: Question
) -> None:
    """Each level links to its topic page with its tagline and question count, by rank."""
    if who == "member":
        client.force_login(alice)
    html = _html(client, reverse("qa:levels"))
    for track in Track.objects.all():
        assert track.name in html
    levels = list(Level.objects.filter(track__slug="ic").order_by("rank"))
    positions = [html.index(f'href="{level.get_absolute_url()}"') for level in levels]
    assert positions == sorted(positions)
    mid = Topic.objects.get(slug="mid-level")
    assert mid.level is not None
    assert escape(mid.level.tagline) in html
    assert "1 question<" in html  # alice's question sits in the mid-level topic


def test_levels_index_in_chinese(client: Client) -> None:
    html = _html(client, reverse("qa:levels"), **CHINESE)
    assert "职级" in html
    assert 'lang="zh-hans"' in html


# Topics


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_topics_index_lists_every_topic_with_count_and_recent_activity(
    who: str, client: Client, alice: User, question: Question
) -> None:
    if who == "member":
        client.force_login(alice)
    html = _html(client, reverse("qa:topics"))
    for topic in Topic.objects.all():
        assert f'href="{topic.get_absolute_url()}"' in html
    reviews = Topic.objects.get(slug="performance-reviews")
    assert escape(reviews.tagline) in html
    assert "Last asked" in html
    assert "No questions yet" in html  # topics nobody asked in yet


def test_topics_index_in_chinese(client: Client, question: Question) -> None:
    html = _html(client, reverse("qa:topics"), **CHINESE)
    assert "话题" in html
    assert "最近提问" in html


def test_topics_filter_matches_name_and_description(client: Client) -> None:
    html = _html(client, reverse("qa:topics") + "?q=interview")
    assert 'href="/topics/interviewing/"' in html
    assert 'href="/topics/mid-level/"' not in html
    nothing = _html(client, reverse("qa:topics") + "?q=zzzz-nothing")
    assert "No topic matches" in nothing
    # The sort links keep the filter.
    assert "q=zzzz-nothing" in nothing


def test_topics_sort_by_popular_name_and_recent_activity(client: Client, alice: User) -> None:
    old = make_question(alice, topics=["promotions"])
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=30))
    month_ago = timezone.now() - timedelta(days=30)
    QuestionTopic.objects.filter(question=old).update(created_at=month_ago)
    make_question(alice, topics=["interviewing"])
    make_question(alice, topics=["interviewing"])

    def order(sort: str) -> list[str]:
        html = _html(client, reverse("qa:topics") + f"?sort={sort}")
        slugs = ["interviewing", "promotions", "leadership-ownership"]
        return sorted(slugs, key=lambda slug: html.index(f'href="/topics/{slug}/"'))

    assert order("popular")[:2] == ["interviewing", "promotions"]
    assert order("new")[:2] == ["interviewing", "promotions"]
    assert order("name") == ["interviewing", "leadership-ownership", "promotions"]


def test_topics_unknown_sort_reads_as_popular_and_long_filter_is_a_400(client: Client) -> None:
    assert client.get(reverse("qa:topics") + "?sort=<script>").status_code == 200
    response = client.get(reverse("qa:topics") + "?q=" + "x" * 101)
    assert response.status_code == 400
    assert "at most 100 characters" in response.content.decode()


def test_hidden_questions_do_not_count_as_recent_activity(
    client: Client, alice: User, mod: User
) -> None:
    hidden = make_question(alice, topics=["promotions"])
    moderation_services.post_visibility_set(post=hidden, visibility="hidden", actor=mod)
    html = _html(client, reverse("qa:topics") + "?q=promotions")
    assert "Last asked" not in html


def _more_topics(count: int) -> None:
    track = Track.objects.create(slug=f"t{count}", name=f"Track {count}", order=50 + count)
    for n in range(count):
        level = Level.objects.create(
            track=track, slug=f"l{count}-{n}", name=f"Level {n}", short_name="L", rank=100 + n
        )
        Topic.objects.create(slug=f"l{count}-{n}", name=f"Level {n}", kind="level", level=level)
        Topic.objects.create(slug=f"s{count}-{n}", name=f"Subject {n}", kind="subject")


@pytest.mark.parametrize("url", ["qa:levels", "qa:topics"])
def test_index_pages_run_the_same_queries_with_3_or_30_more_topics(
    url: str, client: Client, alice: User, django_assert_max_num_queries: Any
) -> None:
    make_question(alice, topics=["mid-level", "promotions"])
    _more_topics(3)
    with django_assert_max_num_queries(3) as small:
        client.get(reverse(url))
    _more_topics(30)
    with django_assert_max_num_queries(3) as large:
        client.get(reverse(url))
    assert len(small.captured_queries) == len(large.captured_queries)


# Home feed pages


def _questions(author: User, count: int) -> list[Question]:
    """Post `count` questions a minute apart, oldest first."""
    start = timezone.now() - timedelta(hours=1)
    made = []
    for n in range(count):
        question = make_question(author, title=f"Home paging question number {n:02d}")
        Question.objects.filter(pk=question.pk).update(created_at=start + timedelta(minutes=n))
        made.append(question)
    cache.clear()
    return made


def _titles(html: str) -> list[str]:
    import re

    return re.findall(r"Home paging question number (\d\d)", html)


def test_home_feed_pages_on_to_older_questions_without_gaps_or_repeats(
    client: Client, alice: User
) -> None:
    _questions(alice, 45)
    first = _html(client, reverse("home"))
    assert _titles(first) == [f"{n:02d}" for n in range(44, 24, -1)]
    seen = _titles(first)
    html = first
    while 'rel="next"' in html:
        start = html.index("?after=", html.index('rel="next"'))
        cursor = html[start + len("?after=") : html.index("#latest", start)]
        html = _html(client, reverse("home") + f"?after={cursor}")
        assert "Earlier questions" in html
        assert "Back to the newest questions" in html
        seen += _titles(html)
    assert seen == [f"{n:02d}" for n in range(44, -1, -1)]


def test_home_load_more_answers_htmx_with_the_next_cards_alone(client: Client, alice: User) -> None:
    _questions(alice, 25)
    first = _html(client, reverse("home"))
    assert 'hx-target="closest nav"' in first
    assert 'hx-swap="outerHTML"' in first
    start = first.index("?after=", first.index('rel="next"'))
    cursor = first[start + len("?after=") : first.index("#latest", start)]
    response = client.get(reverse("home") + f"?after={cursor}", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert _titles(html) == [f"{n:02d}" for n in range(4, -1, -1)]
    assert 'rel="next"' not in html
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize(
    "after", ["abc", "-1", "1.2.3", "99999999999999999999.1", "0.0", "%00", "1" * 70]
)
def test_home_with_a_cursor_not_ours_is_never_a_500(
    client: Client, alice: User, after: str
) -> None:
    _questions(alice, 3)
    response = client.get(reverse("home"), {"after": after})
    assert response.status_code == 200


def test_home_pages_leave_out_hidden_questions(client: Client, alice: User, mod: User) -> None:
    made = _questions(alice, 22)
    moderation_services.post_visibility_set(post=made[1], visibility="hidden", actor=mod)
    cache.clear()
    first = _html(client, reverse("home"))
    start = first.index("?after=", first.index('rel="next"'))
    cursor = first[start + len("?after=") : first.index("#latest", start)]
    second = _html(client, reverse("home") + f"?after={cursor}")
    assert _titles(second) == ["00"]


def test_home_in_chinese_names_the_older_questions_link(client: Client, alice: User) -> None:
    _questions(alice, 21)
    html = _html(client, reverse("home"), **CHINESE)
    assert "更早的问题" in html


def test_header_links_reach_the_index_pages(client: Client) -> None:
    html = _html(client, reverse("home"))
    nav = html[html.index('<nav class="wrap nav"') : html.index("</nav>")]
    assert f'href="{reverse("qa:levels")}"' in nav
    assert f'href="{reverse("qa:topics")}"' in nav
    assert f'href="{reverse("accounts:directory")}"' in nav


def test_anonymous_question_on_home_still_hides_its_asker(client: Client) -> None:
    asker = make_member("quiet", display_name="Quiet Person")
    make_question(asker, title="Home paging question number 00", is_anonymous=True)
    html = _html(client, reverse("home"))
    assert "Quiet Person" not in html
