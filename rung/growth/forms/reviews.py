"""Forms for custom rating scales and review cycles; they parse input, services decide."""

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rung.accounts.models import User
from rung.core.submit_once import SubmitOnceForm
from rung.growth.models import ReviewCycle
from rung.growth.selectors.reviews import last_used_scale, scales_for
from rung.growth.services.reviews import (
    CODE_MAX_LENGTH,
    LABEL_MAX_LENGTH,
    MAX_LEVELS,
    MIN_LEVELS,
    NAME_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    ScaleLevel,
    check_review_date,
)
from rung.ladder.forms import EMPTY_OPTION, LevelChoiceField, ScaleRatingsMixin
from rung.ladder.models import Axis, RatingChoice, RatingScale

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise

_TOO_LONG = _("Keep this under %(limit_value)d characters (it has %(show_value)d).")


def _text_field(
    label: "_StrOrPromise", *, max_length: int, rows: int | None = None, **kwargs: Any
) -> Any:
    widget = forms.Textarea(attrs={"rows": rows}) if rows else None
    return forms.CharField(
        label=label,
        max_length=max_length,
        widget=widget,
        error_messages={"max_length": _TOO_LONG},
        **kwargs,
    )


class ScaleForm(forms.Form):
    name = _text_field(
        _("Scale name"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("What your company calls it, e.g. “Acme ladder ratings”."),
    )


COMMON_VALUE_CHOICES = [
    ("", "—"),
    (5, _("5 — highest")),
    (4, "4"),
    (3, _("3 — meets the bar")),
    (2, "2"),
    (1, _("1 — lowest")),
]


class ScaleLevelForm(forms.Form):
    """One row of a custom scale; a row left entirely blank is ignored."""

    code = _text_field(_("Code"), max_length=CODE_MAX_LENGTH)
    label = _text_field(_("Meaning"), max_length=LABEL_MAX_LENGTH)
    common_value = forms.TypedChoiceField(
        label=_("Common value"), choices=COMMON_VALUE_CHOICES, coerce=int
    )


class BaseScaleLevelFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        if any(self.errors):
            return
        levels = self.levels()
        if not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
            raise forms.ValidationError(
                _("Fill in between %(min)d and %(max)d levels."),
                params={"min": MIN_LEVELS, "max": MAX_LEVELS},
            )
        seen: set[str] = set()
        for form, level in zip(self._filled_forms(), levels, strict=True):
            key = level.code.casefold()
            if key in seen:
                form.add_error("code", _("This code is already used above."))
            seen.add(key)

    def _filled_forms(self) -> list[forms.Form]:
        return [form for form in self.forms if form.has_changed() and form.cleaned_data]

    def levels(self) -> list[ScaleLevel]:
        """Return the filled-in rows, in the order they were typed."""
        return [
            ScaleLevel(
                code=form.cleaned_data["code"],
                label=form.cleaned_data["label"],
                common_value=form.cleaned_data["common_value"],
            )
            for form in self._filled_forms()
        ]


_ScaleLevelFormSet = forms.formset_factory(
    ScaleLevelForm,
    formset=BaseScaleLevelFormSet,
    extra=MAX_LEVELS,
    max_num=MAX_LEVELS,
    absolute_max=MAX_LEVELS,
    validate_max=True,
)


def scale_level_formset(data: Any = None) -> BaseScaleLevelFormSet:
    """Return the rows of a new custom scale, bound to `data` when given."""
    formset = _ScaleLevelFormSet(data, prefix="levels")
    assert isinstance(formset, BaseScaleLevelFormSet)
    return formset


class ReviewCycleForm(ScaleRatingsMixin, forms.Form):
    """A review cycle; one rating and one "manager's words" field is added per axis."""

    name = _text_field(
        _("Cycle"),
        max_length=NAME_MAX_LENGTH,
        help_text=_("How you refer to this review, e.g. “H1 2025” or “2024 annual”."),
    )
    date = forms.DateField(
        label=_("Review date"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Year-month-day, e.g. 2025-06-30."),
    )
    company = _text_field(_("Company"), max_length=NAME_MAX_LENGTH, required=False)
    level = LevelChoiceField(label=_("Your level at the time"), required=False)
    scale: forms.ModelChoiceField[RatingScale] = forms.ModelChoiceField(
        label=_("Rating scale"), queryset=RatingScale.objects.none(), empty_label=EMPTY_OPTION[1]
    )
    notes = _text_field(
        _("Your own notes"),
        max_length=TEXT_MAX_LENGTH,
        rows=5,
        required=False,
        help_text=_("What you took away, what surprised you. Only you see these."),
    )

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.axes = list(Axis.objects.all())
        scales = scales_for(owner)
        # The scale of the last review, else the first preset: a scale is required anyway.
        self.setup_scale_ratings(scales, fallback=last_used_scale(owner) or scales.first())
        self.fields["overall"] = self.rating_field(_("Overall rating"))
        for axis in self.axes:
            self.fields[self.rating_field_name(axis)] = self.rating_field(axis.name)
            self.fields[self.words_field_name(axis)] = _text_field(
                _("Manager's words on %(axis)s") % {"axis": axis.name},
                max_length=TEXT_MAX_LENGTH,
                rows=3,
                required=False,
            )

    @staticmethod
    def rating_field_name(axis: Axis) -> str:
        return f"rating_{axis.slug.replace('-', '_')}"

    @staticmethod
    def words_field_name(axis: Axis) -> str:
        return f"words_{axis.slug.replace('-', '_')}"

    def axis_rows(self) -> list[tuple[Axis, forms.BoundField, forms.BoundField]]:
        return [
            (axis, self[self.rating_field_name(axis)], self[self.words_field_name(axis)])
            for axis in self.axes
        ]

    def clean_date(self) -> Any:
        value = self.cleaned_data["date"]
        check_review_date(value)
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        scale: RatingScale | None = data.get("scale")
        data["overall_choice"] = self.rating_on_scale("overall", data.get("overall"), scale)
        ratings: dict[Axis, tuple[RatingChoice, str]] = {}
        for axis in self.axes:
            rating_name, words_name = self.rating_field_name(axis), self.words_field_name(axis)
            choice = self.rating_on_scale(rating_name, data.get(rating_name), scale)
            words = data.get(words_name) or ""
            if choice is not None:
                ratings[axis] = (choice, words)
            elif words.strip() and data.get(rating_name) is None:
                self.add_error(
                    rating_name, _("Choose a rating to keep the manager's words on this axis.")
                )
        data["ratings"] = ratings
        return data

    def service_kwargs(self) -> dict[str, Any]:
        """Return the cleaned values under the names the review services take."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "date": data["date"],
            "company": data.get("company", ""),
            "level": data.get("level"),
            "scale": data["scale"],
            "overall": data["overall_choice"],
            "notes": data.get("notes", ""),
            "ratings": data["ratings"],
        }

    @classmethod
    def initial_for(cls, cycle: ReviewCycle) -> dict[str, Any]:
        """Return the initial data that shows an existing cycle in the form."""
        initial: dict[str, Any] = {
            "name": cycle.name,
            "date": cycle.date,
            "company": cycle.company,
            "level": cycle.level_id,
            "scale": cycle.scale_id,
            "overall": cycle.overall_id,
            "notes": cycle.notes,
        }
        for rating in cycle.ratings.all():
            initial[cls.rating_field_name(rating.axis)] = rating.rating_id
            initial[cls.words_field_name(rating.axis)] = rating.manager_words
        return initial


class ReviewCycleCreateForm(SubmitOnceForm, ReviewCycleForm):
    """A new review cycle, with the token that makes a double submit create one."""
