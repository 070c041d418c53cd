"""qa announces every write as a typed event; subscribers run in the transaction or after it."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import transaction

from rung.accounts.models import User
from rung.qa import events, services
from rung.qa.events import (
    AnswerDeleted,
    AnswerEdited,
    AnswerPosted,
    HelpfulMarked,
    LanguageCorrected,
    PostEvent,
    PostLiked,
    QuestionAsked,
    QuestionDeleted,
    QuestionEdited,
)
from rung.qa.models import Question
from rung.testing import make_answer, make_card, make_question

pytestmark = pytest.mark.django_db

ALL_EVENTS: list[type[PostEvent]] = [
    QuestionAsked,
    QuestionEdited,
    QuestionDeleted,
    AnswerPosted,
    AnswerEdited,
    AnswerDeleted,
    PostLiked,
    HelpfulMarked,
    LanguageCorrected,
]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[PostEvent]]:
    """Record every event published, inside the transaction, next to the real subscribers."""
    seen: list[PostEvent] = []
    registry = {key: list(value) for key, value in events._subscribers.items()}
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list, registry))
    for event_type in ALL_EVENTS:
        events.subscribe(event_type, seen.append, in_transaction=True)
    yield seen


def test_each_write_announces_what_happened(
    heard: list[PostEvent], alice: User, bob: User, charlie: User
) -> None:
    question = make_question(alice)
    answer = make_answer(question, bob)
    reply = make_answer(question, charlie, parent=answer)
    services.answer_edit(answer=answer, editor=bob, body="Own the migration, end to end.")
    services.like_toggle(user=charlie, target=answer)
    services.answer_mark_helpful(question=question, answer=answer, actor=alice)
    services.post_language_set(post=reply, actor=charlie, language="zh-hans")
    services.question_edit(
        question=question,
        editor=alice,
        title=question.title,
        body=question.body,
        topics=list(question.topics.all()),
        card=make_card(),
        is_anonymous=False,
    )
    services.answer_delete(answer=reply, actor=charlie)
    services.question_delete(question=question, actor=alice)
    q = question.pk
    assert heard == [
        QuestionAsked(question_id=q, actor_id=alice.pk, author_id=alice.pk),
        AnswerPosted(
            question_id=q, actor_id=bob.pk, author_id=bob.pk, answer_id=answer.pk, parent_id=None
        ),
        AnswerPosted(
            question_id=q,
            actor_id=charlie.pk,
            author_id=charlie.pk,
            answer_id=reply.pk,
            parent_id=answer.pk,
        ),
        AnswerEdited(
            question_id=q, actor_id=bob.pk, author_id=bob.pk, answer_id=answer.pk, parent_id=None
        ),
        PostLiked(
            question_id=q,
            actor_id=charlie.pk,
            author_id=bob.pk,
            kind="answer",
            post_id=answer.pk,
            liked=True,
            like_count=1,
        ),
        HelpfulMarked(
            question_id=q, actor_id=alice.pk, author_id=bob.pk, answer_id=answer.pk, marked=True
        ),
        LanguageCorrected(
            question_id=q,
            actor_id=charlie.pk,
            author_id=charlie.pk,
            kind="reply",
            post_id=reply.pk,
            language="zh-hans",
        ),
        QuestionEdited(question_id=q, actor_id=alice.pk, author_id=alice.pk, text_changed=False),
        AnswerDeleted(
            question_id=q,
            actor_id=charlie.pk,
            author_id=charlie.pk,
            answer_id=reply.pk,
            parent_id=answer.pk,
        ),
        QuestionDeleted(question_id=q, actor_id=alice.pk, author_id=alice.pk),
    ]


def test_a_repeated_submit_announces_nothing_new(heard: list[PostEvent], alice: User) -> None:
    import uuid

    token = uuid.uuid4()
    first = make_question(alice, submit_token=token)
    again = make_question(alice, submit_token=token, title=first.title, body=first.body)
    assert again.pk == first.pk
    assert heard == [QuestionAsked(question_id=first.pk, actor_id=alice.pk, author_id=alice.pk)]


def test_an_in_transaction_subscriber_that_fails_undoes_the_write(
    heard: list[PostEvent], alice: User
) -> None:
    def refuse(event: QuestionAsked) -> None:
        raise RuntimeError("held for review")

    events.subscribe(QuestionAsked, refuse, in_transaction=True)
    before = Question.objects.count()
    with pytest.raises(RuntimeError, match="held for review"):
        make_question(alice)
    assert Question.objects.count() == before


def test_after_commit_subscribers_run_once_committed_and_never_after_a_rollback(
    heard: list[PostEvent],
    alice: User,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    later: list[PostEvent] = []
    events.subscribe(QuestionAsked, later.append)
    with django_capture_on_commit_callbacks(execute=True):
        question = make_question(alice)
        assert later == []  # not before the commit
    assert later == [QuestionAsked(question_id=question.pk, actor_id=alice.pk, author_id=alice.pk)]

    later.clear()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_question(alice)
        raise RuntimeError("the request failed after posting")
    assert later == [] and callbacks == []


def test_subscribing_twice_is_one_subscription(heard: list[PostEvent]) -> None:
    def handler(event: QuestionAsked) -> None:
        pass

    events.subscribe(QuestionAsked, handler)
    events.subscribe(QuestionAsked, handler)
    assert [entry for entry in events.subscribers(QuestionAsked) if entry[0] is handler] == [
        (handler, False)
    ]


def test_search_and_languages_subscribe_from_their_own_apps() -> None:
    """qa imports neither: they listen, inside the transaction, to what changes them."""
    from rung.languages import post_languages
    from rung.search import indexing

    index = indexing._on_post_event
    for event_type in (QuestionAsked, QuestionEdited, QuestionDeleted, AnswerPosted):
        assert (index, True) in events.subscribers(event_type)
    assert (post_languages.on_question_asked, True) in events.subscribers(QuestionAsked)
    assert (post_languages.on_answer_written, True) in events.subscribers(AnswerPosted)
