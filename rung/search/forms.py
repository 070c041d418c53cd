"""The search box and its filters; anything unusable becomes a clear message, not a 500."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rung.ladder.models import Level
from rung.qa.models import Topic
from rung.search.analysis import MAX_QUERY_CHARS
from rung.search.fulltext import Filters
from rung.search.selectors import SEARCH_SORTS, SearchSort, decode_cursor


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    topic: forms.ModelChoiceField[Topic] = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any topic"),
        error_messages={"invalid_choice": _("There is no such topic to filter by.")},
    )
    level: forms.ModelChoiceField[Level] = forms.ModelChoiceField(
        label=_("Asker's level"),
        queryset=Level.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any level"),
        error_messages={"invalid_choice": _("There is no such level to filter by.")},
    )
    helpful = forms.BooleanField(label=_("Has a most helpful answer"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        choices=[("relevance", _("Best match")), ("date", _("Newest"))],
        required=False,
    )
    after = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A NUL byte in a search is noise to drop, not a reason to refuse the search.
        self.fields["q"].validators = []
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("Search questions in any language")}
        )

    def clean_q(self) -> str:
        # Longer input is cut rather than refused: a pasted paragraph still searches.
        return str(self.cleaned_data.get("q") or "").replace("\x00", "")[: MAX_QUERY_CHARS * 4]

    def clean_sort(self) -> SearchSort:
        sort = self.cleaned_data.get("sort") or "relevance"
        return sort if sort in SEARCH_SORTS else "relevance"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        after = data.get("after")
        if after:
            cursor = decode_cursor(data.get("sort") or "relevance", after)
            if cursor is None:
                self.add_error("after", _("That page link is broken; start from the first page."))
            data["cursor"] = cursor
        return data

    @property
    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            topic_id=data["topic"].pk if data.get("topic") else None,
            level_id=data["level"].pk if data.get("level") else None,
            helpful=bool(data.get("helpful")),
        )
