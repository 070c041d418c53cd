"""Mentions and invitations to answer reach the member named, and never name an anonymous asker."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest

from rung.accounts.models import User
from rung.notifications import services
from rung.notifications.describe import describe
from rung.notifications.models import Notification, WatchLevel
from rung.qa import invitation_services
from rung.qa import services as qa_services
from rung.qa.models import Answer
from rung.testing import make_answer, make_question

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mail")]

Committed = Callable[[], AbstractContextManager[Any]]


def notices(member: User, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=member, kind=kind))


def test_a_mention_in_an_answer_tells_the_member_once(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = make_question(alice)
    with committed():
        answer = make_answer(question, bob, body="@charlie ran this review last year, ask him.")
    [notice] = notices(charlie, "mention")
    assert notice.answer == answer and notice.actor == bob
    assert describe(notice).text == f"Bob Rivera mentioned you in “{question.title}”"
    with committed():  # an edit that keeps the mention is no news
        qa_services.answer_edit(
            answer=answer, editor=bob, body="@charlie ran this review last year; ask him first."
        )
    assert len(notices(charlie, "mention")) == 1


def test_an_anonymous_asker_mentioning_someone_stays_unnamed(
    alice: User, bob: User, committed: Committed
) -> None:
    with committed():
        question = make_question(alice, is_anonymous=True, body="Would @bob have advice here?")
    [notice] = notices(bob, "mention")
    assert notice.actor is None
    assert "Alice" not in describe(notice).text
    assert describe(notice).text.startswith("The asker mentioned you")
    assert question.pk == notice.question_id


def test_a_member_who_muted_the_question_is_not_told_of_a_mention(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = make_question(alice)
    services.follow_set(charlie, level=WatchLevel.MUTED, question=question)
    with committed():
        make_answer(question, bob, body="Maybe @charlie knows.")
    assert notices(charlie, "mention") == []


def test_a_mention_in_a_post_held_for_review_waits(alice: User, bob: User, charlie: User) -> None:
    from rung.notifications import fanout

    question = make_question(alice)
    answer = make_answer(question, bob, body="Ping @charlie.")
    Answer.objects.filter(pk=answer.pk).update(visibility="held")
    fanout.members_mentioned("answer", answer.pk, [charlie.pk])
    assert notices(charlie, "mention") == []


def test_an_invitation_reaches_the_invitee_and_declining_takes_it_away(
    alice: User, bob: User, committed: Committed
) -> None:
    question = make_question(alice, is_anonymous=True)
    with committed():
        invitation = invitation_services.answer_invite(
            question=question, inviter=alice, invitee=bob
        )
    [notice] = notices(bob, "invitation")
    assert notice.actor is None
    assert describe(notice).text == f"The asker invited you to answer “{question.title}”"
    with committed():
        invitation_services.answer_invitation_decline(invitation=invitation, member=bob)
    assert notices(bob, "invitation") == []
