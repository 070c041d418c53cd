"""The members directory and what a profile shows: join date, bio and activity counts.

Counts are of what anyone may read: an anonymous question and what its asker writes under
it, held and hidden posts never show in a public count, so a count cannot unmask anyone.
"""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import BIO_MAX_LENGTH, User
from rung.ladder.models import Level
from rung.moderation.services import penalty_set
from rung.qa import moderation_services, services
from rung.qa.models import Question
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}
DIRECTORY = "/members/"


def _html(client: Client, url: str, **extra: Any) -> str:
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def _card(html: str, member: User) -> str:
    """Return the directory card of one member."""
    grid = html.index('class="member-grid"')
    start = html.index(f'href="{member.get_absolute_url()}"', grid)
    return html[start : html.index("</li>", start)]


# The directory


def test_directory_lives_at_members(alice: User) -> None:
    assert reverse("accounts:directory") == DIRECTORY


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_directory_lists_active_members_with_headline_level_join_date_and_answers(
    who: str, client: Client, alice: User, bob: User, question: Question
) -> None:
    bob.level = Level.objects.get(slug="senior")
    bob.save()
    make_answer(question, bob)
    if who == "member":
        client.force_login(alice)
    html = _html(client, DIRECTORY)
    card = _card(html, bob)
    assert "Bob Rivera" in card
    assert "Tech Lead/Manager at Meta, Pinterest" in card
    assert "Senior Engineer" in card
    assert f"Joined {timezone.now():%B %Y}" in card
    assert "1 answer<" in card
    assert "0 answers" in _card(html, alice)


def test_directory_in_chinese(client: Client, bob: User) -> None:
    html = _html(client, DIRECTORY, **CHINESE)
    assert "成员" in html
    assert f"{timezone.now().year}年{timezone.now().month}月加入" in _card(html, bob)


def test_directory_never_lists_suspended_or_deactivated_members(
    client: Client, alice: User, bob: User, charlie: User, mod: User
) -> None:
    penalty_set(member=bob, kind="suspend", days=3, reason="Spam", actor=mod)
    User.objects.filter(pk=charlie.pk).update(is_active=False)
    html = _html(client, DIRECTORY)
    assert alice.get_absolute_url() in html
    assert bob.get_absolute_url() not in html
    assert charlie.get_absolute_url() not in html
    searched = _html(client, DIRECTORY + "?q=bob")
    assert bob.get_absolute_url() not in searched


def test_answers_under_ones_own_anonymous_question_are_not_counted(
    client: Client, alice: User, bob: User
) -> None:
    """An asker answering their own anonymous question would be unmasked by the count."""
    secret = make_question(alice, is_anonymous=True)
    make_answer(secret, alice)
    make_answer(secret, bob)
    html = _html(client, DIRECTORY)
    assert "0 answers" in _card(html, alice)
    assert "1 answer<" in _card(html, bob)


def test_held_hidden_and_deleted_answers_are_not_counted(
    client: Client, alice: User, bob: User, mod: User, question: Question
) -> None:
    hidden = make_answer(question, bob)
    held = make_answer(question, bob)
    deleted = make_answer(question, bob)
    make_answer(question, bob, parent=hidden, body="A reply is not an answer.")
    moderation_services.post_visibility_set(post=hidden, visibility="hidden", actor=mod)
    moderation_services.post_visibility_set(post=held, visibility="held", actor=mod)
    services.answer_delete(answer=deleted, actor=bob)
    assert "0 answers" in _card(_html(client, DIRECTORY), bob)


def test_search_by_name_or_headline_and_filter_by_level(
    client: Client, alice: User, bob: User, charlie: User
) -> None:
    bob.level = Level.objects.get(slug="senior")
    bob.save()
    by_headline = _html(client, DIRECTORY + "?q=pinterest")
    assert bob.get_absolute_url() in by_headline
    assert alice.get_absolute_url() not in by_headline
    by_name = _html(client, DIRECTORY + "?q=okafor")
    assert charlie.get_absolute_url() in by_name
    assert bob.get_absolute_url() not in by_name
    senior = _html(client, DIRECTORY + "?level=senior")
    assert bob.get_absolute_url() in senior
    assert alice.get_absolute_url() not in senior
    nobody = _html(client, DIRECTORY + "?q=no-such-person")
    assert "No member matches that search." in nobody


def test_sort_by_most_answers_or_newest(
    client: Client, alice: User, bob: User, charlie: User, question: Question
) -> None:
    User.objects.filter(pk=bob.pk).update(date_joined=timezone.now() - timedelta(days=400))
    make_answer(question, bob)
    make_answer(question, bob)
    make_answer(question, charlie)

    def order(query: str) -> list[str]:
        html = _html(client, DIRECTORY + query)
        names = ["alice", "bob", "charlie"]
        return sorted(names, key=lambda name: html.index(f'href="/members/{name}/"'))

    assert order("?sort=answers")[:2] == ["bob", "charlie"]
    assert order("?sort=newest")[-1] == "bob"


@pytest.mark.parametrize("sort", ["reputation", "newest", "answers"])
def test_only_most_answers_counts_every_members_answers(
    sort: str, client: Client, bob: User, charlie: User, question: Question
) -> None:
    """Other orders count the answers of the page's members alone, and show the same counts.

    Counting every member's answers to show thirty of them cost 270 ms a view on a site
    of 500 members and 250,000 answers, and grows with every answer written.
    """
    make_answer(question, bob)
    make_answer(question, bob)
    make_answer(question, charlie)
    with CaptureQueriesContext(connection) as captured:
        html = _html(client, f"{DIRECTORY}?sort={sort}")
    assert "2 answers" in _card(html, bob)
    assert "1 answer" in _card(html, charlie)
    [page] = [
        q["sql"] for q in captured.captured_queries if '"accounts_user"."password"' in q["sql"]
    ]
    assert ('"qa_answer"' in page) == (sort == "answers")


def test_directory_pages_by_number_and_clamps_bad_page_numbers(client: Client) -> None:
    for n in range(35):
        make_member(f"person{n:02d}")
    first = _html(client, DIRECTORY + "?sort=newest")
    assert first.count('class="member-card"') == 30
    assert "Page 1 of 2" in first
    assert "page=2" in first
    second = _html(client, DIRECTORY + "?sort=newest&page=2")
    assert second.count('class="member-card"') == 5
    assert 'rel="prev"' in second
    for page in ("abc", "999", "-3", "0", "1e9", "9" * 40):
        response = client.get(DIRECTORY, {"page": page})
        assert response.status_code == 200, page


def test_bad_filters_answer_400_with_a_message(client: Client) -> None:
    response = client.get(DIRECTORY, {"level": "no-such-level"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert client.get(DIRECTORY, {"q": "x" * 101}).status_code == 400
    assert client.get(DIRECTORY, {"sort": "<script>"}).status_code == 200


def test_member_text_in_the_directory_is_escaped(client: Client) -> None:
    make_member("mallory", display_name="<b>Mallory</b>", headline="<script>x()</script>")
    html = _html(client, DIRECTORY)
    assert "<script>x()</script>" not in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html


def _members_with_answers(count: int, question: Question) -> None:
    level = Level.objects.get(slug="senior")
    for _ in range(count):
        member = make_member(level=level)
        make_answer(question, member)


@pytest.mark.parametrize("query", ["", "?sort=newest", "?q=member&level=senior"])
def test_directory_runs_the_same_queries_for_3_or_30_members(
    query: str, client: Client, question: Question, django_assert_max_num_queries: Any
) -> None:
    _members_with_answers(3, question)
    with django_assert_max_num_queries(6) as small:
        _html(client, DIRECTORY + query)
    _members_with_answers(27, question)
    with django_assert_max_num_queries(6) as large:
        _html(client, DIRECTORY + query)
    assert len(small.captured_queries) == len(large.captured_queries)


# Profiles


def test_profile_shows_join_date_and_bio_as_plain_text_with_line_breaks(
    client: Client, alice: User
) -> None:
    alice.bio = "I lead a team.\n\nAsk me about **reviews** <script>alert(1)</script>"
    alice.save()
    html = _html(client, alice.get_absolute_url())
    assert f"Joined {timezone.now():%B %Y}" in html
    assert "<p>I lead a team.</p>" in html
    assert "**reviews**" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_profile_join_date_in_chinese(client: Client, alice: User) -> None:
    html = _html(client, alice.get_absolute_url(), **CHINESE)
    assert f"{timezone.now().year}年{timezone.now().month}月加入" in html


def test_bio_is_edited_on_the_profile_page(alice_client: Client, alice: User) -> None:
    form = _html(alice_client, reverse("accounts:profile_edit"))
    assert 'name="bio"' in form
    assert f'maxlength="{BIO_MAX_LENGTH}"' in form
    response = alice_client.post(
        reverse("accounts:profile_edit"),
        {"display_name": "Alice Chen", "bio": "Line one\nLine two"},
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.bio == "Line one\nLine two"
    assert "Line one<br>Line two" in _html(alice_client, alice.get_absolute_url())


def test_a_bio_over_the_limit_is_refused_with_400(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        reverse("accounts:profile_edit"),
        {"display_name": "Alice Chen", "bio": "x" * (BIO_MAX_LENGTH + 1)},
    )
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    alice.refresh_from_db()
    assert alice.bio == ""


def _stats(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", html))


@pytest.fixture
def activity(alice: User, bob: User, charlie: User, mod: User) -> None:
    """Alice: one public question, one anonymous one she replies under, one hidden answer,
    one answer marked most helpful, one reply."""
    public = make_question(alice)
    secret = make_question(alice, is_anonymous=True)
    make_answer(secret, alice, parent=make_answer(secret, bob), body="Thanks, anonymously.")
    make_answer(secret, alice)
    hidden = make_answer(public, alice, body="This one gets hidden.")
    moderation_services.post_visibility_set(post=hidden, visibility="hidden", actor=mod)
    bobs = make_question(bob)
    helpful = make_answer(bobs, alice)
    services.answer_mark_helpful(question=bobs, answer=helpful, actor=bob)
    make_answer(bobs, alice, parent=make_answer(bobs, charlie), body="A public reply.")


@pytest.mark.usefixtures("activity")
@pytest.mark.parametrize("who", ["visitor", "charlie", "mod"])
def test_public_counts_leave_out_anonymous_and_hidden_posts(
    who: str, client: Client, alice: User, charlie: User, mod: User
) -> None:
    if who != "visitor":
        client.force_login(charlie if who == "charlie" else mod)
    html = _html(client, alice.get_absolute_url())
    assert _stats(html) == {"Questions": "1", "Answers": "1", "Most helpful": "1", "Replies": "1"}
    assert "Your own totals" not in html


@pytest.mark.usefixtures("activity")
def test_the_member_sees_their_own_totals(alice_client: Client, alice: User) -> None:
    html = _html(alice_client, alice.get_absolute_url())
    assert _stats(html) == {"Questions": "2", "Answers": "3", "Most helpful": "1", "Replies": "2"}
    assert "Your own totals" in html


def test_profile_counts_in_chinese(client: Client, alice: User, question: Question) -> None:
    html = _html(client, alice.get_absolute_url(), **CHINESE)
    assert "最有帮助" in html
