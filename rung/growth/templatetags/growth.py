"""Template filters of the growth pages: the one way they write a date."""

import datetime

from django import template
from django.utils import dateformat
from django.utils.translation import pgettext

from rung.core.markdown import excerpt

register = template.Library()
SUMMARY_EXCERPT_CHARS = 200


@register.filter(expects_localtime=True)
def growth_date(value: datetime.date | None) -> str:
    """Write a date the one way the workspace does: "6 Dec 2026", "2026年12月6日"."""
    if not value:
        return ""
    # Translators: a date format of Django's `date` filter; keep the letters, reorder them.
    return dateformat.format(value, pgettext("growth date", "j M Y"))


@register.filter(expects_localtime=True)
def growth_datetime(value: datetime.datetime | None) -> str:
    """Write a moment as a growth date and a 24-hour time: "6 Dec 2026, 14:05"."""
    if not value:
        return ""
    # Translators: a date-and-time format of Django's `date` filter; keep the letters.
    return dateformat.format(value, pgettext("growth date and time", "j M Y, H:i"))


@register.filter
def summary_excerpt(text: str) -> str:
    """Return a plan summary's Markdown as a line of plain text for lists, without markup."""
    return excerpt(text or "", SUMMARY_EXCERPT_CHARS)
