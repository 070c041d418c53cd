"""Following levels, questions and members from their pages, and the Following page."""

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.notifications import services
from rung.notifications.models import Follow, WatchLevel
from rung.qa.models import Question, Topic
from rung.testing import make_answer, make_member

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


def _topic_url(slug: str = "mid-level") -> str:
    return reverse("qa:topic", args=[slug])


def _level_of(user: User, **target: object) -> str | None:
    return Follow.objects.filter(user=user, **target).values_list("level", flat=True).first()


# --- topics -------------------------------------------------------------------------------


def test_topic_page_offers_the_four_levels_with_the_current_one_pressed(
    alice: User, alice_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    services.follow_set(alice, level=WatchLevel.TRACKING, topic=topic)
    html = alice_client.get(_topic_url()).content.decode()
    assert 'class="follow-control"' in html
    for level in ("watching", "tracking", "normal", "muted"):
        assert f'name="level" value="{level}"' in html
    assert 'value="tracking" aria-pressed="true"' in html
    assert 'value="watching" aria-pressed="false"' in html
    assert "A notice for every new question." in html
    assert "New questions in your digest only." in html


def test_visitor_sees_a_log_in_link_instead_of_the_levels(client: Client, db: None) -> None:
    html = client.get(_topic_url()).content.decode()
    assert "Log in to follow" in html
    assert f"{reverse('account_login')}?next=%2Ftopics%2Fmid-level%2F" in html
    assert 'name="level"' not in html


def test_choosing_a_level_without_javascript_saves_it_and_goes_back_with_a_message(
    alice: User, alice_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    url = reverse("notifications:follow_topic", args=[topic.pk])
    response = alice_client.post(url, {"level": "watching", "next": _topic_url()}, follow=True)
    assert response.redirect_chain == [(_topic_url(), 302)]
    assert _level_of(alice, topic=topic) == "watching"
    html = response.content.decode()
    assert f"You are watching {topic.name}:" in html
    assert 'value="watching" aria-pressed="true"' in html


def test_normal_takes_the_follow_away_and_muted_replaces_watching(
    alice: User, alice_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    url = reverse("notifications:follow_topic", args=[topic.pk])
    alice_client.post(url, {"level": "watching"})
    alice_client.post(url, {"level": "muted"})
    assert _level_of(alice, topic=topic) == "muted"
    alice_client.post(url, {"level": "normal"})
    assert not Follow.objects.filter(user=alice, topic=topic).exists()


def test_with_htmx_the_control_comes_back_as_it_now_stands(
    alice: User, alice_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    url = reverse("notifications:follow_topic", args=[topic.pk])
    response = alice_client.post(url, {"level": "tracking"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('<div class="follow-control"')
    assert 'value="tracking" aria-pressed="true"' in html
    assert f"You are tracking {topic.name}:" in html
    assert "<html" not in html


def test_an_offsite_next_is_ignored(alice: User, alice_client: Client) -> None:
    topic = Topic.objects.get(slug="mid-level")
    url = reverse("notifications:follow_topic", args=[topic.pk])
    response = alice_client.post(url, {"level": "watching", "next": "https://evil.example/"})
    assert response["Location"] == _topic_url()


def test_an_unknown_level_is_refused_with_a_message_and_nothing_changes(
    alice: User, alice_client: Client
) -> None:
    topic = Topic.objects.get(slug="mid-level")
    url = reverse("notifications:follow_topic", args=[topic.pk])
    response = alice_client.post(url, {"level": "everything"})
    assert response.status_code == 400
    assert "Choose watching, tracking, normal or muted." in response.content.decode()
    assert not Follow.objects.filter(user=alice).exists()


def test_the_topic_control_is_the_readers_own_on_a_cached_page(
    alice: User, bob: User, alice_client: Client, bob_client: Client
) -> None:
    """The topic feed is cached and shared; the level menu beside it is each reader's."""
    topic = Topic.objects.get(slug="mid-level")
    services.follow_set(alice, level=WatchLevel.MUTED, topic=topic)
    assert 'value="muted" aria-pressed="true"' in alice_client.get(_topic_url()).content.decode()
    html = bob_client.get(_topic_url()).content.decode()
    assert 'value="muted" aria-pressed="false"' in html
    assert 'value="normal" aria-pressed="true"' in html


# --- questions ----------------------------------------------------------------------------


def test_watching_a_question_and_unwatching_it_mutes_it(
    charlie: User, charlie_client: Client, question: Question
) -> None:
    url = reverse("notifications:follow_question", args=[question.pk])
    html = charlie_client.get(question.get_absolute_url()).content.decode()
    assert 'name="level" value="watching"' in html
    assert ">Watch<" in html
    charlie_client.post(url, {"level": "watching"})
    assert _level_of(charlie, question=question) == "watching"
    html = charlie_client.get(question.get_absolute_url()).content.decode()
    assert ">Unwatch<" in html
    charlie_client.post(url, {"level": "muted"})
    assert _level_of(charlie, question=question) == "muted"
    # Answering later does not watch it again: the member said no.
    services.watch_automatically(charlie.pk, question.pk)
    assert _level_of(charlie, question=question) == "muted"


def test_the_page_says_why_rung_watches_a_question_for_you(
    alice: User, bob: User, alice_client: Client, bob_client: Client, question: Question
) -> None:
    services.watch_automatically(alice.pk, question.pk)
    make_answer(question, bob)
    services.watch_automatically(bob.pk, question.pk)
    assert (
        "You are watching because you asked."
        in alice_client.get(question.get_absolute_url()).content.decode()
    )
    assert (
        "You are watching because you answered."
        in bob_client.get(question.get_absolute_url()).content.decode()
    )


def test_a_question_the_member_may_not_read_cannot_be_watched(
    charlie: User, charlie_client: Client, question: Question
) -> None:
    question.is_deleted = True
    question.save(update_fields=["is_deleted"])
    url = reverse("notifications:follow_question", args=[question.pk])
    assert charlie_client.post(url, {"level": "watching"}).status_code == 404
    assert not Follow.objects.filter(user=charlie).exists()


def test_visitors_get_no_watch_control(client: Client, question: Question) -> None:
    html = client.get(question.get_absolute_url()).content.decode()
    assert "follow_question" not in html
    assert reverse("notifications:follow_question", args=[question.pk]) not in html


# --- members ------------------------------------------------------------------------------


def test_following_a_member_from_their_profile(
    alice: User, bob: User, alice_client: Client
) -> None:
    html = alice_client.get(bob.get_absolute_url()).content.decode()
    assert reverse("notifications:follow_member", args=[bob.pk]) in html
    response = alice_client.post(
        reverse("notifications:follow_member", args=[bob.pk]),
        {"level": "watching", "next": bob.get_absolute_url()},
        follow=True,
    )
    assert "You follow Bob Rivera" in response.content.decode()
    assert _level_of(alice, member=bob) == "watching"
    assert ">Unfollow<" in response.content.decode()
    alice_client.post(reverse("notifications:follow_member", args=[bob.pk]), {"level": "normal"})
    assert _level_of(alice, member=bob) is None


def test_no_follow_button_on_ones_own_profile(alice: User, alice_client: Client) -> None:
    html = alice_client.get(alice.get_absolute_url()).content.decode()
    assert reverse("notifications:follow_member", args=[alice.pk]) not in html


def test_a_visitor_is_asked_to_log_in_to_follow_a_member(client: Client, bob: User) -> None:
    html = client.get(bob.get_absolute_url()).content.decode()
    assert "Log in to follow" in html


def test_an_inactive_member_cannot_be_followed(alice_client: Client) -> None:
    gone = make_member("gone", is_active=False)
    url = reverse("notifications:follow_member", args=[gone.pk])
    assert alice_client.post(url, {"level": "watching"}).status_code == 404


def test_whom_one_follows_is_never_shown_on_their_profile(
    alice: User, bob: User, charlie_client: Client, bob_client: Client
) -> None:
    """Follows are private: neither the followed member nor anyone else sees them."""
    services.follow_set(alice, level=WatchLevel.WATCHING, member=bob)
    for client in (charlie_client, bob_client):
        html = client.get(bob.get_absolute_url()).content.decode()
        assert "Alice Chen" not in html
        assert "follower" not in html.lower()
    html = bob_client.get(alice.get_absolute_url()).content.decode()
    assert ">Unfollow<" not in html


# --- the Following page -------------------------------------------------------------------


def test_following_page_lists_topics_questions_and_members_with_controls(
    alice: User, bob: User, charlie: User, alice_client: Client, question: Question
) -> None:
    other = Question.objects.exclude(pk=question.pk).first() or question
    services.follow_set(alice, level=WatchLevel.WATCHING, topic=Topic.objects.get(slug="mid-level"))
    services.follow_set(
        alice, level=WatchLevel.MUTED, topic=Topic.objects.get(slug="performance-reviews")
    )
    services.watch_automatically(alice.pk, question.pk)
    services.follow_set(alice, level=WatchLevel.WATCHING, member=bob)
    html = alice_client.get(reverse("notifications:following")).content.decode()
    assert "Mid-level Engineer" in html and "Performance Reviews" in html
    assert 'value="muted" aria-pressed="true"' in html
    assert question.title in html
    assert "Watching because you asked" in html
    assert "Bob Rivera" in html
    assert reverse("notifications:follow_member", args=[bob.pk]) in html
    assert other is not None


def test_following_page_shows_only_ones_own_follows(
    alice: User, bob: User, charlie: User, charlie_client: Client, question: Question
) -> None:
    services.follow_set(alice, level=WatchLevel.WATCHING, question=question)
    services.follow_set(alice, level=WatchLevel.WATCHING, member=bob)
    html = charlie_client.get(reverse("notifications:following")).content.decode()
    assert question.title not in html
    assert "Bob Rivera" not in html
    assert "You watch no question yet." in html


def test_following_page_pages_questions_by_keyset(
    alice: User, bob: User, alice_client: Client
) -> None:
    from rung.testing import make_question

    questions = [make_question(bob, title=f"Question number {n:02d}") for n in range(35)]
    for q in questions:
        services.follow_set(alice, level=WatchLevel.WATCHING, question=q)
    overview = alice_client.get(reverse("notifications:following")).content.decode()
    assert overview.count("Question number") == 10
    assert "?kind=questions" in overview
    first = alice_client.get(reverse("notifications:following") + "?kind=questions")
    html = first.content.decode()
    assert html.count("Question number") == 30
    start = html.index("before=") + len("before=")
    cursor = html[start : html.index('"', start)]
    rest = alice_client.get(
        reverse("notifications:following") + f"?kind=questions&before={cursor}"
    ).content.decode()
    assert rest.count("Question number") == 5
    assert "Question number 00" in rest and "Question number 34" in html


def test_removing_a_question_from_the_following_page_forgets_the_setting(
    alice: User, alice_client: Client, question: Question
) -> None:
    services.follow_set(alice, level=WatchLevel.MUTED, question=question)
    page = reverse("notifications:following")
    response = alice_client.post(
        reverse("notifications:follow_question", args=[question.pk]),
        {"level": "normal", "next": page},
    )
    assert response["Location"] == page
    assert not Follow.objects.filter(user=alice, question=question).exists()
