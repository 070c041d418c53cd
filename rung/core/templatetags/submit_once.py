"""`{% submit_token %}`: the hidden field of SubmitOnceForm for forms written out by hand."""

import uuid

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def submit_token() -> SafeString:
    """Return a hidden `submit_token` input with a new random value for this one form."""
    return format_html('<input type="hidden" name="submit_token" value="{}">', uuid.uuid4())
