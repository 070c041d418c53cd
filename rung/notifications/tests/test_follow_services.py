"""The follow and bookmark writes, and the reads behind the Following and Saved pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rung.accounts.models import User
from rung.notifications import selectors_follow, services
from rung.notifications.models import Bookmark, Follow, WatchLevel
from rung.qa import services as qa_services
from rung.qa.models import Question, Topic
from rung.testing import make_answer, make_question

pytestmark = pytest.mark.django_db


def test_follow_set_keeps_one_row_per_target_and_clears_automatic(
    alice: User, question: Question
) -> None:
    services.watch_automatically(alice.pk, question.pk)
    assert Follow.objects.get(user=alice, question=question).automatic
    services.follow_set(alice, level=WatchLevel.MUTED, question=question)
    services.follow_set(alice, level=WatchLevel.WATCHING, question=question)
    follow = Follow.objects.get(user=alice, question=question)
    assert (follow.level, follow.automatic) == ("watching", False)
    services.follow_set(alice, level=None, question=question)
    assert not Follow.objects.filter(user=alice).exists()


def test_follow_set_refuses_oneself_and_two_targets(alice: User, question: Question) -> None:
    with pytest.raises(ValueError):
        services.follow_set(alice, level=WatchLevel.WATCHING, member=alice)
    with pytest.raises(ValueError):
        services.follow_set(
            alice,
            level=WatchLevel.WATCHING,
            question=question,
            topic=Topic.objects.get(slug="mid-level"),
        )


def test_bookmark_set_and_remove(alice: User, bob: User, question: Question) -> None:
    answer = make_answer(question, bob)
    assert services.bookmark_set(alice, saved=True, answer=answer) is True
    assert services.bookmark_set(alice, saved=True, answer=answer) is True
    bookmark = Bookmark.objects.get(user=alice)
    assert services.bookmark_remove(bob, bookmark.pk) is False
    assert services.bookmark_remove(alice, bookmark.pk) is True
    assert services.bookmark_remove(alice, bookmark.pk) is False


def test_question_state_reads_follow_and_saved_posts_in_one_query(
    alice: User, bob: User, question: Question
) -> None:
    answers = [make_answer(question, bob) for _ in range(3)]
    elsewhere = make_answer(make_question(bob), bob)
    services.bookmark_set(alice, saved=True, answer=answers[0])
    services.bookmark_set(alice, saved=True, answer=answers[2])
    services.bookmark_set(alice, saved=True, answer=elsewhere)
    services.bookmark_set(alice, saved=True, question=question)
    services.watch_automatically(alice.pk, question.pk)
    with CaptureQueriesContext(connection) as ctx:
        state = selectors_follow.question_state(alice, question.pk)
    assert len(ctx.captured_queries) == 1
    assert state.level == "watching" and state.automatic
    assert state.question_saved
    assert state.saved_answers == {answers[0].pk, answers[2].pk}
    empty = selectors_follow.question_state(bob, question.pk)
    assert empty == selectors_follow.QuestionState()


def test_followed_questions_leave_out_deleted_ones(
    alice: User, bob: User, question: Question
) -> None:
    gone = make_question(bob, title="Soon deleted")
    services.follow_set(alice, level=WatchLevel.WATCHING, question=question)
    services.follow_set(alice, level=WatchLevel.WATCHING, question=gone)
    qa_services.question_delete(question=gone, actor=bob)
    page = selectors_follow.followed_questions(alice)
    assert [follow.question_id for follow in page.rows] == [question.pk]
    assert page.next_before is None


def test_muted_topic_ids_are_the_members_muted_topics_only(alice: User, bob: User) -> None:
    promotions = Topic.objects.get(slug="promotions")
    services.follow_set(alice, level=WatchLevel.MUTED, topic=promotions)
    services.follow_set(alice, level=WatchLevel.WATCHING, topic=Topic.objects.get(slug="mid-level"))
    services.follow_set(bob, level=WatchLevel.MUTED, topic=Topic.objects.get(slug="mid-level"))
    assert selectors_follow.muted_topic_ids(alice) == [promotions.pk]


@pytest.mark.parametrize(
    "raw", ["abc", "1", "1.2.3", "１２.3", "9" * 19 + ".1", "999999999999999999.1"]
)
def test_a_saved_page_cursor_that_is_not_ours_is_refused(raw: str) -> None:
    assert selectors_follow.bookmark_cursor_parse(raw) is False


def test_a_saved_page_cursor_round_trips(alice: User, question: Question) -> None:
    services.bookmark_set(alice, saved=True, question=question)
    bookmark = Bookmark.objects.get(user=alice)
    cursor = selectors_follow._cursor(bookmark)
    assert selectors_follow.bookmark_cursor_parse(cursor) == (bookmark.created_at, bookmark.pk)
