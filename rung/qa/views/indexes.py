"""Index pages: every level of every track, and every topic."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from rung.core.forms import FORM_ERROR_STATUS
from rung.qa import directories
from rung.qa.directories import TOPIC_SORTS

FILTER_MAX_LENGTH = 100
SORT_LABELS = [
    ("popular", _("Most questions")),
    ("name", _("Name")),
    ("new", _("Recently active")),
]


class TopicFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Filter topics"), max_length=FILTER_MAX_LENGTH, required=False, strip=True
    )


@require_safe
def levels(request: HttpRequest) -> HttpResponse:
    return render(request, "qa/levels.html", {"topics": directories.level_topics()})


@require_safe
def topics(request: HttpRequest) -> HttpResponse:
    # An unknown sort is not worth an error page: it reads as the default, like the feeds.
    sort = request.GET.get("sort", "popular")
    if sort not in TOPIC_SORTS:
        sort = "popular"
    form = TopicFilterForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "sort": sort, "sorts": SORT_LABELS, "topics": [], "query": ""}
        return render(request, "qa/topics.html", context, status=FORM_ERROR_STATUS)
    query = form.cleaned_data["q"]
    return render(
        request,
        "qa/topics.html",
        {
            "form": form,
            "sort": sort,
            "query": query,
            "topics": directories.topic_index(query=query, sort=sort),  # type: ignore[arg-type]
            "sorts": SORT_LABELS,
        },
    )
