"""Posting never waits for the fan-out: it only hands the worker a task."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rung.accounts.models import User
from rung.notifications import tasks
from rung.notifications.models import Follow, WatchLevel
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def enqueue(self, *args: Any) -> None:
        self.calls.append(args)


def test_an_answer_costs_the_same_with_ten_thousand_watchers_as_with_none(
    alice: User,
    bob: User,
    monkeypatch: pytest.MonkeyPatch,
    django_capture_on_commit_callbacks: Callable[..., AbstractContextManager[Any]],
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(tasks, "answer_posted", recorder)
    quiet, busy = make_question(alice), make_question(alice)
    members = [make_member(f"watcher{i}") for i in range(3)]
    # Ten thousand watchers of one question, each a member row of their own, made in bulk.
    many = User.objects.bulk_create(
        User(username=f"w{i}", email=f"w{i}@example.com", display_name=f"W {i}")
        for i in range(10_000)
    )
    Follow.objects.bulk_create(
        Follow(user=m, question=busy, level=WatchLevel.WATCHING) for m in [*many, *members]
    )

    def posting(question: Any) -> list[str]:
        with (
            CaptureQueriesContext(connection) as queries,
            django_capture_on_commit_callbacks(execute=True),
        ):
            make_answer(question, bob)
        return [q["sql"] for q in queries.captured_queries]

    posting(make_question(alice))  # warm what is read once per process
    busy_sql, quiet_sql = posting(busy), posting(quiet)
    # The request reads no follower and writes no notice: it only enqueues the task. (Query
    # counts may differ by one between two posts for reasons of their own, such as the
    # posting limits' cache housekeeping, so the watchers' tables are what is checked.)
    for sql in (*busy_sql, *quiet_sql):
        assert "notifications_follow" not in sql and "notifications_notification" not in sql
    assert abs(len(busy_sql) - len(quiet_sql)) <= 1
    assert len(recorder.calls) == 3
