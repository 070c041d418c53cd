"""@mentions in questions, answers and replies: stored as links, announced as events."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from rung.accounts.models import User
from rung.qa import events, services
from rung.qa.events import MembersMentioned
from rung.qa.mentions import MENTIONS_ANNOUNCED
from rung.qa.models import Question
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def mentioned(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[MembersMentioned]]:
    """Record every MembersMentioned published, after the commit as subscribers get it."""
    seen: list[MembersMentioned] = []
    registry = {key: list(value) for key, value in events._subscribers.items()}
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list, registry))
    events.subscribe(MembersMentioned, seen.append)
    yield seen


@pytest.fixture
def commits(django_capture_on_commit_callbacks: Any) -> Any:
    """Run on-commit callbacks as the test's writes commit (the test itself never does)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_question_mentioning_members_links_them_and_says_so(
    alice: User, bob: User, charlie: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    with commits():
        question = make_question(alice, body="What would @bob say? And @charlie, and @nobody?")
    assert f'<a class="mention" href="{bob.get_absolute_url()}"' in question.body_html
    assert f'href="{charlie.get_absolute_url()}"' in question.body_html
    assert "@nobody" in question.body_html and "/members/nobody/" not in question.body_html
    assert mentioned == [
        MembersMentioned(
            question_id=question.pk,
            actor_id=alice.pk,
            author_id=alice.pk,
            kind="question",
            post_id=question.pk,
            user_ids=(bob.pk, charlie.pk),
        )
    ]


def test_answers_and_replies_announce_their_mentions(
    question: Question,
    alice: User,
    bob: User,
    charlie: User,
    mentioned: list[MembersMentioned],
    commits: Any,
) -> None:
    with commits():
        answer = make_answer(question, bob, body="I agree with @charlie here.")
        reply = make_answer(question, alice, parent=answer, body="Thanks @bob and @Charlie!")
    assert [(e.kind, e.post_id, e.user_ids, e.actor_id) for e in mentioned] == [
        ("answer", answer.pk, (charlie.pk,), bob.pk),
        ("reply", reply.pk, (bob.pk, charlie.pk), alice.pk),
    ]
    assert all(event.question_id == question.pk for event in mentioned)


def test_mentioning_oneself_tells_no_one(
    alice: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    with commits():
        question = make_question(alice, body="Note to self, @alice: ask again in May.")
    assert 'class="mention"' in question.body_html
    assert mentioned == []


def test_mentions_in_code_are_neither_linked_nor_announced(
    alice: User, bob: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    body = "Run `git log --author=@bob`:\n\n```\n@bob wrote this\n```\n\n    @bob again\n"
    with commits():
        question = make_question(alice, body=body)
    assert 'class="mention"' not in question.body_html
    assert mentioned == []


def test_inactive_members_are_neither_linked_nor_told(
    alice: User, bob: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    bob.is_active = False
    bob.save(update_fields=["is_active"])
    with commits():
        question = make_question(alice, body="@bob, are you there?")
    assert 'class="mention"' not in question.body_html
    assert mentioned == []


def test_at_most_ten_members_are_told_of_one_post(
    alice: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    crowd = [make_member(f"peer{i:02d}") for i in range(MENTIONS_ANNOUNCED + 5)]
    body = "Calling " + ", ".join(f"@{member.username}" for member in crowd)
    with commits():
        question = make_question(alice, body=body)
    # Every mention is a link; the first ten mentioned are told.
    assert question.body_html.count('class="mention"') == len(crowd)
    [event] = mentioned
    assert event.user_ids == tuple(member.pk for member in crowd[:MENTIONS_ANNOUNCED])


def test_an_edit_tells_only_the_members_newly_mentioned(
    alice: User, bob: User, charlie: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    question = make_question(alice, body="What would @bob do?")
    answer = make_answer(question, bob, body="Ask @alice's manager.")
    mentioned.clear()
    with commits():
        services.question_edit(
            question=question,
            editor=alice,
            title=question.title,
            body="What would @bob do? Or @charlie?",
            topics=list(question.topics.all()),
            card=services.ContextCard(),
            is_anonymous=False,
        )
        services.answer_edit(answer=answer, editor=bob, body="Ask @alice's manager, or @charlie.")
    assert [(e.kind, e.user_ids, e.actor_id) for e in mentioned] == [
        ("question", (charlie.pk,), alice.pk),
        ("answer", (charlie.pk,), bob.pk),
    ]
    question.refresh_from_db()
    assert question.body_html.count('class="mention"') == 2


def test_an_edit_that_mentions_no_one_new_tells_no_one(
    alice: User, bob: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    question = make_question(alice, body="What would @bob do?")
    mentioned.clear()
    with commits():
        services.question_edit(
            question=question,
            editor=alice,
            title="A new title only",
            body=question.body,
            topics=list(question.topics.all()),
            card=services.ContextCard(),
            is_anonymous=False,
        )
        services.question_edit(
            question=question,
            editor=alice,
            title="A new title only",
            body="What would @BOB do, really?",
            topics=list(question.topics.all()),
            card=services.ContextCard(),
            is_anonymous=False,
        )
    assert mentioned == []


def test_a_moderator_editing_in_a_mention_of_themself_tells_no_one(
    question: Question,
    bob: User,
    mod: User,
    mentioned: list[MembersMentioned],
    commits: Any,
) -> None:
    answer = make_answer(question, bob, body="Ship it.")
    with commits():
        services.answer_edit(answer=answer, editor=mod, body="Ship it. (edited by @mod)")
    assert mentioned == []


def test_an_anonymous_question_still_carries_its_author(
    alice: User, bob: User, mentioned: list[MembersMentioned], commits: Any
) -> None:
    """Subscribers need the author to leave them out, and must check anonymity themselves."""
    with commits():
        question = make_question(alice, body="@bob, how did you ask for this?", is_anonymous=True)
    [event] = mentioned
    assert event.author_id == alice.pk and event.actor_id == alice.pk
    assert event.user_ids == (bob.pk,)
    assert event.question_id == question.pk and event.post_id == question.pk
    assert Question.objects.get(pk=event.question_id).is_anonymous


def test_a_repeated_submit_announces_nothing_twice(
    alice: User, bob: User, mentioned: list[MembersMentioned], commits: Any, question: Question
) -> None:
    import uuid

    token = uuid.uuid4()
    with commits():
        first = make_answer(question, alice, body="@bob, see above.", submit_token=token)
        again = make_answer(question, alice, body="@bob, see above.", submit_token=token)
    assert first.pk == again.pk
    assert len(mentioned) == 1


def test_nothing_is_announced_when_the_write_rolls_back(
    alice: User, bob: User, mentioned: list[MembersMentioned], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import transaction

    def refuse(event: events.QuestionAsked) -> None:
        raise services.ValidationError("Held back.")

    events.subscribe(events.QuestionAsked, refuse, in_transaction=True)
    with pytest.raises(services.ValidationError), transaction.atomic():
        make_question(alice, body="@bob?")
    assert mentioned == []


def test_the_question_page_shows_the_mention_as_a_profile_link(
    alice: User, bob: User, client: Client
) -> None:
    question = make_question(alice, body="What would @bob say?")
    make_answer(question, bob, body="Ask @alice, she knows.")
    html = client.get(question.get_absolute_url()).content.decode()
    assert f'<a class="mention" href="{bob.get_absolute_url()}"' in html
    assert f'<a class="mention" href="{alice.get_absolute_url()}"' in html


def test_every_post_field_asks_for_member_names(
    question: Question, bob: User, bob_client: Client, alice_client: Client
) -> None:
    answer = make_answer(question, bob)
    source = 'data-mention-source="/members/suggest"'
    html = bob_client.get(question.get_absolute_url()).content.decode()
    assert html.count(source) == 2  # the answer box and the reply box
    assert source in alice_client.get("/ask/").content.decode()
    assert source in bob_client.get(f"/answers/{answer.pk}/edit/").content.decode()
