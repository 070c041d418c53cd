"""Two checks of one member at once award each badge once.

Both threads evaluate the rules before either inserts (a barrier inside a rule), so both
try to insert the same badge: the unique constraint keeps one row, and the loser's insert
is ignored rather than failing the task. On PostgreSQL the inserts really overlap; on
SQLite's shared in-memory test database they take turns (rung/testing/turns.py).
"""

import threading
from typing import Any

import pytest
from django.db import connection

from rung.accounts.models import User
from rung.reputation import badges
from rung.reputation.models import BadgeAward
from rung.testing import make_answer, make_question
from rung.testing.turns import turn

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_checks_at_once_award_a_badge_once(
    alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_answer(make_question(alice), bob)
    BadgeAward.objects.all().delete()
    barrier = threading.Barrier(2)
    first_answer = badges.BADGES_BY_CODE["first_answer"]

    def rule_then_wait(member: User) -> badges.Earned | None:
        earned = first_answer.rule(member)
        barrier.wait(30)
        return earned

    racing = badges.Badge(
        first_answer.code,
        first_answer.name,
        first_answer.description,
        first_answer.glyph,
        first_answer.tier,
        rule_then_wait,
    )
    monkeypatch.setattr(badges, "BADGES", (racing,))
    insert = BadgeAward.objects.bulk_create

    def insert_in_turn(*args: Any, **kwargs: Any) -> Any:
        with turn():
            return insert(*args, **kwargs)

    monkeypatch.setattr(BadgeAward.objects, "bulk_create", insert_in_turn)
    results: list[Any] = [None, None]

    def run(index: int) -> None:
        try:
            results[index] = badges.badges_check(User.objects.get(pk=bob.pk))
        except BaseException as error:
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results == [["first_answer"], ["first_answer"]]
    assert BadgeAward.objects.filter(member=bob, badge="first_answer").count() == 1
