"""Forms for plans, goals, actions and check-ins; they parse input, services decide."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rung.core.submit_once import SubmitOnceForm
from rung.growth.models import Action, Goal, GoalStatus, GrowthPlan
from rung.growth.services.plans import TEXT_MAX_LENGTH, validate_growth_date
from rung.ladder.models import Axis

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def growth_date_field(
    label: "_StrOrPromise", *, required: bool = True, **kwargs: Any
) -> forms.DateField:
    """Return a date field that accepts 1900-01-01 up to five years ahead."""
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        validators=[validate_growth_date],
        **kwargs,
    )


def long_text_field(
    label: "_StrOrPromise", *, required: bool = False, rows: int = 4
) -> forms.CharField:
    """Return a textarea capped at the growth text limit."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class AxisField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Axis) -> str:
        return obj.name


class PlanForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=GrowthPlan._meta.get_field("title").max_length,
        widget=forms.TextInput(attrs={"placeholder": _("For example: Towards senior in 2026")}),
    )
    summary = long_text_field(_("What this plan is for"))


class PlanCreateForm(SubmitOnceForm, PlanForm):
    """A new plan, with the token that makes a double submit create one."""


class GoalForm(forms.Form):
    axis = AxisField(label=_("Ladder axis"), queryset=Axis.objects.all(), empty_label=None)
    title = forms.CharField(label=_("Goal"), max_length=Goal._meta.get_field("title").max_length)
    description = long_text_field(_("Why it matters"))
    target_date = growth_date_field(_("Target date"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=GoalStatus.choices, initial=GoalStatus.NOT_STARTED
    )

    @staticmethod
    def initial_for(goal: Goal) -> dict[str, Any]:
        return {
            "axis": goal.axis_id,
            "title": goal.title,
            "description": goal.description,
            "target_date": goal.target_date,
            "status": goal.status,
        }


class GoalCreateForm(SubmitOnceForm, GoalForm):
    """A new goal, with the token that makes a double submit create one."""


class ActionForm(SubmitOnceForm):
    text = forms.CharField(
        label=_("Next step"),
        max_length=Action._meta.get_field("text").max_length,
        widget=forms.TextInput(attrs={"placeholder": _("A step you can finish this month")}),
    )


class CheckInForm(forms.Form):
    date = growth_date_field(_("Date"))
    note = long_text_field(_("How is it going?"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("date", timezone.localdate())


class CheckInCreateForm(SubmitOnceForm, CheckInForm):
    """A new check-in, with the token that makes a double submit create one."""


class PlanFromGapsForm(SubmitOnceForm, PlanForm):
    """A new plan with one goal per ticked gap; each goal's wording can be changed first."""

    target_date = growth_date_field(
        _("Target date for these goals"),
        required=False,
        help_text=_("Optional; you can give each goal its own date later."),
    )

    def __init__(self, *args: Any, axes: list[Axis], goal_titles: dict[int, str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.axes = axes
        for axis in axes:
            self.fields[self.goal_field_name(axis)] = forms.CharField(
                label=_("Goal on %(axis)s") % {"axis": axis.name},
                max_length=Goal._meta.get_field("title").max_length,
                initial=goal_titles.get(axis.pk, ""),
            )

    @staticmethod
    def goal_field_name(axis: Axis) -> str:
        return f"goal_{axis.slug.replace('-', '_')}"

    def goal_fields(self) -> list[forms.BoundField]:
        return [self[self.goal_field_name(axis)] for axis in self.axes]

    def goals(self) -> list[tuple[Axis, str]]:
        """Return each ticked axis with the goal typed for it."""
        return [(axis, self.cleaned_data[self.goal_field_name(axis)]) for axis in self.axes]
