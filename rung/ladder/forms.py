"""Form fields for the ladder's levels and rating scales, shared by the ask and review forms.

A form that asks for "the scale, then a rating per axis" offers, in every rating select,
only the levels of the scale that is chosen. Without JavaScript the member picks the
scale and presses "Show levels", which sends the form back to be shown again with that
scale's levels and everything typed kept. With JavaScript (rung.js) the selects swap
their options at once, from one inert `<template>` per scale that the form renders.
"""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rung.ladder.models import CompanyLevel, Level, RatingChoice, RatingScale

EMPTY_OPTION = ("", "—")
# The name of the no-JS button that asks for the chosen scale's levels, not a save.
SHOW_LEVELS = "show_levels"


def level_labels(levels: Iterable[Level]) -> dict[int, str]:
    """Return each level's name, with its track's name only where two levels share a name."""
    levels = list(levels)
    seen: dict[str, int] = {}
    for level in levels:
        seen[level.name] = seen.get(level.name, 0) + 1
    return {
        level.pk: (
            _("%(level)s (%(track)s)") % {"level": level.name, "track": level.track.name}
            if seen[level.name] > 1
            else level.name
        )
        for level in levels
    }


class LevelChoiceField(forms.ModelChoiceField):
    """A select of levels labelled by name alone ("Engineering Manager", not twice)."""

    def __init__(self, *, queryset: QuerySet[Level] | None = None, **kwargs: Any) -> None:
        if queryset is None:
            queryset = Level.objects.all()
        # Django's own "- Select an option -" has no Chinese in Django's catalogue; the dash
        # reads the same in every language, as the rating selects' empty choice does.
        kwargs.setdefault("empty_label", EMPTY_OPTION[1])
        super().__init__(
            queryset=queryset.select_related("track").order_by("track__order", "rank"), **kwargs
        )
        self._labels: dict[int, str] | None = None

    def label_from_instance(self, obj: Level) -> str:
        if self._labels is None:
            self._labels = level_labels(self.queryset)  # type: ignore[arg-type]
        return self._labels.get(obj.pk, obj.name)


# The value of the "Other" company-level option: a company Rung does not list, typed as text.
OTHER_COMPANY_LEVEL = "other"


class _CompanyLevelOptions(forms.models.ModelChoiceIterator):
    """The options of a company-level select: one group per company, in one query."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[int, tuple[str, list[Any]]] = {}
        for company_level in self.queryset:
            group = groups.setdefault(company_level.company_id, (company_level.company.name, []))
            group[1].append(self.choice(company_level))
        yield from groups.values()
        if getattr(self.field, "allow_other", False):
            yield (OTHER_COMPANY_LEVEL, gettext_lazy("Other (type it below)"))


class CompanyLevelSelect(forms.Select):
    """A select whose company levels are marked `translate="no"`: "SDE II" or "P6" is the
    company's own name for the level, the same in every language (and kept whole by
    browser translators)."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        if str(option["value"]) not in ("", OTHER_COMPANY_LEVEL):
            option["attrs"]["translate"] = "no"
        return option


class CompanyLevelChoiceField(forms.ModelChoiceField):
    """A select of companies' own levels, grouped by company: "Meta", then "E5 · Senior".

    With `allow_other` the last option is "Other", for a company Rung does not list: the
    field then returns OTHER_COMPANY_LEVEL and the form takes the level as text.
    """

    iterator = _CompanyLevelOptions
    widget = CompanyLevelSelect

    def __init__(self, *, allow_other: bool = False, **kwargs: Any) -> None:
        self.allow_other = allow_other
        queryset = CompanyLevel.objects.select_related("company", "level").order_by(
            "company__order", "company__slug", "order", "code"
        )
        kwargs.setdefault("empty_label", EMPTY_OPTION[1])
        super().__init__(queryset=queryset, **kwargs)

    def label_from_instance(self, obj: CompanyLevel) -> str:
        return f"{obj.code} · {obj.level.short_name}"

    def to_python(self, value: Any) -> Any:
        if self.allow_other and value == OTHER_COMPANY_LEVEL:
            return OTHER_COMPANY_LEVEL
        return super().to_python(value)


class RatingChoiceField(forms.TypedChoiceField):
    """A rating select that shows one scale's levels and accepts any level the member may use.

    Accepting every usable level lets the form say which scale a stray rating is on,
    instead of Django's bare "Select a valid choice".
    """

    def __init__(self, *, usable: Mapping[int, RatingChoice], **kwargs: Any) -> None:
        super().__init__(coerce=int, required=False, empty_value=None, **kwargs)
        self.usable = usable
        self.widget.attrs["data-rating-select"] = ""

    def valid_value(self, value: Any) -> bool:
        try:
            return int(value) in self.usable
        except (TypeError, ValueError):
            return False


def rating_options(levels: Iterable[RatingChoice]) -> list[tuple[Any, str]]:
    """Return the options of a rating select offering these levels."""
    return [EMPTY_OPTION, *((level.pk, level.display_name) for level in levels)]


@dataclass(frozen=True)
class ScaleLevels:
    """One scale and its levels, for the `<template>` the script swaps options from."""

    scale: RatingScale
    levels: list[RatingChoice]


class ScaleRatingsMixin(forms.Form):
    """A form with a `scale` select whose rating selects offer only that scale's levels.

    The form calls `setup_scale_ratings` in `__init__` and then adds one
    `rating_field(label)` per rating it asks for.
    """

    scale_levels: list[ScaleLevels]
    chosen_scale: RatingScale | None
    usable_ratings: dict[int, RatingChoice]

    def setup_scale_ratings(
        self, scales: QuerySet[RatingScale], *, fallback: RatingScale | None = None
    ) -> None:
        """Load the usable scales and their levels; pick the scale whose levels are shown."""
        scale_field = self.fields["scale"]
        assert isinstance(scale_field, forms.ModelChoiceField)
        scale_field.queryset = scales
        scale_field.widget.attrs["data-scale-select"] = ""
        listed = list(scales)
        levels = list(
            RatingChoice.objects.filter(scale__in=[scale.pk for scale in listed])
            .select_related("scale")
            .order_by("scale_id", "order", "pk")
        )
        by_scale: dict[int, list[RatingChoice]] = {scale.pk: [] for scale in listed}
        for level in levels:
            by_scale[level.scale_id].append(level)
        self.usable_ratings = {level.pk: level for level in levels}
        self.scale_levels = [ScaleLevels(scale, by_scale[scale.pk]) for scale in listed]
        self.chosen_scale = self._chosen(listed, fallback)
        if not self.is_bound and self.chosen_scale is not None and not self.initial.get("scale"):
            self.initial["scale"] = self.chosen_scale.pk
        self._shown = by_scale.get(self.chosen_scale.pk, []) if self.chosen_scale else []

    def _chosen(
        self, scales: list[RatingScale], fallback: RatingScale | None
    ) -> RatingScale | None:
        if self.is_bound:
            raw = self.data.get(self.add_prefix("scale"))
        else:
            raw = self.initial.get("scale")
            if isinstance(raw, RatingScale):
                raw = raw.pk
            if raw in (None, "") and fallback is not None:
                raw = fallback.pk
        for scale in scales:
            if str(scale.pk) == str(raw):
                return scale
        return None

    def rating_field(self, label: Any) -> RatingChoiceField:
        """Return a rating select offering the chosen scale's levels."""
        return RatingChoiceField(
            label=label, usable=self.usable_ratings, choices=rating_options(self._shown)
        )

    def rating_on_scale(
        self, field: str, pk: int | None, scale: RatingScale | None
    ) -> RatingChoice | None:
        """Return the level picked in `field` if it is on `scale`, else None with an error."""
        if pk is None:
            return None
        choice = self.usable_ratings[pk]
        if scale is not None and choice.scale_id != scale.pk:
            scale_levels = ", ".join(
                level.code
                for group in self.scale_levels
                if group.scale == scale
                for level in group.levels
            )
            self.add_error(
                field,
                _("%(code)s is not on the %(scale)s scale; pick one of %(levels)s.")
                % {"code": choice.code, "scale": scale.name, "levels": scale_levels},
            )
            return None
        return choice

    def as_typed(self) -> dict[str, Any]:
        """Return what was sent as initial data, to show the form again without checking it."""
        return {name: self[name].data for name in self.fields}


def wants_levels(data: Mapping[str, Any]) -> bool:
    """Say whether a form was sent by its "Show levels" button rather than to be saved."""
    return SHOW_LEVELS in data
