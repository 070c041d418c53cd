"""The profile a member shows on their posts."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rung.accounts.avatars import avatar_from_upload
from rung.accounts.interface_language import LANGUAGE_SELF_NAMES
from rung.accounts.models import LANGUAGE_CHOICES, User
from rung.ladder.models import Level


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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        level, track = data.get("level"), data.get("track")
        if level is not None and track is None:
            data["track"] = level.track
        elif level is not None and track is not None and level.track_id != track.pk:
            self.add_error(
                "level",
                _("That level belongs to the %(track)s track.") % {"track": level.track.name},
            )
        return data


class DirectoryFilterForm(forms.Form):
    """The members directory's search box and level filter, read from the query string."""

    q = forms.CharField(label=_("Search members"), max_length=100, required=False, strip=True)
    level: forms.ModelChoiceField[Level] = forms.ModelChoiceField(
        label=_("Level"),
        queryset=Level.objects.select_related("track").order_by("track__order", "rank"),
        to_field_name="slug",
        required=False,
        empty_label=_("All levels"),
    )


class MemberSuggestForm(forms.Form):
    """The start of a name typed after "@" in the editor, read from the query string."""

    q = forms.CharField(max_length=150, required=False, strip=True)

    def clean_q(self) -> str:
        query: str = self.cleaned_data["q"]
        if any(ord(char) < 32 or ord(char) == 127 for char in query):
            raise forms.ValidationError(_("Type letters of a name."))
        return query.removeprefix("@")
