"""The site's experts page: who helped most, over the last days or all time, site-wide or
in one topic or level."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from rung.core.forms import FORM_ERROR_STATUS
from rung.qa.models import Topic
from rung.reputation import experts
from rung.reputation.rules import EXPERTS_RECENT

EXPERTS_PER_PAGE = 20
# Deeper than a recent list ranks (experts.RECENT_DEPTH) there is nothing to page to.
MAX_PAGE = experts.RECENT_DEPTH // EXPERTS_PER_PAGE


class ExpertsFilterForm(forms.Form):
    window = forms.ChoiceField(
        label=_("When"),
        required=False,
        # Labelled in __init__, in the reader's language.
        choices=[(experts.WINDOW_RECENT, ""), (experts.WINDOW_ALL, "")],
    )
    topic: forms.ModelChoiceField[Topic] = forms.ModelChoiceField(
        label=_("Topic or level"),
        required=False,
        queryset=Topic.objects.order_by("kind", "order"),
        to_field_name="slug",
        empty_label=_("Every topic"),
        error_messages={"invalid_choice": _("There is no such topic.")},
    )
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        error_messages={"invalid": _("A page is a whole number.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = EXPERTS_RECENT.days
        window = self.fields["window"]
        assert isinstance(window, forms.ChoiceField)
        window.choices = [
            (
                experts.WINDOW_RECENT,
                ngettext("Last %(days)s day", "Last %(days)s days", days) % {"days": days},
            ),
            (experts.WINDOW_ALL, gettext("All time")),
        ]

    def clean_window(self) -> str:
        return self.cleaned_data.get("window") or experts.WINDOW_RECENT

    def clean_page(self) -> int:
        # A page before the first is the first, one past the last ranks nobody (the page
        # says so): numbers a reader may have typed are never an error.
        number = self.cleaned_data.get("page") or 1
        return min(max(number, 1), MAX_PAGE + 1)


@require_safe
def experts_page(request: HttpRequest) -> HttpResponse:
    """List the top contributors, filtered by window and topic; numbered pages.

    Bad filters (an unknown topic or window, a page that is not a number) answer 400 with
    the form's message.
    """
    form = ExpertsFilterForm(request.GET)
    context: dict[str, object] = {"form": form, "experts": None}
    if not form.is_valid():
        return render(request, "reputation/experts.html", context, status=FORM_ERROR_STATUS)
    window: str = form.cleaned_data["window"]
    topic: Topic | None = form.cleaned_data["topic"]
    number: int = form.cleaned_data["page"]
    offset = (number - 1) * EXPERTS_PER_PAGE
    found = experts.experts_cached(window, topic, EXPERTS_PER_PAGE + 1, offset)
    context.update(
        experts=found[:EXPERTS_PER_PAGE],
        window=window,
        topic=topic,
        number=number,
        start=offset + 1,
        previous_page=number - 1 if number > 1 else None,
        next_page=number + 1 if len(found) > EXPERTS_PER_PAGE and number < MAX_PAGE else None,
        recent_days=EXPERTS_RECENT.days,
    )
    return render(request, "reputation/experts.html", context)
