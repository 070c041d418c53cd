"""Every growth address, for every kind of visitor, by GET and by POST, against real rows.

alice owns everything below; bob may comment on her plan (and see her review history),
carol may read it, mallory is another member, mod is a moderator (staff, not superuser).
A new route without an entry in ROUTES fails `test_every_route_is_in_the_matrix`.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.apps import apps
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth import urls as growth_urls
from rung.growth.models import (
    Action,
    AxisRating,
    CheckIn,
    Comment,
    Goal,
    GrowthPlan,
    LogEntry,
    Mark,
    ReviewCycle,
    SelfAssessment,
    SelfReview,
    Share,
    ShareRole,
    ShareView,
)
from rung.growth.services.sharing import invitation_link_token_set
from rung.ladder.models import Axis, Expectation, RatingChoice, RatingScale
from rung.qa.models import Question
from rung.qa.outcomes import outcome_post
from rung.testing import make_answer, make_member, make_question

pytestmark = pytest.mark.django_db

# Strings only alice's rows contain, grouped by who may see them.
PLAN_SECRETS = [
    "S3CRET-PLAN-TITLE",
    "S3CRET-PLAN-SUMMARY",
    "S3CRET-GOAL-TITLE",
    "S3CRET-ACTION",
    "S3CRET-CHECKIN",
    "S3CRET-COMMENT",
]
REVIEW_SECRETS = ["S3CRET-CYCLE-NAME", "S3CRET-MANAGER-WORDS"]
OWNER_SECRETS = [
    "S3CRET-CYCLE-NOTES",
    "S3CRET-LOG-ENTRY",
    "S3CRET-SELF-REVIEW-TITLE",
    "S3CRET-SELF-REVIEW-TEXT",
    "S3CRET-SCALE-NAME",
    "S3CRET-EVIDENCE",
    "S3CRET-PLAN-TWO",
]
ALL_SECRETS = PLAN_SECRETS + REVIEW_SECRETS + OWNER_SECRETS

ACTORS = ["owner", "shared_comment", "shared_read", "other_member", "moderator", "anonymous"]
METHODS = ["GET", "POST"]
ALLOWED_SECRETS = {
    "owner": set(ALL_SECRETS),
    "shared_comment": set(PLAN_SECRETS + REVIEW_SECRETS),  # bob's share includes reviews
    "shared_read": set(PLAN_SECRETS),
    "other_member": set(),
    "moderator": set(),
    "anonymous": set(),
}


@dataclass
class World:
    members: dict[str, User]
    plan: GrowthPlan
    goal: Goal
    action: Action
    check_in: CheckIn
    comment: Comment
    cycle: ReviewCycle
    log_entry: LogEntry
    self_review: SelfReview
    scale: RatingScale
    invite: Share
    email_invite: Share
    question: Question


# What each route is, and how to fill in its address.
SELF = "self"  # no id: each member sees only their own rows
OWNER_ONLY = "owner_only"
PLAN_VIEW = "plan_view"  # people the plan is shared with may read it
SHARED_REVIEWS = "shared_reviews"
INVITE = "invite"  # addressed to dave, who is none of the actors
# An invitation by email to dave's address, opened with a secret other than the mailed one.
INVITE_LINK = "invite_link"
COMMENT_CREATE = "comment_create"
COMMENT_DELETE = "comment_delete"  # alice's own comment


def _id(attr: str) -> Callable[[World], dict[str, str]]:
    return lambda world: {"public_id": getattr(world, attr).public_id}


def _none(world: World) -> dict[str, str]:
    return {}


ROUTES: dict[str, tuple[str, Callable[[World], dict[str, Any]]]] = {
    "home": (SELF, _none),
    "scales": (SELF, _none),
    "scale_delete": (OWNER_ONLY, lambda world: {"slug": world.scale.slug}),
    "reviews": (SELF, _none),
    "review_create": (SELF, _none),
    "review": (OWNER_ONLY, _id("cycle")),
    "review_edit": (OWNER_ONLY, _id("cycle")),
    "review_delete": (OWNER_ONLY, _id("cycle")),
    "assessment": (SELF, _none),
    "gaps": (SELF, _none),
    "ask_from_gap": (SELF, _none),
    "plan_from_gaps": (SELF, _none),
    "plans": (SELF, _none),
    "plan_create": (SELF, _none),
    "plan": (PLAN_VIEW, _id("plan")),
    "plan_edit": (OWNER_ONLY, _id("plan")),
    "plan_delete": (OWNER_ONLY, _id("plan")),
    "goal_create": (OWNER_ONLY, _id("plan")),
    "goal_edit": (OWNER_ONLY, _id("goal")),
    "goal_delete": (OWNER_ONLY, _id("goal")),
    "action_create": (OWNER_ONLY, _id("goal")),
    "action_toggle": (OWNER_ONLY, _id("action")),
    "action_delete": (OWNER_ONLY, _id("action")),
    "checkin_create": (OWNER_ONLY, _id("goal")),
    "checkin_edit": (OWNER_ONLY, _id("check_in")),
    "checkin_delete": (OWNER_ONLY, _id("check_in")),
    "log": (SELF, _none),
    "log_edit": (OWNER_ONLY, _id("log_entry")),
    "log_delete": (OWNER_ONLY, _id("log_entry")),
    "self_reviews": (SELF, _none),
    "self_review": (OWNER_ONLY, _id("self_review")),
    "self_review_delete": (OWNER_ONLY, _id("self_review")),
    "plan_markdown": (PLAN_VIEW, _id("plan")),
    "plan_print": (PLAN_VIEW, _id("plan")),
    "self_review_markdown": (OWNER_ONLY, _id("self_review")),
    "self_review_print": (OWNER_ONLY, _id("self_review")),
    "sharing": (OWNER_ONLY, _id("plan")),
    "shared_reviews": (SHARED_REVIEWS, _id("plan")),
    "share_revoke": (
        OWNER_ONLY,
        lambda world: {
            "public_id": world.plan.shares.get(grantee=world.members["shared_comment"]).public_id
        },
    ),
    "invite_accept": (INVITE, _id("invite")),
    "invite_decline": (INVITE, _id("invite")),
    "invite_link": (
        INVITE_LINK,
        lambda world: {"public_id": world.email_invite.public_id, "token": "not-the-mailed-one"},
    ),
    "comment_create": (COMMENT_CREATE, _id("goal")),
    "comment_delete": (COMMENT_DELETE, _id("comment")),
    # alice's question with its outcome; only she keeps it in her work log.
    "outcome_log": (OWNER_ONLY, lambda world: {"question_id": world.question.pk}),
}

CASES = [(route, actor, method) for route in ROUTES for actor in ACTORS for method in METHODS]


def _build_world() -> World:
    alice = make_member("alice")
    bob = make_member("bob")
    carol = make_member("carol")
    dave = make_member("dave")
    members = {
        "owner": alice,
        "shared_comment": bob,
        "shared_read": carol,
        "other_member": make_member("mallory"),
        "moderator": make_member("mod", is_staff=True),
    }
    axis = Axis.objects.order_by("order").first()
    assert axis is not None
    preset = RatingScale.objects.get(slug="e-m-i")
    scale = RatingScale.objects.create(
        slug="alice-s3cret-scale", name="S3CRET-SCALE-NAME", is_preset=False, owner=alice
    )
    RatingChoice.objects.create(scale=scale, code="A", label="Top", common_value=5)
    cycle = ReviewCycle.objects.create(
        owner=alice,
        name="S3CRET-CYCLE-NAME",
        date=datetime.date(2024, 12, 1),
        company="Acme",
        scale=preset,
        overall=preset.choices.get(code="M+"),
        notes="S3CRET-CYCLE-NOTES",
    )
    AxisRating.objects.create(
        cycle=cycle,
        axis=axis,
        rating=preset.choices.get(code="E"),
        manager_words="S3CRET-MANAGER-WORDS",
    )
    expectation = Expectation.objects.first()
    assert expectation is not None
    SelfAssessment.objects.create(
        owner=alice,
        expectation=expectation,
        mark=Mark.SOMETIMES,
        evidence="https://example.com/S3CRET-EVIDENCE",
    )
    plan = GrowthPlan.objects.create(
        owner=alice, title="S3CRET-PLAN-TITLE", summary="S3CRET-PLAN-SUMMARY"
    )
    goal = Goal.objects.create(plan=plan, axis=axis, title="S3CRET-GOAL-TITLE")
    action = Action.objects.create(goal=goal, text="S3CRET-ACTION")
    check_in = CheckIn.objects.create(
        goal=goal, date=datetime.date(2025, 1, 15), note="S3CRET-CHECKIN"
    )
    comment = Comment.objects.create(goal=goal, author=alice, body="S3CRET-COMMENT")
    log_entry = LogEntry.objects.create(
        owner=alice, date=datetime.date(2025, 1, 10), text="S3CRET-LOG-ENTRY", axis=axis
    )
    self_review = SelfReview.objects.create(
        owner=alice,
        title="S3CRET-SELF-REVIEW-TITLE",
        period_start=datetime.date(2024, 7, 1),
        period_end=datetime.date(2024, 12, 31),
        text="S3CRET-SELF-REVIEW-TEXT",
    )
    now = timezone.now()
    Share.objects.create(
        plan=plan, grantee=bob, role=ShareRole.COMMENT, include_reviews=True, accepted_at=now
    )
    Share.objects.create(plan=plan, grantee=carol, role=ShareRole.READ, accepted_at=now)
    plan_two = GrowthPlan.objects.create(owner=alice, title="S3CRET-PLAN-TWO")
    invite = Share.objects.create(plan=plan_two, grantee=dave, role=ShareRole.READ)
    email_invite = Share.objects.create(
        plan=plan_two, invitee_email="dave@example.com", role=ShareRole.READ
    )
    invitation_link_token_set(email_invite)
    email_invite.refresh_from_db()
    question = make_question(alice, title="How do I get my first promotion?")
    make_answer(question, bob)
    outcome_post(question=question, member=alice, kind="promoted", note="Promoted in June.")
    return World(
        members=members,
        plan=plan,
        goal=goal,
        action=action,
        check_in=check_in,
        comment=comment,
        cycle=cycle,
        log_entry=log_entry,
        self_review=self_review,
        scale=scale,
        invite=invite,
        email_invite=email_invite,
        question=question,
    )


def _alice_rows(alice: User) -> dict[str, list[dict[str, Any]]]:
    """Return every growth row of alice's, so any write to them shows as a difference."""
    by_owner: dict[type[models.Model], models.Q] = {
        ReviewCycle: models.Q(owner=alice),
        AxisRating: models.Q(cycle__owner=alice),
        SelfAssessment: models.Q(owner=alice),
        GrowthPlan: models.Q(owner=alice),
        Goal: models.Q(plan__owner=alice),
        Action: models.Q(goal__plan__owner=alice),
        CheckIn: models.Q(goal__plan__owner=alice),
        LogEntry: models.Q(owner=alice),
        SelfReview: models.Q(owner=alice),
        Share: models.Q(plan__owner=alice),
        Comment: models.Q(goal__plan__owner=alice),
    }
    growth_models = set(apps.get_app_config("growth").get_models())
    # Reading a shared plan is logged; that is the one write a read may make.
    missing = growth_models - set(by_owner) - {ShareView}
    assert not missing, f"add these models to the privacy snapshot: {missing}"
    by_owner[RatingScale] = models.Q(owner=alice)
    by_owner[RatingChoice] = models.Q(scale__owner=alice)
    return {
        model.__name__: [
            dict(row) for row in model._default_manager.filter(query).order_by("pk").values()
        ]
        for model, query in by_owner.items()
    }


def _payload(world: World) -> dict[str, str]:
    """Return form data that most growth forms would accept, so a missing check would write."""
    axis = world.goal.axis_id
    return {
        "title": "HACKED",
        "summary": "HACKED",
        "description": "HACKED",
        "text": "HACKED",
        "note": "HACKED",
        "body": "Written by the visitor",
        "name": "HACKED",
        "company": "HACKED",
        "date": "2025-02-01",
        "period_start": "2025-01-01",
        "period_end": "2025-02-01",
        "status": "done",
        "axis": str(axis),
        "goal": world.goal.public_id,
        "scale": str(world.cycle.scale_id),
        "done": "on",
        "invitee": "mallory",
        "role": ShareRole.COMMENT,
        "include_reviews": "on",
    }


def _fake(kwargs: dict[str, Any]) -> dict[str, Any]:
    def fake(key: str, value: Any) -> Any:
        if isinstance(value, int):
            return 999_999
        return "no-such-scale" if key == "slug" else "zzzzzzzzzzzz"

    return {key: fake(key, value) for key, value in kwargs.items()}


def _request(client: Client, method: str, url: str, data: dict[str, str]) -> Any:
    return client.get(url) if method == "GET" else client.post(url, data)


def _text(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_every_route_is_in_the_matrix() -> None:
    names = {pattern.name for pattern in growth_urls.urlpatterns}
    assert names == set(ROUTES), (
        f"routes missing from the matrix: {names - set(ROUTES)}; stale: {set(ROUTES) - names}"
    )
    print(
        f"\nprivacy matrix: {len(ROUTES)} routes, {len(ACTORS)} actors, {len(METHODS)} methods:"
        f" {len(CASES)} cases"
    )


@pytest.mark.parametrize(("route", "actor", "method"), CASES)
def test_privacy(client: Client, route: str, actor: str, method: str) -> None:
    world = _build_world()
    alice = world.members["owner"]
    kind, make_kwargs = ROUTES[route]
    kwargs = make_kwargs(world)
    url = reverse(f"growth:{route}", kwargs=kwargs)
    data = _payload(world)
    member = world.members.get(actor)
    if member is not None:
        client.force_login(member)
    before = _alice_rows(alice)

    response = _request(client, method, url, data)
    status = response.status_code
    text = _text(response)
    after = _alice_rows(alice)

    # Nobody sees what they are not entitled to.
    leaked = [s for s in ALL_SECRETS if s in text and s not in ALLOWED_SECRETS[actor]]
    assert not leaked, f"{actor} {method} {route} ({status}) shows {leaked}"

    # Only the owner's posts, and the commenter's comments, may change alice's rows.
    may_write = method == "POST" and (
        actor == "owner" or (actor == "shared_comment" and kind == COMMENT_CREATE)
    )
    if not may_write:
        assert after == before, f"{actor} {method} {route} ({status}) changed alice's data"
    elif actor == "shared_comment":
        changed = {name for name in before if before[name] != after[name]}
        assert changed == {"Comment"}, f"the comment post changed {changed}"
        assert len(after["Comment"]) == len(before["Comment"]) + 1

    if kind == INVITE_LINK:
        # Without the mailed secret the link is the same 404 for everyone, owner included.
        assert status == 404, f"{actor} {method} {route}: {status}"
        return

    if actor == "anonymous":
        assert status == 302, f"{method} {route}: {status}"
        assert response["Location"].startswith(reverse("account_login"))
        return

    if actor == "owner":
        # She is not the invitee of the pending invitation, so that one is not hers to answer.
        if kind == INVITE and method == "POST":
            assert status == 404
        else:
            assert status != 404, f"owner {method} {route} got 404"
        return

    if actor in ("other_member", "moderator"):
        if kind == SELF:
            assert status < 500
            return
        assert status in (404, 405), f"{actor} {method} {route}: {status}"
        # The answer must be the one for an address that does not exist.
        fake = _request(client, method, reverse(f"growth:{route}", kwargs=_fake(kwargs)), data)
        assert fake.status_code == status, (
            f"{actor} {method} {route}: {status} vs {fake.status_code}"
        )
        return

    # People the plan is shared with.
    if kind == SELF:
        assert status < 500
        return
    if method == "GET":
        if kind == PLAN_VIEW or (kind == SHARED_REVIEWS and actor == "shared_comment"):
            assert status == 200, f"{actor} GET {route}: {status}"
            return
        if kind == SHARED_REVIEWS:
            assert status == 404, f"{actor} GET {route}: {status}"
            return
    if kind == COMMENT_CREATE and method == "POST" and actor == "shared_comment":
        assert status in (200, 302), f"commenter POST {route}: {status}"
        return
    if kind == INVITE:
        assert status in (404, 405), f"{actor} {method} {route}: {status}"
        return
    assert status in (403, 404, 405), f"{actor} {method} {route}: {status}"


ALL_SECRETS = PLAN_SECRETS + REVIEW_SECRETS + OWNER_SECRETS


@pytest.mark.parametrize("actor", ["other_member", "moderator", "anonymous", "shared_comment"])
def test_growth_data_stays_out_of_every_public_page(client: Client, actor: str) -> None:
    """Search, similar questions, feeds, profiles and the ask form show no growth row.

    The owner also posts a question, so the question page (with its similar questions)
    and the search page have something to show next to the growth data.
    """
    from rung.testing import make_question

    world = _build_world()
    alice = world.members["owner"]
    question = make_question(alice, title="How do I show more ownership as a mid-level engineer?")
    if actor != "anonymous":
        client.force_login(world.members[actor])
    pages = [
        reverse("home"),
        reverse("qa:topic", args=["mid-level"]),
        question.get_absolute_url(),
        alice.get_absolute_url(),
        # Every marker starts with this word; the page echoes only the word itself.
        reverse("search:search") + "?q=S3CRET",
        reverse("search:search") + "?q=ownership",
    ]
    if actor != "anonymous":
        pages.append(reverse("qa:ask"))
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = _text(response)
        leaked = [secret for secret in ALL_SECRETS if secret in body]
        assert not leaked, f"{url} shows {leaked} to {actor}"
