"""The search page, and the live help beside the ask form."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from rung.core.forms import FORM_ERROR_STATUS
from rung.core.requests import HtmxRequest
from rung.ladder.models import Axis
from rung.qa.forms import QuestionForm
from rung.search import selectors
from rung.search.analysis import parse_query
from rung.search.coach import question_coach
from rung.search.forms import SearchForm
from rung.search.slots import SearchSubject, results_sections


@require_safe
def search(request: HtmxRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    context: dict[str, object] = {"form": form}
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        # While results update as you type, the word being typed is matched as a prefix.
        query = parse_query(data["q"], prefix_last=bool(request.htmx))
        filters = form.filters
        page = selectors.search_questions(
            query, filters=filters, sort=data["sort"], after=data.get("cursor")
        )
        is_first_page = not data.get("after")
        context.update(
            page=page,
            sections=results_sections.render(request, SearchSubject(query, filters))
            if is_first_page and not query.is_empty
            else [],
            searched=bool(data["q"].strip()),
            is_first_page=is_first_page,
            next_params=_next_params(request, page.next_cursor),
        )
    else:
        status = FORM_ERROR_STATUS
    template = "search/_results.html" if request.htmx else "search/search.html"
    return render(request, template, context, status=status)


def _next_params(request: HttpRequest, cursor: str | None) -> str:
    if cursor is None:
        return ""
    params = request.GET.copy()
    params["after"] = cursor
    return params.urlencode()


@login_required
@require_POST
def ask_assist(request: HttpRequest) -> HttpResponse:
    """Return the coach's advice and possible duplicates for the question being written."""
    title = request.POST.get("title", "")[:1000]
    body = request.POST.get("body", "")[:100_000]
    card = {name: request.POST.get(name, "") for name in request.POST if name not in ("body",)}
    axis_names = {QuestionForm.rating_field_name(axis): axis.name for axis in Axis.objects.all()}
    report = question_coach(title=title, body=body, card=card, axis_names=axis_names)
    suggestions = selectors.question_suggestions(title) if title.strip() else []
    return render(
        request,
        "search/_assist.html",
        {"report": report, "suggestions": suggestions},
    )
