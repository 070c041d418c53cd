"""Sections search adds to pages of lower apps: similar questions under a question."""

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from rung.core.templatetags.rung import answers_label
from rung.qa.models import Question
from rung.qa.slots import post_language_parts, question_page_end
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
    return similar_html(similar), seconds


def similar_html(similar: list[Question]) -> SafeString:
    """Return what `search/_similar.html` renders for the list, written in Python.

    A question page rendered afresh renders the list too, and the template's include and
    tags per question cost several times the rest of it; the test in
    rung/search/tests/test_search.py renders both ways and compares them. Nothing in the
    list is per reader, so no request (and no context processor) is needed.
    """
    if not similar:
        return SafeString("\n")
    parts = post_language_parts()
    items = "".join(
        f'\n    <li><a href="{escape(q.get_absolute_url())}"'
        f"{parts.lang_attr(q) if parts else ''}>{escape(q.title)}</a>"
        f"{parts.badge(q) if parts else ''}\n"
        f' <span class="muted">{escape(answers_label(q.answer_count))}</span></li>'
        for q in similar
    )
    heading = escape(gettext("Similar questions"))
    # Every value was escaped above, apart from our own markup and the parts' HTML.
    return mark_safe(
        '<section class="similar" aria-labelledby="similar-heading">\n'
        f'  <h2 id="similar-heading">{heading}</h2>\n'
        f'  <ul class="similar-list">{items}\n  </ul>\n</section>\n'
    )


def register() -> None:
    question_page_end.register("search.similar", similar_section)
