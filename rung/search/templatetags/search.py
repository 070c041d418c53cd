from django import template
from django.utils.safestring import SafeString

from rung.core.markdown import markdown_to_text
from rung.search import highlight as marking
from rung.search.analysis import Query
from rung.search.coach import reading_time_label

register = template.Library()


@register.filter
def highlight(text: str, query: Query) -> SafeString:
    """Escape text and mark the words the query matched."""
    return marking.highlight(text, query)


@register.filter
def snippet(markdown: str, query: Query) -> SafeString:
    """Return the part of a Markdown body around its first match, as marked plain text."""
    return marking.snippet(markdown_to_text(markdown), query)


@register.filter
def reading_time(seconds: int) -> str:
    return reading_time_label(seconds)
