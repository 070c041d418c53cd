"""The gap view: ranking axes by distance to the next level, and where to read more."""

import datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from rung.accounts.models import User
from rung.growth.models import AxisRating, Mark, ReviewCycle, SelfAssessment
from rung.growth.selectors.assessment import axis_gaps, axis_questions, gap_distance
from rung.ladder.models import Axis, Expectation, Level, RatingScale
from rung.qa import services as qa_services
from rung.qa.models import Question
from rung.testing import make_answer, make_card, make_member, make_question

pytestmark = pytest.mark.django_db
URL = "/growth/gaps/"


def review(
    owner: User,
    codes: dict[str, str],
    *,
    date: datetime.date = datetime.date(2025, 6, 30),
    scale: str = "e-m-i",
    **fields: Any,
) -> ReviewCycle:
    """Record a review cycle with ratings by axis slug, as the reviews pages would."""
    rating_scale = RatingScale.objects.get(slug=scale)
    fields.setdefault("name", "H1 review")
    cycle = ReviewCycle.objects.create(owner=owner, date=date, scale=rating_scale, **fields)
    for slug, code in codes.items():
        AxisRating.objects.create(
            cycle=cycle,
            axis=Axis.objects.get(slug=slug),
            rating=rating_scale.choices.get(code=code),
        )
    return cycle


def mark(owner: User, level: str, axis: str, value: str) -> SelfAssessment:
    expectation = Expectation.objects.get(level__slug=level, axis__slug=axis)
    return SelfAssessment.objects.create(owner=owner, expectation=expectation, mark=value)


@pytest.fixture
def mid_alice(alice: User) -> User:
    alice.level = Level.objects.get(slug="mid-level")
    alice.save(update_fields=["level"])
    return alice


@pytest.fixture
def alice_client(client: Client, mid_alice: User) -> Client:
    client.force_login(mid_alice)
    return client


@pytest.fixture
def ranked(mid_alice: User) -> User:
    """Alice's data where Leadership > Teamwork > Technical Skills > Impact by distance.

    Leadership: 1 + 2 + 0.75 = 3.75; Teamwork: 1 + 0 + 0.5 = 1.5;
    Technical Skills: 0.5 + (unmarked) + 0.25 = 0.75; Impact: 0 + 0 + 0 = 0.
    """
    mark(mid_alice, "senior", "impact", Mark.CONSISTENTLY)
    mark(mid_alice, "mid-level", "impact", Mark.CONSISTENTLY)
    mark(mid_alice, "senior", "teamwork", Mark.NOT_YET)
    mark(mid_alice, "mid-level", "teamwork", Mark.CONSISTENTLY)
    mark(mid_alice, "senior", "technical-skills", Mark.SOMETIMES)
    mark(mid_alice, "senior", "leadership-ownership", Mark.NOT_YET)
    mark(mid_alice, "mid-level", "leadership-ownership", Mark.NOT_YET)
    review(
        mid_alice,
        {"impact": "E", "teamwork": "M", "technical-skills": "M+", "leadership-ownership": "M-"},
    )
    return mid_alice


def test_address_is_the_named_route() -> None:
    assert reverse("growth:gaps") == URL


def test_distance_follows_the_documented_formula() -> None:
    assert gap_distance(next_mark=None, current_mark=None, review_value=None) is None
    assert gap_distance(next_mark=Mark.CONSISTENTLY, current_mark=None, review_value=5) == 0
    assert gap_distance(next_mark=Mark.NOT_YET, current_mark=None, review_value=None) == 1
    assert gap_distance(next_mark=Mark.SOMETIMES, current_mark=None, review_value=None) == 0.5
    assert gap_distance(next_mark=None, current_mark=Mark.NOT_YET, review_value=None) == 2
    assert gap_distance(next_mark=None, current_mark=None, review_value=3) == 0.5
    assert gap_distance(next_mark=Mark.NOT_YET, current_mark=Mark.NOT_YET, review_value=1) == 4


def test_not_yet_at_the_current_level_is_a_bigger_gap_than_at_the_next() -> None:
    current = gap_distance(next_mark=None, current_mark=Mark.NOT_YET, review_value=3)
    following = gap_distance(next_mark=Mark.NOT_YET, current_mark=None, review_value=3)
    assert current is not None and following is not None
    assert current > following


def test_axes_are_ranked_by_distance(ranked: User) -> None:
    report = axis_gaps(ranked)
    assert [gap.axis.slug for gap in report.gaps] == [
        "leadership-ownership",
        "teamwork",
        "technical-skills",
        "impact",
    ]
    assert [gap.distance for gap in report.gaps] == [3.75, 1.5, 0.75, 0.0]


def test_page_lists_axes_in_ranked_order(alice_client: Client, ranked: User) -> None:
    page = alice_client.get(URL).content.decode()
    positions = [
        page.index(f'value="{slug}"')
        for slug in ("leadership-ownership", "teamwork", "technical-skills", "impact")
    ]
    assert positions == sorted(positions)


def test_each_axis_says_why(alice_client: Client, ranked: User) -> None:
    page = alice_client.get(URL).content.decode()
    assert (
        "Latest review: M (3 of 5) · next-level expectation: not yet · "
        "current-level expectation: consistently"
    ) in page
    assert "Latest review: M+ (4 of 5) · next-level expectation: sometimes · " in page
    assert "current-level expectation: not assessed" in page


def test_only_the_latest_review_counts(mid_alice: User) -> None:
    review(mid_alice, {"impact": "I"}, date=datetime.date(2024, 12, 31))
    review(mid_alice, {"impact": "E", "teamwork": "M-"}, date=datetime.date(2025, 6, 30))
    gaps = {gap.axis.slug: gap for gap in axis_gaps(mid_alice).gaps}
    assert gaps["impact"].distance == 0
    assert gaps["teamwork"].distance == 0.75
    assert gaps["leadership-ownership"].distance is None
    assert [g.axis.slug for g in axis_gaps(mid_alice).gaps][:2] == ["teamwork", "impact"]


def test_axes_without_any_data_come_last(mid_alice: User) -> None:
    mark(mid_alice, "senior", "technical-skills", Mark.CONSISTENTLY)
    slugs = [gap.axis.slug for gap in axis_gaps(mid_alice).gaps]
    assert slugs[0] == "technical-skills"
    assert [g.distance for g in axis_gaps(mid_alice).gaps][1:] == [None, None, None]


def test_no_level_asks_the_member_to_pick_one(client: Client, alice: User) -> None:
    client.force_login(alice)
    response = client.get(URL)
    assert response.status_code == 200
    assert reverse("growth:assessment") in response.content.decode()
    assert "Tell us your current level first" in response.content.decode()


def test_no_review_and_no_assessment_says_what_to_do(alice_client: Client) -> None:
    page = alice_client.get(URL).content.decode()
    assert "There is nothing to rank yet" in page
    assert reverse("growth:assessment") in page
    assert reverse("growth:review_create") in page


def test_review_only_ranking_says_so(alice_client: Client, mid_alice: User) -> None:
    review(mid_alice, {"impact": "M"})
    page = alice_client.get(URL).content.decode()
    assert "uses your review only" in page
    assert "Latest review: M (3 of 5) · next-level expectation: not assessed" in page


def test_top_level_measures_against_its_own_level(client: Client, alice: User) -> None:
    alice.level = Level.objects.get(slug="principal")
    alice.save(update_fields=["level"])
    mark(alice, "principal", "impact", Mark.SOMETIMES)
    client.force_login(alice)
    page = client.get(URL).content.decode()
    assert "top of its track" in page
    assert "next-level expectation" not in page
    assert "current-level expectation: sometimes" in page


def test_each_axis_links_to_the_next_level_guide(alice_client: Client, ranked: User) -> None:
    page = alice_client.get(URL).content.decode()
    guide = Level.objects.get(slug="senior").get_absolute_url()
    assert page.count(f'href="{guide}"') == Axis.objects.count()


def _helpful_question(asker: User, answerer: User, **fields: Any) -> Question:
    question = make_question(asker, **fields)
    answer = make_answer(question, answerer)
    qa_services.answer_mark_helpful(question=question, answer=answer, actor=asker)
    return question


def test_axis_questions_finds_questions_on_the_axis_at_the_level(bob: User, carol: User) -> None:
    level = Level.objects.get(slug="mid-level")
    leadership = Axis.objects.get(slug="leadership-ownership")
    technical = Axis.objects.get(slug="technical-skills")
    in_subject = _helpful_question(
        bob, carol, title="Owning a system", topics=["mid-level", "leadership-ownership"]
    )
    rated_weak = _helpful_question(
        bob, carol, title="Rated low on leadership", topics=["mid-level"],
        card=make_card(ratings={"leadership-ownership": "M-"}),
    )  # fmt: skip
    _helpful_question(
        bob, carol, title="Rated high", topics=["mid-level"],
        card=make_card(ratings={"leadership-ownership": "E"}),
    )  # fmt: skip
    _helpful_question(bob, carol, title="Other level", topics=["staff", "leadership-ownership"])
    make_question(bob, title="No answer", topics=["mid-level", "leadership-ownership"])
    unhelpful = make_question(bob, title="Unliked", topics=["mid-level", "leadership-ownership"])
    make_answer(unhelpful, carol)
    deleted = _helpful_question(
        bob, carol, title="Deleted", topics=["mid-level", "leadership-ownership"]
    )
    qa_services.question_delete(question=deleted, actor=bob)

    found = axis_questions(level=level, axis=leadership, limit=5)
    assert {q.title for q in found} == {in_subject.title, rated_weak.title}
    assert axis_questions(level=level, axis=technical, limit=5) == []


def test_axis_questions_prefer_marked_helpful_then_liked_answers(
    bob: User, carol: User, charlie: User
) -> None:
    level = Level.objects.get(slug="mid-level")
    axis = Axis.objects.get(slug="leadership-ownership")
    topics = ["mid-level", "leadership-ownership"]
    liked_once = make_question(bob, title="Liked once", topics=topics)
    qa_services.like_toggle(user=charlie, target=make_answer(liked_once, carol))
    liked_twice = make_question(bob, title="Liked twice", topics=topics)
    answer = make_answer(liked_twice, carol)
    qa_services.like_toggle(user=charlie, target=answer)
    qa_services.like_toggle(user=bob, target=answer)
    marked = _helpful_question(bob, carol, title="Marked helpful", topics=topics)
    found = axis_questions(level=level, axis=axis, limit=5)
    assert [q.title for q in found] == [marked.title, liked_twice.title, liked_once.title]
    assert len(axis_questions(level=level, axis=axis, limit=2)) == 2


def test_page_links_to_best_answered_questions(
    alice_client: Client, ranked: User, bob: User, carol: User
) -> None:
    question = _helpful_question(
        bob,
        carol,
        title="How I learned to own things",
        topics=["mid-level", "leadership-ownership"],
    )
    page = alice_client.get(URL).content.decode()
    assert f'href="{question.get_absolute_url()}"' in page
    assert "How I learned to own things" in page


def _grow(asker: User, answerer: User, n: int) -> None:
    for i in range(n):
        topics = ["mid-level", "leadership-ownership" if i % 2 else "technical-skills"]
        _helpful_question(asker, answerer, title=f"Question {i}", topics=topics, card=make_card())


def test_page_runs_a_bounded_number_of_queries(
    alice_client: Client,
    ranked: User,
    django_assert_max_num_queries: Any,
    django_assert_num_queries: Any,
) -> None:
    asker, answerer = make_member(), make_member()
    _grow(asker, answerer, 2)
    # 13: the page's own reads, and the header bell's unread count (one query).
    with django_assert_max_num_queries(13) as small:
        assert alice_client.get(URL).status_code == 200
    _grow(asker, answerer, 12)
    review(ranked, {"impact": "M"}, date=datetime.date(2026, 1, 1))
    with django_assert_num_queries(len(small.captured_queries)):
        assert alice_client.get(URL).status_code == 200


def test_logged_out_visitor_is_sent_to_login(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login" in response["Location"]


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_gaps_page_is_read_only(alice_client: Client, method: str) -> None:
    assert getattr(alice_client, method)(URL).status_code == 405


def test_outsider_and_moderator_see_only_their_own_gaps(
    client: Client, ranked: User, charlie: User, mod: User
) -> None:
    for other in (charlie, mod):
        other.level = ranked.level
        other.save(update_fields=["level"])
        client.force_login(other)
        page = client.get(URL).content.decode()
        assert "There is nothing to rank yet" in page
        assert "Latest review: M-" not in page
