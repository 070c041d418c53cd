"""Template helpers for dates, avatars and counts."""

from collections.abc import Callable
from datetime import datetime
from html import escape as html_escape
from typing import Any

from django import template
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from rung.core.fast_urls import fast_reverse
from rung.core.relative_time import exact_writer, relative_label_or_slot

register = template.Library()


@register.filter
def reltime(value: datetime | None) -> str:
    """Render how long ago a moment was ("18 days ago") with the exact date and time on hover.

    The one way pages show a past moment. Inside cached fragments the text is a slot filled
    when each reader reads it (rung/qa/fragments.py); the `datetime` attribute is exact, and
    rung.js keeps the text current and shows the hover in the reader's own time zone.
    """
    if value is None:
        return ""
    return time_writer()(value)


def time_writer() -> Callable[[datetime], SafeString]:
    """Return what `reltime` writes for a moment, with the time zone and the language's
    format looked up once: for a page that writes one per post."""
    zone = timezone.get_current_timezone()
    exact = exact_writer()

    def write(value: datetime) -> SafeString:
        local = timezone.localtime(value, zone)
        label = relative_label_or_slot(value)
        # An ISO time holds nothing HTML escapes; the title and the label are escaped.
        return SafeString(
            f'<time datetime="{local.isoformat(timespec="seconds")}" '
            f'title="{html_escape(exact(local))}" data-relative>{html_escape(label)}</time>'
        )

    return write


@register.simple_tag
def fast_url(viewname: str, *args: int | str) -> str:
    """`{% url %}` for an address a page repeats per post: `{% fast_url "qa:answer_edit" pk %}`.

    Gives the same address as `{% url %}` (rung/core/fast_urls.py); it takes positional
    arguments only, and `as name` to keep the address in a variable.
    """
    return fast_reverse(viewname, *args)


@register.filter
def views_label(count: int) -> str:
    return ngettext("%(n)s view", "%(n)s views", count) % {"n": f"{count:,}"}


@register.filter
def answers_label(count: int) -> str:
    return ngettext("%(n)s answer", "%(n)s answers", count) % {"n": f"{count:,}"}


@register.filter
def likes_label(count: int) -> str:
    return ngettext("%(n)s like", "%(n)s likes", count) % {"n": f"{count:,}"}


# Generated avatars are sized and coloured by classes in rung.css, not a style attribute,
# which the content security policy would refuse.
AVATAR_SIZES = (32, 64, 96)
AVATAR_HUES = 24
_AVATAR_SIZE = {option: option for option in AVATAR_SIZES}


def avatar_html(member: Any, size: int = 32) -> SafeString:
    """Return a member's uploaded avatar, or a generated one from their initials.

    Built in Python rather than from a template: a question page shows one per post.
    """
    size = _AVATAR_SIZE.get(size) or min(AVATAR_SIZES, key=lambda option: abs(option - size))
    picture = getattr(member, "avatar", None)
    if picture:
        return format_html(
            '<img class="avatar" src="{}" width="{}" height="{}" alt="" loading="lazy">\n',
            picture.url,
            size,
            size,
        )
    hue = getattr(member, "avatar_hue", 0) * AVATAR_HUES // 360
    # The size and hue are numbers, which HTML escaping leaves as they are.
    return SafeString(
        f'<span class="avatar avatar-generated avatar-{size} avatar-hue-{hue}" '
        f'aria-hidden="true">{conditional_escape(getattr(member, "initials", ""))}</span>\n'
    )


@register.simple_tag
def avatar(member: object, size: int = 32) -> SafeString:
    """Render a member's uploaded avatar, or a generated one from their initials."""
    return avatar_html(member, size)
