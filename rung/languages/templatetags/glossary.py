"""`glossary_terms`: link the career terms in a post's HTML to their definitions."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language

from rung.languages.glossary import link_glossary_terms

register = template.Library()


@register.filter(needs_autoescape=True)
def glossary_terms(html: str, language: str | None = None, autoescape: bool = True) -> SafeString:
    """Link the first mention of each glossary term, defined in the reader's language.

    Use it on sanitized HTML the template already trusts: `{{ body_html|safe|glossary_terms }}`.
    Anything not marked safe is escaped first, as Django's own filters do.
    """
    if autoescape and not isinstance(html, SafeData):
        html = conditional_escape(html)
    # The linker escapes every piece of text it rewrites and adds only its own markup.
    return mark_safe(link_glossary_terms(str(html), language=language or get_language()))
