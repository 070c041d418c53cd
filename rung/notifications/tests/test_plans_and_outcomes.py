"""Growth-plan notices reach only the people a plan is shared with; outcomes reach answerers."""

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import Goal, GrowthPlan, ShareRole
from rung.growth.services import sharing
from rung.ladder.models import Axis
from rung.notifications import fanout
from rung.notifications.describe import describe
from rung.notifications.models import Notification
from rung.qa.models import OutcomeKind, Question
from rung.qa.outcomes import outcome_post
from rung.testing import make_answer, make_question

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_mail")]

Committed = Callable[[], AbstractContextManager[Any]]


def kinds(member: User) -> list[str]:
    return list(
        Notification.objects.filter(recipient=member).order_by("pk").values_list("kind", flat=True)
    )


@pytest.fixture
def goal(alice: User) -> Goal:
    plan = GrowthPlan.objects.create(owner=alice, title="Lead a cross-team project")
    return Goal.objects.create(
        plan=plan, axis=Axis.objects.order_by("order")[0], title="Run the review"
    )


def share(goal: Goal, owner: User, who: str, committed: Committed) -> Any:
    with committed():
        return sharing.growth_plan_share(
            plan=goal.plan,
            owner=owner,
            invitee_identifier=who,
            role=ShareRole.COMMENT,
            include_reviews=False,
        )


def test_a_shared_plan_and_its_comments_reach_the_member_until_revoked(
    alice: User, bob: User, charlie: User, goal: Goal, committed: Committed
) -> None:
    invitation = share(goal, alice, "bob", committed)
    [notice] = Notification.objects.filter(recipient=bob)
    assert describe(notice).text == "Alice Chen shared their growth plan with you"
    assert describe(notice).url == reverse("growth:home")
    sharing.share_accept(share=invitation, member=bob)
    with committed():
        sharing.comment_create(goal=goal, author=alice, body="How did the review go?")
    assert kinds(bob) == ["plan_shared", "plan_comment"]
    assert kinds(charlie) == []  # an outsider hears nothing of a private plan
    with committed():
        sharing.comment_create(goal=goal, author=bob, body="It went well, notes attached.")
    [comment_notice] = Notification.objects.filter(recipient=alice, kind="plan_comment")
    assert describe(comment_notice).text == "Bob Rivera commented on your growth plan"
    assert goal.public_id in describe(comment_notice).url
    with committed():
        sharing.share_revoke(share=invitation, owner=alice)
    assert kinds(bob) == []
    with committed():
        sharing.comment_create(goal=goal, author=alice, body="One more thought.")
    assert kinds(bob) == []


def test_a_deleted_comment_takes_its_notices(
    alice: User, bob: User, goal: Goal, committed: Committed
) -> None:
    invitation = share(goal, alice, "bob", committed)
    sharing.share_accept(share=invitation, member=bob)
    with committed():
        comment = sharing.comment_create(goal=goal, author=alice, body="Draft notes here.")
    assert "plan_comment" in kinds(bob)
    with committed():
        sharing.comment_delete(comment=comment, actor=alice)
    assert "plan_comment" not in kinds(bob)


def test_an_invitation_by_address_tells_nobody_in_rung(
    alice: User, bob: User, goal: Goal, committed: Committed
) -> None:
    share(goal, alice, bob.email, committed)
    assert kinds(bob) == []


def answered(alice: User, *answerers: User, anonymous: bool = False) -> Question:
    question = make_question(alice, is_anonymous=anonymous)
    for member in answerers:
        make_answer(question, member)
    return question


def test_an_outcome_reaches_everyone_who_answered_once(
    alice: User, bob: User, charlie: User, committed: Committed
) -> None:
    question = answered(alice, bob, charlie)
    with committed():
        outcome_post(question=question, member=alice, kind=OutcomeKind.PROMOTED, note="Got it!")
    for member in (bob, charlie):
        [notice] = Notification.objects.filter(recipient=member, kind="outcome")
        assert describe(notice).text == (
            f"Alice Chen says what happened after asking “{question.title}”: Promoted"
        )
    with committed():  # an edit of the note alone is no news
        outcome_post(question=question, member=alice, kind=OutcomeKind.PROMOTED, note="Got it.")
    assert Notification.objects.filter(kind="outcome").count() == 2
    assert "outcome" not in kinds(alice)


def test_an_anonymous_askers_outcome_names_nobody(
    alice: User, bob: User, committed: Committed
) -> None:
    question = answered(alice, bob, anonymous=True)
    with committed():
        outcome_post(question=question, member=alice, kind=OutcomeKind.OFFER_ACCEPTED, note="")
    [notice] = Notification.objects.filter(recipient=bob, kind="outcome")
    assert notice.actor is None and "Alice" not in describe(notice).text


def test_askers_are_asked_what_happened_once_after_the_prompt_age(
    alice: User, bob: User, settings: Any
) -> None:
    settings.RUNG_OUTCOME_PROMPT_WEEKS = 6
    old = answered(alice, bob)
    young = answered(alice, bob)
    Question.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(weeks=7))
    Question.objects.filter(pk=young.pk).update(created_at=timezone.now() - dt.timedelta(weeks=5))
    assert fanout.outcome_prompts() == 1
    assert fanout.outcome_prompts() == 0
    [notice] = Notification.objects.filter(recipient=alice, kind="outcome_prompt")
    assert notice.question_id == old.pk
    assert describe(notice).url == reverse("qa:outcome", args=[old.pk])
    assert "What happened?" in describe(notice).text
    assert fanout.outcome_prompts(timezone.now() + dt.timedelta(weeks=2)) == 1


def test_a_member_who_left_is_not_asked(alice: User, bob: User) -> None:
    question = answered(alice, bob)
    Question.objects.filter(pk=question.pk).update(
        created_at=timezone.now() - dt.timedelta(weeks=7)
    )
    User.objects.filter(pk=alice.pk).update(is_active=False)
    fanout.outcome_prompts()
    assert kinds(alice) == []
