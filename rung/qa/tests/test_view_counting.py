"""Views count once per viewer per question per day, bots excluded, buffered off the request."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from rung.accounts.models import User
from rung.qa import view_counter
from rung.qa.models import Question, QuestionView

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/150.0"


def _views(question: Question) -> int:
    question.refresh_from_db()
    return question.view_count


def test_member_counts_once_per_day(question: Question, bob_client: Client) -> None:
    for _ in range(3):
        bob_client.get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(question) == 1


def test_anonymous_visitor_is_recognised_by_cookie(question: Question) -> None:
    visitor = Client()
    first = visitor.get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert view_counter.VISITOR_COOKIE in first.cookies
    visitor.get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(question) == 1
    Client().get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(question) == 2


@pytest.mark.parametrize(
    "agent",
    ["", "Googlebot/2.1", "curl/8.5", "python-requests/2.32", "Mozilla/5.0 HeadlessChrome/120"],
)
def test_obvious_bots_are_not_counted(question: Question, agent: str) -> None:
    Client().get(question.get_absolute_url(), HTTP_USER_AGENT=agent)
    assert _views(question) == 0


def test_a_new_day_counts_again(question: Question, bob: User) -> None:
    key = view_counter.viewer_key_for_user(bob)
    QuestionView.objects.create(
        question=question, viewer=key, day=timezone.localdate() - timedelta(days=1)
    )
    client = Client()
    client.force_login(bob)
    client.get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert _views(question) == 1
    assert view_counter.prune_views(keep_days=0) == 1


def test_buffered_views_write_nothing_until_flushed(
    question: Question, bob_client: Client, buffered_views: None, django_assert_num_queries: object
) -> None:
    bob_client.get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    Client().get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert view_counter.pending_count() == 2
    assert _views(question) == 0
    assert not QuestionView.objects.exists()
    assert view_counter.flush_views() == 2
    assert _views(question) == 2
    # A second flush of the same viewers (another worker, say) adds nothing.
    bob_client.get(question.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert view_counter.flush_views() == 0
    assert _views(question) == 2


def test_a_full_buffer_wakes_the_flusher_and_the_page_view_writes_nothing(
    alice: User, buffered_views: None, django_assert_num_queries: Any
) -> None:
    """The view that fills the buffer signals the flusher instead of taking the write lock.

    It used to write the buffer itself, so one page view in 500 new views waited for
    SQLite's write lock (bench/views.py: 23 ms at 200 views a second, longer behind another
    writer). The flusher writes the buffer, in batches, the moment it is woken.
    """
    from rung.testing import make_question

    questions = [make_question(alice) for _ in range(3)]
    view_counter._wake.clear()
    with django_assert_num_queries(0):
        for n in range(499):
            view_counter.record_view(questions[n % 3].pk, f"viewer-{n}")
        assert not view_counter._wake.is_set()
        for n in range(499, 700):
            view_counter.record_view(questions[n % 3].pk, f"viewer-{n}")
    assert view_counter._wake.is_set(), "the 500th view woke the flusher"
    assert view_counter.pending_count() == 700
    assert sum(_views(q) for q in questions) == 0
    assert view_counter.flush_views() == 700
    assert sorted(_views(q) for q in questions) == [233, 233, 234]


def test_the_flush_cycle_prunes_old_dedupe_rows_once_an_hour(
    question: Question, buffered_views: None
) -> None:
    old_day = timezone.localdate() - timedelta(days=5)
    QuestionView.objects.create(question=question, viewer="old", day=old_day)
    view_counter.record_view(question.pk, "today")
    pruned_at = view_counter.flush_cycle(last_prune=None)
    assert pruned_at is not None
    assert list(QuestionView.objects.values_list("viewer", flat=True)) == ["today"]
    assert _views(question) == 1
    QuestionView.objects.create(question=question, viewer="old-again", day=old_day)
    assert view_counter.flush_cycle(last_prune=pruned_at) == pruned_at
    assert QuestionView.objects.filter(viewer="old-again").exists(), "not an hour yet"
