"""The glossary page: career terms in English and Chinese, filtered without JavaScript."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from rung.languages.glossary import QUERY_MAX_CHARS, TERMS, glossary_groups, glossary_query


@require_safe
def glossary_page(request: HttpRequest) -> HttpResponse:
    query = glossary_query(request.GET.get("q", ""))
    groups = glossary_groups(language=get_language(), query=query)
    return render(
        request,
        "languages/glossary.html",
        {
            "query": query,
            "query_max_chars": QUERY_MAX_CHARS,
            "groups": groups,
            "shown_count": sum(len(group.entries) for group in groups),
            "total_count": len(TERMS),
        },
    )
