"""A double submit of a growth create form creates one row and lands on that row's page.

So does Back, then submitting again: a new rendering with a new token and the same values.
"""

import datetime
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import models
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnce
from rung.growth.models import (
    Action,
    CheckIn,
    Comment,
    Goal,
    GrowthPlan,
    LogEntry,
    ReviewCycle,
    SelfReview,
    Share,
    ShareRole,
)
from rung.ladder.models import Axis, RatingScale

pytestmark = pytest.mark.django_db

TOKEN_INPUT = re.compile(r'<input type="hidden" name="submit_token" value="([0-9a-f-]{36})"')


@dataclass
class World:
    plan: GrowthPlan
    goal: Goal


@pytest.fixture
def world(alice: User) -> World:
    plan = GrowthPlan.objects.create(owner=alice, title="Towards senior")
    axis = Axis.objects.get(slug="impact")
    return World(plan=plan, goal=Goal.objects.create(plan=plan, axis=axis, title="Own a system"))


@dataclass(frozen=True)
class CreateForm:
    """One create form: where it is shown, where it posts, what it creates."""

    page: Callable[[World], str]
    url: Callable[[World], str]
    data: Callable[[World], dict[str, Any]]
    rows: Callable[[User], "models.QuerySet[Any]"]
    landing: Callable[[Any], str]
    # What the member changes before sending the form again: a row of its own.
    changed: dict[str, str]
    # What the page says when a second submit found the first row.
    already: str


def _review_data(world: World) -> dict[str, Any]:
    scale = RatingScale.objects.get(slug="e-m-i")
    return {
        "name": "H1 2025",
        "date": "2025-06-30",
        "scale": scale.pk,
        "rating_impact": scale.choices.get(code="M").pk,
    }


def _goal_url(goal: Goal) -> str:
    return f"{goal.plan.get_absolute_url()}#goal-{goal.public_id}"


FORMS: dict[str, CreateForm] = {
    "plan": CreateForm(
        page=lambda w: reverse("growth:plan_create"),
        url=lambda w: reverse("growth:plan_create"),
        data=lambda w: {"title": "A second plan", "summary": "Why"},
        rows=lambda owner: GrowthPlan.objects.filter(owner=owner, title="A second plan"),
        landing=lambda plan: plan.get_absolute_url(),
        changed={"summary": "Another reason"},
        already="You had already created this plan",
    ),
    "goal": CreateForm(
        page=lambda w: reverse("growth:goal_create", args=[w.plan.public_id]),
        url=lambda w: reverse("growth:goal_create", args=[w.plan.public_id]),
        data=lambda w: {
            "axis": Axis.objects.get(slug="teamwork").pk,
            "title": "Mentor two people",
            "status": "not_started",
        },
        rows=lambda owner: Goal.objects.filter(plan__owner=owner, title="Mentor two people"),
        landing=_goal_url,
        changed={"description": "A different reason"},
        already="You had already added this goal",
    ),
    "action": CreateForm(
        page=lambda w: w.plan.get_absolute_url(),
        url=lambda w: reverse("growth:action_create", args=[w.goal.public_id]),
        data=lambda w: {"text": "Pair on the design review"},
        rows=lambda owner: Action.objects.filter(goal__plan__owner=owner),
        landing=lambda action: _goal_url(action.goal),
        changed={"text": "Write the design review"},
        already="You had already added this step",
    ),
    "check-in": CreateForm(
        page=lambda w: w.plan.get_absolute_url(),
        url=lambda w: reverse("growth:checkin_create", args=[w.goal.public_id]),
        data=lambda w: {"date": "2025-03-01", "note": "Shipped the first milestone"},
        rows=lambda owner: CheckIn.objects.filter(goal__plan__owner=owner),
        landing=lambda check_in: _goal_url(check_in.goal),
        changed={"note": "Shipped the second milestone"},
        already="You had already saved this check-in",
    ),
    "log entry": CreateForm(
        page=lambda w: reverse("growth:log"),
        url=lambda w: reverse("growth:log"),
        data=lambda w: {"date": "2025-03-01", "text": "Led the incident review"},
        rows=lambda owner: LogEntry.objects.filter(owner=owner),
        landing=lambda entry: reverse("growth:log"),
        changed={"date": "2025-03-02"},
        already="This entry was already in your work log",
    ),
    "review cycle": CreateForm(
        page=lambda w: reverse("growth:review_create"),
        url=lambda w: reverse("growth:review_create"),
        data=_review_data,
        rows=lambda owner: ReviewCycle.objects.filter(owner=owner),
        landing=lambda cycle: cycle.get_absolute_url(),
        changed={"name": "H2 2025"},
        already="You had already saved the review",
    ),
    "self-review": CreateForm(
        page=lambda w: reverse("growth:self_reviews"),
        url=lambda w: reverse("growth:self_reviews"),
        data=lambda w: {
            "title": "My H1 review",
            "period_start": "2025-01-01",
            "period_end": "2025-06-30",
        },
        rows=lambda owner: SelfReview.objects.filter(owner=owner),
        landing=lambda review: reverse("growth:self_review", args=[review.public_id]),
        changed={"title": "My H1 review, again"},
        already="You had already drafted this self-review",
    ),
    "comment": CreateForm(
        page=lambda w: w.plan.get_absolute_url(),
        url=lambda w: reverse("growth:comment_create", args=[w.goal.public_id]),
        data=lambda w: {"body": "How will you know it worked?"},
        rows=lambda owner: Comment.objects.filter(author=owner),
        landing=lambda comment: (
            f"{comment.goal.plan.get_absolute_url()}#comments-{comment.goal.public_id}"
        ),
        changed={"body": "How will others know it worked?"},
        already="You had already posted this comment",
    ),
}


def _token_on(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    tokens = TOKEN_INPUT.findall(page)
    assert tokens, f"no submit token on {url}"
    return tokens[0]


@pytest.mark.parametrize("name", list(FORMS))
def test_double_submit_creates_one_row_and_both_land_on_it(
    client: Client, alice: User, world: World, name: str
) -> None:
    form = FORMS[name]
    client.force_login(alice)
    data = {**form.data(world), "submit_token": _token_on(client, form.page(world))}
    first = client.post(form.url(world), data)
    second = client.post(form.url(world), data)
    assert form.rows(alice).count() == 1
    row = form.rows(alice).get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == form.landing(row)


@pytest.mark.parametrize("name", list(FORMS))
def test_each_rendering_of_a_form_gets_a_new_token(
    client: Client, alice: User, world: World, name: str
) -> None:
    form = FORMS[name]
    client.force_login(alice)
    assert _token_on(client, form.page(world)) != _token_on(client, form.page(world))


@pytest.mark.parametrize("name", list(FORMS))
def test_back_then_submit_again_with_a_new_token_lands_on_the_first_row(
    client: Client, alice: User, world: World, name: str
) -> None:
    """Back fetched the form again (a new token) and the browser restored what was typed."""
    form = FORMS[name]
    client.force_login(alice)
    first = client.post(
        form.url(world), {**form.data(world), "submit_token": _token_on(client, form.page(world))}
    )
    client.get(first["Location"])  # the page after the first post, with its own message
    second = client.post(
        form.url(world), {**form.data(world), "submit_token": _token_on(client, form.page(world))}
    )
    row = form.rows(alice).get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == form.landing(row)
    assert form.already in client.get(second["Location"]).content.decode()


@pytest.mark.parametrize("name", list(FORMS))
def test_new_tokens_with_other_values_create_two_rows(
    client: Client, alice: User, world: World, name: str
) -> None:
    form = FORMS[name]
    client.force_login(alice)
    for changes in ({}, form.changed):
        data = {**form.data(world), **changes, "submit_token": str(uuid.uuid4())}
        response = client.post(form.url(world), data)
        assert response.status_code == 302
        assert form.already not in client.get(response["Location"]).content.decode()
    assert form.rows(alice).count() == 2


@pytest.mark.parametrize("name", list(FORMS))
def test_the_same_values_after_the_repost_window_create_a_second_row(
    client: Client, alice: User, world: World, name: str, settings: Any
) -> None:
    form = FORMS[name]
    client.force_login(alice)
    client.post(form.url(world), {**form.data(world), "submit_token": str(uuid.uuid4())})
    form.rows(alice).update(
        created_at=timezone.now()
        - datetime.timedelta(seconds=settings.RUNG_REPOST_WINDOW_SECONDS + 1)
    )
    client.post(form.url(world), {**form.data(world), "submit_token": str(uuid.uuid4())})
    assert form.rows(alice).count() == 2


@pytest.mark.parametrize("name", list(FORMS))
def test_without_a_token_the_same_values_create_a_second_row(
    client: Client, alice: User, world: World, name: str
) -> None:
    """A submit without a token (a script, an old page) asks for no repeat check."""
    form = FORMS[name]
    client.force_login(alice)
    for _ in range(2):
        assert client.post(form.url(world), form.data(world)).status_code == 302
    assert form.rows(alice).count() == 2


def test_a_reused_form_with_other_values_keeps_both_rows(client: Client, alice: User) -> None:
    client.force_login(alice)
    token = _token_on(client, reverse("growth:plan_create"))
    client.post(reverse("growth:plan_create"), {"title": "First plan", "submit_token": token})
    client.post(reverse("growth:plan_create"), {"title": "Second plan", "submit_token": token})
    assert sorted(GrowthPlan.objects.filter(owner=alice).values_list("title", flat=True)) == [
        "First plan",
        "Second plan",
    ]


def test_the_same_token_from_two_members_creates_a_row_for_each(
    client: Client, alice: User, charlie: User
) -> None:
    data = {"date": "2025-03-01", "text": "Led the incident review", "submit_token": uuid.uuid4()}
    for member in (alice, charlie):
        client.force_login(member)
        assert client.post(reverse("growth:log"), data).status_code == 302
    assert LogEntry.objects.filter(owner=alice).count() == 1
    assert LogEntry.objects.filter(owner=charlie).count() == 1


def test_a_shared_commenters_double_submit_posts_one_comment(
    client: Client, alice: User, bob: User, world: World
) -> None:
    Share.objects.create(
        plan=world.plan, grantee=bob, role=ShareRole.COMMENT, accepted_at=timezone.now()
    )
    client.force_login(bob)
    token = _token_on(client, world.plan.get_absolute_url())
    url = reverse("growth:comment_create", args=[world.goal.public_id])
    for _ in range(2):
        client.post(url, {"body": "Looks good", "submit_token": token}, HTTP_HX_REQUEST="true")
    assert Comment.objects.filter(author=bob).count() == 1


def test_a_submit_that_loses_the_race_returns_the_winners_row(alice: User) -> None:
    token = uuid.uuid4()
    winner = GrowthPlan.objects.create(owner=alice, title="Plan", submit_token=token)
    rows = GrowthPlan.objects.filter(owner=alice)
    # As if both submits had checked for an earlier row before either saved.
    loser = SubmitOnce(rows, token).save(GrowthPlan(owner=alice, title="Plan", submit_token=token))
    assert loser.pk == winner.pk
    assert rows.count() == 1


def test_a_refused_submit_can_be_sent_again_once_fixed(
    client: Client, alice: User, world: World
) -> None:
    client.force_login(alice)
    token = _token_on(client, reverse("growth:self_reviews"))
    bad = {"title": "H1", "period_start": "2025-06-30", "period_end": "2025-01-01"}
    response = client.post(reverse("growth:self_reviews"), {**bad, "submit_token": token})
    assert response.status_code == 400
    assert f'value="{token}"' in response.content.decode()
    fixed = {**bad, "period_start": "2025-01-01", "period_end": "2025-06-30"}
    assert (
        client.post(reverse("growth:self_reviews"), {**fixed, "submit_token": token}).status_code
        == 302
    )
    assert SelfReview.objects.filter(owner=alice).count() == 1
    assert SelfReview.objects.get().period_start == datetime.date(2025, 1, 1)
