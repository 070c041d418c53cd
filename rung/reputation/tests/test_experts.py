"""Top contributors per topic and site-wide: windows, what counts, who is left out, order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rung.accounts.models import User
from rung.qa.models import Answer, Question, Topic
from rung.reputation import experts
from rung.reputation.models import Credit, CreditReason, Standing, TopicStanding
from rung.reputation.rules import EXPERT_ANSWER_POINTS
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


def _credit(
    answer: Answer, points: int, reason: str, *, days_ago: int = 0, **fields: object
) -> Credit:
    return Credit.objects.create(
        member_id=answer.author_id,
        reason=reason,
        points=points,
        question_id=answer.question_id,
        answer=answer,
        created_at=timezone.now() - timedelta(days=days_ago),
        **fields,
    )


def _standing(member: User, topic: Topic, points: int, **counts: int) -> None:
    TopicStanding.objects.update_or_create(
        member=member, topic=topic, defaults={"points": points, **counts}
    )


def _reputation(member: User, reputation: int) -> None:
    Standing.objects.update_or_create(member=member, defaults={"reputation": reputation})


def _names(found: list[experts.Expert]) -> list[str]:
    return [expert.member.username for expert in found]


@pytest.fixture
def mid() -> Topic:
    return Topic.objects.get(slug="mid-level")


def test_recent_topic_experts_count_public_answers_and_credits_in_the_window(
    alice: User, bob: User, charlie: User, mid: Topic
) -> None:
    question = make_question(alice, topics=["mid-level"])
    make_answer(question, bob)
    make_answer(question, bob)
    liked = make_answer(question, charlie)
    _credit(liked, 10, CreditReason.ANSWER_LIKED)
    _credit(liked, 15, CreditReason.HELPFUL)
    # Outside the window: an old credit and an old answer count for nothing.
    _credit(liked, 100, CreditReason.ANSWER_LIKED, days_ago=15)
    old = make_answer(question, make_member("dana"))
    Answer.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=15))
    # Another topic's answers do not count here.
    elsewhere = make_question(alice, topics=["promotions"])
    make_answer(elsewhere, make_member("eve"))

    found = experts.topic_experts_recent(mid, timezone.now(), 10)

    assert _names(found) == ["charlie", "bob"]
    charlie_row, bob_row = found
    assert (charlie_row.points, charlie_row.answers, charlie_row.helpful, charlie_row.likes) == (
        EXPERT_ANSWER_POINTS + 25,
        1,
        1,
        1,
    )
    assert (bob_row.points, bob_row.answers) == (2 * EXPERT_ANSWER_POINTS, 2)


def test_anonymous_posts_never_count_in_expert_lists(alice: User, bob: User, mid: Topic) -> None:
    secret = make_question(alice, topics=["mid-level"], is_anonymous=True)
    own = make_answer(secret, alice)  # the anonymous asker's own answer
    _credit(own, 10, CreditReason.ANSWER_LIKED, anonymous=True)
    make_answer(secret, bob)  # others answer under their names

    found = experts.topic_experts_recent(mid, timezone.now(), 10)
    assert _names(found) == ["bob"]
    assert _names(experts.site_experts_recent(timezone.now(), 10)) == []
    # The all-time list reads the public standings, which hold no anonymous posts.
    _standing(bob, mid, 5, answers=1)
    assert _names(experts.topic_experts_all_time(mid, 10)) == ["bob"]


def test_inactive_members_are_left_out(alice: User, bob: User, charlie: User, mid: Topic) -> None:
    question = make_question(alice, topics=["mid-level"])
    gone = make_answer(question, charlie)
    make_answer(question, bob)
    _credit(gone, 10, CreditReason.ANSWER_LIKED)
    _standing(charlie, mid, 50)
    _standing(bob, mid, 5)
    _reputation(charlie, 50)
    _reputation(bob, 5)
    User.objects.filter(pk=charlie.pk).update(is_active=False)
    now = timezone.now()
    assert _names(experts.topic_experts_recent(mid, now, 10)) == ["bob"]
    assert _names(experts.topic_experts_all_time(mid, 10)) == ["bob"]
    assert _names(experts.site_experts_all_time(10)) == ["bob"]
    assert _names(experts.site_experts_recent(now, 10)) == []


def test_all_time_topic_experts_rank_by_points_then_member(mid: Topic) -> None:
    members = [make_member(name) for name in ("ann", "ben", "cat", "dan")]
    _standing(members[2], mid, 30, answers=3, helpful=1, likes=2)
    _standing(members[1], mid, 30, answers=1)
    _standing(members[0], mid, 40, answers=2)
    _standing(members[3], mid, 0, answers=0)  # no points: not an expert
    found = experts.topic_experts_all_time(mid, 10)
    assert _names(found) == ["ann", "ben", "cat"]
    assert (found[2].answers, found[2].helpful, found[2].likes) == (3, 1, 2)
    assert _names(experts.topic_experts_all_time(mid, 2, offset=1)) == ["ben", "cat"]


def test_recent_ties_go_to_the_earlier_member(alice: User, mid: Topic) -> None:
    first, second = make_member("first"), make_member("second")
    question = make_question(alice, topics=["mid-level"])
    make_answer(question, second)
    make_answer(question, first)
    found = experts.topic_experts_recent(mid, timezone.now(), 10)
    assert _names(found) == ["first", "second"]
    assert _names(experts.topic_experts_recent(mid, timezone.now(), 1, offset=1)) == ["second"]


def test_site_experts_all_time_and_recent(alice: User, bob: User, charlie: User) -> None:
    question = make_question(alice, topics=["promotions"])
    answer = make_answer(question, bob)
    _credit(answer, 15, CreditReason.HELPFUL)
    _credit(answer, 10, CreditReason.ANSWER_LIKED, days_ago=20)
    _reputation(bob, 25)
    _reputation(charlie, 40)
    _reputation(alice, 0)
    found = experts.site_experts_all_time(10)
    assert _names(found) == ["charlie", "bob"]
    assert (found[1].points, found[1].answers, found[1].helpful, found[1].likes) == (25, 1, 1, 1)
    recent = experts.site_experts_recent(timezone.now(), 10)
    assert _names(recent) == ["bob"]
    assert (recent[0].points, recent[0].answers, recent[0].helpful) == (15, 1, 1)


def test_deleted_or_hidden_questions_do_not_count(alice: User, bob: User, mid: Topic) -> None:
    question = make_question(alice, topics=["mid-level"])
    answer = make_answer(question, bob)
    _credit(answer, 10, CreditReason.ANSWER_LIKED)
    Question.objects.filter(pk=question.pk).update(is_deleted=True)
    assert experts.topic_experts_recent(mid, timezone.now(), 10) == []


def test_lists_are_kept_for_a_time_bucket(
    bob: User, mid: Topic, monkeypatch: pytest.MonkeyPatch, django_assert_num_queries: object
) -> None:
    _standing(bob, mid, 5)
    monkeypatch.setattr(experts, "experts_bucket", lambda now=None: 1)
    assert _names(experts.experts_cached(experts.WINDOW_ALL, mid, 5)) == ["bob"]
    _standing(make_member("newcomer"), mid, 50)
    with django_assert_num_queries(0):  # type: ignore[operator]
        assert _names(experts.experts_cached(experts.WINDOW_ALL, mid, 5)) == ["bob"]
    monkeypatch.setattr(experts, "experts_bucket", lambda now=None: 2)
    assert _names(experts.experts_cached(experts.WINDOW_ALL, mid, 5)) == ["newcomer", "bob"]
