"""The profile a member shows on their posts."""

from collections.abc import Iterator
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from rung.accounts.avatars import avatar_from_upload
from rung.accounts.interface_language import LANGUAGE_SELF_NAMES
from rung.accounts.models import COMPANY_LEVEL_OTHER_MAX_LENGTH, LANGUAGE_CHOICES, User
from rung.accounts.slots import directory_extension
from rung.ladder.forms import OTHER_COMPANY_LEVEL, CompanyLevelChoiceField
from rung.ladder.models import CompanyLevel, Level


class ProfileForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    years_experience = forms.IntegerField(
        label=_("Years of experience"), min_value=0, max_value=60, required=False
    )
    ui_language = forms.ChoiceField(
        label=_("Interface language"),
        choices=[("", _("Follow my browser")), *LANGUAGE_SELF_NAMES.items()],
        required=False,
        help_text=_("Rung shows its pages and writes its emails to you in this language."),
    )
    company_level = CompanyLevelChoiceField(
        label=_("Company level"),
        allow_other=True,
        required=False,
        help_text=_(
            "Your level in your company's own terms. Rung shows the matching Rung level next "
            "to it, and sets your current level from it unless you choose another."
        ),
    )
    company_level_other = forms.CharField(
        label=_("Other company level"),
        max_length=COMPANY_LEVEL_OTHER_MAX_LENGTH,
        required=False,
        help_text=_('Company not listed? Type it with your level, for example "Stripe L3".'),
    )
    avatar = forms.FileField(
        label=_("Avatar"),
        required=False,
        help_text=_("JPEG, PNG, GIF or WebP up to 5 MB; leave empty for a generated one."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "headline",
            "bio",
            "level",
            "track",
            "company_level",
            "company_level_other",
            "companies",
            "years_experience",
            "languages",
            "ui_language",
            "avatar",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def clean_avatar(self) -> Any:
        upload = self.cleaned_data.get("avatar")
        if upload is False or not upload or upload == self.instance.avatar:
            return upload
        return avatar_from_upload(upload)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.company_level_other and self.instance.company_level_id is None:
            self.initial["company_level"] = OTHER_COMPANY_LEVEL

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self._clean_company_level(data)
        level, track = data.get("level"), data.get("track")
        if level is not None and track is None:
            data["track"] = level.track
        elif level is not None and track is not None and level.track_id != track.pk:
            self.add_error(
                "level",
                _("That level belongs to the %(track)s track.") % {"track": level.track.name},
            )
        return data

    def _clean_company_level(self, data: dict[str, Any]) -> None:
        """Keep a listed company level or typed text, not both; follow it with the level.

        The current level follows the company level when it is left empty, or when it is
        still the level the previous company level matched: a level the member chose
        differently stays as chosen.
        """
        if "company_level" in self.errors:
            return
        chosen = data.get("company_level")
        other = data.get("company_level_other", "")
        if chosen == OTHER_COMPANY_LEVEL or (chosen is None and other):
            data["company_level"] = None
            if not other:
                self.add_error(
                    "company_level_other",
                    _('Type your company and level, for example "Stripe L3".'),
                )
            return
        if other:
            self.add_error("company_level_other", _("Choose a listed level or type one, not both."))
            return
        if not isinstance(chosen, CompanyLevel):
            return
        level, track = data.get("level"), data.get("track")
        previous = self.instance.company_level
        follows = level is None or (
            previous is not None
            and level.pk == previous.level_id
            and level.pk == self.instance.level_id
        )
        if follows and (track is None or track.pk == chosen.level.track_id):
            data["level"] = chosen.level


def _expertise_choices() -> list[tuple[str, str]]:
    extension = directory_extension()
    topics = extension.expertise_choices() if extension is not None else []
    return [("", str(_("Any expertise"))), *topics]


class _LevelOptions(ModelChoiceIterator):
    field: "_LevelFilterField"

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for level in self.field.levels():
            yield self.choice(level)

    def __len__(self) -> int:
        return len(self.field.levels()) + (self.field.empty_label is not None)


class _LevelFilterField(forms.ModelChoiceField[Level]):
    """A level chosen by its slug; the levels are read once per form, for both checking the
    value and drawing the list, as the directory's filters are."""

    iterator = _LevelOptions

    def levels(self) -> list[Level]:
        rows: list[Level] | None = getattr(self, "_rows", None)
        if rows is None:
            rows = self._rows = [] if self.queryset is None else list(self.queryset)
        return rows

    def to_python(self, value: Any) -> Level | None:
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        for level in self.levels():
            if level.slug == value:
                return level
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class DirectoryFilterForm(forms.Form):
    """The members directory's search box and filters, read from the query string."""

    q = forms.CharField(label=_("Search members"), max_length=100, required=False, strip=True)
    level: forms.ModelChoiceField[Level] = _LevelFilterField(
        label=_("Level"),
        queryset=Level.objects.select_related("track").order_by("track__order", "rank"),
        to_field_name="slug",
        required=False,
        empty_label=_("All levels"),
    )
    company = forms.CharField(label=_("Company"), max_length=100, required=False, strip=True)
    # The topics come from the app that keeps expertise (accounts.slots); none without it.
    expertise = forms.ChoiceField(label=_("Expertise"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Read once, for both checking the value and drawing the list.
        self.fields["expertise"].choices = _expertise_choices()  # type: ignore[attr-defined]


class MemberSuggestForm(forms.Form):
    """The start of a name typed after "@" in the editor, read from the query string."""

    q = forms.CharField(max_length=150, required=False, strip=True)

    def clean_q(self) -> str:
        query: str = self.cleaned_data["q"]
        if any(ord(char) < 32 or ord(char) == 127 for char in query):
            raise forms.ValidationError(_("Type letters of a name."))
        return query.removeprefix("@")
