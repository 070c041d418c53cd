from django import template
from django.utils.safestring import SafeString, mark_safe

from rung.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> SafeString:
    """Render Markdown to sanitized HTML."""
    return mark_safe(render_markdown(text or ""))


@register.filter(name="markdown_notes")
def markdown_notes_filter(text: str) -> SafeString:
    """Render private notes' Markdown to sanitized HTML, showing any HTML tags as typed."""
    return mark_safe(render_markdown(text or "", raw_html=False))
