"""Plan, goal, action and check-in pages: the owner's flow, and who else may see or change what.

alice owns the plan; carol has it shared to read; charlie is an outsider; mod is a moderator.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import (
    Action,
    CheckIn,
    Comment,
    Goal,
    GoalStatus,
    GrowthPlan,
    Share,
    ShareRole,
    ShareView,
)
from rung.growth.services import plans as services
from rung.ladder.models import Axis

pytestmark = pytest.mark.django_db


@dataclass
class World:
    plan: GrowthPlan
    goal: Goal
    action: Action
    check_in: CheckIn


@pytest.fixture
def world(alice: User) -> World:
    plan = services.plan_create(owner=alice, title="Towards senior", summary="Own a system.")
    goal = services.goal_create(
        plan=plan,
        axis=Axis.objects.get(slug="impact"),
        title="Lead the billing migration",
        description="Show ownership end to end.",
        target_date=datetime.date(NEXT_YEAR, 6, 30),
        status=GoalStatus.IN_PROGRESS,
    )
    action = services.action_create(goal=goal, text="Write the design doc")
    check_in = services.checkin_create(
        goal=goal, date=datetime.date(2025, 3, 1), note="Doc reviewed by the team."
    )
    return World(plan=plan, goal=goal, action=action, check_in=check_in)


def _share(plan: GrowthPlan, grantee: User, **fields: object) -> Share:
    fields.setdefault("role", ShareRole.READ)
    fields.setdefault("accepted_at", timezone.now())
    return Share.objects.create(plan=plan, grantee=grantee, **fields)


def _login(client: Client, user: User) -> Client:
    client.force_login(user)
    return client


def _state(world: World) -> tuple[object, ...]:
    """Return everything a write could change, to show that nothing did."""
    world.plan.refresh_from_db()
    world.goal.refresh_from_db()
    world.action.refresh_from_db()
    world.check_in.refresh_from_db()
    return (
        world.plan.title,
        world.plan.summary,
        world.goal.title,
        world.goal.status,
        world.action.done,
        world.check_in.note,
        GrowthPlan.objects.count(),
        Goal.objects.count(),
        Action.objects.count(),
        CheckIn.objects.count(),
    )


# Target dates are chosen in the future; a past one is refused.
NEXT_YEAR = datetime.date.today().year + 1

GOOD_GOAL = {
    "axis": "",  # filled in per test with a real axis id
    "title": "Mentor a new joiner",
    "description": "",
    "target_date": f"{NEXT_YEAR}-01-31",
    "status": GoalStatus.NOT_STARTED,
}


def _goal_data(**overrides: str) -> dict[str, str]:
    data = {**GOOD_GOAL, "axis": str(Axis.objects.get(slug="teamwork").pk)}
    data.update(overrides)
    return data


# Every URL of this area that changes something, with a valid body for it.
def _writes(world: World) -> list[tuple[str, str, dict[str, str]]]:
    plan, goal, action, check_in = world.plan, world.goal, world.action, world.check_in
    return [
        ("plan_edit", reverse("growth:plan_edit", args=[plan.public_id]), {"title": "Mine now"}),
        ("plan_delete", reverse("growth:plan_delete", args=[plan.public_id]), {}),
        ("goal_create", reverse("growth:goal_create", args=[plan.public_id]), _goal_data()),
        ("goal_edit", reverse("growth:goal_edit", args=[goal.public_id]), _goal_data()),
        ("goal_delete", reverse("growth:goal_delete", args=[goal.public_id]), {}),
        ("action_create", reverse("growth:action_create", args=[goal.public_id]), {"text": "x"}),
        ("action_toggle", reverse("growth:action_toggle", args=[action.public_id]), {}),
        ("action_delete", reverse("growth:action_delete", args=[action.public_id]), {}),
        (
            "checkin_create",
            reverse("growth:checkin_create", args=[goal.public_id]),
            {"date": "2025-04-01", "note": "x"},
        ),
        (
            "checkin_edit",
            reverse("growth:checkin_edit", args=[check_in.public_id]),
            {"date": "2025-04-01", "note": "changed"},
        ),
        ("checkin_delete", reverse("growth:checkin_delete", args=[check_in.public_id]), {}),
    ]


def _reads(world: World) -> list[str]:
    return [
        reverse("growth:plan", args=[world.plan.public_id]),
        reverse("growth:plan_edit", args=[world.plan.public_id]),
        reverse("growth:goal_create", args=[world.plan.public_id]),
        reverse("growth:goal_edit", args=[world.goal.public_id]),
        reverse("growth:checkin_edit", args=[world.check_in.public_id]),
    ]


POST_ONLY = [
    "plan_delete",
    "goal_delete",
    "action_create",
    "action_toggle",
    "action_delete",
    "checkin_create",
    "checkin_delete",
]
WRITE_NAMES = [
    "plan_edit",
    "plan_delete",
    "goal_create",
    "goal_edit",
    "goal_delete",
    "action_create",
    "action_toggle",
    "action_delete",
    "checkin_create",
    "checkin_edit",
    "checkin_delete",
]


def _write(world: World, name: str) -> tuple[str, dict[str, str]]:
    for write_name, url, data in _writes(world):
        if write_name == name:
            return url, data
    raise AssertionError(name)


# The owner's flow.


def test_owner_creates_a_plan_and_lands_on_it(client: Client, alice: User) -> None:
    _login(client, alice)
    response = client.post(
        reverse("growth:plan_create"), {"title": "  Staff by 2027 ", "summary": "Scope up."}
    )
    plan = GrowthPlan.objects.get(owner=alice)
    assert plan.title == "Staff by 2027"
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()


def test_plan_list_shows_only_the_members_own_plans_with_goal_counts(
    client: Client, alice: User, charlie: User, world: World
) -> None:
    services.plan_create(owner=charlie, title="Charlie's secret plan")
    response = _login(client, alice).get(reverse("growth:plans"))
    assert response.status_code == 200
    assert b"Towards senior" in response.content
    assert b"Charlie&#x27;s secret plan" not in response.content
    assert response.context["plans"][0].goal_count == 1


def test_owner_sees_edit_controls_and_goal_details_on_the_plan(
    client: Client, alice: User, world: World
) -> None:
    response = _login(client, alice).get(world.plan.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lead the billing migration" in body
    assert "Write the design doc" in body
    assert "Doc reviewed by the team." in body
    assert reverse("growth:plan_edit", args=[world.plan.public_id]) in body
    assert reverse("growth:sharing", args=[world.plan.public_id]) in body
    assert reverse("growth:goal_edit", args=[world.goal.public_id]) in body
    assert reverse("growth:action_create", args=[world.goal.public_id]) in body
    assert reverse("growth:checkin_edit", args=[world.check_in.public_id]) in body
    assert reverse("growth:plan_markdown", args=[world.plan.public_id]) in body


def test_owner_edits_the_plan(client: Client, alice: User, world: World) -> None:
    url = reverse("growth:plan_edit", args=[world.plan.public_id])
    _login(client, alice)
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Towards staff", "summary": ""})
    assert response.status_code == 302
    world.plan.refresh_from_db()
    assert (world.plan.title, world.plan.summary) == ("Towards staff", "")


def test_owner_deletes_the_plan_with_everything_in_it(
    client: Client, alice: User, world: World
) -> None:
    response = _login(client, alice).post(
        reverse("growth:plan_delete", args=[world.plan.public_id])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("growth:plans")
    assert not GrowthPlan.objects.exists()
    assert not Goal.objects.exists() and not Action.objects.exists()


def test_owner_adds_a_goal_and_is_sent_to_it(client: Client, alice: User, world: World) -> None:
    _login(client, alice)
    url = reverse("growth:goal_create", args=[world.plan.public_id])
    assert client.get(url).status_code == 200
    response = client.post(url, _goal_data())
    goal = Goal.objects.get(title="Mentor a new joiner")
    assert goal.plan == world.plan and goal.axis.slug == "teamwork"
    assert goal.target_date == datetime.date(NEXT_YEAR, 1, 31)
    assert response["Location"] == f"{world.plan.get_absolute_url()}#goal-{goal.public_id}"


def test_owner_edits_a_goal(client: Client, alice: User, world: World) -> None:
    _login(client, alice)
    url = reverse("growth:goal_edit", args=[world.goal.public_id])
    form = client.get(url)
    assert form.status_code == 200
    assert form.context["form"].initial["title"] == "Lead the billing migration"
    response = client.post(url, _goal_data(title="Lead it", status=GoalStatus.DONE))
    assert response.status_code == 302
    world.goal.refresh_from_db()
    assert (world.goal.title, world.goal.status) == ("Lead it", GoalStatus.DONE)


def test_owner_deletes_a_goal(client: Client, alice: User, world: World) -> None:
    response = _login(client, alice).post(
        reverse("growth:goal_delete", args=[world.goal.public_id])
    )
    assert response["Location"] == world.plan.get_absolute_url()
    assert not Goal.objects.exists()
    assert GrowthPlan.objects.exists()


def test_owner_adds_an_action(client: Client, alice: User, world: World) -> None:
    response = _login(client, alice).post(
        reverse("growth:action_create", args=[world.goal.public_id]), {"text": " Pair on it "}
    )
    assert response.status_code == 302
    assert world.goal.actions.filter(text="Pair on it").exists()


def test_action_toggle_without_htmx_flips_done_and_redirects_to_the_goal(
    client: Client, alice: User, world: World
) -> None:
    url = reverse("growth:action_toggle", args=[world.action.public_id])
    _login(client, alice)
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#goal-{world.goal.public_id}")
    world.action.refresh_from_db()
    assert world.action.done
    client.post(url)
    world.action.refresh_from_db()
    assert not world.action.done


def test_action_toggle_with_htmx_returns_the_updated_item_only(
    client: Client, alice: User, world: World
) -> None:
    response = _login(client, alice).post(
        reverse("growth:action_toggle", args=[world.action.public_id]), HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<li class="action done" id="action-{world.action.public_id}"')
    assert 'aria-pressed="true"' in body
    assert "<html" not in body


def test_owner_deletes_an_action(client: Client, alice: User, world: World) -> None:
    _login(client, alice).post(reverse("growth:action_delete", args=[world.action.public_id]))
    assert not Action.objects.exists()


def test_owner_adds_edits_and_deletes_a_check_in(client: Client, alice: User, world: World) -> None:
    _login(client, alice)
    client.post(
        reverse("growth:checkin_create", args=[world.goal.public_id]),
        {"date": "2025-05-02", "note": "Cut-over done."},
    )
    added = CheckIn.objects.get(note="Cut-over done.")
    edit_url = reverse("growth:checkin_edit", args=[added.public_id])
    assert client.get(edit_url).status_code == 200
    client.post(edit_url, {"date": "2025-05-03", "note": "Cut-over done, no incidents."})
    added.refresh_from_db()
    assert (added.date, added.note) == (datetime.date(2025, 5, 3), "Cut-over done, no incidents.")
    client.post(reverse("growth:checkin_delete", args=[added.public_id]))
    assert not CheckIn.objects.filter(pk=added.pk).exists()


# Someone the plan is shared with, to read.


def test_shared_reader_sees_the_plan_without_edit_controls(
    client: Client, alice: User, carol: User, world: World
) -> None:
    _share(world.plan, carol)
    response = _login(client, carol).get(world.plan.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Lead the billing migration" in body and "Doc reviewed by the team." in body
    assert "shared this plan with you" in body
    for name, url, _data in _writes(world):
        assert f'action="{url}"' not in body, name
        assert f'href="{url}"' not in body, name
    assert reverse("growth:sharing", args=[world.plan.public_id]) not in body
    assert reverse("growth:plan_markdown", args=[world.plan.public_id]) in body
    # The workspace's own navigation is the owner's; a visitor does not get it.
    assert reverse("growth:log") not in body


@pytest.mark.parametrize(
    ("role", "note"),
    [
        (ShareRole.READ, "Alice Chen shared this plan with you to read."),
        (ShareRole.COMMENT, "Alice Chen shared this plan with you to read and comment on."),
    ],
)
def test_shared_plan_says_what_the_viewer_may_do(
    client: Client, carol: User, world: World, role: str, note: str
) -> None:
    _share(world.plan, carol, role=role)
    body = _login(client, carol).get(world.plan.get_absolute_url()).content.decode()
    assert note in body
    others = {
        "Alice Chen shared this plan with you to read.",
        "Alice Chen shared this plan with you to read and comment on.",
    }
    for other in others - {note}:
        assert other not in body


def test_shared_readers_look_is_recorded_for_the_owner(
    client: Client, carol: User, world: World
) -> None:
    share = _share(world.plan, carol)
    _login(client, carol).get(world.plan.get_absolute_url())
    assert list(ShareView.objects.filter(share=share).values_list("what", flat=True)) == ["plan"]


def test_shared_reader_with_review_history_gets_a_link_to_it(
    client: Client, carol: User, world: World
) -> None:
    url = reverse("growth:shared_reviews", args=[world.plan.public_id])
    share = _share(world.plan, carol)
    assert url not in _login(client, carol).get(world.plan.get_absolute_url()).content.decode()
    share.include_reviews = True
    share.save()
    assert url in client.get(world.plan.get_absolute_url()).content.decode()


@pytest.mark.parametrize("name", WRITE_NAMES)
def test_shared_reader_gets_403_on_every_write_and_nothing_changes(
    name: str, client: Client, carol: User, world: World
) -> None:
    _share(world.plan, carol)
    url, data = _write(world, name)
    before = _state(world)
    response = _login(client, carol).post(url, data)
    assert response.status_code == 403
    assert _state(world) == before


@pytest.mark.parametrize("name", WRITE_NAMES)
def test_shared_commenter_still_gets_403_on_every_write(
    name: str, client: Client, bob: User, world: World
) -> None:
    _share(world.plan, bob, role=ShareRole.COMMENT)
    url, data = _write(world, name)
    before = _state(world)
    assert _login(client, bob).post(url, data).status_code == 403
    assert _state(world) == before


def test_shared_reader_gets_403_on_owner_only_forms(
    client: Client, carol: User, world: World
) -> None:
    _share(world.plan, carol)
    _login(client, carol)
    for url in _reads(world)[1:]:
        assert client.get(url).status_code == 403, url


def test_revoked_share_gives_404_everywhere(client: Client, carol: User, world: World) -> None:
    _share(world.plan, carol, revoked_at=timezone.now())
    _login(client, carol)
    for url in _reads(world):
        assert client.get(url).status_code == 404, url
    for name, url, data in _writes(world):
        assert client.post(url, data).status_code == 404, name


def test_unaccepted_invitation_gives_404(client: Client, carol: User, world: World) -> None:
    _share(world.plan, carol, accepted_at=None)
    assert _login(client, carol).get(world.plan.get_absolute_url()).status_code == 404


# Outsiders, moderators and visitors.


@pytest.mark.parametrize("who", ["charlie", "mod"])
def test_outsider_and_moderator_get_404_on_every_url_and_nothing_changes(
    who: str, request: pytest.FixtureRequest, client: Client, world: World
) -> None:
    _login(client, request.getfixturevalue(who))
    before = _state(world)
    for url in _reads(world):
        assert client.get(url).status_code == 404, url
    for name, url, data in _writes(world):
        assert client.post(url, data).status_code == 404, name
    assert _state(world) == before
    assert not ShareView.objects.exists()


def test_unknown_ids_get_404(client: Client, alice: User, world: World) -> None:
    _login(client, alice)
    for name in ["plan", "plan_edit", "goal_edit", "checkin_edit"]:
        assert client.get(reverse(f"growth:{name}", args=["nope"])).status_code == 404
    for name in ["action_toggle", "action_delete", "checkin_delete", "goal_delete"]:
        assert client.post(reverse(f"growth:{name}", args=["nope"])).status_code == 404


@pytest.mark.parametrize("name", WRITE_NAMES)
def test_logged_out_visitor_is_sent_to_login_and_nothing_changes(
    name: str, client: Client, world: World
) -> None:
    url, data = _write(world, name)
    before = _state(world)
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert _state(world) == before


def test_logged_out_visitor_is_sent_to_login_from_reading_pages(
    client: Client, world: World
) -> None:
    for url in [reverse("growth:plans"), reverse("growth:plan_create"), *_reads(world)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


# Methods.


@pytest.mark.parametrize("name", POST_ONLY)
def test_post_only_views_refuse_get_with_405(
    name: str, client: Client, alice: User, world: World
) -> None:
    url, _data = _write(world, name)
    assert _login(client, alice).get(url).status_code == 405


def test_form_views_refuse_put_and_delete_with_405(
    client: Client, alice: User, world: World
) -> None:
    _login(client, alice)
    urls = [reverse("growth:plan_create"), reverse("growth:plans"), *_reads(world)]
    for url in urls:
        assert client.put(url).status_code == 405, url
        assert client.delete(url).status_code == 405, url


def test_reading_pages_refuse_post_with_405(client: Client, alice: User, world: World) -> None:
    _login(client, alice)
    assert client.post(reverse("growth:plans")).status_code == 405
    assert client.post(world.plan.get_absolute_url()).status_code == 405


# Bad input.


@pytest.mark.parametrize(
    "data",
    [
        {"title": "", "summary": ""},
        {"title": "   ", "summary": ""},
        {"title": "x" * 161, "summary": ""},
        {"title": "Fine", "summary": "x" * 1_000_000},
        {"title": "Nul\x00byte", "summary": ""},
    ],
    ids=["empty", "blank", "long-title", "megabyte-summary", "nul"],
)
def test_bad_plan_input_is_a_400_form_error_and_saves_nothing(
    data: dict[str, str], client: Client, alice: User
) -> None:
    response = _login(client, alice).post(reverse("growth:plan_create"), data)
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not GrowthPlan.objects.exists()


def test_a_megabyte_summary_gets_a_clear_message(client: Client, alice: User) -> None:
    response = _login(client, alice).post(
        reverse("growth:plan_create"), {"title": "Fine", "summary": "x" * 1_000_000}
    )
    assert "at most 20000 characters" in response.content.decode()


@pytest.mark.parametrize(
    "overrides",
    [
        {"target_date": "1899-12-31"},
        {"target_date": "9999-01-01"},
        {"target_date": "2025-02-30"},
        {"axis": "999999"},
        {"axis": ""},
        {"status": "promoted"},
        {"title": ""},
        {"description": "x" * 20_001},
    ],
    ids=[
        "before-1900",
        "far-future",
        "no-such-day",
        "no-such-axis",
        "no-axis",
        "status",
        "title",
        "long-description",
    ],
)
def test_bad_goal_input_is_a_400_form_error_and_saves_nothing(
    overrides: dict[str, str], client: Client, alice: User, world: World
) -> None:
    _login(client, alice)
    create = client.post(
        reverse("growth:goal_create", args=[world.plan.public_id]), _goal_data(**overrides)
    )
    assert create.status_code == 400
    assert create.context["form"].errors
    before = _state(world)
    edit = client.post(
        reverse("growth:goal_edit", args=[world.goal.public_id]), _goal_data(**overrides)
    )
    assert edit.status_code == 400
    assert _state(world) == before
    assert Goal.objects.count() == 1


def test_goal_target_date_five_years_ahead_is_accepted_and_a_day_more_is_not(
    client: Client, alice: User, world: World
) -> None:
    latest = services.latest_allowed_date()
    _login(client, alice)
    url = reverse("growth:goal_create", args=[world.plan.public_id])
    too_far = (latest + datetime.timedelta(days=1)).isoformat()
    assert client.post(url, _goal_data(target_date=too_far)).status_code == 400
    assert client.post(url, _goal_data(target_date=latest.isoformat())).status_code == 302


@pytest.mark.parametrize("text", ["", "   ", "x" * 301], ids=["empty", "blank", "long"])
def test_bad_action_is_a_400_form_error_and_saves_nothing(
    text: str, client: Client, alice: User, world: World
) -> None:
    response = _login(client, alice).post(
        reverse("growth:action_create", args=[world.goal.public_id]), {"text": text}
    )
    assert response.status_code == 400
    assert response.context["form"].errors
    assert Action.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"date": "", "note": "ok"},
        {"date": "1800-01-01", "note": "ok"},
        {"date": "not a date", "note": "ok"},
        {"date": "2025-01-01", "note": ""},
        {"date": "2025-01-01", "note": "x" * 1_000_000},
    ],
    ids=["no-date", "1800", "garbage-date", "empty-note", "megabyte-note"],
)
def test_bad_check_in_is_a_400_form_error_and_saves_nothing(
    data: dict[str, str], client: Client, alice: User, world: World
) -> None:
    _login(client, alice)
    before = _state(world)
    create = client.post(reverse("growth:checkin_create", args=[world.goal.public_id]), data)
    assert create.status_code == 400
    assert create.context["form"].errors
    edit = client.post(reverse("growth:checkin_edit", args=[world.check_in.public_id]), data)
    assert edit.status_code == 400
    assert _state(world) == before


# Query budget.


def _grow(plan: GrowthPlan, goals: int, commenter: User) -> None:
    axes = list(Axis.objects.all())
    for i in range(goals):
        goal = services.goal_create(plan=plan, axis=axes[i % len(axes)], title=f"Goal {i}")
        for j in range(3):
            services.action_create(goal=goal, text=f"Step {j}")
            services.checkin_create(goal=goal, date=datetime.date(2025, 1, j + 1), note="ok")
            Comment.objects.create(goal=goal, author=commenter, body=f"Comment {j}")


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_plan_page_queries_do_not_grow_with_goals(
    who: str,
    request: pytest.FixtureRequest,
    client: Client,
    alice: User,
    bob: User,
    world: World,
    django_assert_max_num_queries: object,
) -> None:
    _share(world.plan, bob, role=ShareRole.COMMENT)
    _login(client, request.getfixturevalue(who))
    url = world.plan.get_absolute_url()
    _grow(world.plan, 2, bob)
    with django_assert_max_num_queries(10) as few:  # type: ignore[operator]
        assert client.get(url).status_code == 200
    _grow(world.plan, 20, bob)
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        response = client.get(url)
    assert response.content.decode().count('class="goal card"') == 23


def test_plan_list_queries_do_not_grow_with_plans(
    client: Client, alice: User, django_assert_max_num_queries: object
) -> None:
    _login(client, alice)
    services.plan_create(owner=alice, title="One")
    with django_assert_max_num_queries(6) as few:  # type: ignore[operator]
        client.get(reverse("growth:plans"))
    for i in range(15):
        plan = services.plan_create(owner=alice, title=f"Plan {i}")
        services.goal_create(plan=plan, axis=Axis.objects.first(), title="g")  # type: ignore[arg-type]
    with django_assert_max_num_queries(len(few.captured_queries)):  # type: ignore[operator]
        response = client.get(reverse("growth:plans"))
    assert len(response.context["plans"]) == 16
