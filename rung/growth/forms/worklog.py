"""Forms for the work log and self-review drafts; they parse input, services decide."""

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnceForm
from rung.growth.forms.plans import AxisField, growth_date_field
from rung.growth.models import Goal, LogEntry, SelfReview
from rung.growth.selectors.worklog import owner_goals
from rung.growth.services.worklog import (
    LOG_TEXT_MAX_LENGTH,
    SELF_REVIEW_MAX_LENGTH,
    validate_period,
)
from rung.ladder.models import Axis

# A default review period of about half a year, the most common cycle.
DEFAULT_PERIOD_DAYS = 182


class GoalField(forms.ModelChoiceField):
    """One of the member's own goals, named by its public id so forms never show row ids."""

    def __init__(self, owner: User, **kwargs: Any) -> None:
        super().__init__(queryset=owner_goals(owner), to_field_name="public_id", **kwargs)

    def label_from_instance(self, obj: Goal) -> str:
        return f"{obj.plan.title} — {obj.title}"


class LogEntryForm(forms.Form):
    date = growth_date_field(_("Date"))
    text = forms.CharField(
        label=_("What you did"),
        max_length=LOG_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("A line or two: what changed, for whom, and how you know."),
    )
    axis = AxisField(
        label=_("Axis"),
        queryset=Axis.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("No axis"),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"] = GoalField(
            owner, label=_("Goal"), required=False, empty_label=_("No goal")
        )
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())

    @staticmethod
    def initial_for(entry: LogEntry) -> dict[str, Any]:
        return {
            "date": entry.date,
            "text": entry.text,
            "axis": entry.axis.slug if entry.axis else None,
            "goal": entry.goal.public_id if entry.goal else None,
        }


class LogEntryCreateForm(SubmitOnceForm, LogEntryForm):
    """A new log entry, with the token that makes a double submit create one."""


class LogFilterForm(forms.Form):
    """Narrow the log to one axis or one goal (GET parameters)."""

    axis = AxisField(
        label=_("Axis"),
        queryset=Axis.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All axes"),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"] = GoalField(
            owner, label=_("Goal"), required=False, empty_label=_("All goals")
        )


class SelfReviewCreateForm(SubmitOnceForm):
    title = forms.CharField(
        label=_("Title"),
        max_length=SelfReview._meta.get_field("title").max_length,
    )
    period_start = growth_date_field(_("From"))
    period_end = growth_date_field(_("To"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            today = timezone.localdate()
            self.initial.setdefault("title", _("My self-review"))
            self.initial.setdefault("period_start", today - datetime.timedelta(DEFAULT_PERIOD_DAYS))
            self.initial.setdefault("period_end", today)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start is not None and end is not None:
            try:
                validate_period(start, end)
            except forms.ValidationError as error:
                self.add_error("period_end", error)
        return data


class SelfReviewForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=SelfReview._meta.get_field("title").max_length,
    )
    text = forms.CharField(
        label=_("Draft"),
        required=False,
        strip=False,
        max_length=SELF_REVIEW_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 24, "class": "self-review-editor"}),
        help_text=_("Plain text or Markdown. Nothing here is shared unless you export it."),
    )
