"""Filters for lesson pages: a time in the video, a caption language's own name."""

from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def clock(ms: int | None) -> str:
    """Return milliseconds as a player shows them: 4:05, or 1:02:03 past an hour."""
    total = int(ms or 0) // 1000
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@register.filter
def seconds(ms: int | None) -> str:
    """Return milliseconds as seconds for a ?t= link, rounded up to a tenth.

    Up, not down: a link to a line must land inside it, not just before its first word.
    """
    tenths = -(-int(ms or 0) // 100)
    return f"{tenths // 10}.{tenths % 10}" if tenths % 10 else str(tenths // 10)


@register.filter
def language_own_name(code: str) -> str:
    """Return a language's name in that language ("English", "简体中文")."""
    try:
        return str(get_language_info(code)["name_local"])
    except KeyError:
        return code


@register.filter
def for_lesson(progress: dict[int, object], lesson_id: int) -> object:
    """Return a member's progress on one lesson from a page's map of it, or None."""
    return progress.get(lesson_id)
