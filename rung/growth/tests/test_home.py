"""The workspace home, and the admin keeping growth rows away from staff."""

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from rung.accounts.models import User
from rung.growth.models import (
    Goal,
    GrowthPlan,
    LogEntry,
    ReviewCycle,
    Share,
    ShareRole,
)
from rung.ladder.models import Axis, RatingScale
from rung.testing import make_member

pytestmark = pytest.mark.django_db

HOME = "growth:home"


def _plan(owner: User, title: str, goals: int = 0) -> GrowthPlan:
    plan = GrowthPlan.objects.create(owner=owner, title=title)
    axis = Axis.objects.order_by("order")[0]
    for n in range(goals):
        Goal.objects.create(plan=plan, axis=axis, title=f"{title} goal {n}")
    return plan


def _review(owner: User, name: str, date: datetime.date) -> ReviewCycle:
    scale = RatingScale.objects.get(slug="e-m-i")
    return ReviewCycle.objects.create(
        owner=owner, name=name, date=date, scale=scale, overall=scale.choices.get(code="M+")
    )


def test_home_shows_plans_with_goal_counts_and_the_latest_review(
    client: Client, alice: User
) -> None:
    _plan(alice, "Grow into tech lead", goals=3)
    _plan(alice, "Write more", goals=1)
    _review(alice, "2023 mid-year", datetime.date(2023, 6, 1))
    _review(alice, "2024 year-end", datetime.date(2024, 12, 1))
    client.force_login(alice)
    response = client.get(reverse(HOME))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Grow into tech lead" in html and "3 goals" in html
    assert "Write more" in html and "1 goal" in html
    assert "2024 year-end" in html and "2023 mid-year" not in html
    assert "M+" in html


def test_home_links_into_every_area(client: Client, alice: User) -> None:
    client.force_login(alice)
    html = client.get(reverse(HOME)).content.decode()
    for name in ["reviews", "assessment", "gaps", "plans", "log", "self_reviews"]:
        assert f'href="{reverse(f"growth:{name}")}"' in html


def test_home_lists_pending_invitations_with_buttons(
    client: Client, alice: User, bob: User
) -> None:
    plan = _plan(alice, "Alice's staff plan")
    share = Share.objects.create(
        plan=plan, grantee=bob, role=ShareRole.COMMENT, include_reviews=True
    )
    client.force_login(bob)
    html = client.get(reverse(HOME)).content.decode()
    invitation = (
        "Alice Chen invites you to read and comment on their plan “Alice&#x27;s staff plan”"
    )
    assert invitation in html
    assert reverse("growth:invite_accept", args=[share.public_id]) in html
    assert reverse("growth:invite_decline", args=[share.public_id]) in html


def test_shared_with_me_lists_only_active_shares(
    client: Client, alice: User, bob: User, carol: User
) -> None:
    now = timezone.now()
    active = _plan(alice, "ACTIVE-PLAN")
    revoked = _plan(alice, "REVOKED-PLAN")
    pending = _plan(carol, "PENDING-PLAN")
    Share.objects.create(
        plan=active, grantee=bob, role=ShareRole.READ, accepted_at=now, include_reviews=True
    )
    Share.objects.create(
        plan=revoked, grantee=bob, role=ShareRole.READ, accepted_at=now, revoked_at=now
    )
    Share.objects.create(plan=pending, grantee=bob, role=ShareRole.COMMENT)
    client.force_login(bob)
    html = client.get(reverse(HOME)).content.decode()
    shared = html[html.index('id="shared-title"') :]
    assert "ACTIVE-PLAN" in shared and "by Alice" in shared and "Can read" in shared
    assert reverse("growth:shared_reviews", args=[active.public_id]) in shared
    assert "REVOKED-PLAN" not in html
    assert "PENDING-PLAN" not in shared


def test_home_shows_nothing_of_other_members(client: Client, alice: User, charlie: User) -> None:
    _plan(alice, "ALICE-SECRET-PLAN", goals=1)
    _review(alice, "ALICE-SECRET-REVIEW", datetime.date(2024, 1, 1))
    LogEntry.objects.create(owner=alice, date=datetime.date(2024, 1, 2), text="ALICE-SECRET-LOG")
    client.force_login(charlie)
    html = client.get(reverse(HOME)).content.decode()
    assert "ALICE-SECRET" not in html
    assert "No plan yet" in html and "No review recorded yet" in html


def test_home_queries_stay_bounded(
    client: Client, alice: User, django_assert_max_num_queries: Any
) -> None:
    for n in range(25):
        _plan(alice, f"Plan {n}", goals=2)
        owner = make_member(f"sharer{n}")
        now = timezone.now()
        Share.objects.create(
            plan=_plan(owner, f"Theirs {n}"), grantee=alice, role="read", accepted_at=now
        )
        Share.objects.create(plan=_plan(owner, f"Invite {n}"), grantee=alice, role="comment")
    client.force_login(alice)
    with django_assert_max_num_queries(10):
        response = client.get(reverse(HOME))
    html = response.content.decode()
    assert "All 25 plans" in html and "Theirs 24" in html and "Invite 24" in html


def test_home_sends_logged_out_visitors_to_login(client: Client) -> None:
    response = client.get(reverse(HOME))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_home_refuses_post(client: Client, alice: User) -> None:
    client.force_login(alice)
    assert client.post(reverse(HOME)).status_code == 405


# Admin


@pytest.fixture
def staff_with_every_permission(mod: User) -> User:
    mod.user_permissions.set(Permission.objects.filter(content_type__app_label="growth"))
    return User.objects.get(pk=mod.pk)


def test_staff_with_growth_permissions_sees_no_growth_in_admin(
    client: Client, staff_with_every_permission: User, alice: User
) -> None:
    plan = _plan(alice, "ADMIN-HIDDEN-PLAN")
    _review(alice, "ADMIN-HIDDEN-REVIEW", datetime.date(2024, 1, 1))
    assert staff_with_every_permission.has_perm("growth.view_reviewcycle")
    client.force_login(staff_with_every_permission)
    index = client.get("/admin/")
    assert index.status_code == 200
    assert "/admin/growth/" not in index.content.decode()
    for path in [
        "/admin/growth/",
        "/admin/growth/reviewcycle/",
        "/admin/growth/growthplan/",
        f"/admin/growth/growthplan/{plan.pk}/change/",
        "/admin/growth/growthplan/add/",
    ]:
        response = client.get(path)
        assert response.status_code in (403, 404), path
        assert "ADMIN-HIDDEN" not in response.content.decode()


def test_superuser_sees_growth_in_admin(client: Client, alice: User) -> None:
    _review(alice, "VISIBLE-TO-SUPERUSER", datetime.date(2024, 1, 1))
    root = make_member("root", is_staff=True, is_superuser=True)
    client.force_login(root)
    assert "/admin/growth/" in client.get("/admin/").content.decode()
    response = client.get("/admin/growth/reviewcycle/")
    assert response.status_code == 200
    assert "VISIBLE-TO-SUPERUSER" in response.content.decode()
