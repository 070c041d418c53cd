"""Badges: each rule awards once, from posts under the member's own name only.

Writes go through qa's services, and their events' on-commit handlers run the check in
the (inline) task backend, as the worker would.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command

from rung.accounts.models import User
from rung.qa import events, services
from rung.qa.models import Answer, Outcome, OutcomeKind, Question, Topic
from rung.reputation import badges
from rung.reputation.badge_tasks import badges_check_outcome
from rung.reputation.models import BadgeAward
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]


def _held(member: User) -> dict[str, BadgeAward]:
    return {award.badge: award for award in BadgeAward.objects.filter(member=member)}


def _answers(question: Question, author: User, count: int, **fields: Any) -> list[Answer]:
    return [make_answer(question, author, **fields) for _ in range(count)]


def test_every_badge_has_a_unique_code_a_name_a_description_and_a_tier() -> None:
    codes = [badge.code for badge in badges.BADGES]
    assert len(codes) == len(set(codes)) >= 10
    for badge in badges.BADGES:
        assert len(badge.code) <= 40
        assert str(badge.name) and str(badge.description) and badge.glyph
        assert badge.tier in {"bronze", "silver", "gold"}
    assert {"first_answer", "helpful_10", "promotion", "across_languages"} <= set(codes)


def test_first_question_and_answer_are_awarded_after_the_write_commits(
    alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        question = make_question(alice)
    assert set(_held(alice)) == {"first_question"}
    assert _held(alice)["first_question"].question_id == question.pk
    with django_capture_on_commit_callbacks(execute=True):
        answer = make_answer(question, bob)
        make_answer(question, bob)
    award = _held(bob)["first_answer"]
    assert award.answer_id == answer.pk
    assert award.question_id is None


def test_a_badge_is_never_awarded_twice_however_often_it_is_checked(
    alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    question = make_question(alice)
    with django_capture_on_commit_callbacks(execute=True):
        _answers(question, bob, 3)
    assert badges.badges_check(bob) == []
    call_command("badges_award", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("badges_award", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert BadgeAward.objects.filter(member=bob, badge="first_answer").count() == 1


def test_anonymous_posts_never_earn_a_badge(
    alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        secret = make_question(alice, is_anonymous=True)
        mine = make_answer(secret, alice, body="Following up on my own question.")
    Question.objects.filter(pk=secret.pk).update(accepted_answer=mine, like_count=50)
    Answer.objects.filter(pk=mine.pk).update(like_count=50)
    outcome = Outcome.objects.create(question=secret, kind=OutcomeKind.PROMOTED)
    outcome.helped_answers.add(mine)
    badges_check_outcome.call(secret.pk)
    assert badges.badges_check(alice) == []
    assert _held(alice) == {}


def test_a_check_after_an_anonymous_post_awards_nothing_even_when_earlier_posts_earned_it(
    alice: User, django_capture_on_commit_callbacks: Capture
) -> None:
    """The award's time would point at the anonymous post: it waits for a public one."""
    public = make_question(alice)
    BadgeAward.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        make_question(alice, is_anonymous=True)
    assert _held(alice) == {}
    with django_capture_on_commit_callbacks(execute=True):
        make_answer(public, alice)
    assert set(_held(alice)) == {"first_question", "first_answer"}


def test_answering_someone_elses_anonymous_question_counts(
    alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    secret = make_question(alice, is_anonymous=True)
    with django_capture_on_commit_callbacks(execute=True):
        answer = make_answer(secret, bob)
    assert _held(bob)["first_answer"].answer_id == answer.pk


def test_held_hidden_and_deleted_posts_do_not_count(alice: User, bob: User) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    Answer.objects.filter(pk=answer.pk).update(visibility="held")
    Question.objects.filter(pk=question.pk).update(is_deleted=True)
    assert badges.badges_check(bob) == []
    assert badges.badges_check(alice) == []


def test_first_helpful_and_ten_helpful_answers(
    alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    answers = []
    for _ in range(10):
        question = make_question(alice)
        answer = make_answer(question, bob)
        answers.append(answer)
    BadgeAward.objects.all().delete()
    for answer in answers[:9]:
        with django_capture_on_commit_callbacks(execute=True):
            services.answer_mark_helpful(question=answer.question, answer=answer, actor=alice)
    held = _held(bob)
    assert held["first_helpful"].answer_id == answers[0].pk
    assert "helpful_10" not in held
    with django_capture_on_commit_callbacks(execute=True):
        services.answer_mark_helpful(question=answers[9].question, answer=answers[9], actor=alice)
    assert _held(bob)["helpful_10"].answer_id == answers[9].pk


def test_good_answer_needs_ten_likes_on_one_answer(
    alice: User, bob: User, django_capture_on_commit_callbacks: Capture
) -> None:
    question = make_question(alice)
    first, second = _answers(question, bob, 2)
    Answer.objects.filter(pk=first.pk).update(like_count=9)
    assert "good_answer" not in badges.badges_check(bob)
    likers = [make_member() for _ in range(10)]
    for member in likers:
        with django_capture_on_commit_callbacks(execute=True):
            services.like_toggle(user=member, target=second)
    assert _held(bob)["good_answer"].answer_id == second.pk


@pytest.mark.parametrize(
    ("kind", "badge"), [(OutcomeKind.PROMOTED, "promotion"), (OutcomeKind.OFFER_ACCEPTED, "offer")]
)
def test_an_answer_that_helped_a_promotion_or_an_offer(
    kind: str,
    badge: str,
    alice: User,
    bob: User,
    charlie: User,
    django_capture_on_commit_callbacks: Capture,
) -> None:
    question = make_question(alice)
    helped = make_answer(question, bob)
    make_answer(question, charlie)
    outcome = Outcome.objects.create(question=question, kind=kind)
    outcome.helped_answers.add(helped)
    with django_capture_on_commit_callbacks(execute=True):
        events.publish(
            events.OutcomePosted(
                question_id=question.pk,
                actor_id=alice.pk,
                author_id=alice.pk,
                outcome_id=outcome.pk,
                outcome_kind=kind,
                edited=False,
            )
        )
    assert _held(bob)[badge].answer_id == helped.pk
    assert badge not in _held(charlie)
    assert _held(alice)["outcome_shared"].question_id == question.pk


def test_an_outcome_that_is_still_in_progress_earns_only_closing_the_loop(
    alice: User, bob: User
) -> None:
    question = make_question(alice)
    helped = make_answer(question, bob)
    outcome = Outcome.objects.create(question=question, kind=OutcomeKind.STILL_WORKING)
    outcome.helped_answers.add(helped)
    badges_check_outcome.call(question.pk)
    assert "outcome_shared" in _held(alice)
    assert not {"promotion", "offer"} & set(_held(bob))


def test_an_outcome_on_an_anonymous_question_helps_the_answerer_not_the_asker(
    alice: User, bob: User
) -> None:
    secret = make_question(alice, is_anonymous=True)
    helped = make_answer(secret, bob)
    outcome = Outcome.objects.create(question=secret, kind=OutcomeKind.PROMOTED)
    outcome.helped_answers.add(helped)
    badges_check_outcome.call(secret.pk)
    assert "promotion" in _held(bob)
    assert "outcome_shared" not in _held(alice)


def test_answers_in_english_and_chinese(alice: User, bob: User) -> None:
    question = make_question(alice)
    english = make_answer(question, bob, body="Write down what you own.")
    assert "across_languages" not in badges.badges_check(bob)
    chinese = make_answer(question, bob, body="把你负责的系统写下来，每个月和经理一起回顾。")
    Answer.objects.filter(pk=english.pk).update(language="en")
    Answer.objects.filter(pk=chinese.pk).update(language="zh-hans")
    assert "across_languages" in badges.badges_check(bob)
    assert _held(bob)["across_languages"].answer_id == chinese.pk


def test_mentor_answers_at_three_career_levels(alice: User, bob: User) -> None:
    levels = list(Topic.objects.filter(kind=Topic.Kind.LEVEL).order_by("pk")[:3])
    assert len(levels) == 3
    answers = [make_answer(make_question(alice, topics=[t.slug]), bob) for t in levels[:2]]
    answers.append(make_answer(answers[0].question, bob))
    assert "mentor" not in badges.badges_check(bob)
    third = make_answer(make_question(alice, topics=[levels[2].slug]), bob)
    assert "mentor" in badges.badges_check(bob)
    assert _held(bob)["mentor"].answer_id == third.pk


def test_a_badge_stays_when_the_post_that_earned_it_is_deleted(alice: User, bob: User) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    assert badges.badges_check(bob) == ["first_answer"]
    services.answer_delete(answer=answer, actor=bob)
    assert badges.badges_check(bob) == []
    assert set(_held(bob)) == {"first_answer"}
