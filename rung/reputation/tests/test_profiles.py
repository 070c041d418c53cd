"""Profiles and the members directory: reputation, badges, expertise, verified employers,
tabs of posts, and never a trace of an anonymous post for anyone but its author."""

import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from rung.accounts.models import User
from rung.ladder.models import CompanyLevel
from rung.qa.models import Outcome, OutcomeKind, Question, Topic
from rung.reputation.models import BadgeAward, Standing, TopicStanding
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def _standing(member: User, reputation: int = 0, private_reputation: int | None = None) -> None:
    """Give a member a reputation as the ledger keeps it: their standing and their row."""
    Standing.objects.create(
        member=member,
        reputation=reputation,
        private_reputation=reputation if private_reputation is None else private_reputation,
    )
    User.objects.filter(pk=member.pk).update(reputation=reputation)
    member.reputation = reputation


DIRECTORY = "/members/"
CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def _html(client: Client, url: str, **extra: Any) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def _topic(slug: str) -> Topic:
    return Topic.objects.get(slug=slug)


def _card(html: str, member: User) -> str:
    grid = html.index('class="member-grid"')
    start = html.index(f'href="{member.get_absolute_url()}"', grid)
    return html[start : html.index("</li>", start)]


# The profile's header: reputation, badges, verified employers


def test_profile_shows_public_reputation_badges_and_expertise(client: Client, bob: User) -> None:
    _standing(bob, reputation=1234, private_reputation=1300)
    BadgeAward.objects.create(member=bob, badge="first_answer")
    BadgeAward.objects.create(member=bob, badge="promotion")
    points = {"senior": 90, "mid-level": 40, "performance-reviews": 60}
    for slug, value in points.items():
        TopicStanding.objects.create(
            member=bob, topic=_topic(slug), answers=7, helpful=2, points=value
        )
    TopicStanding.objects.create(member=bob, topic=_topic("staff"), answers=1, points=0)
    html = _html(client, bob.get_absolute_url())
    assert re.search(r'class="reputation-total">1234<small>reputation', html)
    assert "1300" not in html
    assert "First answer" in html and "Promotion maker" in html
    assert html.index("Promotion maker") < html.index("First answer")
    assert "Expertise" in html
    expertise = html[html.index('id="expertise-heading"') :]
    names = [_topic(slug).name for slug in ("senior", "performance-reviews", "mid-level")]
    positions = [expertise.index(f">{name}</a>") for name in names]
    assert positions == sorted(positions)
    assert f">{_topic('staff').name}</a>" not in expertise
    assert "7 answers · 2 most helpful" in expertise


def test_a_member_without_standing_has_zero_and_no_expertise(client: Client, bob: User) -> None:
    html = _html(client, bob.get_absolute_url())
    assert re.search(r'class="reputation-total">0<small>', html)
    assert 'id="expertise-heading"' not in html
    assert 'class="award-row"' not in html


def test_only_the_member_sees_their_total_with_anonymous_posts(client: Client, alice: User) -> None:
    _standing(alice, reputation=10, private_reputation=55)
    assert "55" not in _html(client, alice.get_absolute_url())
    client.force_login(alice)
    assert "With your anonymous posts: 55." in _html(client, alice.get_absolute_url())


def test_verified_employers_show_with_a_check_mark(client: Client, bob: User) -> None:
    User.objects.filter(pk=bob.pk).update(verified_companies=["Meta", "字节跳动"])
    html = _html(client, bob.get_absolute_url())
    assert '✓ <span translate="no">Meta</span>' in html
    assert '✓ <span translate="no">字节跳动</span>' in html


def test_profile_in_chinese(client: Client, bob: User) -> None:
    BadgeAward.objects.create(member=bob, badge="first_answer")
    html = _html(client, bob.get_absolute_url(), **CHINESE)
    assert "声望" in html


# Tabs of posts


def test_tabs_list_questions_answers_and_outcomes(client: Client, alice: User, bob: User) -> None:
    asked = make_question(bob, title="How do I ask for a promotion?")
    theirs = make_question(alice, title="Should I switch teams?")
    make_answer(theirs, bob)
    Outcome.objects.create(question=asked, kind=OutcomeKind.PROMOTED, note="It worked.")
    url = bob.get_absolute_url()
    questions = _html(client, url)
    assert 'aria-current="page">Questions' in questions
    assert "How do I ask for a promotion?" in questions
    assert "Should I switch teams?" not in questions
    answers = _html(client, url + "?tab=answers")
    assert "Should I switch teams?" in answers
    assert "How do I ask for a promotion?" not in answers
    outcomes = _html(client, url + "?tab=outcomes")
    assert "How do I ask for a promotion?" in outcomes
    assert "Promoted" in outcomes and "It worked." in outcomes


def test_tabs_page_and_bad_tabs_or_pages_never_fail(client: Client, bob: User) -> None:
    for n in range(23):
        make_question(bob, title=f"Question number {n:02d}")
    url = bob.get_absolute_url()
    first = _html(client, url)
    assert first.count('class="card"') == 20
    assert "Page 1 of 2" in first
    second = _html(client, url + "?tab=questions&page=2")
    assert second.count('class="card"') == 3
    assert "Question number 00" in second
    for query in ("?page=abc", "?page=-1", "?page=99999999999999999999", "?tab=<script>", "?tab="):
        assert client.get(url + query).status_code == 200, query


@pytest.fixture
def anonymous_story(alice: User, bob: User) -> dict[str, Any]:
    """Alice asks anonymously, answers under it, shares its outcome; Bob answers there too."""
    secret = make_question(alice, is_anonymous=True, title="Secret question about my manager")
    make_answer(secret, alice, body="Anonymous follow-up by the asker.")
    make_answer(secret, bob, body="Bob answers the secret question.")
    Outcome.objects.create(question=secret, kind=OutcomeKind.OFFER_ACCEPTED, note="Secret note")
    public = make_question(alice, title="A question under her name")
    return {"secret": secret, "public": public}


@pytest.mark.parametrize("who", ["visitor", "bob", "mod"])
def test_anonymous_posts_are_nowhere_on_the_authors_profile_for_others(
    who: str, client: Client, alice: User, bob: User, mod: User, anonymous_story: dict[str, Any]
) -> None:
    if who != "visitor":
        client.force_login(bob if who == "bob" else mod)
    url = alice.get_absolute_url()
    pages = [_html(client, url + tab) for tab in ("", "?tab=answers", "?tab=outcomes")]
    for html in pages:
        assert "Secret question about my manager" not in html
        assert "Secret note" not in html
        assert anonymous_story["secret"].get_absolute_url() not in html
    assert "A question under her name" in pages[0]
    assert "No answers yet." in pages[1]
    assert "No outcomes shared yet." in pages[2]
    assert "Secret question about my manager" in _html(
        client, bob.get_absolute_url() + "?tab=answers"
    )


def test_the_author_sees_their_anonymous_posts_marked(
    client: Client, alice: User, anonymous_story: dict[str, Any]
) -> None:
    client.force_login(alice)
    url = alice.get_absolute_url()
    questions = _html(client, url)
    assert "Secret question about my manager" in questions
    assert "posted anonymously (only you see this)" in questions
    assert "Secret note" in _html(client, url + "?tab=outcomes")


# The members directory


def test_directory_sorts_by_reputation_and_shows_it_with_top_expertise(
    client: Client, alice: User, bob: User, charlie: User
) -> None:
    _standing(charlie, reputation=500)
    _standing(bob, reputation=80)
    TopicStanding.objects.create(member=charlie, topic=_topic("senior"), answers=3, points=70)
    TopicStanding.objects.create(member=charlie, topic=_topic("mid-level"), answers=2, points=30)
    TopicStanding.objects.create(member=charlie, topic=_topic("staff"), answers=1, points=5)
    User.objects.filter(pk=charlie.pk).update(verified_companies=["Stripe"])
    html = _html(client, DIRECTORY)
    assert 'aria-current="page">Reputation' in html
    order = [
        html.index(f'href="{m.get_absolute_url()}"', html.index("member-grid"))
        for m in (charlie, bob, alice)
    ]
    assert order == sorted(order)
    card = _card(html, charlie)
    assert "500 reputation" in card
    assert '✓ <span translate="no">Stripe</span>' in card
    assert _topic("senior").name in card and _topic("mid-level").name in card
    assert _topic("staff").name not in card
    assert "0 reputation" in _card(html, alice)


def test_directory_filters_by_company_on_verified_level_or_typed_companies(
    client: Client, alice: User, bob: User, charlie: User
) -> None:
    dave = make_member("dave", display_name="Dave Park")
    User.objects.filter(pk=alice.pk).update(verified_companies=[{"name": "Stripe"}])
    company_level = CompanyLevel.objects.select_related("company").first()
    assert company_level is not None
    User.objects.filter(pk=charlie.pk).update(company_level=company_level)
    User.objects.filter(pk=dave.pk).update(companies="Google, stripe")
    stripe = _html(client, DIRECTORY + "?company=STRIPE")
    assert alice.get_absolute_url() in stripe
    assert dave.get_absolute_url() in stripe
    assert bob.get_absolute_url() not in stripe
    by_level = _html(client, DIRECTORY + "?company=" + company_level.company.name)
    assert charlie.get_absolute_url() in by_level
    assert bob.get_absolute_url() not in by_level


def test_directory_filters_by_expertise_ordered_by_points_there(
    client: Client, alice: User, bob: User, charlie: User
) -> None:
    senior = _topic("senior")
    _standing(alice, reputation=900)
    TopicStanding.objects.create(member=bob, topic=senior, answers=1, points=10)
    TopicStanding.objects.create(member=charlie, topic=senior, answers=4, points=60)
    TopicStanding.objects.create(member=alice, topic=_topic("mid-level"), answers=9, points=99)
    html = _html(client, DIRECTORY + "?expertise=senior")
    assert alice.get_absolute_url() not in html
    assert html.index(charlie.get_absolute_url()) < html.index(bob.get_absolute_url())
    assert '<option value="senior" selected>' in html


@pytest.mark.parametrize(
    "query",
    [
        {"expertise": "no-such-topic"},
        {"company": "x" * 101},
        {"level": "nope"},
    ],
)
def test_bad_directory_filters_answer_400_with_a_message(
    client: Client, query: dict[str, str]
) -> None:
    response = client.get(DIRECTORY, query)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_bad_sort_or_page_shows_the_directory(client: Client, alice: User) -> None:
    for query in ({"sort": "bogus"}, {"page": "abc"}, {"sort": "reputation", "page": "-5"}):
        assert client.get(DIRECTORY, query).status_code == 200


def test_the_directory_never_counts_anonymous_answers_or_shows_private_reputation(
    client: Client, alice: User, anonymous_story: dict[str, Any]
) -> None:
    _standing(alice, reputation=3, private_reputation=77)
    card = _card(_html(client, DIRECTORY), alice)
    assert "3 reputation" in card
    assert "77" not in card
    assert "0 answers" in card


def _members(count: int, question: Question) -> None:
    senior = _topic("senior")
    for n in range(count):
        member = make_member(verified_companies=["Stripe"])
        make_answer(question, member)
        _standing(member, reputation=n)
        TopicStanding.objects.create(member=member, topic=senior, answers=1, points=n + 1)
        TopicStanding.objects.create(member=member, topic=_topic("staff"), answers=1, points=1)


@pytest.mark.parametrize(
    "query", ["", "?sort=answers", "?expertise=senior&company=stripe&level=", "?q=member"]
)
def test_directory_runs_the_same_queries_for_3_or_30_members(
    query: str, client: Client, question: Question
) -> None:
    _members(3, question)
    with CaptureQueriesContext(connection) as small:
        _html(client, DIRECTORY + query)
    _members(27, question)
    with CaptureQueriesContext(connection) as large:
        html = _html(client, DIRECTORY + query)
    assert html.count('class="member-card"') >= 30
    assert len(small.captured_queries) == len(large.captured_queries) <= 7


def test_directory_in_chinese(client: Client, bob: User) -> None:
    _standing(bob, reputation=12)
    html = _html(client, DIRECTORY, **CHINESE)
    assert "12 声望" in _card(html, bob)


@pytest.mark.parametrize("tab", ["", "?tab=answers", "?tab=outcomes"])
def test_profile_runs_the_same_queries_for_few_or_many_posts(
    tab: str, client: Client, alice: User, bob: User
) -> None:
    def add(count: int) -> None:
        for _ in range(count):
            question = make_question(bob)
            make_answer(make_question(alice), bob)
            Outcome.objects.create(question=question, kind=OutcomeKind.PROMOTED)
            BadgeAward.objects.filter(member=bob).delete()

    url = bob.get_absolute_url() + tab
    add(2)
    TopicStanding.objects.create(member=bob, topic=_topic("senior"), answers=2, points=9)
    with CaptureQueriesContext(connection) as few:
        _html(client, url)
    add(18)
    for badge in ("first_answer", "first_question", "promotion"):
        BadgeAward.objects.create(member=bob, badge=badge)
    for slug in ("staff", "mid-level", "promotions"):
        TopicStanding.objects.create(member=bob, topic=_topic(slug), answers=1, points=3)
    with CaptureQueriesContext(connection) as many:
        _html(client, url)
    assert len(few.captured_queries) == len(many.captured_queries)
