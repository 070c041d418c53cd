"""Index pages: every level of every track, companies' levels beside them, and every topic."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from rung.core.forms import FORM_ERROR_STATUS
from rung.ladder.models import Company
from rung.ladder.selectors import company_level_table
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


class CompanyFilterForm(forms.Form):
    """The companies the comparison shows, by slug: `?company=meta&company=alibaba`."""

    company: "forms.ModelMultipleChoiceField[Company]" = forms.ModelMultipleChoiceField(
        label=_("Company"),
        queryset=Company.objects.all(),
        to_field_name="slug",
        required=False,
        error_messages={"invalid_choice": _("Rung lists no company “%(value)s”.")},
    )


@require_safe
def company_levels(request: HttpRequest) -> HttpResponse:
    """Show companies' own levels side by side on Rung's ladder, all or the ones asked for.

    A company Rung does not list is named in an error above the whole table (400).
    """
    form = CompanyFilterForm(request.GET)
    valid = form.is_valid()
    chosen = list(form.cleaned_data["company"]) if valid else []
    return render(
        request,
        "qa/company_levels.html",
        {
            "form": form,
            "table": company_level_table(chosen),
            "chosen": {company.slug for company in chosen},
            "all_companies": Company.objects.all(),
        },
        status=200 if valid else FORM_ERROR_STATUS,
    )


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
