"""Target dates: a newly chosen one must not have passed; passed ones on open goals show
"Overdue" on the plan, the plan list and the workspace home. Dates read one way."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from rung.accounts.models import User
from rung.growth.models import Goal, GoalStatus, GrowthPlan
from rung.growth.services import plans as services
from rung.ladder.models import Axis

pytestmark = pytest.mark.django_db


def _today() -> datetime.date:
    return timezone.localdate()


def _days(n: int) -> datetime.date:
    return _today() + datetime.timedelta(days=n)


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return services.plan_create(owner=alice, title="Towards senior")


def _past_goal(
    plan: GrowthPlan, *, status: str = GoalStatus.IN_PROGRESS, title: str = "Late"
) -> Goal:
    """A goal whose date passed since it was set: saved directly, as time would leave it."""
    goal = services.goal_create(plan=plan, axis=Axis.objects.get(slug="impact"), title=title)
    Goal.objects.filter(pk=goal.pk).update(target_date=_days(-10), status=status)
    goal.refresh_from_db()
    return goal


def _goal_data(**overrides: str) -> dict[str, str]:
    data = {
        "axis": str(Axis.objects.get(slug="impact").pk),
        "title": "Lead the review",
        "description": "",
        "target_date": _days(30).isoformat(),
        "status": GoalStatus.NOT_STARTED,
    }
    data.update(overrides)
    return data


def test_a_new_goal_may_not_target_a_passed_day(plan: GrowthPlan) -> None:
    with pytest.raises(ValidationError, match="cannot be in the past"):
        services.goal_create(
            plan=plan, axis=Axis.objects.get(slug="impact"), title="x", target_date=_days(-1)
        )
    goal = services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="impact"), title="x", target_date=_today()
    )
    assert goal.target_date == _today()


def test_the_goal_form_refuses_a_passed_target_with_a_400_on_the_field(
    alice_client: Client, plan: GrowthPlan
) -> None:
    url = reverse("growth:goal_create", args=[plan.public_id])
    response = alice_client.post(url, _goal_data(target_date=_days(-1).isoformat()))
    assert response.status_code == 400
    assert "A target date cannot be in the past" in response.content.decode()
    assert not Goal.objects.exists()


def test_an_old_goal_stays_editable_with_its_passed_date(
    alice_client: Client, plan: GrowthPlan
) -> None:
    goal = _past_goal(plan)
    url = reverse("growth:goal_edit", args=[goal.public_id])
    kept = _goal_data(title="Late, reworded", target_date=_days(-10).isoformat())
    assert alice_client.post(url, kept).status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.target_date) == ("Late, reworded", _days(-10))
    # Moving it to another passed day is a new choice, and refused.
    moved = alice_client.post(url, _goal_data(target_date=_days(-5).isoformat()))
    assert moved.status_code == 400
    goal.refresh_from_db()
    assert goal.target_date == _days(-10)


def test_an_open_goal_past_its_date_is_marked_overdue_everywhere(
    alice_client: Client, plan: GrowthPlan
) -> None:
    _past_goal(plan)
    _past_goal(plan, status=GoalStatus.DONE, title="Finished late")
    services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="teamwork"), title="Ahead", target_date=_days(9)
    )
    detail = alice_client.get(plan.get_absolute_url()).content.decode()
    assert detail.count('class="overdue-mark"') == 1
    assert "Overdue" in detail
    listing = alice_client.get(reverse("growth:plans")).content.decode()
    assert '<span class="overdue-mark">1 goal overdue</span>' in listing
    home = alice_client.get(reverse("growth:home")).content.decode()
    assert '<span class="overdue-mark">1 goal overdue</span>' in home
    printed = alice_client.get(reverse("growth:plan_print", args=[plan.public_id]))
    assert "Overdue" in printed.content.decode()


def test_nothing_is_overdue_when_every_date_is_ahead_or_closed(
    alice_client: Client, plan: GrowthPlan
) -> None:
    _past_goal(plan, status=GoalStatus.DROPPED)
    services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="teamwork"), title="Ahead", target_date=_days(9)
    )
    for url in (plan.get_absolute_url(), reverse("growth:plans"), reverse("growth:home")):
        assert "overdue-mark" not in alice_client.get(url).content.decode()


def _render(value: object, language: str, filter_name: str = "growth_date") -> str:
    with translation.override(language):
        return Template("{% load growth %}{{ value|" + filter_name + " }}").render(
            Context({"value": value})
        )


def test_dates_read_one_way_in_each_language() -> None:
    day = datetime.date(2026, 12, 6)
    assert _render(day, "en") == "6 Dec 2026"
    assert _render(day, "zh-hans") == "2026年12月6日"
    moment = timezone.make_aware(datetime.datetime(2026, 12, 6, 14, 5))
    assert _render(moment, "en", "growth_datetime").startswith("6 Dec 2026, ")
    assert _render(None, "en") == ""


def test_growth_pages_use_the_one_date_format(alice_client: Client, plan: GrowthPlan) -> None:
    target = _days(40)
    goal = services.goal_create(
        plan=plan, axis=Axis.objects.get(slug="impact"), title="x", target_date=target
    )
    services.checkin_create(goal=goal, date=_today(), note="Going well.")
    html = alice_client.get(plan.get_absolute_url()).content.decode()
    assert f">{target.day} {target.strftime('%b')} {target.year}</time>" in html
    assert f'datetime="{target.isoformat()}"' in html
    with translation.override("zh-hans"):
        alice_client.cookies["django_language"] = "zh-hans"
        zh = alice_client.get(plan.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert f"{target.year}年{target.month}月{target.day}日" in zh.content.decode()
