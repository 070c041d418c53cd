"""Similar questions worked out by the worker and kept: pages read them without a vector search."""

import datetime
import threading
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from rung.accounts.models import User
from rung.notifications import due_work
from rung.qa import services
from rung.qa.models import Question
from rung.search import selectors, similar
from rung.search.models import Embedding, SimilarList
from rung.search.selectors import similar_questions, similar_questions_kept
from rung.search.tests.evalset import PAIRS
from rung.search.vectors import VectorIndex
from rung.testing import make_card, make_question


def _no_vector_search(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a page searched the vectors")

    monkeypatch.setattr(VectorIndex, "nearest", refused)


def _live(question: Question) -> list[Question]:
    """The list as worked out while reading, with no kept list."""
    SimilarList.objects.filter(question=question).delete()
    cache.clear()
    return similar_questions(question)


@pytest.fixture
def pairs(alice: User, bob: User) -> list[tuple[Question, Question]]:
    return [
        (
            make_question(alice, title=pair.en.title, body=pair.en.body),
            make_question(bob, title=pair.zh.title, body=pair.zh.body),
        )
        for pair in PAIRS[:12]
    ]


@pytest.mark.django_db
def test_pages_read_the_kept_list_which_is_the_list_worked_out_live(
    pairs: list[tuple[Question, Question]], monkeypatch: pytest.MonkeyPatch, client: Client
) -> None:
    questions = [question for pair in pairs for question in pair]
    assert SimilarList.objects.count() == len(questions)
    kept: dict[int, list[int]] = {}
    with monkeypatch.context() as patched:
        _no_vector_search(patched)
        for question in questions:
            cache.clear()
            kept[question.pk] = [q.pk for q in similar_questions(question)]
        english, chinese = pairs[0]
        cache.clear()
        page = client.get(english.get_absolute_url()).content.decode()
        assert chinese.get_absolute_url() in page
    # Each question's translation is among its kept similar questions, as it is live.
    assert sum(zh.pk in kept[en.pk] for en, zh in pairs) >= len(pairs) - 1
    for question in questions:
        assert kept[question.pk] == [q.pk for q in _live(question)], question.title


@pytest.mark.django_db
def test_a_question_asked_later_shows_under_the_ones_it_is_near(
    alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = make_question(
        alice,
        title="How do I prepare for my first promotion committee?",
        body="The committee reads my packet next month and I have never presented to them.",
    )
    make_question(bob, title="Which laptop is best for Rust?", body="Compile times matter.")
    before = SimilarList.objects.get(question=earlier).updated_at
    later = make_question(
        bob,
        title="第一次参加晋升委员会评审，应该怎么准备？",
        body="委员会下个月会审阅我的材料，我从来没有在他们面前做过陈述。",
    )
    kept = SimilarList.objects.get(question=earlier)
    assert later.pk in [int(qid) for qid, _score in kept.neighbours]
    # Placed in the earlier list; not worked out again.
    assert kept.updated_at == before
    scores = [score for _qid, score in kept.neighbours]
    assert scores == sorted(scores, reverse=True)
    _no_vector_search(monkeypatch)
    earlier.refresh_from_db()
    assert later in similar_questions(earlier)


@pytest.mark.django_db
def test_an_edit_works_out_the_list_again_and_a_list_for_another_vector_is_not_read(
    alice: User, bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_question(alice, title="Burnout from on-call rotations", body="Every week.")
    second = make_question(bob, title="On-call burnout is wearing my team down", body="Help.")
    third = make_question(bob, title="How do I negotiate a raise?", body="Offer in hand.")
    services.question_edit(
        question=first,
        editor=alice,
        title="How do I ask for a raise with a competing offer?",
        body="I have an offer in hand and want my manager to match it.",
        topics=list(first.topics.all()),
        card=make_card(),
        is_anonymous=False,
    )
    first.refresh_from_db()
    kept = SimilarList.objects.get(question=first)
    vector = Embedding.objects.get(question=first)
    assert kept.text_hash == vector.text_hash
    assert [int(qid) for qid, _s in kept.neighbours][:1] == [third.pk]
    assert second not in similar_questions(first)[:1]
    # A list kept for another vector of the question is not read: the list is worked out.
    SimilarList.objects.filter(question=first).update(neighbours=[[second.pk, 0.99]])
    Embedding.objects.filter(question=first).update(text_hash="another text")
    cache.clear()
    searched: list[int] = []
    nearest = VectorIndex.nearest

    def watched(self: VectorIndex, *args: Any, **kwargs: Any) -> Any:
        searched.append(1)
        return nearest(self, *args, **kwargs)

    monkeypatch.setattr(VectorIndex, "nearest", watched)
    similar_questions(first)
    assert searched


@pytest.mark.django_db
def test_hidden_questions_in_a_kept_list_are_not_shown(
    pairs: list[tuple[Question, Question]], bob: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    english, chinese = pairs[0]
    assert chinese in similar_questions(english)
    services.question_delete(question=chinese, actor=bob)
    english.refresh_from_db()
    _no_vector_search(monkeypatch)
    assert chinese.pk in [int(q) for q, _s in SimilarList.objects.get(question=english).neighbours]
    assert chinese not in similar_questions(english)
    listed, _seconds = similar_questions_kept(english)
    assert all(q.is_published and not q.is_deleted for q in listed)


@pytest.mark.django_db
def test_the_daily_work_refreshes_old_lists_and_drops_those_with_no_vector(
    pairs: list[tuple[Question, Question]],
) -> None:
    (english, chinese), (other, _zh) = pairs[0], pairs[1]
    now = timezone.now()
    old = now - similar.REFRESH_AFTER - datetime.timedelta(minutes=1)
    SimilarList.objects.filter(question__in=[english, other]).update(updated_at=old, neighbours=[])
    Embedding.objects.filter(question=other).delete()
    report = due_work.run_due(now)
    assert report["rung.search.similar.similar_lists_refresh"] == 1
    refreshed = SimilarList.objects.get(question=english)
    assert refreshed.updated_at > old
    assert chinese.pk in [int(q) for q, _s in refreshed.neighbours]
    assert not SimilarList.objects.filter(question=other).exists()
    assert due_work.run_due(now)["rung.search.similar.similar_lists_refresh"] == 0


@pytest.mark.django_db
def test_search_rebuild_works_out_missing_lists_and_every_list_without_missing(
    pairs: list[tuple[Question, Question]],
) -> None:
    english, chinese = pairs[0]
    SimilarList.objects.filter(question=english).delete()
    SimilarList.objects.filter(question=chinese).update(neighbours=[])
    call_command("search_rebuild", "--missing", verbosity=0)
    assert chinese.pk in [int(q) for q, _s in SimilarList.objects.get(question=english).neighbours]
    assert SimilarList.objects.get(question=chinese).neighbours == []
    call_command("search_rebuild", verbosity=0)
    assert english.pk in [int(q) for q, _s in SimilarList.objects.get(question=chinese).neighbours]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_questions_placed_in_one_list_at_the_same_time_all_get_in(
    pairs: list[tuple[Question, Question]],
) -> None:
    """On PostgreSQL the workers' transactions overlap; each list is read under a row lock.

    On SQLite the test database is one connection, so the placements run one at a time.
    """
    target = pairs[0][0]
    SimilarList.objects.filter(question=target).update(neighbours=[])
    arrivals = [question.pk for pair in pairs[1:9] for question in pair][:8]
    concurrent = connection.vendor == "postgresql"
    barrier = threading.Barrier(len(arrivals)) if concurrent else None
    errors: list[BaseException] = []

    def place(question_id: int) -> None:
        try:
            if barrier is not None:
                barrier.wait()
            similar._place({target.pk: [(question_id, 0.5 + question_id / 1e6)]})
        except BaseException as error:
            errors.append(error)
        finally:
            if concurrent:
                connections.close_all()

    if concurrent:
        threads = [threading.Thread(target=place, args=(qid,)) for qid in arrivals]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    else:
        for qid in arrivals:
            place(qid)
    assert not errors, errors
    kept = SimilarList.objects.get(question=target).neighbours
    assert sorted(int(q) for q, _s in kept) == sorted(arrivals)
    assert len(arrivals) <= selectors.SIMILAR_KEPT
