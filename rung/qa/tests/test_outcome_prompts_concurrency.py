"""Two workers claiming outcome prompts at once never claim one question twice.

Each thread has its own database connection. On PostgreSQL their transactions really
overlap, and a worker skips the rows another holds; on SQLite writers take turns (each
transaction begins IMMEDIATE), so the second waits for the first. Either way each question
is claimed once, which is what the tests assert.
"""

import datetime
import threading
from collections.abc import Callable

import pytest
from django.db import connection, transaction
from django.utils import timezone

from rung.accounts.models import User
from rung.qa.outcomes import outcome_prompts_due, outcome_prompts_mark
from rung.testing import make_question
from rung.testing.turns import turn

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _old_questions(author: User, count: int) -> list[int]:
    asked = timezone.now() - datetime.timedelta(weeks=60)
    return [make_question(author, created_at=asked).pk for _ in range(count)]


def _in_threads(*work: Callable[[], list[int]]) -> list[list[int]]:
    """Run each callable in a thread of its own, released together; return what each returned."""
    barrier = threading.Barrier(len(work))
    results: list[list[int] | BaseException] = [[] for _ in work]

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work[index]()
        except BaseException as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    errors = [result for result in results if isinstance(result, BaseException)]
    assert not errors, errors
    return results  # type: ignore[return-value]


def test_two_workers_running_the_prompt_loop_claim_each_question_once(alice: User) -> None:
    ids = _old_questions(alice, 60)
    now = timezone.now()

    def worker() -> list[int]:
        claimed: list[int] = []
        while True:
            with turn():
                due = outcome_prompts_due(now, limit=7)
                batch = outcome_prompts_mark(due, now) if due else []
            if not batch:
                break
            claimed += batch
        return claimed

    first, second = _in_threads(worker, worker)
    assert not set(first) & set(second)
    assert sorted(first + second) == sorted(ids)
    assert outcome_prompts_due(now) == []


def test_a_claim_held_by_one_worker_is_skipped_by_the_other(alice: User) -> None:
    """While the first worker's claim is uncommitted, the second claims none of those rows:
    PostgreSQL's second worker skips them at once, SQLite's waits for the first to commit."""
    ids = _old_questions(alice, 5)
    now = timezone.now()
    held, released = threading.Event(), threading.Event()

    def slow() -> list[int]:
        with turn(), transaction.atomic():
            claimed = outcome_prompts_mark(ids[:3], now)
            held.set()
            released.wait(30)
        return claimed

    def quick() -> list[int]:
        held.wait(30)
        # Let the first commit a moment after this claim began: on SQLite the claim waits
        # for the write lock until then; on PostgreSQL it is done before.
        timer = threading.Timer(0.5, released.set)
        timer.start()
        try:
            with turn():
                return outcome_prompts_mark(ids, now)
        finally:
            timer.join()

    slow_claimed, quick_claimed = _in_threads(slow, quick)
    assert slow_claimed == ids[:3]
    assert quick_claimed == ids[3:]
    # Once the first commits, nothing is left to claim.
    assert outcome_prompts_mark(ids, now) == []
