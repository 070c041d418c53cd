"""Sections search adds to pages of lower apps: similar questions under a question."""

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from rung.qa.models import Question
from rung.qa.slots import question_page_end
from rung.search.selectors import similar_questions_kept


def similar_section(request: HttpRequest, question: Question) -> SafeString:
    """Render the questions nearest in meaning, in any language.

    A question read with its feeds version (`feeds_version`, as a visitor's page and a
    member's warm page read it: rung/qa/selectors.py) gets the list kept rendered: the
    list shows other questions' titles, languages and answer counts, and any write to any
    question raises that version, so a question hidden or deleted since leaves the list
    at once. Nothing in it is per reader, so visitors and members share one rendering.
    Otherwise the list is read afresh.
    """
    feeds = getattr(question, "feeds_version", None)
    if feeds is None:
        return _render(question)[0]
    key = f"search:similar-html:{get_language()}:{question.pk}:{question.version}:{feeds}"
    html = cache.get(key)
    if html is None:
        html, seconds = _render(question)
        cache.set(key, str(html), seconds)
    return SafeString(html)


def _render(question: Question) -> tuple[SafeString, int]:
    """Return the list's HTML and for how many seconds it may be kept."""
    similar, seconds = similar_questions_kept(question)
    # Nothing in the list is per reader, so no request (and no context processor) is needed.
    return render_to_string("search/_similar.html", {"similar": similar}), seconds


def register() -> None:
    question_page_end.register("search.similar", similar_section)
