"""growth announces sharing and comments as typed events: once each, after the commit only,
never for a refused action, and naming only people the owner already knows."""

import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from rung.accounts.models import User
from rung.growth import events
from rung.growth.events import (
    PlanCommentDeleted,
    PlanCommentPosted,
    PlanEvent,
    PlanShared,
    ShareAccepted,
    ShareDeclined,
    ShareRevoked,
)
from rung.growth.models import Comment, Goal, GrowthPlan, Share, ShareRole
from rung.growth.services import sharing as services
from rung.ladder.models import Axis
from rung.testing import make_member

pytestmark = pytest.mark.django_db

ALL_EVENTS: list[type[PlanEvent]] = [
    PlanShared,
    ShareAccepted,
    ShareDeclined,
    ShareRevoked,
    PlanCommentPosted,
    PlanCommentDeleted,
]


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[PlanEvent]]:
    """Record every event as an after-commit subscriber gets it."""
    seen: list[PlanEvent] = []
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list))
    for event_type in ALL_EVENTS:
        events.subscribe(event_type, seen.append)
    yield seen


@pytest.fixture
def commit(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> Callable[[], AbstractContextManager[Any]]:
    """Run, at the end of a block, what its writes left for after the commit, as a commit would.

    A test's own transaction never commits; a write refused inside the block rolls back its
    savepoint, and with it what it left for after the commit.
    """
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return GrowthPlan.objects.create(owner=alice, title="Lead a cross-team project")


@pytest.fixture
def goal(plan: GrowthPlan) -> Goal:
    return Goal.objects.create(
        plan=plan, axis=Axis.objects.order_by("order")[0], title="Run the design review"
    )


def _share(plan: GrowthPlan, member: User, *, accepted: bool = True) -> Share:
    return Share.objects.create(
        plan=plan,
        grantee=member,
        role=ShareRole.COMMENT,
        accepted_at=timezone.now() if accepted else None,
    )


def _invite(plan: GrowthPlan, owner: User, who: str, role: str = ShareRole.READ) -> Share:
    return services.growth_plan_share(
        plan=plan, owner=owner, invitee_identifier=who, role=role, include_reviews=True
    )


Commit = Callable[[], AbstractContextManager[Any]]


def test_an_invitation_by_name_names_the_member(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, bob: User
) -> None:
    with commit():
        share = _invite(plan, alice, "bob", ShareRole.COMMENT)
    assert heard == [
        PlanShared(
            plan_id=plan.pk,
            owner_id=alice.pk,
            share_id=share.pk,
            member_id=bob.pk,
            role="comment",
            include_reviews=True,
        )
    ]


def test_an_invitation_by_address_names_nobody(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, bob: User
) -> None:
    # bob's own address: still nobody is named, so nothing tells the owner whose it is.
    with commit():
        share = _invite(plan, alice, bob.email)
    assert heard == [
        PlanShared(
            plan_id=plan.pk,
            owner_id=alice.pk,
            share_id=share.pk,
            member_id=None,
            role="read",
            include_reviews=True,
        )
    ]


def test_refused_invitations_announce_nothing(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, bob: User
) -> None:
    _share(plan, bob)
    refusals: list[tuple[User, str]] = [
        (alice, "bob"),  # already shared with
        (alice, "nobody-here"),
        (alice, "alice"),
        (alice, "not an address@"),
        (bob, "carol"),  # not the owner
    ]
    with commit():
        for owner, who in refusals:
            with pytest.raises((ValidationError, PermissionDenied)):
                _invite(plan, owner, who)
    assert heard == []


def test_accepting_and_declining(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, bob: User, carol: User
) -> None:
    to_bob = _share(plan, bob, accepted=False)
    to_carol = _share(plan, carol, accepted=False)
    carol_share_id = to_carol.pk
    with commit():
        services.share_accept(share=to_bob, member=bob)
        services.share_decline(share=to_carol, member=carol)
    assert heard == [
        ShareAccepted(plan_id=plan.pk, owner_id=alice.pk, share_id=to_bob.pk, member_id=bob.pk),
        ShareDeclined(
            plan_id=plan.pk, owner_id=alice.pk, share_id=carol_share_id, member_id=carol.pk
        ),
    ]


def test_declining_an_invitation_by_address_keeps_the_holder_unknown(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, carol: User
) -> None:
    share = _invite(plan, alice, "someone@example.org")
    share_id = share.pk
    with commit():
        services.share_decline(share=share, member=carol)
    assert heard == [
        ShareDeclined(plan_id=plan.pk, owner_id=alice.pk, share_id=share_id, member_id=None)
    ]


def test_accepting_an_invitation_by_address_names_who_accepted(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, carol: User
) -> None:
    share = _invite(plan, alice, "someone@example.org")
    with commit():
        services.share_accept(share=share, member=carol)
    assert heard == [
        ShareAccepted(plan_id=plan.pk, owner_id=alice.pk, share_id=share.pk, member_id=carol.pk)
    ]


def test_refused_answers_announce_nothing(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, bob: User, carol: User
) -> None:
    accepted = _share(plan, bob)
    # Invited by name and by address, carol keeps the one share: the second accept is refused.
    _share(plan, carol, accepted=False)
    by_address = Share.objects.create(plan=plan, invitee_email="c@example.org", role="read")
    with commit():
        for answer in (services.share_accept, services.share_decline):
            with pytest.raises(ValidationError):
                answer(share=accepted, member=bob)
            with pytest.raises(PermissionDenied):
                answer(share=accepted, member=carol)
        with pytest.raises(ValidationError):
            services.share_accept(share=by_address, member=carol)
    assert heard == []


def test_revoking_announces_who_lost_access(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, bob: User
) -> None:
    active = _share(plan, bob)
    by_address = _invite(plan, alice, "someone@example.org")
    with commit():
        services.share_revoke(share=active, owner=alice)
        services.share_revoke(share=by_address, owner=alice)
        with pytest.raises(ValidationError):
            services.share_revoke(share=active, owner=alice)
        with pytest.raises(PermissionDenied):
            services.share_revoke(share=by_address, owner=bob)
    assert heard == [
        ShareRevoked(
            plan_id=plan.pk,
            owner_id=alice.pk,
            share_id=active.pk,
            member_id=bob.pk,
            was_accepted=True,
        ),
        ShareRevoked(
            plan_id=plan.pk,
            owner_id=alice.pk,
            share_id=by_address.pk,
            member_id=None,
            was_accepted=False,
        ),
    ]


def test_comments_posted_and_deleted(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, goal: Goal, alice: User, bob: User
) -> None:
    _share(plan, bob)
    token = uuid.uuid4()
    with commit():
        first = services.comment_create(
            goal=goal, author=bob, body="Who runs it?", submit_token=token
        )
        # The same submit again is the same comment, announced once.
        again = services.comment_create(
            goal=goal, author=bob, body="Who runs it?", submit_token=token
        )
        reply = services.comment_create(goal=goal, author=alice, body="I do.", parent=first)
        with pytest.raises(ValidationError):
            services.comment_create(goal=goal, author=bob, body="   ")
        with pytest.raises(PermissionDenied):
            services.comment_delete(comment=reply, actor=bob)
        services.comment_delete(comment=first, actor=alice)
    assert again.pk == first.pk
    assert heard == [
        PlanCommentPosted(
            plan_id=plan.pk,
            owner_id=alice.pk,
            comment_id=first.pk,
            goal_id=goal.pk,
            author_id=bob.pk,
            parent_id=None,
        ),
        PlanCommentPosted(
            plan_id=plan.pk,
            owner_id=alice.pk,
            comment_id=reply.pk,
            goal_id=goal.pk,
            author_id=alice.pk,
            parent_id=first.pk,
        ),
        PlanCommentDeleted(
            plan_id=plan.pk,
            owner_id=alice.pk,
            comment_id=first.pk,
            goal_id=goal.pk,
            author_id=bob.pk,
            actor_id=alice.pk,
        ),
    ]
    # Its reply stays, as a comment of its own.
    assert Comment.objects.get(pk=reply.pk).parent_id is None


def test_events_wait_for_the_commit_and_never_follow_a_rollback(
    heard: list[PlanEvent], commit: Commit, plan: GrowthPlan, alice: User, bob: User
) -> None:
    with commit():
        _invite(plan, alice, "bob")
        assert heard == []  # not before the commit
    assert len(heard) == 1

    with commit() as callbacks, pytest.raises(RuntimeError), transaction.atomic():
        _invite(plan, alice, "someone@example.org")
        raise RuntimeError("the request failed after inviting")
    assert len(heard) == 1 and callbacks == []


def test_in_transaction_subscribers_run_at_once(
    monkeypatch: pytest.MonkeyPatch, plan: GrowthPlan, alice: User
) -> None:
    seen: list[PlanEvent] = []
    monkeypatch.setattr(events, "_subscribers", events.defaultdict(list))
    events.subscribe(PlanShared, seen.append, in_transaction=True)
    events.subscribe(PlanShared, seen.append, in_transaction=True)  # one subscription
    make_member("dana")
    _invite(plan, alice, "dana")
    assert len(seen) == 1
    assert events.subscribers(PlanShared) == [(seen.append, True)]
