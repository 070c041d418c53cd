"""Writes for growth plans, their goals, the actions towards them and dated check-ins.

Callers fetch rows through rung/growth/access.py first; these functions trust that the
member asking may change what they are given and only check the data itself.
"""

import datetime
import uuid
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnce
from rung.growth.models import Action, CheckIn, Goal, GoalStatus, GrowthPlan
from rung.ladder.models import Axis

TEXT_MAX_LENGTH = 20_000
EARLIEST_DATE = datetime.date(1900, 1, 1)
YEARS_AHEAD = 5


def latest_allowed_date(today: datetime.date | None = None) -> datetime.date:
    """Return the last date a growth record may carry: five years from today."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February in a year whose fifth successor is not a leap year
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def validate_growth_date(value: datetime.date) -> None:
    """Refuse dates before 1900 or more than five years ahead."""
    latest = latest_allowed_date()
    if value < EARLIEST_DATE or value > latest:
        raise ValidationError(
            _("Pick a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST_DATE.isoformat(), "latest": latest.isoformat()},
        )


def validate_text_length(value: str, *, limit: int = TEXT_MAX_LENGTH) -> None:
    """Refuse text longer than the limit, saying by how much."""
    if len(value) > limit:
        raise ValidationError(
            _("Keep this under %(limit)d characters (it has %(length)d)."),
            code="too_long",
            params={"limit": limit, "length": len(value)},
        )


def _required_text(value: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(message, code="required")
    return value


def _touch_plan(plan_id: int) -> None:
    """Mark the plan as changed so lists show when it last moved."""
    GrowthPlan.objects.filter(pk=plan_id).update(updated_at=timezone.now())


def _delete_from_plan(row: Goal | Action | CheckIn, plan_id: int) -> None:
    row.delete()
    _touch_plan(plan_id)


@transaction.atomic
def plan_create(
    *, owner: User, title: str, summary: str = "", submit_token: uuid.UUID | None = None
) -> GrowthPlan:
    """Start a growth plan for a member; a repeated submit token returns the plan made."""
    title = _required_text(title, _("Give the plan a title."))
    submit = SubmitOnce(GrowthPlan.objects.filter(owner=owner), submit_token)
    if earlier := submit.earlier(title=title, summary=summary.strip()):
        return earlier
    plan = GrowthPlan(owner=owner, title=title, summary=summary.strip(), submit_token=submit.token)
    validate_text_length(plan.summary)
    plan.full_clean(exclude=["submit_token"])
    return submit.save(plan)


@transaction.atomic
def plan_create_from_gaps(
    *,
    owner: User,
    title: str,
    summary: str = "",
    goals: Sequence[tuple[Axis, str]],
    target_date: datetime.date | None = None,
    submit_token: uuid.UUID | None = None,
) -> GrowthPlan:
    """Start a plan with one goal per gap; a repeated submit token returns the plan made."""
    if not goals:
        raise ValidationError(_("Tick at least one gap to turn into a goal."), code="no_goals")
    plan = plan_create(owner=owner, title=title, summary=summary, submit_token=submit_token)
    if plan.goals.exists():
        return plan  # an earlier submit of this form made the plan and its goals
    for axis, goal_title in goals:
        goal_create(plan=plan, axis=axis, title=goal_title, target_date=target_date)
    return plan


@transaction.atomic
def plan_update(*, plan: GrowthPlan, title: str, summary: str) -> GrowthPlan:
    """Change a plan's title and summary."""
    plan.title = _required_text(title, _("Give the plan a title."))
    plan.summary = summary.strip()
    validate_text_length(plan.summary)
    plan.full_clean()
    plan.save(update_fields=["title", "summary", "updated_at"])
    return plan


@transaction.atomic
def plan_delete(*, plan: GrowthPlan) -> None:
    """Delete a plan with its goals, actions, check-ins, comments and shares."""
    plan.delete()


def validate_target_date(
    target_date: datetime.date | None, *, previous: datetime.date | None = None
) -> None:
    """Refuse a newly chosen target date that has already passed; a kept one stays as it is."""
    if target_date is None or target_date == previous:
        return
    validate_growth_date(target_date)
    today = timezone.localdate()
    if target_date < today:
        raise ValidationError(
            {
                "target_date": ValidationError(
                    _("A target date cannot be in the past: pick today or a later day."),
                    code="target_in_past",
                )
            }
        )


def _apply_goal(
    goal: Goal,
    *,
    axis: Axis,
    title: str,
    description: str,
    target_date: datetime.date | None,
    status: str,
) -> None:
    validate_target_date(target_date, previous=goal.target_date)
    goal.axis = axis
    goal.title = _required_text(title, _("Say what the goal is."))
    goal.description = description.strip()
    goal.target_date = target_date
    goal.status = status
    validate_text_length(goal.description)
    if status not in GoalStatus.values:
        raise ValidationError(_("Pick one of the listed statuses."), code="invalid_status")
    goal.full_clean(exclude=["plan"])


@transaction.atomic
def goal_create(
    *,
    plan: GrowthPlan,
    axis: Axis,
    title: str,
    description: str = "",
    target_date: datetime.date | None = None,
    status: str = GoalStatus.NOT_STARTED,
    submit_token: uuid.UUID | None = None,
) -> Goal:
    """Add a goal on one ladder axis to a plan; a repeated submit token returns the goal made."""
    submit = SubmitOnce(Goal.objects.filter(plan=plan), submit_token)
    if earlier := submit.earlier(
        axis_id=axis.pk, title=title.strip(), description=description.strip()
    ):
        return earlier
    goal = Goal(plan=plan, submit_token=submit.token)
    _apply_goal(
        goal,
        axis=axis,
        title=title,
        description=description,
        target_date=target_date,
        status=status,
    )
    goal = submit.save(goal)
    _touch_plan(plan.pk)
    return goal


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    axis: Axis,
    title: str,
    description: str,
    target_date: datetime.date | None,
    status: str,
) -> Goal:
    """Change a goal's axis, wording, target date or status."""
    _apply_goal(
        goal,
        axis=axis,
        title=title,
        description=description,
        target_date=target_date,
        status=status,
    )
    goal.save(update_fields=["axis", "title", "description", "target_date", "status", "updated_at"])
    _touch_plan(goal.plan_id)
    return goal


@transaction.atomic
def goal_delete(*, goal: Goal) -> None:
    """Delete a goal with its actions, check-ins and comments; log entries keep their text."""
    _delete_from_plan(goal, goal.plan_id)


@transaction.atomic
def action_create(*, goal: Goal, text: str, submit_token: uuid.UUID | None = None) -> Action:
    """Add a concrete step to a goal; the same step sent again from a form returns it.

    Actions keep no token: a form's submit gets the same step added to this goal within
    the repost window (rung/core/submit_once.py), which covers a double click too.
    """
    text = _required_text(text, _("Describe the step."))
    submit = SubmitOnce(Action.objects.filter(goal=goal), submit_token)
    if earlier := submit.earlier(text=text):
        return earlier
    action = Action(goal=goal, text=text)
    action.full_clean()
    action = submit.save(action)
    _touch_plan(goal.plan_id)
    return action


@transaction.atomic
def action_toggle(*, action: Action) -> Action:
    """Flip whether an action is done, reading the saved state so double clicks stay exact."""
    locked = Action.objects.select_for_update().get(pk=action.pk)
    locked.done = not locked.done
    locked.save(update_fields=["done"])
    action.done = locked.done
    _touch_plan(action.goal.plan_id)
    return action


@transaction.atomic
def action_delete(*, action: Action) -> None:
    """Delete an action."""
    _delete_from_plan(action, action.goal.plan_id)


def _apply_check_in(check_in: CheckIn, *, date: datetime.date, note: str) -> None:
    check_in.date = date
    check_in.note = _required_text(note, _("Write how the goal is going."))
    validate_growth_date(date)
    validate_text_length(check_in.note)
    check_in.full_clean(exclude=["goal"])


@transaction.atomic
def checkin_create(
    *, goal: Goal, date: datetime.date, note: str, submit_token: uuid.UUID | None = None
) -> CheckIn:
    """Record a dated note on how a goal is going; a repeated submit token returns it."""
    submit = SubmitOnce(CheckIn.objects.filter(goal=goal), submit_token)
    if earlier := submit.earlier(date=date, note=note.strip()):
        return earlier
    check_in = CheckIn(goal=goal, submit_token=submit.token)
    _apply_check_in(check_in, date=date, note=note)
    check_in = submit.save(check_in)
    _touch_plan(goal.plan_id)
    return check_in


@transaction.atomic
def checkin_update(*, check_in: CheckIn, date: datetime.date, note: str) -> CheckIn:
    """Change a check-in's date or note."""
    _apply_check_in(check_in, date=date, note=note)
    check_in.save(update_fields=["date", "note", "updated_at"])
    _touch_plan(check_in.goal.plan_id)
    return check_in


@transaction.atomic
def checkin_delete(*, check_in: CheckIn) -> None:
    """Delete a check-in."""
    _delete_from_plan(check_in, check_in.goal.plan_id)
