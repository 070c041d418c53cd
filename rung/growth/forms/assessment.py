"""Forms for the self-assessment, the level to assess at, and asking from a gap."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rung.growth.models import AxisRating, Mark
from rung.growth.services.assessment import (
    EVIDENCE_MAX_CHARS,
    AssessmentEntry,
    parse_evidence_links,
)
from rung.ladder.forms import LevelChoiceField
from rung.ladder.models import Axis, Expectation, Level

_FIELD_KEY = re.compile(r"(mark|evidence)_(.*)", re.DOTALL)


class LevelForm(forms.Form):
    level = LevelChoiceField(
        label=_("Your current level"),
        help_text=_(
            "Your level also appears on your public profile; you can change it there later."
        ),
    )


@dataclass
class AssessmentItem:
    """One expectation with its two form fields, for the template."""

    expectation: Expectation
    is_next: bool
    mark: forms.BoundField
    evidence: forms.BoundField


@dataclass
class AssessmentAxis:
    axis: Axis
    items: list[AssessmentItem]


class SelfAssessmentForm(forms.Form):
    """A mark and evidence links per expectation of the member's level and the next."""

    def __init__(
        self,
        *args: Any,
        expectations: Sequence[Expectation],
        next_level: Level | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.expectations = list(expectations)
        self.next_level = next_level
        for expectation in self.expectations:
            self.fields[f"mark_{expectation.pk}"] = forms.ChoiceField(
                label=_("How often do you show this?"),
                choices=[("", _("Not marked")), *Mark.choices],
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"evidence_{expectation.pk}"] = forms.CharField(
                label=_("Evidence links"),
                help_text=_("One http:// or https:// link per line, up to 10."),
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=EVIDENCE_MAX_CHARS,
                required=False,
                strip=False,
            )

    @staticmethod
    def initial_for(existing: dict[int, Any]) -> dict[str, str]:
        """Return initial data showing saved marks, keyed by expectation id."""
        initial: dict[str, str] = {}
        for expectation_id, row in existing.items():
            initial[f"mark_{expectation_id}"] = row.mark
            initial[f"evidence_{expectation_id}"] = "\n".join(row.evidence_links)
        return initial

    def axes(self) -> list[AssessmentAxis]:
        grouped: dict[int, AssessmentAxis] = {}
        for expectation in self.expectations:
            group = grouped.setdefault(
                expectation.axis_id, AssessmentAxis(axis=expectation.axis, items=[])
            )
            group.items.append(
                AssessmentItem(
                    expectation=expectation,
                    is_next=self.next_level is not None
                    and expectation.level_id == self.next_level.pk,
                    mark=self[f"mark_{expectation.pk}"],
                    evidence=self[f"evidence_{expectation.pk}"],
                )
            )
        return list(grouped.values())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        allowed = {str(expectation.pk) for expectation in self.expectations}
        for key in self.data:
            match = _FIELD_KEY.fullmatch(key)
            if match and match.group(2) not in allowed:
                # Only a hand-made request can name another item; refuse it whole.
                raise ValidationError(
                    _(
                        "Your answers named a rubric item that is not part of this "
                        "assessment. Nothing was saved; reload the page and try again."
                    ),
                    code="unknown_expectation",
                )
        for expectation in self.expectations:
            name = f"evidence_{expectation.pk}"
            if name not in data:
                continue
            try:
                data[f"links_{expectation.pk}"] = parse_evidence_links(data[name])
            except ValidationError as error:
                self.add_error(name, error)
        return data

    def entries(self) -> list[AssessmentEntry]:
        data = self.cleaned_data
        return [
            AssessmentEntry(
                expectation=expectation,
                mark=data.get(f"mark_{expectation.pk}") or "",
                evidence=data.get(f"links_{expectation.pk}", []),
            )
            for expectation in self.expectations
        ]


class AskFromGapForm(forms.Form):
    """Which axes to ask about, and which private facts may go on the public card."""

    axes = forms.MultipleChoiceField(
        label=_("Ask about"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Pick at least one axis to ask about.")},
    )
    ratings = forms.MultipleChoiceField(
        label=_("Include my latest rating on"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    include_company = forms.BooleanField(
        label=_("Include the company name from my latest review"), required=False
    )
    include_notes = forms.BooleanField(
        label=_("Include my notes and my manager's words from that review"), required=False
    )

    def __init__(
        self, *args: Any, axes: Sequence[Axis], ratings: dict[int, AxisRating], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._axes = {axis.slug: axis for axis in axes}
        axes_field = self.fields["axes"]
        ratings_field = self.fields["ratings"]
        assert isinstance(axes_field, forms.MultipleChoiceField)
        assert isinstance(ratings_field, forms.MultipleChoiceField)
        axes_field.choices = [(axis.slug, axis.name) for axis in axes]
        ratings_field.choices = [
            (axis.slug, f"{axis.name} ({ratings[axis.pk].rating.code})")
            for axis in axes
            if axis.pk in ratings
        ]

    def chosen_axes(self) -> list[Axis]:
        chosen = set(self.cleaned_data["axes"])
        return [axis for slug, axis in self._axes.items() if slug in chosen]

    def rating_axes(self) -> list[Axis]:
        chosen = set(self.cleaned_data["ratings"])
        return [axis for slug, axis in self._axes.items() if slug in chosen]
