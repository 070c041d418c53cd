"""Plan, goal, action and check-in services: what they accept, refuse, and never half-save."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from rung.accounts.models import User
from rung.growth.models import Action, CheckIn, Goal, GoalStatus, GrowthPlan
from rung.growth.services import plans as services
from rung.growth.services.worklog import log_entry_create
from rung.ladder.models import Axis

pytestmark = pytest.mark.django_db


@pytest.fixture
def impact() -> Axis:
    return Axis.objects.get(slug="impact")


@pytest.fixture
def plan(alice: User) -> GrowthPlan:
    return services.plan_create(owner=alice, title="Towards senior")


@pytest.fixture
def goal(plan: GrowthPlan, impact: Axis) -> Goal:
    return services.goal_create(plan=plan, axis=impact, title="Own the billing service")


def test_latest_allowed_date_is_five_years_ahead() -> None:
    assert services.latest_allowed_date(datetime.date(2025, 3, 1)) == datetime.date(2030, 3, 1)


def test_latest_allowed_date_from_29_february_falls_back_to_the_28th() -> None:
    assert services.latest_allowed_date(datetime.date(2024, 2, 29)) == datetime.date(2029, 2, 28)


@pytest.mark.parametrize(
    "value",
    [datetime.date(1899, 12, 31), datetime.date(1, 1, 1), datetime.date(9999, 12, 31)],
)
def test_dates_outside_1900_to_five_years_ahead_are_refused(value: datetime.date) -> None:
    with pytest.raises(ValidationError):
        services.validate_growth_date(value)


def test_the_bounds_themselves_are_accepted() -> None:
    services.validate_growth_date(services.EARLIEST_DATE)
    services.validate_growth_date(services.latest_allowed_date())


def test_text_length_error_names_the_limit_and_the_length() -> None:
    with pytest.raises(ValidationError) as caught:
        services.validate_text_length("x" * 20_001)
    assert caught.value.messages == ["Keep this under 20000 characters (it has 20001)."]


def test_plan_create_strips_and_requires_a_title(alice: User) -> None:
    assert services.plan_create(owner=alice, title="  Staff  ").title == "Staff"
    with pytest.raises(ValidationError):
        services.plan_create(owner=alice, title="   ")
    assert GrowthPlan.objects.count() == 1


def test_plan_update_refuses_a_huge_summary_and_keeps_the_saved_one(plan: GrowthPlan) -> None:
    with pytest.raises(ValidationError):
        services.plan_update(plan=plan, title="New", summary="x" * 20_001)
    plan.refresh_from_db()
    assert (plan.title, plan.summary) == ("Towards senior", "")


def test_goal_create_saves_every_field(plan: GrowthPlan, impact: Axis) -> None:
    goal = services.goal_create(
        plan=plan,
        axis=impact,
        title=" Lead an incident review ",
        description="Calm under pressure.",
        target_date=datetime.date(datetime.date.today().year + 1, 1, 1),
        status=GoalStatus.IN_PROGRESS,
    )
    goal.refresh_from_db()
    assert (goal.title, goal.axis, goal.status) == (
        "Lead an incident review",
        impact,
        GoalStatus.IN_PROGRESS,
    )
    assert goal.target_date == datetime.date(datetime.date.today().year + 1, 1, 1)


@pytest.mark.parametrize(
    "overrides",
    [
        {"title": ""},
        {"title": "x" * 201},
        {"status": "promoted"},
        {"target_date": datetime.date(1899, 1, 1)},
        {"description": "x" * 20_001},
    ],
    ids=["no-title", "long-title", "status", "date", "description"],
)
def test_goal_update_refuses_bad_values_and_keeps_the_saved_goal(
    overrides: dict[str, object], goal: Goal, impact: Axis
) -> None:
    values: dict[str, object] = {
        "axis": impact,
        "title": "Changed",
        "description": "",
        "target_date": None,
        "status": GoalStatus.DONE,
    }
    values.update(overrides)
    with pytest.raises(ValidationError):
        services.goal_update(goal=goal, **values)  # type: ignore[arg-type]
    stored = Goal.objects.get(pk=goal.pk)
    assert (stored.title, stored.status) == ("Own the billing service", GoalStatus.NOT_STARTED)


def test_changing_a_goal_marks_its_plan_as_updated(plan: GrowthPlan, goal: Goal) -> None:
    before = GrowthPlan.objects.get(pk=plan.pk).updated_at
    services.action_create(goal=goal, text="Read the runbook")
    assert GrowthPlan.objects.get(pk=plan.pk).updated_at > before


def test_action_toggle_flips_from_the_saved_state_not_a_stale_copy(goal: Goal) -> None:
    action = services.action_create(goal=goal, text="Write the doc")
    stale = Action.objects.get(pk=action.pk)
    services.action_toggle(action=action)
    # A second click from a page loaded before the first must undo it, not repeat it.
    services.action_toggle(action=stale)
    assert Action.objects.get(pk=action.pk).done is False
    assert stale.done is False


def test_action_create_refuses_blank_and_long_text(goal: Goal) -> None:
    for text in ["  ", "x" * 301]:
        with pytest.raises(ValidationError):
            services.action_create(goal=goal, text=text)
    assert not Action.objects.exists()


def test_check_in_create_and_update(goal: Goal) -> None:
    check_in = services.checkin_create(goal=goal, date=datetime.date(2025, 1, 2), note=" Going ok ")
    assert check_in.note == "Going ok"
    services.checkin_update(check_in=check_in, date=datetime.date(2025, 1, 3), note="Better")
    check_in.refresh_from_db()
    assert (check_in.date, check_in.note) == (datetime.date(2025, 1, 3), "Better")


@pytest.mark.parametrize(
    ("date", "note"),
    [
        (datetime.date(1850, 1, 1), "ok"),
        (datetime.date(2025, 1, 1), ""),
        (datetime.date(2025, 1, 1), "x" * 20_001),
    ],
    ids=["date", "empty", "long"],
)
def test_check_in_update_refuses_bad_values_and_keeps_the_saved_one(
    goal: Goal, date: datetime.date, note: str
) -> None:
    check_in = services.checkin_create(goal=goal, date=datetime.date(2025, 1, 2), note="First")
    with pytest.raises(ValidationError):
        services.checkin_update(check_in=check_in, date=date, note=note)
    stored = CheckIn.objects.get(pk=check_in.pk)
    assert (stored.date, stored.note) == (datetime.date(2025, 1, 2), "First")


def test_a_failure_after_saving_a_check_in_rolls_it_back(
    goal: Goal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_touch(plan_id: int) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_touch_plan", broken_touch)
    with pytest.raises(RuntimeError):
        services.checkin_create(goal=goal, date=datetime.date(2025, 1, 2), note="Lost?")
    assert not CheckIn.objects.exists()


def test_a_failure_after_saving_a_goal_rolls_it_back(
    plan: GrowthPlan, impact: Axis, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_touch(plan_id: int) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_touch_plan", broken_touch)
    with pytest.raises(RuntimeError):
        services.goal_create(plan=plan, axis=impact, title="Half-saved?")
    assert not Goal.objects.exists()


def test_deleting_a_goal_keeps_log_entries_that_named_it(alice: User, goal: Goal) -> None:
    entry = log_entry_create(owner=alice, date=datetime.date(2025, 1, 1), text="Did it", goal=goal)
    services.goal_delete(goal=goal)
    entry.refresh_from_db()
    assert entry.goal is None and entry.text == "Did it"
