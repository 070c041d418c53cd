"""`glossary_terms` and `post_body`: link the career terms in a post's HTML to their definitions."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import get_language

from rung.languages.glossary import link_glossary_terms
from rung.languages.post_parts import post_body_html
from rung.qa.models import Post

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


@register.filter
def post_body(post: Post) -> SafeString:
    """Show a post's stored, sanitized HTML with its glossary terms linked, in the reader's
    language: `{{ question|post_body }}`, the same as `{{ question.body_html|safe|glossary_terms }}`
    but from the links stored with the post when they fit (rung/languages/post_links.py)."""
    # Sanitized when stored, as `|safe` says of it above.
    return mark_safe(post_body_html(post))
